// narcostat's WASM build under Node on the peers' CSV: read (end to end) and
// aggregate by drug x month in memory; prints JSON lines like the harness.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const ns = require(path.join(here, '..', '..', 'bindings', 'wasm', 'pkg-node', 'narcostat_wasm.js'));
const [csvPath, repeatsArg] = process.argv.slice(2);
const repeats = Number(repeatsArg ?? 3);
const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => { fn(); const xs = []; for (let i = 0; i < Math.max(1, repeats); i++) { const t = performance.now(); fn(); xs.push((performance.now() - t) / 1000); } return median(xs); };

const text = readFileSync(csvPath, 'utf8');
const mapping = { substance: 'drug', quantity: 'kg', default_unit: 'kg', date: 'date', country: 'country', province: 'province', agency: 'agency', seizures: 'seizures' };
let table;
const t0 = performance.now();
table = ns.SeizureTable.fromCsv(text, { mapping });
const read = (performance.now() - t0) / 1000;
const rows = table.length;
console.log(JSON.stringify({ tool: 'narcostat (WASM, Node)', query: 'CSV -> by drug x month', mode: 'end to end', rows, seconds: read }));
for (const [query, by] of [['by drug', 'drug'], ['by drug x month', 'drug,month'], ['by country x drug x year', 'country,drug,year']]) {
  const seconds = time(() => table.aggregate({ by }));
  console.log(JSON.stringify({ tool: 'narcostat (WASM, Node)', query, mode: '1 thread', rows, seconds }));
}
