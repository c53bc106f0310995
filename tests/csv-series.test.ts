/**
 * A table's number column read as a time series: the course's airline passengers (lesson 4.4's
 * 144 months) written as a learner's CSV, windowed for a recurrent network, its test split the
 * last windows in time, trained with the starter LSTM, asked with a typed window, and exported as
 * programs that read the same file and repeat the run.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
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
const lesson = JSON.parse(readFileSync('templates/forecast-airline.json', 'utf8')) as { data: { values: number[] } };
const passengers = lesson.data.values;
/** The series as a learner's spreadsheet has it: a month column and the passengers. */
const text = [
  'month,passengers',
  ...passengers.map(
    (value, index) => `${1949 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')},${value}`,
  ),
].join('\n');

let folder = '';
beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  folder = await mkdtemp(path.join(tmpdir(), 'layerlab-series-'));
  await writeFile(path.join(folder, 'airline.csv'), text);
});
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('airline.csv read as a series', () => {
  const spec = csvSpecFor('airline.csv', text, { series: { window: 12, horizon: 1 } });

  it('makes a window of twelve months per sample, the last fifth of the windows in time the test split', () => {
    expect(spec).toMatchObject({ target: 'passengers', task: 'value', series: { window: 12, horizon: 1 } });
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    const { dataset } = built;
    expect(dataset.x.shape).toEqual([106, 12, 1]);
    expect(dataset.test?.x.shape).toEqual([26, 12, 1]);
    if (dataset.target.kind !== 'value') throw new Error('not a value');
    const { center = 0, scale } = dataset.target;
    // Standardised over the months the training windows cover (118), not the test's future.
    const seen = passengers.slice(0, 118);
    expect(center).toBeCloseTo(seen.reduce((sum, value) => sum + value, 0) / 118, 6);
    // The test targets are the series' last 26 months, in order.
    const testTargets = Array.from(dataset.test?.y.values ?? [], (value) => Math.round(value * scale + center));
    expect(testTargets).toEqual(passengers.slice(-26));
    // The first window is the first twelve months; its target the thirteenth.
    expect(Array.from(dataset.x.values.subarray(0, 12), (value) => Math.round(value * scale + center))).toEqual(
      passengers.slice(0, 12),
    );
    expect(dataset.preview[0]).toEqual({ input: passengers.slice(0, 12).join(', '), target: String(passengers[12]) });
    expect(dataset.table?.columns.map((column) => column.role)).toEqual(['ignored', 'target']);
    expect(dataset.table?.windows).toBe(true);
  });

  it('a horizon of three predicts the month three on; too long a window for the column is refused at the series', () => {
    const ahead = buildDataset({ ...spec, series: { window: 12, horizon: 3 } });
    if (!ahead.ok || ahead.dataset.target.kind !== 'value') throw new Error('refused');
    expect(ahead.dataset.x.shape[0]).toBe(104);
    const { center = 0, scale } = ahead.dataset.target;
    expect(Math.round((ahead.dataset.y.values[0] ?? 0) * scale + center)).toBe(passengers[14]);
    const long = buildDataset({ ...spec, series: { window: 140, horizon: 4 } });
    expect(!long.ok && [long.field, long.problem.en]).toEqual([
      'series',
      'The column has 144 values: windows of 140 with a horizon of 4 leave 1 to learn from. Shorten the window or the horizon.',
    ]);
  });

  it('is asked with the last training window, typed as values; a window of the wrong length is refused with what to type', () => {
    const built = buildDataset(spec);
    if (!built.ok) throw new Error('refused');
    expect(csv.defaultQuery(spec)).toBe(passengers.slice(105, 117).join(', '));
    const asked = csv.encodeQuery(spec, built.dataset, passengers.slice(0, 12).join(', '));
    expect(asked.ok && asked.shape).toEqual([1, 12, 1]);
    const short = csv.encodeQuery(spec, built.dataset, '112, 118');
    expect(!short.ok && short.problem.en).toBe(
      'Type the last 12 values of the series, separated by commas, oldest first.',
    );
    expect(csv.plotted?.(spec, built.dataset)).toMatchObject({ kind: 'series', window: 12 });
  });

  it('a words column is refused as a series at the series toggle', () => {
    const words = buildDataset({ ...spec, target: 'month' });
    expect(!words.ok && words.field).toBe('series');
  });
});

