/**
 * A run and an export analyse their graph once: `checkGraph` hands the checked graph (its
 * analysis, and a GAN's split) to the compiler, the data checks, the training mode, the
 * playground's question and the export plan, which used to analyse it again each (three times a
 * run, twice an export, and again for a GAN's split).
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as Analyze from '../shared/graph/analyze.js';
import type { DataSpec } from '../shared/data/spec';

const analyses = vi.hoisted(() => ({ count: 0 }));
vi.mock('../shared/graph/analyze.js', async (importOriginal) => {
  const original = await importOriginal<typeof Analyze>();
  return {
    ...original,
    analyzeGraph: (...args: Parameters<typeof original.analyzeGraph>) => {
      analyses.count += 1;
      return original.analyzeGraph(...args);
    },
  };
});

const { runTraining } = await import('../shared/training/run');
const { exportKeras } = await import('../shared/codegen/keras');
const { exportPytorch } = await import('../shared/codegen/pytorch');
const { exportTypeScript } = await import('../shared/codegen/typescript');
const { defaultTrainingSettings } = await import('../shared/training/settings');
const { chain, layer } = await import('./helpers/graphs');

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

beforeEach(() => {
  analyses.count = 0;
});

/** noise (16) → Dense 64 → Reshape (8, 8, 1), the generator's end → Flatten → Dense 1: a GAN. */
const gan = {
  name: 'GAN',
  graph: chain(
    layer('Input', 'noise', { shape: [16] }),
    layer('Dense', 'g_pixels', { units: 64, activation: 'sigmoid' }),
    { ...layer('Reshape', 'fake_image', { target_shape: [8, 8, 1] }), generatorEnd: true },
    layer('Flatten', 'd_flatten'),
    layer('Dense', 'real_or_fake', { units: 1, activation: 'sigmoid' }),
  ),
  data: { kind: 'images', source: 'digits-8x8', task: 'generate', classes: [0] } as DataSpec,
  training: { ...defaultTrainingSettings, loss: 'binary_crossentropy' as const, epochs: 1, batch_size: 64 },
  question: '7',
};

/** Three characters, one-hot, to the next one: an ordinary network. */
const text = {
  name: 'Text',
  graph: chain(
    layer('Input', 'input', { shape: [3, 8] }),
    layer('SimpleRNN', 'rnn', { units: 4 }),
    layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
  ),
  data: { kind: 'text-next-char', text: 'hello world', window: 3 } as DataSpec,
  training: { ...defaultTrainingSettings, loss: 'sparse_categorical_crossentropy' as const, epochs: 1 },
  question: 'hel',
};

describe.each([
  ['a GAN', gan],
  ['an ordinary network', text],
])('%s', (_, project) => {
  it('is analysed once to train it and answer the playground', async () => {
    const run = await runTraining(tf, { graph: project.graph, data: project.data, settings: project.training });
    if (!run.ok) throw new Error(JSON.stringify(run.problems));
    const asked = run.mode.ask(tf, run.model, run.checked, project.data, run.dataset, project.question);
    run.model.dispose();
    expect(run.outcome.status).toBe('completed');
    expect(asked.ok).toBe(true);
    expect(analyses.count).toBe(1);
  });

  it('is analysed once per export, in each language', async () => {
    for (const write of [exportKeras, exportPytorch, exportTypeScript]) {
      analyses.count = 0;
      const exported = await write(project);
      expect(exported.ok).toBe(true);
      expect(analyses.count, write.name).toBe(1);
    }
  });
});
