/**
 * A text read word by word: the GNU GPL version 3 (the license text Debian ships in
 * /usr/share/common-licenses, copied as tests/fixtures/gpl-3.txt), opened as a learner would ask
 * for it, read in windows of words with a vocabulary from the part trained on, trained with the
 * starter Embedding → LSTM network on WASM, made to write on, and exported as programs that
 * read the same words.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPytorch } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import { buildDataset } from '../shared/data/build';
import { recipeOpening } from '../shared/data/open';
import { textNextChar } from '../shared/data/recipes/text-next-char';
import { textNextWord, textNextWordSpec } from '../shared/data/recipes/text-next-word';
import { switchedSpec } from '../shared/data/spec';
import { encodeQuery, generateText } from '../shared/training/predict';
import { runTraining } from '../shared/training/run';
import { defaultTrainingSettings } from '../shared/training/settings';
import { starterNetwork } from '../shared/training/starter';
import { finalLogsOf, runExportedProgram } from './helpers/exported-program';
import { layerlab } from './helpers/layerlab-cli';

const run = promisify(execFile);
const fixture = path.join(process.cwd(), 'tests/fixtures/gpl-3.txt');
const text = readFileSync(fixture, 'utf8');

/** The spec `layerlab new --data gpl-3.txt --words 5` and the app's menu make. */
function opened(choices = { words: 5 }) {
  const recipe = recipeOpening('gpl-3.txt', { choices });
  if (!recipe?.opens) throw new Error('no recipe opens a .txt');
  return textNextWordSpec.parse(recipe.opens.spec('gpl-3.txt', text, choices));
}

function built(spec: Parameters<typeof buildDataset>[0]) {
  const result = buildDataset(spec);
  if (!result.ok) throw new Error(result.problem.en);
  return result.dataset;
}

let folder = '';
beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'layerlab-words-'));
}, 30_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
}, 30_000);

describe('gpl-3.txt read word by word', () => {
  it('opens by words when asked (--words), by characters otherwise', () => {
    expect(recipeOpening('gpl-3.txt')?.kind).toBe(textNextChar.kind);
    expect(opened()).toMatchObject({ kind: textNextWord.kind, window: 5, vocabulary: 1028 });
  });

  it('windows 5 words to guess the 6th; the last tenth, the end of the text, is the test split', () => {
    const dataset = built(opened());
    expect(dataset.x.dtype).toBe('int32');
    expect(dataset.x.shape).toEqual([5126, 5]);
    expect(dataset.test?.x.shape).toEqual([569, 5]);
    expect(dataset.preview[0]).toEqual({ input: 'gnu general public license version', target: '3' });
    // Padding, the unknown word, then the words of the part trained on, most frequent first.
    expect(dataset.words?.slice(0, 5)).toEqual(['<pad>', '<unknown>', 'the', 'of', 'a']);
    // The proposed cap (1,028) holds every word of the text; the part trained on has 941 of them.
    expect(dataset.words).toHaveLength(943);
    expect(dataset.target).toMatchObject({ kind: 'class' });
    // The license's closing "How to Apply" part has words the rest never uses: unknown (1), as they
    // would be in a new text, and never a word learned from the test split.
    const unknownInTest = Array.from(dataset.test?.y.values ?? []).filter((word) => word === 1).length;
    expect(unknownInTest).toBe(104);
    expect(dataset.words).not.toContain('mailto');
  });

  it('keeps the vocabulary to the size chosen: other words read as unknown (1)', () => {
    const dataset = built({ ...opened(), vocabulary: 50 });
    expect(dataset.words).toHaveLength(50);
    const unknown = Array.from(dataset.y.values).filter((word) => word === 1).length;
    expect(unknown).toBeGreaterThan(1000);
    expect(Math.max(...Array.from(dataset.x.values))).toBe(49);
  });

  it('refuses at the window a text too short for it, and asks the playground for enough words', () => {
    const short = buildDataset({ ...textNextWord.defaultSpec, text: 'only three words', window: 3 });
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.field).toBe('window');
      expect(short.problem.en).toBe(
        'The text has 3 words: a window of 3 leaves nothing to predict. Use a longer text or a shorter window.',
      );
    }
    const spec = opened();
    const dataset = built(spec);
    const few = encodeQuery(spec, dataset, 'this license');
    expect(few.ok || few.problem.en).toBe('Type at least 5 words: the network reads 5 at a time (2 so far).');
    // Its last five words; a word it never kept reads as unknown.
    const asked = encodeQuery(spec, dataset, 'Everyone is permitted to copy zyzzyva');
    expect(asked.ok && Array.from(asked.values)).toEqual([
      dataset.words?.indexOf('is'),
      dataset.words?.indexOf('permitted'),
      dataset.words?.indexOf('to'),
      dataset.words?.indexOf('copy'),
      1,
    ]);
  });

  it('the Data tab’s menu carries the text between reading it by characters and by words', () => {
    const byCharacters = { ...textNextChar.defaultSpec, text };
    const byWords = switchedSpec(byCharacters, textNextWord.kind);
    expect(byWords).toEqual(opened());
    expect(switchedSpec(byWords, textNextChar.kind)).toMatchObject({ kind: textNextChar.kind, text });
    // Other data starts from its own example.
    expect(switchedSpec(byCharacters, 'csv' as never)).not.toHaveProperty('text', text);
  });
});

