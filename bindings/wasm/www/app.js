// The page. Every figure comes from the worker (narcostat's core in WASM);
// this file only draws. Text from data is set with textContent, never as
// HTML, so a drug named <img src=x onerror=alert(1)> shows as text.

const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 1;
const pending = new Map();
worker.onmessage = (event) => {
  const { id, result, error, progress } = event.data;
  const p = pending.get(id);
  if (!p) return;
  if (progress) return p.onProgress && p.onProgress(progress);
  pending.delete(id);
  if (error) p.reject(Object.assign(new Error(error.message), error));
  else p.resolve(result);
};
function call(op, args = {}, onProgress) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    worker.postMessage({ id, op, args });
  });
}

const $ = (id) => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const fmt = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) e.textContent = String(text);
  if (cls) e.className = cls;
  return e;
}
function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = String(text);
  return e;
}
function cell(value, column) {
  if (typeof value === 'number' && (column === 'share' || column === 'share_of_mass')) return el('td', (value * 100).toFixed(2) + '%', 'n');
  if (typeof value === 'number') return el('td', fmt.format(value), 'n');
  return el('td', value ?? '');
}

function barChart(target, entries, unit) {
  target.replaceChildren();
  if (!entries.length) return;
  const max = Math.max(...entries.map((e) => e.value));
  const rowH = 24, labelW = 210, width = 560, chartW = width - labelW - 110;
  const s = svg('svg', { width, height: entries.length * rowH + 8, viewBox: `0 0 ${width} ${entries.length * rowH + 8}`, role: 'img' });
  entries.forEach((e, i) => {
    const y = 4 + i * rowH;
    const w = max > 0 ? (chartW * e.value) / max : 0;
    s.append(svg('text', { x: labelW - 6, y: y + 15, 'text-anchor': 'end', 'font-size': 12 }, e.label.length > 30 ? e.label.slice(0, 29) + '…' : e.label));
    const r = svg('rect', { x: labelW, y, width: w.toFixed(1), height: rowH - 6, fill: '#8a3b12' });
    r.append(svg('title', {}, `${e.label}: ${fmt.format(e.value)} ${unit}`));
    s.append(r);
    s.append(svg('text', { x: labelW + w + 4, y: y + 15, 'font-size': 11 }, `${fmt.format(e.value)} ${unit}`));
  });
  target.append(s);
}

