// Node tests of the built package (wasm-bindgen --target nodejs into pkg-node/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ns = require(path.join(here, '..', 'pkg-node', 'narcostat_wasm.js'));
const reference = (f) => readFileSync(path.join(here, '..', '..', '..', 'data', 'reference', f), 'utf8');

test('embedded month ranks Opium first with its share', () => {
  const t = ns.SeizureTable.embedded();
  assert.equal(t.length, 7);
  const top = t.top({ by: 'name', n: 7 });
  assert.deepEqual(top.columns, ['rank', 'name', 'mass_kg', 'share_of_mass']);
  assert.equal(top.rows[0].rank, 1);
  assert.equal(top.rows[0].name, 'Opium');
  assert.equal(top.rows[0].mass_kg, 47767);
  assert.equal(top.rows[6].name, 'Grass');
  assert.equal(Math.round(top.rows[0].share_of_mass * 10000) / 100, 82.06);
});

test('bulletin and checks on the embedded month', () => {
  const t = ns.SeizureTable.embedded();
  const text = t.bulletin({ format: 'text' });
  assert.match(text, /The highest seized type was Opium with 47,767 kg, followed by 5,637 kg of Hashish/);
  const check = t.check();
  assert.ok(check.totals[0].includes('difference 176 kg (0.30%)'));
  assert.ok(check.conflicts.some((c) => c.includes('120 (heading) vs 122 (text)')));
  const c = ns.checkTotal('about 58383 kg', ['47767 kg', '5637 kg', '2304 kg', '1144 kg', '764 kg', '304 kg', '287 kg']);
  assert.equal(c.difference, '176');
});

test('CBP fentanyl FY2024 in pounds', () => {
  const t = ns.SeizureTable.fromCsv(reference('cbp-nationwide-fy23-fy26-dec.csv'), { fileName: 'cbp.csv' });
  const r = t.aggregate({ by: ['drug', 'fiscal-year'], where: { drug: 'fentanyl' }, unit: 'lb' });
  const fy = r.rows.find((x) => x['fiscal-year'] === 'FY2024');
  assert.equal(fy.mass_lb.toFixed(2), '21889.21');
  assert.equal(fy.seizures, 1116);
  assert.ok(t.aggregateCsv({ by: ['drug', 'fiscal-year'], where: { drug: 'fentanyl' }, unit: 'lb' }).startsWith('drug,fiscal-year,mass_lb,'));
  assert.equal(r.accounting.rows, t.length);
});

test('UNODC opium 2018 and Iran compare', () => {
  const t = ns.SeizureTable.fromCsv(reference('unodc-annual-1970-2019.csv'));
  const r = t.aggregate({ by: 'drug', where: { drug: 'opium' }, period: '2018' });
  assert.equal(Math.round(r.rows[0].mass_kg), 703605);
  const c = t.compare({ by: 'drug', period: '2012', vs: '2011', where: { country: 'IRN', drug: 'opium' } });
  const opium = c.rows.find((r) => r.is_total === false);
  assert.equal(opium.change_kg, 13788);
  assert.equal(c.rows.at(-1).is_total, true);
  assert.ok(c.accounting && c.previousAccounting);
  assert.equal(t.report().rows_read, 51201);
  const tr = t.trend({ by: 'year', where: { country: 'IRN', drug: 'opium' }, period: '2011..2012' });
  assert.deepEqual(tr.rows.map((r) => [r.year, r.mass_kg]), [[2011, 373818], [2012, 387606]]);
});

test('errors are Error objects with the Rust message and fields', () => {
  const csv = 'FY,Month (abbv),Component,Region,Land Filter,Area of Responsibility,Drug Type,Count of Event,Sum Qty (lbs)\n2024,OCT,OFO,R,L,X,Unobtainium,1,2\n';
  assert.throws(() => ns.SeizureTable.fromCsv(csv, { fileName: 'bad.csv' }), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.line, 2);
    assert.equal(e.column, 7);
    assert.equal(e.kind, 'unknown_substance');
    assert.ok(Array.isArray(e.suggestions));
    assert.ok(e.message.startsWith('bad.csv:2:7 (column "Drug Type"): unknown substance "Unobtainium"'));
    return true;
  });
  const lenient = ns.SeizureTable.fromCsv(csv, { lenient: true });
  assert.equal(lenient.length, 0);
  assert.equal(lenient.report().rows_rejected, 1);
  const t = ns.SeizureTable.embedded();
  assert.throws(() => t.aggregate({ by: 'colour' }), (e) => e instanceof Error && e.kind === 'query' && /unknown dimension "colour"/.test(e.message));
  assert.throws(() => t.aggregate({ by: 42 }), (e) => e instanceof Error && e.kind === 'query' && e.category === 'query');
});

test('progress is reported while reading', () => {
  const calls = [];
  ns.SeizureTable.fromCsv(reference('unodc-annual-1970-2019.csv'), {}, (bytes, rows) => calls.push([bytes, rows]));
  assert.ok(calls.length >= 1);
  assert.equal(calls.at(-1)[1], 51201);
});