describe('the starter LSTM learns the series, and the exports read the file again', () => {
  const data = csvSpecFor('airline.csv', text, { series: { window: 12, horizon: 1 } });
  let source: Parameters<typeof exportPytorch>[0];
  let ours = { mae: 0, finalLogs: {} as Record<string, number> };

  beforeAll(async () => {
    const built = buildDataset(data);
    if (!built.ok) throw new Error(built.problem.en);
    const starter = starterNetwork(built.dataset);
    source = {
      name: 'Airline',
      graph: starter.graph,
      data,
      training: { ...defaultTrainingSettings, ...starter.training, epochs: 40, batch_size: 16, learning_rate: 0.01 },
    };
    const trained = await runTraining(tf, { graph: source.graph, data, settings: source.training });
    if (!trained.ok || trained.outcome.test?.kind !== 'value') throw new Error('LayerLab refused the series');
    ours = { mae: trained.outcome.test.mae, finalLogs: trained.outcome.finalLogs };
    trained.model.dispose();
    await symlink(path.join(process.cwd(), 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  }, 240_000);

  it('reads the windows with an LSTM, and forecasts the last two years better than their training mean would', () => {
    expect(source.graph.nodes.map((node) => node.kind)).toEqual(['Input', 'LSTM', 'Dense', 'Dense', 'Dense']);
    // Always answering the training months' mean would miss the later, larger years by far more.
    const seen = passengers.slice(0, 118);
    const mean = seen.reduce((sum, value) => sum + value, 0) / seen.length;
    const naive = passengers.slice(-26).reduce((sum, value) => sum + Math.abs(value - mean), 0) / 26;
    expect(ours.mae).toBeLessThan(naive / 2);
  });

  it('TypeScript: papaparse reads the column, the windows are the app’s, and the run ends on the same figures', async () => {
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    const stdout = await runExportedProgram(exported.files, folder, [path.join(folder, 'airline.csv')]);
    expect(stdout).toContain('Data: 106 windows to train on, 26 later ones held out to test');
    const theirs = finalLogsOf(stdout);
    for (const [name, value] of Object.entries(ours.finalLogs)) expect(theirs[name]).toBeCloseTo(value, 3);
    expect(Number(/test_mae ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(ours.mae, 1);
    expect(stdout).toContain(`After ${passengers.slice(105, 117).join(', ')} the network expects `);
  }, 300_000);

  it('PyTorch: the csv module reads the column with --data, and forecasts the test years about as well', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    await writeFile(path.join(folder, 'model.py'), exported.code);
    const { stdout } = await run('/usr/bin/python3', ['model.py', '--data', path.join(folder, 'airline.csv')], {
      cwd: folder,
      timeout: 240_000,
    });
    expect(stdout).toContain('Data: 106 windows to train on, 26 later ones held out to test');
    expect(Number(/test_mae ([\d.]+)/.exec(stdout)?.[1])).toBeLessThan(ours.mae * 2.5);
  }, 300_000);

  it('layerlab new --series 12 writes the same project from a terminal', async () => {
    const project = path.join(folder, 'airline.layerlab');
    const made = await layerlab('new', '--data', path.join(folder, 'airline.csv'), '--series', '12', '--out', project);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('lstm (LSTM)');
    expect(made.stdout).toContain(
      'Data: 106 samples to train and validate on, 26 held out to test; loss mean_squared_error.',
    );
    const bad = await layerlab('new', '--data', path.join(folder, 'airline.csv'), '--series', '12:x', '--out', project);
    expect(bad.stderr).toContain("--series takes WINDOW or WINDOW:HORIZON, whole numbers from 1 to 512; got '12:x'");
  }, 60_000);
});
