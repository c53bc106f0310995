/**
 * A learner's own table, on real public data: the classic CSV files Debian's python3-sklearn ships
 * (iris, wine, breast cancer), opened as a learner opens them, with their odd first rows. The
 * header is guessed, the target proposed, bad rows named by row and column, the test split held
 * out and measured once after training, a raw row asked in the playground, and hostile files
 * refused with a clear message.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFolder, finalLogsOf, parsesAsPython, runExportedProgram } from './helpers/exported-program';
import { exportKeras } from '../shared/codegen/keras';
import { exportPytorch } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import { buildDataset } from '../shared/data/build';
import { csv, csvSpecFor, looksLikeHeader, readTableInSteps } from '../shared/data/recipes/csv';
import { textOf } from '../shared/data/text-file';
import { recipeOpening } from '../shared/data/open';
import type { Graph } from '../shared/graph/types';
import { runTraining } from '../shared/training/run';
import { defaultTrainingSettings, type TrainingSettings } from '../shared/training/settings';
import { chain, layer } from './helpers/graphs';

const run = promisify(execFile);
const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
const read = (name: string) => readFileSync(`${sklearnData}/${name}`, 'utf8');

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

/** features → Dense 16 relu → the output the target calls for. */
function starter(features: number, outputs: number, activation: 'softmax' | 'linear' | 'sigmoid'): Graph {
  return chain(
    layer('Input', 'features', { shape: [features] }),
    layer('Dense', 'hidden', { units: 16, activation: 'relu' }),
    layer('Dense', 'answer', { units: outputs, activation }),
  );
}

const classify: TrainingSettings = {
  ...defaultTrainingSettings,
  loss: 'sparse_categorical_crossentropy',
  metrics: ['accuracy'],
  epochs: 60,
  batch_size: 16,
  learning_rate: 0.01,
  validation_split: 0.2,
};

describe('iris.csv, as sklearn ships it', () => {
  const text = read('iris.csv');

  it('is opened with its first row as names and its last column, three whole numbers, as the class', () => {
    const spec = csvSpecFor('iris.csv', text);
    expect(spec).toMatchObject({ header: true, target: 'virginica', task: 'class', testFraction: 0.2 });
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    const { dataset } = built;
    expect(dataset.x.shape).toEqual([120, 4]);
    expect(dataset.test?.x.shape).toEqual([30, 4]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['0', '1', '2'] });
    expect(dataset.table?.columns.map((column) => [column.name, column.type, column.distinct, column.role])).toEqual([
      ['150', 'number', 35, 'input'],
      ['4', 'number', 23, 'input'],
      ['setosa', 'number', 43, 'input'],
      ['versicolor', 'number', 22, 'input'],
      ['virginica', 'number', 3, 'target'],
    ]);
    // Standardised from the training rows: each input column has mean 0 and deviation 1 there.
    const column = Array.from({ length: 120 }, (_, row) => dataset.x.values[row * 4] ?? 0);
    const mean = column.reduce((sum, value) => sum + value, 0) / 120;
    expect(Math.abs(mean)).toBeLessThan(1e-5);
  });

  it('trains, measures the 30 held-out rows once, and answers a raw row in the playground', async () => {
    const spec = csvSpecFor('iris.csv', text);
    const run = await runTraining(tf, { graph: starter(4, 3, 'softmax'), data: spec, settings: classify });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    try {
      expect(run.outcome.test).toMatchObject({ kind: 'class', samples: 30 });
      const test = run.outcome.test;
      if (test?.kind !== 'class') throw new Error('no test result');
      expect(test.accuracy).toBeGreaterThan(0.85);
      expect(test.perClass.map((entry) => entry.support).reduce((sum, count) => sum + count, 0)).toBe(30);
      // A setosa from the file, typed as its raw values.
      const asked = run.mode.ask(tf, run.model, run.checked, spec, run.dataset, '5.1, 3.5, 1.4, 0.2');
      expect(asked.ok && asked.answer.kind === 'classes' && asked.answer.top[0]?.label).toBe('0');
      const wrong = run.mode.ask(tf, run.model, run.checked, spec, run.dataset, '5.1, abc, 1.4, 0.2');
      expect(!wrong.ok && wrong.problem.en).toBe('4: “abc” is not a number.');
      const short = run.mode.ask(tf, run.model, run.checked, spec, run.dataset, '5.1, 3.5');
      expect(!short.ok && short.problem.en).toMatch(/^Type 4 values separated by commas, one for each input/);
    } finally {
      run.model.dispose();
    }
  }, 120_000);
});