function lineChart(target, series, unit) {
  target.replaceChildren();
  const labels = [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort();
  if (labels.length < 2) return;
  const width = 560, height = 260, left = 60, bottom = 30, top = 10, right = 10;
  const max = Math.max(1e-9, ...series.flatMap((s) => s.points.map((p) => p.y)));
  const sx = (i) => left + (i * (width - left - right)) / (labels.length - 1);
  const sy = (v) => top + (height - top - bottom) * (1 - v / max);
  const s = svg('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img' });
  s.append(svg('line', { x1: left, y1: sy(0), x2: width - right, y2: sy(0), stroke: '#999' }));
  s.append(svg('text', { x: 4, y: top + 10, 'font-size': 11 }, `${fmt.format(max)} ${unit}`));
  const step = Math.ceil(labels.length / 8);
  labels.forEach((l, i) => { if (i % step === 0) s.append(svg('text', { x: sx(i), y: height - 10, 'font-size': 10, 'text-anchor': 'middle' }, l)); });
  const colours = ['#8a3b12', '#1f6f8b', '#5b8c2a', '#8b1f5b', '#c58b00', '#444'];
  series.slice(0, 6).forEach((ser, k) => {
    const pts = ser.points.map((p) => `${sx(labels.indexOf(p.x)).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' ');
    const line = svg('polyline', { points: pts, fill: 'none', stroke: colours[k], 'stroke-width': 2 });
    line.append(svg('title', {}, ser.name));
    s.append(line);
    s.append(svg('text', { x: left + 4 + k * 80, y: top + 24, 'font-size': 10, fill: colours[k] }, ser.name.slice(0, 14)));
  });
  target.append(s);
}

async function showMonth() {
  const b = await call('bulletinData', { table: 'month', options: {} });
  $('month-title').textContent = b.title;
  $('month-sentence').textContent = b.seizures.sentence;
  const body = $('month-ranking').querySelector('tbody');
  body.replaceChildren(...b.seizures.ranking.entries.map((e) => {
    const tr = el('tr');
    tr.append(el('td', e.rank, 'n'), el('td', e.label), cell(Number(e.value)), el('td', (e.share * 100).toFixed(2) + '%', 'n'));
    return tr;
  }));
  barChart($('month-chart'), b.seizures.ranking.entries.map((e) => ({ label: e.label, value: Number(e.value) })), 'kg');
  $('month-quality').replaceChildren(...b.data_quality.map((f) => el('li', f.message)));
  const acts = $('month-activities');
  acts.replaceChildren();
  for (const section of b.activities) {
    acts.append(el('h4', section.heading));
    for (const item of section.items) {
      const details = el('details');
      details.append(el('summary', item.title));
      const ul = el('ul');
      if (item.places.length) ul.append(el('li', 'where: ' + item.places.join(', ')));
      for (const [k, v] of item.figures.concat(item.derived)) ul.append(el('li', `${k}: ${v}`));
      for (const n of item.notes) ul.append(el('li', 'note: ' + n));
      details.append(ul);
      acts.append(details);
    }
  }
}

// The menus come from the core's vocabulary: every dimension, every unit.
let TIME = new Set();
async function buildMenus() {
  const v = await call('vocabulary');
  TIME = new Set(v.granularities);
  for (const [id, first] of [['by1', 'drug'], ['by2', '']]) {
    const s = $(id);
    if (id === 'by2') s.append(Object.assign(el('option', '(none)'), { value: '' }));
    for (const d of v.dimensions) s.append(Object.assign(el('option', d), { value: d, selected: d === first }));
  }
  for (const u of v.units) $('unit').append(Object.assign(el('option', u), { value: u, selected: u === 'kg' }));
  for (const u of v.units) $('input-unit').append(Object.assign(el('option', u), { value: u }));
  for (const c of v.calendars) $('calendar').append(Object.assign(el('option', c), { value: c }));
  $('roles').textContent = v.column_roles.join(', ');
}

// The reading options: each line ROLE=HEADER (the core checks the role words).
function readingOptions() {
  const columns = {};
  for (const line of $('columns').value.split('\n')) {
    const at = line.indexOf('=');
    if (line.trim()) columns[line.slice(0, at < 0 ? line.length : at).trim()] = at < 0 ? '' : line.slice(at + 1).trim();
  }
  const options = { columns, calendar: $('calendar').value };
  if ($('input-unit').value) options.unit = $('input-unit').value;
  return options;
}

let lastOptions = null;
let sortState = { column: null, descending: true };

function renderResult(r) {
  const head = $('result').querySelector('thead');
  const tr = el('tr');
  r.columns.forEach((c) => {
    const th = el('th', c + (sortState.column === c ? (sortState.descending ? ' ▼' : ' ▲') : ''));
    th.addEventListener('click', () => {
      sortState = { column: c, descending: sortState.column === c ? !sortState.descending : true };
      const rows = [...r.rows].sort((a, b) => {
        const x = a[c], y = b[c];
        const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x ?? '').localeCompare(String(y ?? ''));
        return sortState.descending ? -order : order;
      });
      renderResult({ ...r, rows });
    });
    tr.append(th);
  });
  head.replaceChildren(tr);
  $('result').querySelector('tbody').replaceChildren(...r.rows.map((row) => {
    const t = el('tr');
    for (const c of r.columns) t.append(cell(row[c], c));
    return t;
  }));
}

async function aggregate(event) {
  if (event) event.preventDefault();
  $('query-error').textContent = '';
  const by = [$('by1').value, $('by2').value].filter(Boolean);
  const where = {};
  if ($('f-drug').value.trim()) where.drug = $('f-drug').value.trim();
  if ($('f-country').value.trim()) where.country = $('f-country').value.trim();
  const options = { by, where, unit: $('unit').value };
  if ($('f-period').value.trim()) options.period = $('f-period').value.trim();
  try {
    const r = await call('aggregate', { table: 'data', options });
    lastOptions = options;
    renderResult(r);
    $('accounting').textContent = r.accountingText.join(' ') || `${fmt.format(r.accounting.rows)} rows, all aggregated.`;
    $('notes').replaceChildren(...r.warnings.map((w) => el('li', 'warning: ' + w)), ...r.notes.map((n) => el('li', n)));
    const massColumn = r.columns.find((c) => c.startsWith('mass_'));
    const unit = massColumn.slice(5);
    const timeKey = by.find((k) => TIME.has(k));
    const top = await call('top', { table: 'data', options: { by: by.filter((k) => !TIME.has(k)).length ? by.filter((k) => !TIME.has(k)) : by, where, period: options.period, n: 12 } });
    const topMass = top.columns.find((c) => c.startsWith('mass_'));
    barChart($('bar-chart'), top.rows.map((row) => ({ label: top.columns.slice(1, -2).map((k) => row[k] ?? '').join(' / '), value: row[topMass] ?? 0 })), 'kg');
    if (timeKey) {
      const other = by.find((k) => k !== timeKey);
      const series = new Map();
      for (const row of r.rows.filter((x) => x.attributable === true)) {
        const name = other ? String(row[other] ?? '') : 'total';
        if (!series.has(name)) series.set(name, []);
        series.get(name).push({ x: String(row[timeKey]), y: row[massColumn] ?? 0 });
      }
      lineChart($('line-chart'), [...series].map(([name, points]) => ({ name, points })), unit);
    } else {
      $('line-chart').replaceChildren();
    }
  } catch (e) {
    $('query-error').textContent = e.message;
  }
}

async function download() {
  if (!lastOptions) return;
  const csv = await call('aggregateCsv', { table: 'data', options: lastOptions });
  const blob = new Blob([csv], { type: 'text/csv' });
  const a = el('a');
  a.href = URL.createObjectURL(blob);
  a.download = 'narcostat-result.csv';
  a.click();
  URL.revokeObjectURL(a.href);
}

// The checks of the loaded file: stated totals, conflicts, groups of likely
// duplicate records and outliers, each naming the lines of its records.
function showChecks(c) {
  $('checks-summary').textContent = [
    `${c.duplicates_heading}.`,
    `${c.outliers_heading}.`,
    `${fmt.format(c.totals.length)} stated totals differ from their items.`,
  ].join(' ');
  const items = [...c.totals, ...c.conflicts, ...c.duplicate_groups, ...c.outlier_records];
  const more = (c.duplicates - c.duplicate_groups.length) + (c.outliers - c.outlier_records.length);
  if (more > 0) items.push(`… and ${fmt.format(more)} more findings (the first 100 of each kind are listed)`);
  $('checks').replaceChildren(...items.map((m) => el('li', m)));
}

async function load(file) {
  $('status').textContent = `Reading ${file.name} …`;
  $('progress').hidden = false;
  $('progress').value = 0;
  try {
    const info = await call('load', { file, keepUnknown: $('keep-unknown').checked, reading: readingOptions() }, (p) => {
      $('progress').value = p.total ? p.bytes / p.total : 0;
      $('status').textContent = `Reading ${file.name}: ${fmt.format(p.rows)} rows …`;
    });
    const rep = info.report;
    $('status').textContent = `${file.name} (${rep.format}): ${fmt.format(rep.rows_read)} rows read, ${fmt.format(rep.rows_accepted)} accepted, ${fmt.format(rep.rows_rejected)} rejected, ${fmt.format(rep.missing_quantities)} without a quantity.`;
    $('rejections-summary').textContent = rep.rows_rejected ? `${fmt.format(rep.rows_rejected)} rows were rejected:` : 'No row was rejected.';
    $('rejections').querySelector('tbody').replaceChildren(...rep.rejections.slice(0, 500).map((r) => {
      const tr = el('tr');
      tr.append(el('td', r.line, 'n'), el('td', r.column ?? ''), el('td', r.value ?? ''), el('td', Object.values(r.reason).length ? JSON.stringify(r.reason) : ''));
      return tr;
    }));
    showChecks(info.check);
    $('loaded').hidden = false;
    await aggregate();
  } catch (e) {
    $('status').textContent = `Could not read ${file.name}: ${e.message}`;
  } finally {
    $('progress').hidden = true;
  }
}

$('file').addEventListener('change', (e) => { if (e.target.files[0]) load(e.target.files[0]); });
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => { e.preventDefault(); drop.classList.remove('over'); if (e.dataTransfer.files[0]) load(e.dataTransfer.files[0]); });
$('pivot').addEventListener('submit', aggregate);
$('download').addEventListener('click', download);
$('bulletin-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const period = $('b-period').value.trim();
  try {
    $('bulletin').textContent = await call('bulletin', { table: 'data', options: period ? { period, format: 'text' } : { format: 'text' } });
  } catch (err) {
    $('bulletin').textContent = err.message;
  }
});

buildMenus().then(showMonth).then(() => document.body.setAttribute('data-ready', 'month')).catch((e) => { $('month-sentence').textContent = e.message; });
