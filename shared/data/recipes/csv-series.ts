/**
 * A table's number column read as a time series (part of the table recipe, csv.ts): every window
 * of `window` values, and the value `horizon` steps after it, for a recurrent network. The test
 * split is the last windows in time, never dealt at random, so the network is measured on a
 * future it never saw; values are standardised over what the training windows cover. Reads
 * nothing but its arguments.
 */
import type { Localized } from '../../vocabulary/localized.js';
import { pythonNumberList, pythonString } from '../../vocabulary/python.js';
import { typescriptNumbers, typescriptString } from '../../vocabulary/typescript-literals.js';
import type { Dataset, TensorData } from '../dataset.js';
import {
  parseNumberList,
  previewRows,
  pythonReadTable,
  testSplitCount,
  typescriptReadTable,
  type QueryResult,
} from '../recipe.js';

export interface SeriesChoice {
  window: number;
  horizon: number;
}

export interface SeriesWindows {
  train: { x: TensorData; y: TensorData };
  test: { x: TensorData; y: TensorData } | null;
  center: number;
  scale: number;
  trainCount: number;
  testCount: number;
  preview: Dataset['preview'];
}

/** How many windows a series of `length` values makes, and how many of them are the test split. */
export function seriesCounts(length: number, { window, horizon }: SeriesChoice, testFraction: number) {
  const count = length - window - horizon + 1;
  const testCount = testSplitCount(count, testFraction);
  return { count, testCount, trainCount: count - testCount };
}

/** The windows of `values` (in file order), or why there are too few. */
export function seriesWindows(
  values: readonly number[],
  { window, horizon }: SeriesChoice,
  testFraction: number,
): { ok: true; windows: SeriesWindows } | { ok: false; field: string; problem: Localized } {
  const { count, testCount, trainCount } = seriesCounts(values.length, { window, horizon }, testFraction);
  if (count < 3) {
    return {
      ok: false,
      field: 'series',
      problem: {
        en: `The column has ${values.length} values: windows of ${window} with a horizon of ${horizon} leave ${Math.max(count, 0)} to learn from. Shorten the window or the horizon.`,
        es: `La columna tiene ${values.length} valores: ventanas de ${window} con un horizonte de ${horizon} dejan ${Math.max(count, 0)} de las que aprender. Acorta la ventana o el horizonte.`,
      },
    };
  }
  // What the training windows read and predict, and nothing after: the test's future stays unseen.
  const seen = values.slice(0, trainCount - 1 + window + horizon);
  const center = seen.reduce((sum, value) => sum + value, 0) / seen.length;
  const spread = Math.sqrt(seen.reduce((sum, value) => sum + (value - center) ** 2, 0) / seen.length);
  const scale = spread > 0 ? spread : 1;
  const tensors = (from: number, to: number) => {
    const x = new Float32Array((to - from) * window);
    const y = new Float32Array(to - from);
    for (let sample = from; sample < to; sample += 1) {
      for (let step = 0; step < window; step += 1)
        x[(sample - from) * window + step] = ((values[sample + step] ?? 0) - center) / scale;
      y[sample - from] = ((values[sample + window + horizon - 1] ?? 0) - center) / scale;
    }
    return {
      x: { values: x, shape: [to - from, window, 1], dtype: 'float32' as const },
      y: { values: y, shape: [to - from, 1], dtype: 'float32' as const },
    };
  };
  return {
    ok: true,
    windows: {
      train: tensors(0, trainCount),
      test: testCount > 0 ? tensors(trainCount, count) : null,
      center,
      scale,
      trainCount,
      testCount,
      preview: Array.from({ length: Math.min(previewRows, trainCount) }, (_, sample) => ({
        input: values.slice(sample, sample + window).join(', '),
        target: String(values[sample + window + horizon - 1]),
      })),
    },
  };
}

/** The last window the training part holds, as the playground's question. */
export function lastTrainingWindow(values: readonly number[], choice: SeriesChoice, trainCount: number): string {
  return values.slice(trainCount - 1, trainCount - 1 + choice.window).join(', ');
}

/** A typed window of raw values, standardised as the series was. */
export function encodeSeriesQuery(text: string, window: number, center: number, scale: number): QueryResult {
  const numbers = parseNumberList(text);
  if (numbers === null || numbers.length !== window) {
    return {
      ok: false,
      problem: {
        en: `Type the last ${window} values of the series, separated by commas, oldest first.`,
        es: `Escribe los últimos ${window} valores de la serie, separados por comas, del más antiguo al más reciente.`,
      },
    };
  }
  return { ok: true, values: Float32Array.from(numbers, (value) => (value - center) / scale), shape: [1, window, 1] };
}

/** What the exported programs need to read the series as the app did. */
export interface SeriesCode {
  file: string;
  /** The table's text as LayerLab read it: the program refuses another (its fingerprint). */
  text: string;
  header: boolean;
  /** The column's index, and the rows read (by their number as a spreadsheet shows it), in order. */
  column: number;
  rows: readonly number[];
  choice: SeriesChoice;
  testCount: number;
  center: number;
  scale: number;
  query: string;
}

