/**
 * A table predicted by several outputs: iris' species (a class) by one output and its petal width
 * (a number) by another, from the other three measurements, through one shared hidden layer.
 * Each output is checked against its column, trains with the loss its column calls for, is
 * measured on the test split apart, and answers the playground's row.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
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
import { testFigures } from '../shared/training/test-split';
import { exportFolder, finalLogsOf, parsesAsPython, runExportedProgram } from './helpers/exported-program';
import { irisTwoWays, layer, wire } from './helpers/graphs';
import { layerlab, summaryOf, withProjectFile } from './helpers/layerlab-cli';

const run = promisify(execFile);
const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
const iris = readFileSync(`${sklearnData}/iris.csv`, 'utf8');

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

/** The species (column "virginica" under sklearn's odd first row) and the petal width ("versicolor"). */
const predicted = {
  ...csvSpecFor('iris.csv', iris),
  output: 'kind',
  also: [{ column: 'versicolor', task: 'value' as const, output: 'width' }],
};

const settings: TrainingSettings = {
  ...defaultTrainingSettings,
  loss: 'sparse_categorical_crossentropy',
  metrics: ['accuracy', 'mae'],
  epochs: 80,
  batch_size: 16,
  learning_rate: 0.01,
  validation_split: 0.2,
};

function problemsOf(graph: Graph, spec: typeof predicted | ReturnType<typeof csvSpecFor>) {
  const built = buildDataset(spec);
  if (!built.ok) throw new Error(built.problem.en);
  return checkDataFit(graph, analyzeGraph(graph), built.dataset, settings).map((problem) => [
    problem.code,
    graph.nodes.find((node) => node.id === problem.nodeId)?.name ?? null,
  ]);
}

describe('a table predicted by two outputs', () => {
  it('reads the other columns as inputs and each predicted column as its output’s targets', () => {
    const built = buildDataset(predicted);
    if (!built.ok) throw new Error(built.problem.en);
    const { dataset } = built;
    expect(dataset.x.shape).toEqual([120, 3]);
    expect(dataset.outputs?.map((output) => [output.name, output.column, output.target.kind, output.y.shape])).toEqual([
      ['kind', 'virginica', 'class', [120]],
      ['width', 'versicolor', 'value', [120, 1]],
    ]);
    expect(dataset.outputs?.[1]?.test?.shape).toEqual([30, 1]);
    expect(dataset.table?.columns.map((column) => column.output ?? column.role)).toEqual([
      'input',
      'input',
      'input',
      'width',
      'kind',
    ]);
  });

  it('fits outputs named as the data says; each mismatch is pinned to its output', () => {
    expect(problemsOf(irisTwoWays(), predicted)).toEqual([]);
    // Two outputs, one column predicted: said once, for the whole network.
    expect(problemsOf(irisTwoWays(), csvSpecFor('iris.csv', iris))).toEqual([['data.several-outputs', null]]);
    expect(problemsOf(irisTwoWays(2), predicted)).toEqual([['data.output-classes', 'kind']]);
    expect(problemsOf(irisTwoWays(3, 'petal'), predicted)).toEqual([
      ['data.output-columns', 'petal'],
      ['data.output-unknown', null],
    ]);
  });

  it('trains each output with its own loss, measures each on the test split, and answers each', async () => {
    const run = await runTraining(tf, { graph: irisTwoWays(), data: predicted, settings });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    try {
      const logs = run.outcome.finalLogs;
      expect(Object.keys(logs).sort()).toEqual(
        ['loss', 'kind_loss', 'width_loss', 'kind_accuracy', 'width_mae']
          .flatMap((name) => [name, `val_${name}`])
          .sort(),
      );
      const test = run.outcome.test;
      if (test?.kind !== 'outputs') throw new Error('no test result per output');
      const figures = testFigures(test);
      expect(figures.test_kind_accuracy).toBeGreaterThan(0.85);
      // Petal width spans 0.1–2.5 cm: the network is within a quarter of a centimetre on average.
      expect(figures.test_width_mae).toBeLessThan(0.25);
      const asked = run.mode.ask(tf, run.model, run.checked, predicted, run.dataset, '5.1, 3.5, 1.4');
      if (!asked.ok || asked.answer.kind !== 'outputs') throw new Error('no answer per output');
      const [kind, width] = asked.answer.parts;
      expect(kind?.answer.kind === 'classes' && kind.answer.top[0]?.label).toBe('0');
      // A setosa of those measures: its petal is about 0.2 cm wide.
      expect(width?.answer.kind === 'value' && width.answer.value).toBeLessThan(0.6);
    } finally {
      run.model.dispose();
    }
  }, 120_000);

  it('from the command line: check says what each output predicts, train reports each one’s test figures, predict answers each', async () => {
    await withProjectFile(
      { ...emptyProject('Iris, kind and width'), graph: irisTwoWays(), data: predicted, training: settings },
      async ({ project, saved }) => {
        const checked = await layerlab('check', project);
        expect(checked.stdout).toContain(
          'Data: 120 samples of (None, 3), kind predicts virginica (3 classes ("0" "1" "2")), width predicts versicolor (a number each).',
        );
        const trained = await layerlab('train', project, '--json', '--save', saved);
        expect(trained.code).toBe(0);
        const summary = summaryOf(trained);
        expect(summary.test_kind_accuracy).toBeGreaterThan(0.85);
        expect(summary.test_width_mae).toBeLessThan(0.25);
        const answer = await layerlab('predict', saved, '--input', '6.3, 3.3, 6.0');
        expect(answer.code).toBe(0);
        expect(answer.stdout).toMatch(/^kind \(virginica\):\n {2}2 {2}/);
        expect(answer.stdout).toMatch(/\nwidth \(versicolor\):\n {2}\d\.\d{3}\n/);
      },
    );
  }, 120_000);
});

