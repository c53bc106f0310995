/**
 * A run given the dataset the window already built (the app's large data, built off the window):
 * the training worker trains on it without building it again, from a spec that comes without the
 * table's text, and the evaluation still plots what the recipe plots when the window sends it.
 */
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDataset } from '../shared/data/build';
import { csv, csvSpecFor } from '../shared/data/recipes/csv';
import { evaluateModel } from '../shared/training/evaluate';
import { prepareRun, trainPrepared } from '../shared/training/run';
import { defaultTrainingSettings } from '../shared/training/settings';
import { starterNetwork } from '../shared/training/starter';

const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('a run given the window’s build of a table', () => {
  const spec = csvSpecFor('iris.csv', readFileSync(`${sklearnData}/iris.csv`, 'utf8'));
  const built = buildDataset(spec);
  if (!built.ok) throw new Error('iris did not build');
  const { graph, training } = starterNetwork(built.dataset);
  const settings = { ...defaultTrainingSettings, ...training, epochs: 2, seed: 3 };
  // As the window sends a table kept outside the project: its text left out.
  const withoutText = csv.opens?.reopen(spec, spec.file, '') ?? spec;

  it('trains on the dataset given, which the spec alone could not build', async () => {
    const alone = prepareRun(tf, { graph, data: withoutText, settings });
    expect(alone.ok).toBe(false);
    const given = prepareRun(tf, { graph, data: withoutText, settings, built: built.dataset });
    if (!given.ok) throw new Error(JSON.stringify(given.problems));
    expect(given.dataset).toBe(built.dataset);
    const outcome = await trainPrepared(tf, given, { graph, data: withoutText, settings });
    expect(outcome.status).toBe('completed');
    expect(outcome.epochsCompleted).toBe(2);
    // Evaluated from the spec without its text: a class table plots nothing from the text.
    const evaluation = evaluateModel(tf, given.model, withoutText, given.dataset, settings.validation_split, null);
    expect(evaluation?.kind).toBe('confusion');
    given.model.dispose();
  });

  it('plots a series forecast from what the window sent, not from the text it no longer has', () => {
    const rows = Array.from({ length: 60 }, (_, month) => `${month},${100 + 10 * Math.sin(month / 3)}`);
    const series = csvSpecFor('months.csv', ['month,value', ...rows].join('\n'), { series: { window: 6, horizon: 1 } });
    const seriesBuilt = buildDataset(series);
    if (!seriesBuilt.ok) throw new Error('the series did not build');
    const plotted = csv.plotted?.(series, seriesBuilt.dataset) ?? null;
    expect(plotted?.kind).toBe('series');
    const bare = csv.opens?.reopen(series, series.file, '') ?? series;
    expect(csv.plotted?.(bare, seriesBuilt.dataset) ?? null).toBeNull();
    const { graph: seriesGraph, training: seriesTraining } = starterNetwork(seriesBuilt.dataset);
    const seriesSettings = { ...defaultTrainingSettings, ...seriesTraining, epochs: 1, seed: 3 };
    const prepared = prepareRun(tf, {
      graph: seriesGraph,
      data: bare,
      settings: seriesSettings,
      built: seriesBuilt.dataset,
    });
    if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
    const given = evaluateModel(tf, prepared.model, bare, prepared.dataset, 0.2, plotted);
    // The forecast drawn over the series the window read, the values it sent.
    expect(given?.kind).toBe('forecast');
    expect(given?.kind === 'forecast' && given.truth).toEqual(plotted?.kind === 'series' ? plotted.values : null);
    // Not sent, the spec without its text could not say what to plot: the forecast would be missing.
    expect(evaluateModel(tf, prepared.model, bare, prepared.dataset, 0.2)?.kind).not.toBe('forecast');
    prepared.model.dispose();
  });
});