export function seriesTypescript(code: SeriesCode): { data: string[]; question: string[] } {
  const { window, horizon } = code.choice;
  return {
    data: [
      `// 1. The data: column ${code.column + 1} of the table ${typescriptString(code.file)}, read with papaparse as a time`,
      `// series. Run the program with the file's path as its argument; it reads a file of that name beside it otherwise.`,
      ...typescriptReadTable(code.file, code.text),
      `// The rows LayerLab read, by their number as a spreadsheet shows it${code.header ? ' (the header is row 1)' : ''}, in time order.`,
      `const rowNumbers = ${typescriptNumbers(code.rows)};`,
      `const series = rowNumbers.map((row) => Number((table[row - 1] ?? [])[${code.column}]));`,
      `// Each window of ${window} values, and the value ${horizon} step(s) after it; the last ${code.testCount} windows are the test split.`,
      `const windowSize = ${window};`,
      `const horizon = ${horizon};`,
      `const testCount = ${code.testCount};`,
      `// Standardised over what the training windows cover; answers are read back.`,
      `const center = ${code.center};`,
      `const scale = ${code.scale};`,
      `const windows = series.length - windowSize - horizon + 1;`,
      `const sampleCount = windows - testCount;`,
      `const windowAt = (start: number) => series.slice(start, start + windowSize).map((value) => (value - center) / scale);`,
      `const targetAt = (start: number) => (series[start + windowSize + horizon - 1] - center) / scale;`,
      `const starts = Array.from({ length: windows }, (_, start) => start);`,
      `const x = tf.tensor3d(starts.slice(0, sampleCount).flatMap(windowAt), [sampleCount, windowSize, 1]);`,
      `const y = tf.tensor2d(starts.slice(0, sampleCount).map(targetAt), [sampleCount, 1]);`,
      `const xTest = tf.tensor3d(starts.slice(sampleCount).flatMap(windowAt), [testCount, windowSize, 1]);`,
      `const yTest = starts.slice(sampleCount).map(targetAt);`,
      'console.log(`Data: ${sampleCount} windows to train on, ${testCount} later ones held out to test`);',
    ],
    question: [
      `// 4. The test split (the series' last windows, never trained on), measured once; then the playground's question.`,
      `if (testCount > 0) {`,
      `  const predicted = (model.predict(xTest) as tf.Tensor).arraySync() as number[][];`,
      `  const mae = predicted.reduce((sum, row, index) => sum + Math.abs((row[0] - yTest[index]) * scale), 0) / testCount;`,
      'console.log(`test_mae ${mae.toFixed(4)}`);',
      `}`,
      `const query = ${typescriptString(code.query)};`,
      `const queryWindow = query.split(',').map((value) => (Number(value) - center) / scale);`,
      `const output = (model.predict(tf.tensor3d(queryWindow, [1, windowSize, 1])) as tf.Tensor).dataSync();`,
      'console.log(`After ${query} the network expects ${(output[0] * scale + center).toFixed(3)}`);',
    ],
  };
}

export function seriesPython(
  code: SeriesCode,
  predict: (input: string, output: string) => string[],
): {
  data: string[];
  question: string[];
} {
  const { window, horizon } = code.choice;
  return {
    data: [
      `# 1. The data: column ${code.column + 1} of the table ${pythonString(code.file).slice(1, -1)}, read with the csv module as a`,
      '# time series. Pass its path with --data; a file of that name beside the program is read otherwise.',
      ...pythonReadTable(code.file, code.text),
      `# The rows LayerLab read, by their number as a spreadsheet shows it${code.header ? ' (the header is row 1)' : ''}, in time order.`,
      `ROW_NUMBERS = ${pythonNumberList(code.rows)}`,
      `series = np.array([float(table[number - 1][${code.column}]) for number in ROW_NUMBERS], dtype="float64")`,
      `# Each window of ${window} values, and the value ${horizon} step(s) after it; the last ${code.testCount} windows are the test split.`,
      `WINDOW, HORIZON, TEST_COUNT = ${window}, ${horizon}, ${code.testCount}`,
      '# Standardised over what the training windows cover; answers are read back.',
      `CENTER, SCALE = ${code.center}, ${code.scale}`,
      'scaled = (series - CENTER) / SCALE',
      'windows = len(series) - WINDOW - HORIZON + 1',
      'all_x = np.array([scaled[start : start + WINDOW] for start in range(windows)], dtype="float32").reshape(windows, WINDOW, 1)',
      'all_y = np.array([scaled[start + WINDOW + HORIZON - 1] for start in range(windows)], dtype="float32").reshape(windows, 1)',
      'sample_count = windows - TEST_COUNT',
      'x, y = all_x[:sample_count], all_y[:sample_count]',
      'x_test, y_test = all_x[sample_count:], all_y[sample_count:]',
      'print(f"Data: {sample_count} windows to train on, {TEST_COUNT} later ones held out to test")',
    ],
    question: [
      "# 4. The test split (the series' last windows, never trained on), measured once; then the playground's question.",
      'test_errors = []',
      'for index in range(len(x_test)):',
      '    test_x = x_test[index : index + 1]',
      ...predict('test_x', 'test_output').map((line) => `    ${line}`),
      '    test_errors.append(abs(float(np.asarray(test_output).reshape(-1)[0]) - float(y_test[index, 0])) * SCALE)',
      'if test_errors:',
      '    print(f"test_mae {float(np.mean(test_errors)):.4f}")',
      `query = ${pythonString(code.query)}`,
      'query_x = ((np.array([float(value) for value in query.split(",")]) - CENTER) / SCALE).astype("float32").reshape(1, WINDOW, 1)',
      ...predict('query_x', 'output'),
      'print(f"After {query} the network expects {float(np.asarray(output).reshape(-1)[0]) * SCALE + CENTER:.3f}")',
    ],
  };
}