test('vocabulary lists every dimension, origin, destination and drug-family among them', () => {
  const v = ns.vocabulary();
  for (const d of ['origin', 'destination', 'drug-family', 'country', 'year', 'unodc-region']) assert.ok(v.dimensions.includes(d), d);
  assert.ok(v.units.includes('lb'));
  assert.ok(v.granularities.includes('fiscal-year'));
  const crack = ns.drugs().find((d) => d.slug === 'crack');
  assert.equal(crack.family, 'Cocaine');
  const m = ns.resolve('cocaine');
  assert.equal(m.level, 'family');
  assert.ok(m.drugs.length >= 4);
  assert.throws(() => ns.resolve('cocaien'), (e) => e.kind === 'unknown_substance' && /did you mean/.test(e.message));
});

test('a misspelt option word throws with kind and "did you mean"', () => {
  const t = ns.SeizureTable.embedded();
  assert.throws(() => t.aggregate({ by: 'contry' }), (e) => e instanceof Error && e.kind === 'query' && /did you mean "country"/.test(e.message));
  assert.throws(() => t.aggregate({ by: 'drug', where: { drug: 'heroinn' } }), (e) => e.category === 'query' && /did you mean/i.test(e.message));
  assert.throws(() => t.top({ by: 'drug', n: -1 }), (e) => /n must be 1 or more/.test(e.message));
  assert.throws(() => t.aggregate({ by: 'drug', colour: 1 }), (e) => e.kind === 'query' && /colour/.test(e.message));
});

test('camelCase and snake_case options, years as numbers', () => {
  const t = ns.SeizureTable.fromCsv(reference('cbp-nationwide-fy23-fy26-dec.csv'), { file_name: 'cbp.csv', keep_unknown: true });
  const a = t.aggregate({ by: 'fiscal-year', fiscalStart: 10, spanRule: 'separate', where: { drug: 'fentanyl' } });
  const b = t.aggregate({ by: 'fiscal-year', fiscal_start: 10, span_rule: 'separate', where: 'drug=fentanyl' });
  assert.deepEqual(a.rows, b.rows);
  assert.ok(a.notes.some((n) => /Fentanyl/.test(n)));
  assert.equal(typeof a.rows[0].attributable, 'boolean');
});

test('where drug=cocaine covers the cocaine family: Colombia first in UNODC 2017', () => {
  const t = ns.SeizureTable.fromCsv(reference('unodc-annual-1970-2019.csv'));
  const top = t.top({ by: 'country', where: { drug: 'cocaine' }, period: 2017, n: 2 });
  assert.equal(top.rows[0].country, 'COL');
  assert.equal(top.rows[0].mass_kg, 489481.26);
  assert.equal(top.rows[1].country, 'USA');
  assert.ok(top.notes.some((n) => /covered/.test(n) && /crack/i.test(n)), top.notes.join('\n'));
});

test('a drug filter that matches nothing is a warning, not a silent zero', () => {
  const t = ns.SeizureTable.embedded();
  const r = t.aggregate({ by: 'drug', where: { drug: 'nitazenes' } });
  assert.deepEqual(r.warnings, ['drug=Nitazenes matched no rows in this table']);
  assert.equal(r.rows.length, 0);
  const opium = t.aggregate({ by: 'drug', where: { drug: 'opiates' } });
  assert.deepEqual(opium.warnings, []);
  assert.match(opium.notes[0], /^drug=Opiates covered: .*Opium/);
});

test('check, checkTotal, results and errors keep their shapes now the core builds them', () => {
  const t = ns.SeizureTable.embedded();
  const check = t.check();
  for (const k of ['text', 'rows_read', 'rows_accepted', 'rows_rejected', 'missing_quantities', 'totals', 'conflicts', 'duplicates',
    'duplicate_records', 'duplicates_heading', 'duplicate_groups', 'outliers', 'outliers_heading', 'outlier_records']) assert.ok(k in check, k);
  assert.match(check.text, /^embedded \(json\): 0 rows read/);
  const c = ns.checkTotal('about 58383 kg', ['47767 kg', '10440 kg']);
  assert.deepEqual(Object.keys(c).sort(), ['consistent', 'difference', 'message', 'relative']);
  assert.equal(c.consistent, true);
  assert.throws(() => ns.checkTotal('58383 kg', ['a lot']), (e) => e instanceof Error && e.category === 'parse');
  const r = t.compare({ by: 'drug', period: '2021-02', vs: '2021-01' });
  assert.deepEqual(Object.keys(r).sort(), ['accounting', 'accountingText', 'columns', 'notes', 'previousAccounting', 'rows', 'warnings']);
  assert.equal(r.accounting.rows, 7);
  assert.match(t.bulletin(), /The highest seized type was Opium/);
  assert.equal(typeof t.bulletinData().seizures, 'object');
  assert.throws(() => t.bulletin({ format: 'pdf' }), (e) => e.kind === 'query' && e.category === 'query' && /invalid options/.test(e.message));
  assert.throws(() => ns.SeizureTable.fromCsv('a,b\n1,2\n', { fileName: 3 }), (e) => e.kind === 'query' && /fileName must be text/.test(e.message));
  assert.throws(() => ns.SeizureTable.fromJson('{"seizures": ['), (e) => e.kind === 'json' && e.category === 'parse' && e.file === 'json' && e.line === 1);
});