describe('a table predicted by two outputs, exported', () => {
  const file = `${sklearnData}/iris.csv`;
  const source = {
    name: 'Iris, kind and width',
    graph: irisTwoWays(),
    data: predicted,
    training: { ...settings, epochs: 30 },
  };
  let folder = '';
  let ours: { figures: Record<string, number>; finalLogs: Record<string, number> } = { figures: {}, finalLogs: {} };

  beforeAll(async () => {
    folder = await exportFolder('layerlab-outputs-');
    const trained = await runTraining(tf, { graph: source.graph, data: source.data, settings: source.training });
    if (!trained.ok || !trained.outcome.test) throw new Error('LayerLab refused the table');
    ours = { figures: testFigures(trained.outcome.test), finalLogs: trained.outcome.finalLogs };
    trained.model.dispose();
  }, 120_000);
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript trains each output on its column with its loss and repeats the run to the last figure', async () => {
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    const stdout = await runExportedProgram(exported.files, folder, [file], { timeout: 120_000 });
    const theirs = finalLogsOf(stdout);
    expect(Object.keys(theirs).sort()).toEqual(Object.keys(ours.finalLogs).sort());
    for (const [name, value] of Object.entries(ours.finalLogs)) expect(theirs[name]).toBeCloseTo(value, 3);
    expect(Number(/test_kind_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(
      ours.figures.test_kind_accuracy ?? -1,
      3,
    );
    expect(Number(/test_width_mae ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(ours.figures.test_width_mae ?? -1, 3);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4 kind expects 0 /);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4 width answers 0\.\d{3}/);
  }, 180_000);
});

describe('a table predicted by two outputs, exported to Python', () => {
  const file = `${sklearnData}/iris.csv`;
  const source = { name: 'Iris, kind and width', graph: irisTwoWays(), data: predicted, training: settings };
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'layerlab-outputs-py-'));
  });
  afterAll(async () => {
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('PyTorch trains each output with its own loss and measures each on the test split', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    expect(exported.code).toContain('"width_loss": F.mse_loss(outputs[1], targets[:, 1 : 2]),');
    await writeFile(path.join(folder, 'model.py'), exported.code);
    const { stdout } = await run('/usr/bin/python3', ['model.py', '--data', file], { cwd: folder, timeout: 120_000 });
    const final = JSON.parse(/^FINAL (.*)$/m.exec(stdout)?.[1] ?? '{}') as Record<string, number>;
    expect(Object.keys(final).sort()).toEqual(
      ['loss', 'kind_loss', 'width_loss', 'kind_accuracy', 'width_mae'].flatMap((name) => [name, `val_${name}`]).sort(),
    );
    expect(Number(/test_kind_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeGreaterThan(0.85);
    expect(Number(/test_width_mae ([\d.]+)/.exec(stdout)?.[1])).toBeLessThan(0.3);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4 kind expects 0 /);
    expect(stdout).toMatch(/For 5\.1, 3\.5, 1\.4 width answers 0\.\d{3}/);
  }, 180_000);

  it('Keras compiles a loss per output and fits on the list of targets, in valid Python', async () => {
    const exported = exportKeras(source);
    if (!exported.ok) throw new Error('refused');
    expect(exported.code).toContain('loss={"kind": "sparse_categorical_crossentropy", "width": "mean_squared_error"},');
    expect(exported.code).toContain('metrics={"kind": ["accuracy"], "width": ["mae"]},');
    await parsesAsPython(folder, 'keras_model.py', exported.code);
  });
});

describe('two Inputs and two outputs at once', () => {
  it('shares the columns out among the Inputs and predicts a column by each output', async () => {
    const nodes = [
      layer('Input', 'sepal', { shape: [2] }),
      layer('Input', 'petal', { shape: [1] }),
      layer('Concatenate', 'joined'),
      layer('Dense', 'hidden', { units: 16, activation: 'relu' }),
      layer('Dense', 'kind', { units: 3, activation: 'softmax' }),
      layer('Dense', 'width', { units: 1 }),
    ];
    const [sepal, petal, joined, hidden, kind, width] = nodes.map((node) => node.id);
    const graph: Graph = {
      nodes,
      wires: [
        wire(sepal ?? '', joined ?? ''),
        wire(petal ?? '', joined ?? ''),
        wire(joined ?? '', hidden ?? ''),
        wire(hidden ?? '', kind ?? ''),
        wire(hidden ?? '', width ?? ''),
      ],
    };
    const spec = {
      ...predicted,
      feeds: [
        { column: '150', input: 'sepal' },
        { column: '4', input: 'sepal' },
        { column: 'setosa', input: 'petal' },
      ],
    };
    expect(problemsOf(graph, spec)).toEqual([]);
    const trained = await runTraining(tf, { graph, data: spec, settings });
    if (!trained.ok) throw new Error(JSON.stringify(trained.problems));
    try {
      const test = trained.outcome.test;
      if (test?.kind !== 'outputs') throw new Error('no test result per output');
      expect(testFigures(test).test_kind_accuracy).toBeGreaterThan(0.85);
      expect(testFigures(test).test_width_mae).toBeLessThan(0.25);
    } finally {
      trained.model.dispose();
    }
  }, 120_000);
});
