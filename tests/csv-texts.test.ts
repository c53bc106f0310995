/**
 * A table's column of free text read as labelled texts: Debian's own package descriptions (the
 * `Description` of 396 packages this machine's Debian installed, labelled by their `Section`,
 * written as a learner's CSV in tests/fixtures/debian-packages.csv), read word by word in a
 * vocabulary made from the training rows, trained with the starter Embedding network, asked with
 * a typed text, and exported as programs that read the same file and repeat the run.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPytorch } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import { buildDataset } from '../shared/data/build';
import { csv, csvSpecFor } from '../shared/data/recipes/csv';
import { runTraining } from '../shared/training/run';
import { defaultTrainingSettings } from '../shared/training/settings';
import { starterNetwork } from '../shared/training/starter';
import { finalLogsOf, runExportedProgram } from './helpers/exported-program';
import { layerlab } from './helpers/layerlab-cli';

const run = promisify(execFile);
const fixture = path.join(process.cwd(), 'tests/fixtures/debian-packages.csv');
const text = readFileSync(fixture, 'utf8');
const spec = csvSpecFor('debian-packages.csv', text);

let folder = '';
beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  folder = await mkdtemp(path.join(tmpdir(), 'layerlab-texts-'));
  await copyFile(fixture, path.join(folder, 'debian-packages.csv'));
}, 30_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
}, 30_000);

describe('debian-packages.csv opened as a learner would', () => {
  it('is proposed as texts to classify: the header found above free text, the description read word by word', () => {
    expect(spec).toMatchObject({
      header: true,
      target: 'section',
      task: 'class',
      texts: { column: 'description', vocabulary: 10_000 },
    });
    // Nine descriptions in ten are read whole.
    expect(spec.texts?.length).toBeGreaterThan(40);
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    const { dataset } = built;
    expect(dataset.x.dtype).toBe('int32');
    expect(dataset.x.shape).toEqual([317, spec.texts?.length]);
    expect(dataset.test?.x.shape).toEqual([79, spec.texts?.length]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['java', 'libdevel', 'libs', 'python', 'utils'] });
    expect(dataset.table?.columns.map((column) => column.role)).toEqual(['ignored', 'input', 'target']);
    // The vocabulary: padding, the unknown word, then the training rows' words, most frequent first.
    expect(dataset.words?.slice(0, 3)).toEqual(['<pad>', '<unknown>', 'the']);
    expect(dataset.preview[0]?.input.length).toBeLessThanOrEqual(120);
  });

  it('keeps the vocabulary to the size chosen: other words read as unknown (1)', () => {
    const small = buildDataset({ ...spec, texts: { column: 'description', length: 20, vocabulary: 50 } });
    if (!small.ok) throw new Error(small.problem.en);
    expect(small.dataset.words).toHaveLength(50);
    expect(Math.max(...small.dataset.x.values)).toBe(49);
    expect(Array.from(small.dataset.x.values).filter((value) => value === 1).length).toBeGreaterThan(1000);
  });

  it('refuses at the texts field the target column as its own texts, and a number to predict', () => {
    const same = buildDataset({ ...spec, target: 'description' });
    expect(!same.ok && [same.field, same.problem.en]).toEqual([
      'texts',
      'the column description is both the texts and what to predict: choose another column to predict',
    ]);
    const value = buildDataset({ ...spec, task: 'value' });
    expect(!value.ok && value.field).toBe('texts');
  });

  it('asks the playground with the first row’s text; an empty question is refused with what to type', () => {
    const built = buildDataset(spec);
    if (!built.ok) throw new Error('refused');
    expect(csv.defaultQuery(spec)).toMatch(/^add and remove users and groups/);
    const asked = csv.encodeQuery(spec, built.dataset, 'Python 3 bindings for the library');
    expect(asked.ok && asked.shape).toEqual([1, spec.texts?.length]);
    const empty = csv.encodeQuery(spec, built.dataset, ' ,. ');
    expect(!empty.ok && empty.problem.en).toBe('Type a text to classify.');
  });

  it('a table of numbers is not proposed as texts, and the panel can turn the texts off and on', () => {
    const iris = readFileSync('/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv', 'utf8');
    expect(csvSpecFor('iris.csv', iris).texts).toBeUndefined();
    const choice = csv.panel(spec).find((field) => 'label' in field && field.label.en === 'Texts to classify');
    if (choice?.widget !== 'choice') throw new Error('no texts choice');
    expect(choice.options.map((option) => option.value)).toEqual(['', 'package', 'description']);
    const off = choice.set(spec, '');
    expect(off.texts).toBeUndefined();
    expect(csv.panel(off).some((field) => 'label' in field && field.label.en === 'Inputs')).toBe(true);
    expect(choice.set(off, 'description').texts).toEqual(spec.texts);
  });
});

describe('the starter Embedding network learns the sections, and the exports read the file again', () => {
  let source: Parameters<typeof exportPytorch>[0];
  let ours = { accuracy: 0, finalLogs: {} as Record<string, number> };

  beforeAll(async () => {
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    const starter = starterNetwork(built.dataset);
    source = {
      name: 'Packages',
      graph: starter.graph,
      data: spec,
      training: { ...defaultTrainingSettings, ...starter.training, epochs: 40, batch_size: 32, learning_rate: 0.01 },
    };
    const trained = await runTraining(tf, { graph: source.graph, data: spec, settings: source.training });
    if (!trained.ok || trained.outcome.test?.kind !== 'class') throw new Error('LayerLab refused the texts');
    ours = { accuracy: trained.outcome.test.accuracy, finalLogs: trained.outcome.finalLogs };
    trained.model.dispose();
    await symlink(path.join(process.cwd(), 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  }, 120_000);

  it('reads the words with an Embedding sized to the vocabulary, and sorts unseen descriptions far above chance', () => {
    expect(source.graph.nodes.map((node) => node.kind)).toEqual([
      'Input',
      'Embedding',
      'GlobalAveragePooling1D',
      'Dense',
      'Dense',
      'Dense',
    ]);
    expect(source.graph.nodes[1]?.params).toMatchObject({ input_dim: 2726 });
    // Always answering "libs", the commonest section, is right on 39 of the 79 (0.49).
    expect(ours.accuracy).toBeGreaterThan(0.6);
  });

  it('TypeScript: papaparse reads the texts, the vocabulary is the app’s, and the run ends on the same figures', async () => {
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    const stdout = await runExportedProgram(exported.files, folder, [path.join(folder, 'debian-packages.csv')]);
    expect(stdout).toContain('Data: 317 texts to train on, 79 held out to test, 2726 words');
    const theirs = finalLogsOf(stdout);
    for (const [name, value] of Object.entries(ours.finalLogs)) expect(theirs[name]).toBeCloseTo(value, 3);
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(ours.accuracy, 3);
    expect(stdout).toMatch(/For "add and remove users and groups[^"]*" the network expects \w+ \(/);
  }, 300_000);

  it('PyTorch: the csv module reads the texts with --data, and sorts the test split about as well', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    await writeFile(path.join(folder, 'model.py'), exported.code);
    const { stdout } = await run('/usr/bin/python3', ['model.py', '--data', path.join(folder, 'debian-packages.csv')], {
      cwd: folder,
      timeout: 240_000,
    });
    expect(stdout).toContain('Data: 317 texts to train on, 79 held out to test, 2726 words');
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeGreaterThan(ours.accuracy - 0.2);
    expect(stdout).toMatch(/For "add and remove users and groups[^"]*" the network expects \w+ \(/);
  }, 300_000);

  it('layerlab new proposes the same network from a terminal, and --texts names another column', async () => {
    const project = path.join(folder, 'packages.layerlab');
    const data = path.join(folder, 'debian-packages.csv');
    const made = await layerlab('new', '--data', data, '--out', project);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('embedding (Embedding)');
    expect(made.stdout).toContain('Data: 317 samples to train and validate on, 79 held out to test');
    const named = await layerlab('new', '--data', data, '--texts', 'package', '--out', project);
    expect(named.code).toBe(0);
    const missing = await layerlab('new', '--data', data, '--texts', 'summary', '--out', project);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain(
      'data.texts: the table has no column “summary”: choose the column of texts (--texts)',
    );
  }, 60_000);
});