describe('wine_data.csv: a first row that is not a header', () => {
  const text = read('wine_data.csv');

  it('is read as data, its first row reported by number, and left out only when the learner says so', () => {
    expect(looksLikeHeader(text)).toBe(false);
    const spec = csvSpecFor('wine_data.csv', text);
    expect(spec).toMatchObject({ header: false, target: 'column 14', task: 'class' });
    const refused = buildDataset(spec);
    expect(!refused.ok && refused.problem.en).toBe(
      'row 1 has 5 values; the table has 14 columns. Correct the file, or leave the bad rows out.',
    );
    const built = buildDataset({ ...spec, dropBadRows: true });
    if (!built.ok) throw new Error(built.problem.en);
    expect(built.dataset.table?.badCount).toBe(1);
    expect(built.dataset.table?.bad[0]?.en).toBe('row 1 has 5 values; the table has 14 columns');
    expect(built.dataset.x.shape[0] ?? 0).toBe(178 - Math.round(178 * 0.2));
    // With the header ticked, the first row's 5 names cannot name 14 columns.
    const header = buildDataset({ ...spec, header: true });
    expect(!header.ok && header.problem.en).toMatch(/^the first row has 5 cells but the rows under it have 14/);
  });

  it('predicts a number, the alcohol of the first column, and reports the test split’s errors in its units', async () => {
    const spec = {
      ...csvSpecFor('wine_data.csv', text),
      dropBadRows: true,
      target: 'column 1',
      task: 'value' as const,
    };
    const run = await runTraining(tf, {
      graph: starter(13, 1, 'linear'),
      data: spec,
      settings: { ...classify, loss: 'mean_squared_error', metrics: ['mae'], epochs: 80 },
    });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    run.model.dispose();
    const test = run.outcome.test;
    if (test?.kind !== 'value') throw new Error('no test result');
    // Alcohol spreads about 0.8 around its mean: the network does better than guessing the mean.
    expect(test.samples).toBe(Math.round(178 * 0.2));
    expect(test.mae).toBeLessThan(0.6);
    expect(test.rmse).toBeGreaterThanOrEqual(test.mae);
  }, 120_000);
});

