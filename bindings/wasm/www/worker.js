// The page's worker: all reading and aggregation happen here, off the main
// thread, so a large CSV never freezes the page. It only relays calls to the
// WASM module (every figure comes from narcostat's core).
import init, { SeizureTable, vocabulary } from './pkg/narcostat_wasm.js';

let ready = init();
let month = null; // the embedded month
let data = null; // the user's table

function table(which) {
  return which === 'month' ? month : data;
}

self.onmessage = async (event) => {
  const { id, op, args } = event.data;
  try {
    await ready;
    if (!month) month = SeizureTable.embedded();
    let result;
    switch (op) {
      case 'load': {
        const text = await args.file.text();
        let last = 0;
        const progress = (bytes, rows) => {
          const now = Date.now();
          if (now - last > 100) {
            last = now;
            self.postMessage({ id, progress: { bytes, rows, total: text.length } });
          }
        };
        const options = { ...args.reading, fileName: args.file.name, lenient: true, keepUnknown: args.keepUnknown !== false };
        if (args.file.name.toLowerCase().endsWith('.json')) {
          data = SeizureTable.fromJson(text);
        } else {
          data = SeizureTable.fromCsv(text, options, progress);
        }
        result = { length: data.length, report: data.report(), check: data.check() };
        break;
      }
      case 'vocabulary':
        result = vocabulary();
        break;
      case 'aggregate':
        result = table(args.table).aggregate(args.options);
        break;
      case 'aggregateCsv':
        result = table(args.table).aggregateCsv(args.options);
        break;
      case 'top':
        result = table(args.table).top(args.options);
        break;
      case 'bulletin':
        result = table(args.table).bulletin(args.options);
        break;
      case 'bulletinData':
        result = table(args.table).bulletinData(args.options);
        break;
      default:
        throw new Error(`unknown operation ${op}`);
    }
    self.postMessage({ id, result });
  } catch (e) {
    self.postMessage({ id, error: { message: String(e && e.message ? e.message : e), line: e && e.line, column: e && e.column, kind: e && e.kind } });
  }
};
