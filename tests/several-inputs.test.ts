/**
 * A table shared out among several Input nodes: iris' four measurements, the sepal's two to one
 * Input and the petal's two to another, wired through their own Dense layers into a Concatenate.
 * The fit check pins each mismatch to the Input it concerns; training, the test split and the
 * playground feed each Input its own columns, as the exported programs do.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKeras } from '../shared/codegen/keras';
import { exportPytorch } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import { buildDataset } from '../shared/data/build';
import { csvSpecFor } from '../shared/data/recipes/csv';
import { analyzeGraph } from '../shared/graph/analyze';
import type { Graph } from '../shared/graph/types';
import { emptyProject } from '../shared/project/project';
import { checkDataFit } from '../shared/training/modes';
import { runTraining } from '../shared/training/run';
import { defaultTrainingSettings, type TrainingSettings } from '../shared/training/settings';
import { exportFolder, finalLogsOf, parsesAsPython, runExportedProgram } from './helpers/exported-program';
import { irisInParts } from './helpers/graphs';
import { layerlab, summaryOf, withProjectFile } from './helpers/layerlab-cli';

const run = promisify(execFile);

const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
const iris = readFileSync(`${sklearnData}/iris.csv`, 'utf8');

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

/** iris' columns (named by its odd first row) shared out: sepal measures, then petal measures. */
const shared = {
  ...csvSpecFor('iris.csv', iris),
  feeds: [
    { column: '150', input: 'sepal' },
    { column: '4', input: 'sepal' },
    { column: 'setosa', input: 'petal' },
    { column: 'versicolor', input: 'petal' },
  ],
};

const settings: TrainingSettings = {
  ...defaultTrainingSettings,
  loss: 'sparse_categorical_crossentropy',
  metrics: ['accuracy'],
  epochs: 60,
  batch_size: 16,
  learning_rate: 0.01,
  validation_split: 0.2,
};

function problemsOf(graph: Graph, spec: typeof shared | ReturnType<typeof csvSpecFor>) {
  const built = buildDataset(spec);
  if (!built.ok) throw new Error(built.problem.en);
  return checkDataFit(graph, analyzeGraph(graph), built.dataset, settings).map((problem) => ({
    code: problem.code,
    node: graph.nodes.find((node) => node.id === problem.nodeId)?.name ?? null,
    fix: problem.fix,
  }));
}

describe('a table shared out among two Inputs', () => {
  it('builds x in the file order and says which of its columns each Input reads', () => {
    const built = buildDataset(shared);
    if (!built.ok) throw new Error(built.problem.en);
    expect(built.dataset.x.shape).toEqual([120, 4]);
    expect(built.dataset.inputs).toEqual([
      { name: 'sepal', columns: [0, 1], from: ['150', '4'] },
      { name: 'petal', columns: [2, 3], from: ['setosa', 'versicolor'] },
    ]);
    expect(built.dataset.table?.columns.map((column) => column.input ?? column.role)).toEqual([
      'sepal',
      'sepal',
      'petal',
      'petal',
      'target',
    ]);
    // A column the list leaves out goes to the first Input named.
    const partly = buildDataset({ ...shared, feeds: [{ column: 'setosa', input: 'petal' }] });
    expect(partly.ok && partly.dataset.inputs?.map((input) => [input.name, input.from])).toEqual([
      ['petal', ['150', '4', 'setosa', 'versicolor']],
    ]);
  });

  it('fits a network whose Inputs are named as the data says; each mismatch is pinned to its Input', () => {
    expect(problemsOf(irisInParts(), shared)).toEqual([]);
    // Drawn with two Inputs, but the data not shared out: said once, for the whole network.
    expect(problemsOf(irisInParts(), csvSpecFor('iris.csv', iris)).map((found) => found.code)).toEqual([
      'data.several-inputs',
    ]);
    // The sepal Input drawn for three columns: its shape, with the fix that sets it to two.
    expect(problemsOf(irisInParts([3]), shared)).toEqual([
      {
        code: 'data.input-shape',
        node: 'sepal',
        fix: { kind: 'set-param', nodeId: expect.any(String), param: 'shape', value: [2] },
      },
    ]);
    // The petal Input renamed: it gets no columns, and the petal columns go to no Input.
    expect(problemsOf(irisInParts([2], 'leaf'), shared).map((found) => [found.code, found.node])).toEqual([
      ['data.input-columns', 'leaf'],
      ['data.input-unknown', null],
    ]);
  });

  it('trains, measures the held-out rows once and answers a raw row with each Input fed its columns', async () => {
    const run = await runTraining(tf, { graph: irisInParts(), data: shared, settings });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    try {
      expect(run.model.inputNames).toEqual(['sepal', 'petal']);
      const test = run.outcome.test;
      if (test?.kind !== 'class') throw new Error('no test result');
      expect(test.samples).toBe(30);
      expect(test.accuracy).toBeGreaterThan(0.85);
      const asked = run.mode.ask(tf, run.model, run.checked, shared, run.dataset, '5.1, 3.5, 1.4, 0.2');
      expect(asked.ok && asked.answer.kind === 'classes' && asked.answer.top[0]?.label).toBe('0');
    } finally {
      run.model.dispose();
    }
  }, 120_000);
});