describe('the starter Embedding → LSTM learns the license’s words, and writes on', () => {
  const spec = opened();
  const dataset = built(spec);
  const starter = starterNetwork(dataset);
  let trained: Awaited<ReturnType<typeof runTraining>> | null = null;

  beforeAll(async () => {
    // WASM, as the app trains it without a GPU: the Embedding's gradient is LayerLab's kernel there.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    setWasmPaths(`${path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`);
    await tf.setBackend('wasm');
    const settings = { ...defaultTrainingSettings, ...starter.training, epochs: 10, learning_rate: 0.01 };
    trained = await runTraining(tf, { graph: starter.graph, data: spec, settings });
  }, 240_000);
  afterAll(() => {
    if (trained?.ok) trained.model.dispose();
  });

  it('reads the words in order: an Embedding sized to the vocabulary, an LSTM, a softmax per word', () => {
    expect(starter.graph.nodes.map((node) => [node.kind, node.params])).toEqual([
      ['Input', expect.objectContaining({ shape: [5], dtype: 'int32' })],
      ['Embedding', expect.objectContaining({ input_dim: 943, output_dim: 32 })],
      ['LSTM', expect.objectContaining({ units: 64 })],
      ['Dense', expect.objectContaining({ units: 943, activation: 'softmax' })],
    ]);
    expect(starter.training.loss).toBe('sparse_categorical_crossentropy');
  });

  it('guesses the held-out end of the license better than always answering its commonest word', () => {
    if (!trained?.ok || trained.outcome.test?.kind !== 'class') throw new Error('LayerLab refused the text');
    const test = trained.outcome.test;
    // The commonest word of the part trained on ("the"), answered every time.
    const counts = new Map<number, number>();
    for (const word of dataset.y.values) counts.set(word, (counts.get(word) ?? 0) + 1);
    const commonest = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(dataset.words?.[commonest ?? 0]).toBe('the');
    const testWords = Array.from(dataset.test?.y.values ?? []);
    const baseline = testWords.filter((word) => word === commonest).length / testWords.length;
    expect(baseline).toBeCloseTo(0.056, 3);
    expect(test.accuracy).toBeGreaterThan(baseline + 0.015);
    // A vocabulary is too many classes for a confusion matrix: the commonest are listed instead.
    expect(test.confusion).toEqual([]);
    expect(test.classCount).toBe(943);
    expect(test.perClass.map((entry) => entry.label).slice(0, 2)).toEqual(['<unknown>', 'the']);
  });

  it('writes on word by word from the playground’s question, in words it learned', () => {
    if (!trained?.ok) throw new Error('LayerLab refused the text');
    const seed = 'this license applies to any';
    const written = generateText(tf, trained.model, spec, dataset, seed, 8, 0.7, 3);
    if (!written.ok) throw new Error(written.problem.en);
    expect(written.text.startsWith(`${seed} `)).toBe(true);
    const added = written.text.slice(seed.length).trim().split(' ');
    expect(added).toHaveLength(8);
    for (const word of added) {
      expect(dataset.words).toContain(word);
      expect(['<pad>', '<unknown>']).not.toContain(word);
    }
  });
});