describe('bad cells and hostile files', () => {
  const table = (rows: string[]) => ({ ...csvSpecFor('mine.csv', rows.join('\n')), target: 'label' });

  it('names the row and the column of a word where a number goes, and of a missing value', () => {
    const spec = table(['age,height,label', '30,1.7,a', '41,abc,b', '25,,a', '33,1.6,b', '28,1.8,a']);
    const built = buildDataset(spec);
    expect(!built.ok && built.problem.en).toBe(
      'row 3, column height: “abc” is not a number (and 1 more row like it). Correct the file, or leave the bad rows out.',
    );
    const dropped = buildDataset({ ...spec, dropBadRows: true });
    expect(dropped.ok && dropped.dataset.table?.bad.map((bad) => bad.en)).toEqual([
      'row 3, column height: “abc” is not a number',
      'row 4, column height: the value is missing',
    ]);
  });

  it('one-hot or index encodes a column of words, and refuses a word it never saw in a question', () => {
    const spec = {
      ...table(['colour,size,label', 'red,1,a', 'blue,2,b', 'red,3,a', 'green,4,b', 'blue,5,a']),
      testFraction: 0,
    };
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    expect(built.dataset.table?.encodings[0]).toEqual({
      name: 'colour',
      kind: 'category',
      categories: ['blue', 'green', 'red'],
      oneHot: true,
    });
    expect(built.dataset.x.shape).toEqual([5, 4]);
    const asked = csv.encodeQuery(spec, built.dataset, 'purple, 3');
    expect(!asked.ok && asked.problem.en).toBe('colour: “purple” is none of blue, green, red.');
    expect(csv.encodeQuery(spec, built.dataset, 'green, 3')).toMatchObject({ ok: true, shape: [1, 4] });
    // By index instead: one value per word, its place among the words (for an Embedding).
    const indexed = buildDataset({ ...spec, words: 'index' });
    if (!indexed.ok) throw new Error(indexed.problem.en);
    expect(indexed.dataset.x.shape).toEqual([5, 2]);
    const colours = Array.from({ length: 5 }, (_, row) => indexed.dataset.x.values[row * 2]);
    expect([...colours].sort()).toEqual([0, 0, 1, 2, 2]);
  });

  it('refuses an empty file, a header alone, one value, binary garbage and text that is not UTF-8', () => {
    const problem = (text: string, header = false) => {
      const built = buildDataset({ ...csvSpecFor('f.csv', text), text: text || ' ', header });
      return built.ok ? 'built' : built.problem.en;
    };
    expect(problem('\n\n')).toBe('the file holds no rows');
    expect(problem('a,b,c\n', true)).toBe('the file holds the header row alone: no data under it');
    expect(problem('a,b,c\n')).toBe('only 1 good row: a network needs more to learn from');
    expect(textOf('f.csv', new Uint8Array(), 100)).toEqual({
      ok: false,
      problem: { en: '"f.csv" is empty.', es: '"f.csv" está vacío.' },
    });
    const garbage = textOf('f.csv', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x10]), 100);
    expect(!garbage.ok && garbage.problem.en).toMatch(/is not a text file \(it holds binary data\)/);
    const latin1 = textOf('f.csv', Uint8Array.from([0x6e, 0x61, 0xef, 0x76, 0x65]), 100);
    expect(!latin1.ok && latin1.problem.en).toMatch(/is not UTF-8 text/);
    const huge = textOf('f.csv', new Uint8Array(101), 100);
    expect(!huge.ok && huge.problem.en).toMatch(/LayerLab opens at most 0.0 MB of such a file/);
  });
});

