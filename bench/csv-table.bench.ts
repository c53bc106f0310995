/**
 * A learner's table: how long LayerLab takes to read a CSV (papaparse plus one pass over every
 * cell) and to build the tensors again when the learner changes an option (target, scaling, the
 * split), for 10,000 and 115,000 rows of ten columns (0.65 and 7.5 MB). Target: a rebuild within
 * 200 ms at the largest size the app embeds, so changing an option never freezes the window.
 * Baseline, side by side: papaparse alone on the same text, the least any CSV reader costs.
 * Run with `npm run bench`.
 */
import Papa from 'papaparse';
import { bench, describe } from 'vitest';
import { buildDataset } from '../shared/data/build';
import { csvSpecFor } from '../shared/data/recipes/csv';

/** A table of nine numbers and a yes/no label per row, from a fixed seed. */
function table(rows: number): string {
  let seed = 1;
  const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const lines = ['a,b,c,d,e,f,g,h,i,label'];
  for (let row = 0; row < rows; row += 1) {
    const numbers = Array.from({ length: 9 }, () => (next() * 100).toFixed(3));
    lines.push(`${numbers.join(',')},${next() > 0.5 ? 'yes' : 'no'}`);
  }
  return lines.join('\n');
}

for (const rows of [10_000, 115_000]) {
  const text = table(rows);
  const spec = csvSpecFor('bench.csv', text);
  let scaling: 'standard' | 'minmax' = 'standard';
  // Two texts of the same table, taken in turns: the reader keeps the last text it read.
  const texts = [text, `${text}\n`];
  let turn = 0;
  describe(`${rows.toLocaleString('en-US')} rows (${(text.length / 1e6).toFixed(2)} MB)`, () => {
    bench('open: read the text (a new text each time) and build', () => {
      turn = 1 - turn;
      buildDataset({ ...spec, text: texts[turn] ?? text });
    });
    bench('rebuild after an option changes (the text read once)', () => {
      scaling = scaling === 'minmax' ? 'standard' : 'minmax';
      buildDataset({ ...spec, scaling });
    });
    bench('baseline: papaparse alone', () => {
      Papa.parse(text, { skipEmptyLines: 'greedy' });
    });
  });
}