describe('a table shared out among two Inputs, exported', () => {
  const file = `${sklearnData}/iris.csv`;
  const source = {
    name: 'Iris in two parts',
    graph: irisInParts(),
    data: shared,
    training: { ...settings, epochs: 30 },
  };
  let folder = '';
  let ours: { accuracy: number; finalLogs: Record<string, number> } = { accuracy: 0, finalLogs: {} };

  beforeAll(async () => {
    folder = await exportFolder('layerlab-inputs-');
    const trained = await runTraining(tf, { graph: source.graph, data: source.data, settings: source.training });
    if (!trained.ok || trained.outcome.test?.kind !== 'class') throw new Error('LayerLab refused the table');
    ours = { accuracy: trained.outcome.test.accuracy, finalLogs: trained.outcome.finalLogs };
    trained.model.dispose();
  }, 120_000);
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript gives each Input its columns and repeats the run to the last figure', async () => {
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    expect(exported.files['model.ts']).toContain('const networkInputs = [\n  [0, 1],\n  [2, 3],\n];');
    const stdout = await runExportedProgram(exported.files, folder, [file], { timeout: 120_000 });
    const theirs = finalLogsOf(stdout);
    for (const [name, value] of Object.entries(ours.finalLogs)) expect(theirs[name]).toBeCloseTo(value, 3);
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(ours.accuracy, 3);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4, 0\.2 the network expects 0 /);
  }, 180_000);

  it('PyTorch passes each Input its columns to forward and scores about as well', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    expect(exported.code).toContain('def forward(self, inputs, inputs_2):');
    await writeFile(path.join(folder, 'model.py'), exported.code);
    const { stdout } = await run('/usr/bin/python3', ['model.py', '--data', file], { cwd: folder, timeout: 120_000 });
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeGreaterThan(ours.accuracy - 0.15);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4, 0\.2 the network expects 0 /);
  }, 180_000);

  it("Keras fits and predicts on the list of each Input's columns, in valid Python", async () => {
    const exported = exportKeras(source);
    if (!exported.ok) throw new Error('refused');
    expect(exported.code).toContain('NETWORK_INPUTS = [[0, 1], [2, 3]]');
    expect(exported.code).toContain('    feed(x),');
    await parsesAsPython(folder, 'keras_model.py', exported.code);
  });
});

describe('a table shared out among two Inputs, from the command line', () => {
  it('check says what each Input is given; train reports the test split; predict answers a raw row', async () => {
    await withProjectFile(
      { ...emptyProject('Iris in two parts'), graph: irisInParts(), data: shared, training: settings },
      async ({ project, saved }) => {
        const checked = await layerlab('check', project);
        expect(checked.stdout).toContain(
          'Data: 120 samples of (None, 4), shared out: sepal (None, 2), petal (None, 2); 3 classes ("0" "1" "2").',
        );
        expect(checked.code).toBe(0);
        const trained = await layerlab('train', project, '--json', '--save', saved);
        expect(trained.code).toBe(0);
        expect(summaryOf(trained).test_accuracy).toBeGreaterThan(0.85);
        const answer = await layerlab('predict', saved, '--input', '6.3, 3.3, 6.0, 2.5');
        expect(answer.code).toBe(0);
        expect(answer.stdout.split('\n')[0]).toMatch(/^2 {2}/);
      },
    );
  }, 120_000);
});