describe('iris.csv exported: the programs read the same file and reach about the same result', () => {
  const file = `${sklearnData}/iris.csv`;
  const settings: TrainingSettings = { ...classify, epochs: 40 };
  const source = {
    name: 'Iris',
    graph: starter(4, 3, 'softmax'),
    data: csvSpecFor('iris.csv', read('iris.csv')),
    training: settings,
  };
  let folder = '';
  let ours: { accuracy: number; finalLogs: Record<string, number> } = { accuracy: 0, finalLogs: {} };

  beforeAll(async () => {
    folder = await exportFolder('layerlab-csv-');
    const run = await runTraining(tf, { graph: source.graph, data: source.data, settings });
    if (!run.ok || run.outcome.test?.kind !== 'class') throw new Error('LayerLab refused the table');
    ours = { accuracy: run.outcome.test.accuracy, finalLogs: run.outcome.finalLogs };
    run.model.dispose();
  }, 120_000);
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript: papaparse reads the file, the rows are dealt as LayerLab dealt them, the test split matches', async () => {
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    expect(JSON.parse(exported.files['package.json']).dependencies).toEqual({
      '@tensorflow/tfjs': '4.22.0',
      papaparse: '^5.4.1',
    });
    const stdout = await runExportedProgram(exported.files, folder, [file], { timeout: 120_000 });
    expect(stdout).toContain('Data: 120 rows to train on, 30 held out to test');
    // The same tf.js, seed and rows: the same run, to the last figure printed.
    const theirs = finalLogsOf(stdout);
    for (const [name, value] of Object.entries(ours.finalLogs)) expect(theirs[name]).toBeCloseTo(value, 3);
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(ours.accuracy, 3);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4, 0\.2 the network expects 0 /);
  }, 180_000);

  it('PyTorch: the csv module reads the file with --data, and the test split scores about as well', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error('refused');
    await writeFile(path.join(folder, 'model.py'), exported.code);
    const { stdout } = await run('/usr/bin/python3', ['model.py', '--data', file], { cwd: folder, timeout: 120_000 });
    expect(stdout).toContain('Data: 120 rows to train on, 30 held out to test');
    const accuracy = Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1]);
    expect(accuracy).toBeGreaterThan(ours.accuracy - 0.1);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4, 0\.2 the network expects 0 /);
  }, 180_000);

  it('words encoded by index read the same in the PyTorch and TypeScript programs', async () => {
    const colours = ['red', 'green', 'blue'];
    const rows = Array.from(
      { length: 40 },
      (_, index) => `${colours[index % 3]},${index % 7},${index % 2 ? 'yes' : 'no'}`,
    );
    const file = path.join(folder, 'colours.csv');
    await writeFile(file, ['colour,size,label', ...rows].join('\n'));
    const words = {
      name: 'Colours',
      graph: starter(2, 1, 'sigmoid'),
      data: { ...csvSpecFor('colours.csv', readFileSync(file, 'utf8')), words: 'index' as const },
      training: { ...settings, loss: 'binary_crossentropy' as const, epochs: 2 },
    };
    const pytorch = exportPytorch(words);
    if (!pytorch.ok) throw new Error(JSON.stringify(pytorch.problems));
    expect(pytorch.code).toContain('{"categories": ["blue", "green", "red"], "one_hot": False}');
    await writeFile(path.join(folder, 'words.py'), pytorch.code);
    const fromPython = await run('/usr/bin/python3', ['words.py', '--data', file], { cwd: folder, timeout: 120_000 });
    expect(fromPython.stdout).toContain('Data: 32 rows to train on, 8 held out to test');
    expect(fromPython.stdout).toMatch(/test_accuracy [\d.]+/);
    const typescript = await exportTypeScript(words);
    if (!typescript.ok) throw new Error('refused');
    await writeFile(path.join(folder, 'words.ts'), typescript.files['model.ts']);
    await writeFile(path.join(folder, 'package.json'), typescript.files['package.json']);
    const binary = path.join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const fromTypeScript = await run(binary, ['words.ts', file], { cwd: folder, timeout: 120_000 });
    expect(fromTypeScript.stdout).toContain('Data: 32 rows to train on, 8 held out to test');
    expect(fromTypeScript.stdout).toMatch(/test_accuracy [\d.]+/);
  }, 180_000);

  it('an edited copy of the table is refused by both programs, with why: their rows are dealt by number', async () => {
    const edited = path.join(folder, 'iris.csv');
    await writeFile(edited, read('iris.csv').replace('5.1,3.5,1.4,0.2,0', '5.1,3.5,1.4,0.2,2'));
    const typescript = await exportTypeScript(source);
    if (!typescript.ok) throw new Error('refused');
    const refusal = await runExportedProgram(typescript.files, folder, [edited]).catch(
      (error: { stderr: string; code: number }) => error,
    );
    expect(typeof refusal === 'string' ? refusal : [refusal.code, refusal.stderr.trim()]).toEqual([
      1,
      `${edited} is not the table LayerLab opened (its SHA-256 differs): the rows are dealt by their numbers in that table. Open this file in LayerLab and export again.`,
    ]);
    const pytorch = exportPytorch(source);
    if (!pytorch.ok) throw new Error('refused');
    await writeFile(path.join(folder, 'model.py'), pytorch.code);
    const python = await run('/usr/bin/python3', ['model.py', '--data', edited], { cwd: folder }).catch(
      (error: { stderr: string; code: number }) => error,
    );
    expect('code' in python ? [python.code, python.stderr.trim()] : python.stdout).toEqual([
      1,
      `${edited} is not the table LayerLab opened (its SHA-256 differs): the rows are dealt by their numbers in that table. Open this file in LayerLab and export again.`,
    ]);
  }, 180_000);

  it('Keras: the same data step, valid Python', async () => {
    const exported = exportKeras(source);
    if (!exported.ok) throw new Error('refused');
    await parsesAsPython(folder, 'keras_model.py', exported.code);
    expect(exported.code).toContain('parser.add_argument("--data"');
  });
});