describe('the exports read the same words, and the command line opens a text by words', () => {
  // The license's opening 1,200 words, so that the CPU runs of both programs stay short.
  const opening = text
    .split(/(?<=\s)/)
    .slice(0, 1200)
    .join('');
  const spec = { ...opened(), text: opening };
  const dataset = built(spec);
  const starter = starterNetwork(dataset);
  const source = {
    name: 'License',
    graph: starter.graph,
    data: spec,
    training: { ...defaultTrainingSettings, ...starter.training, epochs: 2, learning_rate: 0.01 },
  };

  it('TypeScript: the app’s vocabulary and windows, and the run ends on the app’s figures', async () => {
    await tf.setBackend('cpu');
    const ours = await runTraining(tf, { graph: source.graph, data: spec, settings: source.training });
    if (!ours.ok || ours.outcome.test?.kind !== 'class') throw new Error('LayerLab refused the text');
    ours.model.dispose();
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    await symlink(path.join(process.cwd(), 'node_modules'), path.join(folder, 'node_modules'), 'dir');
    const stdout = await runExportedProgram(exported.files, folder);
    const train = dataset.x.shape[0] ?? 0;
    const test = dataset.test?.x.shape[0] ?? 0;
    expect(stdout).toContain(
      `Data: ${train} windows to train on, ${test} later ones held out to test, ${dataset.words?.length} words`,
    );
    const theirs = finalLogsOf(stdout);
    for (const [name, value] of Object.entries(ours.outcome.finalLogs)) expect(theirs[name]).toBeCloseTo(value, 3);
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(ours.outcome.test.accuracy, 3);
    expect(stdout).toContain('After "gnu general public license version" the network expects:');
  }, 300_000);

  it('PyTorch: the same windows and vocabulary, trained and asked', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    await writeFile(path.join(folder, 'model.py'), exported.code);
    const { stdout } = await run('/usr/bin/python3', ['model.py'], { cwd: folder, timeout: 240_000 });
    const train = dataset.x.shape[0] ?? 0;
    const test = dataset.test?.x.shape[0] ?? 0;
    expect(stdout).toContain(
      `Data: ${train} windows to train on, ${test} later ones held out to test, ${dataset.words?.length} words`,
    );
    expect(stdout).toMatch(/test_accuracy 0\.\d{4}/);
    expect(stdout).toMatch(/After 'gnu general public license version' the network expects:\n {2}'\w+' {2}\d/);
  }, 300_000);

  it('layerlab new --words proposes the same network; train and predict --generate take it further', async () => {
    const project = path.join(folder, 'license.layerlab');
    const made = await layerlab('new', '--data', fixture, '--words', '5', '--out', project);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('embedding (Embedding)');
    expect(made.stdout).toContain('lstm (LSTM)');
    expect(made.stdout).toContain('Data: 5126 samples to train and validate on, 569 held out to test');
    const bad = await layerlab('new', '--data', fixture, '--words', '0', '--out', project);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--words takes WINDOW, a whole number of words from 1 to 64; got '0'");

    // A text given to the project is read by words, as the project reads it (not by characters).
    const other = path.join(folder, 'copy.txt');
    await writeFile(other, text);
    const trainedFile = path.join(folder, 'trained.layerlab');
    const trainedRun = await layerlab('train', project, '--data', other, '--epochs', '1', '--save', trainedFile);
    expect(trainedRun.code).toBe(0);
    const written = await layerlab('predict', trainedFile, '--input', 'this license applies to any', '--generate', '4');
    expect(written.code).toBe(0);
    expect(written.stdout.trim().split(' ')).toHaveLength(9);
  }, 120_000);
});
