// Node tests of users' own tables through `fromCsv` options (columns, unit,
// calendar), on the built package (wasm-bindgen --target nodejs into pkg-node/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ns = require(path.join(here, '..', 'pkg-node', 'narcostat_wasm.js'));

const GERMAN = 'Stoff,Menge,Datum,Land\nHeroin,1.5,2021-03-04,IRN\nOpium,2,2021-03-05,IRN\nOpium,0.25,2021-04-01,AFG\n';
const COLUMNS = { drug: 'Stoff', quantity: 'Menge', date: 'Datum', country: 'Land' };

/** drug -> mass_kg, summed naively from the CSV text (the oracle). */
function naive(text) {
  const [, ...rows] = text.trim().split('\n').map((l) => l.split(','));
  const out = {};
  for (const [drug, kg] of rows) out[drug] = (out[drug] ?? 0) + Number(kg);
  return out;
}

const byDrug = (t) => Object.fromEntries(t.aggregate({ by: 'drug' }).rows.map((r) => [r.drug, r.mass_kg]));

test('a plain CSV reads with no options', () => {
  const text = 'date,country,drug,quantity,unit\n2021-02-01,IRN,Opium,1200.5,kg\n2021-02-03,IRN,Heroin,30,kg\n';
  const t = ns.SeizureTable.fromCsv(text, { fileName: 'seizures.csv' });
  assert.deepEqual(byDrug(t), { Opium: 1200.5, Heroin: 30 });
});

test('columns and unit read a table needing a mapping', () => {
  const t = ns.SeizureTable.fromCsv(GERMAN, { fileName: 'de.csv', columns: COLUMNS, unit: 'kg' });
  const got = byDrug(t);
  for (const [drug, kg] of Object.entries(naive(GERMAN))) assert.equal(got[drug], kg, drug);
  const grams = byDrug(ns.SeizureTable.fromCsv(GERMAN, { columns: COLUMNS, unit: 'g' }));
  assert.equal(grams.Opium, 0.00225);
});

test('a misspelt role is an options error with a suggestion', () => {
  assert.throws(() => ns.SeizureTable.fromCsv(GERMAN, { columns: { drgu: 'Stoff' } }), /did you mean "drug"/);
});

test('solar-hijri dates with the calendar option', () => {
  // Hand-converted: 1399/11/12 = 2021-01-31, 1399/12/30 = 2021-03-20, 1400/01/01 = 2021-03-21.
  const text = 'date,drug,quantity,unit\n1399/11/12,Opium,10,kg\n1399/12/30,Opium,30,kg\n1400/01/01,Opium,40,kg\n';
  const t = ns.SeizureTable.fromCsv(text, { calendar: 'solar-hijri' });
  const months = t.aggregate({ by: 'month' }).rows.map((r) => [String(r.month), r.mass_kg]);
  assert.deepEqual(months, [['2021-01', 10], ['2021-03', 70]]);
});