describe('a text file opened as data', () => {
  const licence = readFileSync('/usr/share/common-licenses/GPL-3', 'utf8');

  it('opens as next-character windows, and a text too long for one-hot windows is refused with the numbers', () => {
    const recipe = recipeOpening('GPL-3.txt');
    expect(recipe?.kind).toBe('text-next-char');
    expect(recipeOpening('notes.md')?.kind).toBe('text-next-char');
    expect(recipeOpening('iris.csv')?.kind).toBe('csv');
    expect(recipeOpening('photo.png')).toBeUndefined();
    const spec = recipe?.opens?.spec('GPL-3.txt', licence.slice(0, 20_000));
    if (!spec) throw new Error('no spec');
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    expect(built.dataset.x.shape.slice(0, 2)).toEqual([20_000 - 10, 10]);
    const whole = recipe?.opens?.spec('GPL-3.txt', licence.repeat(3));
    if (!whole) throw new Error('no spec');
    const refused = buildDataset(whole);
    expect(!refused.ok && refused.problem.en).toMatch(
      /^[\d,]+ windows of 10 characters, one-hot over \d+ characters, are [\d,]+ numbers: more than the 50,000,000 LayerLab keeps in memory\. Use a shorter text or window\.$/,
    );
  });
});

describe('a table read a chunk at a time, as the app reads one it opened', () => {
  // Chunk boundaries fall inside quoted cells that hold commas and line breaks, and a ragged row.
  const quoted = [
    'name,note,size,kind',
    ...Array.from({ length: 240 }, (_, index) =>
      index === 77
        ? `row${index},"ragged"`
        : `row${index},"a note, with a comma${index % 5 === 0 ? '\nand a second line' : ''}",${index * 1.5},${['a', 'b', 'c'][index % 3]}`,
    ),
  ].join('\n');
  const iris = readFileSync(`${sklearnData}/iris.csv`, 'utf8');

  /** The dataset built after reading in steps of `characters`, and the one built from a whole read. */
  async function bothWays(file: string, text: string, characters: number, pieceLength?: number) {
    const spec = { ...csvSpecFor(file, text), dropBadRows: true };
    // Another table read between, so that neither build finds the other's reading kept.
    buildDataset(csvSpecFor('other.csv', 'a,b\n1,2\n3,4\n'));
    const fractions: number[] = [];
    // The text as a large file's is read: in pieces cut anywhere (inside a quoted cell too).
    const pieces =
      pieceLength === undefined
        ? undefined
        : Array.from({ length: Math.ceil(text.length / pieceLength) }, (_, index) =>
            text.slice(index * pieceLength, (index + 1) * pieceLength),
          );
    const read = await readTableInSteps(
      spec.text,
      spec.header,
      (fraction) => fractions.push(fraction),
      () => false,
      { characters, pieces },
    );
    const stepwise = buildDataset(spec);
    buildDataset(csvSpecFor('other.csv', 'a,b\n1,2\n3,4\n'));
    const whole = buildDataset(spec);
    return { read, fractions, stepwise, whole };
  }

  it.each([
    ['quoted cells across 97-character chunks', 'notes.csv', quoted, 97, undefined],
    ['iris in 300-character chunks', 'iris.csv', iris, 300, undefined],
    ['quoted cells in pieces of 61 characters, in chunks of 97', 'notes.csv', quoted, 97, 61],
    ['iris in pieces of 1,000 characters, in chunks of 300', 'iris.csv', iris, 300, 1000],
    ['iris with a byte-order mark, in pieces of 7, in chunks of 5', 'iris.csv', `\ufeff${iris}`, 5, 7],
  ])('builds the same data as a whole read: %s', async (_name, file, text, characters, pieceLength) => {
    const { read, fractions, stepwise, whole } = await bothWays(file, text, characters, pieceLength);
    expect(read).toBe(true);
    // Said step by step, never backwards, ending with the whole text read.
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    if (!stepwise.ok || !whole.ok) throw new Error('not built');
    expect(Array.from(stepwise.dataset.x.values)).toEqual(Array.from(whole.dataset.x.values));
    expect(Array.from(stepwise.dataset.y.values)).toEqual(Array.from(whole.dataset.y.values));
    expect(stepwise.dataset.table).toEqual(whole.dataset.table);
    expect(stepwise.dataset.preview).toEqual(whole.dataset.preview);
  });

  it('names the ragged row as a whole read does, and keeps the notes whole', async () => {
    const { stepwise } = await bothWays('notes.csv', quoted, 97);
    if (!stepwise.ok) throw new Error('not built');
    expect(stepwise.dataset.table?.bad[0]?.en).toBe('row 79 has 2 values; the table has 4 columns');
    expect(stepwise.dataset.table?.badCount).toBe(1);
    expect(stepwise.dataset.x.shape[0]).toBe(191);
  });

  it('stops at the step it is asked to, and says it did not finish', async () => {
    let steps = 0;
    const read = await readTableInSteps(
      iris,
      true,
      () => (steps += 1),
      () => steps >= 2,
      { characters: 300 },
    );
    expect(read).toBe(false);
    expect(steps).toBe(2);
  });
});

