/**
 * Inside a network while it trains (issue 19): weight and gradient norms per layer and epoch, the
 * weights' histogram, and in lesson 4.2 the gradient that reaches each input step: it fades
 * towards the sequence's start in a SimpleRNN and holds in an LSTM, which is why one forgets the
 * first marked number and the other does not.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTemplate, variantGraph } from '../shared/templates/template';

import { firstStepsShare, histogramBins, measureDynamics } from '../shared/training/dynamics';
import { runTraining } from '../shared/training/run';
import type { EpochUpdate } from '../shared/training/train';

beforeAll(async () => {
  setWasmPaths(`${path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`);
  await tf.setBackend('wasm');
});

function lesson(file: string) {
  const parsed = parseTemplate(file, readFileSync(path.join(process.cwd(), 'templates', file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.template;
}

/** Trains lesson 4.2's network with `memory` of this kind, watching inside every epoch. */
async function watchedRun(
  kind: 'SimpleRNN' | 'LSTM',
  epochs: number,
  watching: (epoch: number) => boolean = () => true,
) {
  const template = lesson('lstm-gru-long-range.json');
  if (template.data === null) throw new Error('the lesson has data');
  const graph = kind === 'SimpleRNN' ? template.graph : variantGraph(template.graph, [{ layer: 'memory', kind }]);
  const updates: EpochUpdate[] = [];
  const before = tf.memory().numTensors;
  const run = await runTraining(
    tf,
    { graph, data: template.data, settings: { ...template.training, epochs } },
    { onEpoch: (update) => updates.push(update), watchInside: () => watching(updates.length) },
  );
  if (!run.ok) throw new Error('the lesson trains');
  run.model.dispose();
  return { updates, leftTensors: tf.memory().numTensors - before };
}

describe('lesson 4.2 watched while it trains', () => {
  let simple: Awaited<ReturnType<typeof watchedRun>>;
  let lstm: Awaited<ReturnType<typeof watchedRun>>;
  beforeAll(async () => {
    simple = await watchedRun('SimpleRNN', 12);
    lstm = await watchedRun('LSTM', 12);
  }, 300_000);

  it("every epoch reports each layer's norms and a histogram of all its weights, and leaves no tensor", () => {
    expect(simple.updates).toHaveLength(12);
    for (const update of simple.updates) {
      const inside = update.inside;
      expect(inside?.samples).toBe(64);
      expect(inside?.layers.map((entry) => entry.layer)).toEqual(['memory', 'sum']);
      for (const entry of inside?.layers ?? []) {
        expect(entry.weightNorm).toBeGreaterThan(0);
        expect(entry.gradientNorm).toBeGreaterThan(0);
        expect(entry.histogram.counts).toHaveLength(histogramBins);
      }
      // SimpleRNN(16) on 2 features: 2·16 + 16·16 + 16 weights; the Dense 16 + 1.
      expect(inside?.layers[0]?.histogram.counts.reduce((sum, count) => sum + count, 0)).toBe(304);
      expect(inside?.layers[1]?.histogram.counts.reduce((sum, count) => sum + count, 0)).toBe(17);
      expect(inside?.inputSteps).toHaveLength(25);
    }
    // Training moves the weights: the norms differ from epoch to epoch.
    expect(simple.updates[0]?.inside?.layers[0]?.weightNorm).not.toBeCloseTo(
      simple.updates[11]?.inside?.layers[0]?.weightNorm ?? 0,
      3,
    );
    expect(simple.leftTensors).toBe(0);
    expect(lstm.leftTensors).toBe(0);
  });

  it("shows why SimpleRNN forgets: its gradient fades towards the first steps, the LSTM's holds", () => {
    const simpleSteps = simple.updates.at(-1)?.inside?.inputSteps ?? [];
    const lstmSteps = lstm.updates.at(-1)?.inside?.inputSteps ?? [];
    // The SimpleRNN's first steps get a small part of what its last step gets...
    expect(firstStepsShare(simpleSteps)).toBeLessThan(0.1);
    // ...the LSTM's, a large part: it learnt to carry the first marked number.
    expect(firstStepsShare(lstmSteps)).toBeGreaterThan(0.3);
    expect(firstStepsShare(lstmSteps)).toBeGreaterThan(5 * (firstStepsShare(simpleSteps) ?? 1));
  });
});

describe('measureDynamics on a small network', () => {
  it('measures nothing while the view is closed, and from the epoch it opens', async () => {
    const { updates, leftTensors } = await watchedRun('SimpleRNN', 3, (epoch) => epoch >= 1);
    expect(updates.map((update) => update.inside !== undefined)).toEqual([false, true, true]);
    expect(leftTensors).toBe(0);
  });

  it("equals the norms of tf.js' own gradient of the loss, and is silent about steps for a table", () => {
    const model = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [3], units: 4, activation: 'tanh', name: 'hidden' }),
        tf.layers.dense({ units: 1, name: 'out' }),
      ],
    });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const x = tf.tensor2d([
      [1, 2, 3],
      [-1, 0.5, 2],
    ]);
    const y = tf.tensor2d([[1], [0]]);
    const measured = measureDynamics(tf, model, x, y);
    const { grads, value } = tf.variableGrads(() => tf.losses.meanSquaredError(y, model.predict(x) as tf.Tensor));
    const norm = (names: string[]) =>
      Math.sqrt(names.reduce((sum, name) => sum + (grads[name]?.square().sum().dataSync()[0] ?? 0), 0));
    const hidden = model.getLayer('hidden').trainableWeights.map((weight) => (weight.read() as tf.Variable).name);
    expect(measured.layers[0]?.layer).toBe('hidden');
    expect(measured.layers[0]?.gradientNorm).toBeCloseTo(norm(hidden), 5);
    expect(measured.inputSteps).toBeNull();
    expect(measured.samples).toBe(2);
    tf.dispose([x, y, value, ...Object.values(grads)]);
    model.dispose();
  });
});