describe('a table whose columns hold many distinct values', () => {
  // Each column keeps its distinct cells once, each row's cell as an index: a byte under 256
  // distinct cells, two under 65,536, four past that. Every width must read the cells back exactly.
  const rows = 70_000;
  const lines = Array.from({ length: rows }, (_, index) => {
    const id = index === 65_432 ? 'abc' : String(index * 3 + 0.5);
    return `${id},${(index % 300) / 10},${index % 7},${index % 2 === 0 ? 'yes' : 'no'}`;
  });
  const text = ['id,level,day,answer', ...lines].join('\n');

  it('names a bad cell past the 65,536th distinct value by its row, and scales every column as the text says', () => {
    const spec = csvSpecFor('many.csv', text);
    expect([spec.target, spec.task]).toEqual(['answer', 'class']);
    const refused = buildDataset(spec);
    expect(refused.ok || refused.problem.en).toBe(
      'row 65434, column id: “abc” is not a number. Correct the file, or leave the bad rows out.',
    );
    const built = buildDataset({ ...spec, dropBadRows: true, testFraction: 0 });
    if (!built.ok) throw new Error(built.problem.en);
    const { encodings } = built.dataset.table ?? { encodings: [] };
    const kept = lines.filter((_, index) => index !== 65_432).map((line) => line.split(','));
    const meanOf = (column: number) => kept.reduce((sum, cells) => sum + Number(cells[column]), 0) / kept.length;
    expect(encodings.map((encoding) => encoding.name)).toEqual(['id', 'level', 'day']);
    for (const [column, encoding] of encodings.entries())
      expect(encoding.kind === 'number' && encoding.center).toBeCloseTo(meanOf(column), 6);
    expect(built.dataset.table?.columns.map((column) => column.distinct)).toEqual([rows, 300, 7, 2]);
    // The preview shows the cells as the file writes them, each row whole.
    for (const shown of built.dataset.preview ?? []) {
      const line = kept.find((cells) => cells[0] === shown.input.split(', ')[0]);
      expect({ input: line?.slice(0, 3).join(', '), target: line?.[3] }).toEqual(shown);
    }
  });

  it('reads 300,000 rows at once, as the worker does, without running out of stack', () => {
    const long = ['x,kind', ...Array.from({ length: 300_000 }, (_, index) => `${index % 1000},${index % 3}`)].join(
      '\n',
    );
    const built = buildDataset({ ...csvSpecFor('long.csv', long), testFraction: 0 });
    expect(built.ok && built.dataset.x.shape).toEqual([300_000, 1]);
  });
});
