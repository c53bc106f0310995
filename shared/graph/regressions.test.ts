/**
 * Every failure the compiler's property tests (compile.property.test.ts) shrank to, as a named
 * case: the shrunk graph, what broke, and why. Each one passed the checks, compiled, and then
 * made tf.js throw when the model ran.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer, wire } from '../../tests/helpers/graphs';
import { analyzeGraph } from './analyze';
import { compileGraph } from './compile';
import type { Graph } from './types';

beforeAll(async () => {
  // Silences tf.js' own advice to install tfjs-node, so that these tests print nothing.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

/** Compiles `graph` (it must compile) and runs one batch through it; the output's shape and values. */
function run(graph: Graph, feed: tf.Tensor): { shape: number[]; values: number[] } {
  const result = compileGraph(graph, tf, { seed: 5 });
  if (!result.ok) throw new Error(`refused: ${result.problems.map((found) => found.code).join(', ')}`);
  try {
    const output = result.model.predict(feed) as tf.Tensor;
    const answer = { shape: output.shape, values: Array.from(output.dataSync()) };
    output.dispose();
    return answer;
  } finally {
    feed.dispose();
    result.model.dispose();
  }
}

describe('whole numbers (int32) reaching a layer that computes with float32', () => {
  // Broke: the checks accepted an int32 Input feeding AveragePooling1D; tf.js built the model,
  // then threw "Argument 'x' passed to 'avgPool' must be float32 tensor" on the first batch.
  // Why: tf.js (like Keras) does not cast whole numbers for convolutions, average pooling,
  // activations, batch normalisation or dropout. The checks now follow int32 through the layers
  // that only move values and refuse it anywhere but an Embedding or a Dense.
  it('refuses Input (1, 1) int32 → AveragePooling1D → GlobalAveragePooling1D, offering float32', () => {
    const graph = chain(
      layer('Input', 'tokens', { shape: [1, 1], dtype: 'int32' }),
      layer('AveragePooling1D', 'pool', { pool_size: 1, strides: null }),
      layer('GlobalAveragePooling1D', 'mean'),
    );
    const errors = analyzeGraph(graph).problems.filter((found) => found.severity === 'error');
    expect(errors).toMatchObject([
      {
        code: 'dtype.needs-float',
        nodeId: 'pool',
        values: { kind: 'AveragePooling1D', input: 'tokens' },
        fix: { kind: 'set-param', nodeId: 'tokens', param: 'dtype', value: 'float32' },
      },
    ]);
    expect(compileGraph(graph, tf).ok).toBe(false);
    // The fix works: as float32 the same network runs.
    const fixed = chain(
      layer('Input', 'tokens', { shape: [1, 1], dtype: 'float32' }),
      layer('AveragePooling1D', 'pool', { pool_size: 1, strides: null }),
      layer('GlobalAveragePooling1D', 'mean'),
    );
    expect(run(fixed, tf.zeros([2, 1, 1])).shape).toEqual([2, 1]);
  });

  // Broke: the same, found first as Conv2D ("Argument 'x' passed to 'conv2d' must be float32").
  // The int32 passed a Reshape unchanged on its way, so the check follows it through.
  it('refuses Input (1, 1, 1) int32 → Conv2D → Reshape → Embedding at the Conv2D', () => {
    const graph = chain(
      layer('Input', 'image', { shape: [1, 1, 1], dtype: 'int32' }),
      layer('Conv2D', 'conv', { filters: 1, kernel_size: [1, 1], use_bias: false }),
      layer('Reshape', 'flat', { target_shape: [1] }),
      layer('Embedding', 'embed', { input_dim: 1, output_dim: 1 }),
    );
    const codes = analyzeGraph(graph).problems.map((found) => [found.code, found.nodeId]);
    expect(codes).toEqual([['dtype.needs-float', 'conv']]);
    const behindReshape = chain(
      layer('Input', 'image', { shape: [1, 1, 1], dtype: 'int32' }),
      layer('Reshape', 'again', { target_shape: [1, 1, 1] }),
      layer('Activation', 'squash', { activation: 'sigmoid' }),
    );
    expect(analyzeGraph(behindReshape).problems.map((found) => [found.code, found.nodeId])).toEqual([
      ['dtype.needs-float', 'squash'],
    ]);
  });

  it('still lets token indices reach an Embedding through Flatten, and a Dense read them', () => {
    const embedded = chain(
      layer('Input', 'tokens', { shape: [2, 3], dtype: 'int32' }),
      layer('Flatten', 'flat'),
      layer('Embedding', 'embed', { input_dim: 4, output_dim: 2 }),
    );
    expect(analyzeGraph(embedded).errorCount).toBe(0);
    expect(run(embedded, tf.ones([2, 2, 3], 'int32')).shape).toEqual([2, 6, 2]);
    const dense = chain(layer('Input', 'counts', { shape: [3], dtype: 'int32' }), layer('Dense', 'd', { units: 2 }));
    expect(run(dense, tf.ones([2, 3], 'int32')).shape).toEqual([2, 2]);
  });
});

describe('masks from an Embedding with mask_zero', () => {
  // Broke: predict threw "Argument 'x' passed to 'onesLike' must be a Tensor ... but got 'null'".
  // Why: tf.js' executor keeps one set of call arguments for the whole run, so the Embedding's
  // mask (1 step), passed to the Flatten, was still there when the GRU ran on a sequence of 2
  // steps that carries no mask (Keras drops it at the Flatten). The compiler now makes a
  // recurrent layer whose input carries no mask ignore that leftover.
  it('runs Input (1,) → Embedding(mask_zero) → Flatten → Reshape (2, 1) → GRU', () => {
    const graph = chain(
      layer('Input', 'tokens', { shape: [1] }),
      layer('Embedding', 'embed', { input_dim: 1, output_dim: 2, mask_zero: true }),
      layer('Flatten', 'flat'),
      layer('Reshape', 'steps', { target_shape: [2, 1] }),
      layer('GRU', 'gru', {
        units: 1,
        activation: 'linear',
        recurrent_activation: 'linear',
        use_bias: false,
      }),
    );
    expect(run(graph, tf.zeros([2, 1])).shape).toEqual([2, 1]);
  });

  // The same leftover in the course's encoder–decoder shape: the decoder's 12 steps outlast the
  // 9-token mask of the encoder's input (it threw), or with fewer steps were masked by it.
  it('runs an encoder–decoder whose decoder is longer than the sentence, unaffected by its padding', () => {
    const graph = (decoderSteps: number, padding: boolean) =>
      chain(
        layer('Input', 'tokens', { shape: [9], dtype: 'int32' }),
        layer('Embedding', 'embed', { input_dim: 3, output_dim: 4, mask_zero: padding }),
        layer('LSTM', 'encoder', { units: 3 }),
        layer('RepeatVector', 'repeat', { n: decoderSteps }),
        layer('LSTM', 'decoder', { units: 3, return_sequences: true }),
      );
    const sentence = () => tf.tensor2d([[1, 2, 1, 2, 1, 2, 1, 2, 1]], [1, 9], 'int32');
    expect(run(graph(12, true), sentence()).shape).toEqual([1, 12, 3]);
    // A sentence without padding: masking changes nothing, so the decoder must not either.
    expect(run(graph(3, true), sentence()).values).toEqual(run(graph(3, false), sentence()).values);
  });

  // Broke: predict threw "Error in fused matMul: inner shapes (2) and (1) ... must match".
  // Why: tf.js' Add keeps the first input's mask alone, with an extra leading axis: (1, batch,
  // time) where the LSTM expects (batch, time). add.ts now gives Keras' mask: a step is kept
  // where every input keeps it.
  it('runs Input (2,) → Embedding(mask_zero) → Dense, Dense → Add → LSTM → Reshape → GlobalAveragePooling1D', () => {
    const graph = (steps: number): Graph => ({
      nodes: [
        layer('Input', 'tokens', { shape: [steps] }),
        layer('Embedding', 'embed', { input_dim: 3, output_dim: 1, mask_zero: true }),
        layer('Dense', 'left', { units: 1, use_bias: false }),
        layer('Dense', 'right', { units: 1, use_bias: false }),
        layer('Add', 'sum'),
        layer('LSTM', 'lstm', { units: 1, activation: 'linear', recurrent_activation: 'linear', use_bias: false }),
        layer('Reshape', 'steps', { target_shape: [1, 1] }),
        layer('GlobalAveragePooling1D', 'mean'),
      ],
      wires: [
        wire('tokens', 'embed'),
        wire('embed', 'left'),
        wire('embed', 'right'),
        wire('left', 'sum'),
        wire('right', 'sum'),
        wire('sum', 'lstm'),
        wire('lstm', 'steps'),
        wire('steps', 'mean'),
      ],
    });
    expect(run(graph(2), tf.zeros([2, 2])).shape).toEqual([2, 1]);
    // The mask is Keras' too: padding a sentence with zeros leaves the LSTM's answer as it was.
    const short = run(graph(2), tf.tensor2d([[1, 2]]));
    const padded = run(graph(4), tf.tensor2d([[1, 2, 0, 0]]));
    expect(padded.values[0]).toBeCloseTo(short.values[0] ?? Number.NaN, 6);
  });

  // Broke: predict threw "Error in concat3D: Shape of tensors[1] (2,1,1) does not match the shape
  // of the rest (2,1,2) along the non-concatenated axis 1".
  // Why: joining the Embedding's output (masked) with a Reshape of it (a Reshape drops the mask)
  // along the time axis, tf.js (like Keras 2) stands the unmasked input's mask for all its values
  // (batch, time, features) and cannot join that to the masked one's (batch, time, 1).
  // concatenate.ts now joins the (batch, time) masks themselves.
  it('runs Input (1,) → Embedding(mask_zero) + Reshape of it → Concatenate(axis 1) → Dense, Dense → Concatenate', () => {
    const graph: Graph = {
      nodes: [
        layer('Input', 'tokens', { shape: [1] }),
        layer('Embedding', 'embed', { input_dim: 1, output_dim: 2, mask_zero: true }),
        layer('Reshape', 'same', { target_shape: [1, 2] }),
        layer('Concatenate', 'steps', { axis: 1 }),
        layer('Dense', 'left', { units: 1, use_bias: false }),
        layer('Dense', 'right', { units: 1, use_bias: false }),
        layer('Concatenate', 'features', { axis: -1 }),
      ],
      wires: [
        wire('tokens', 'embed'),
        wire('embed', 'same'),
        wire('same', 'steps'),
        wire('embed', 'steps'),
        wire('steps', 'left'),
        wire('steps', 'right'),
        wire('left', 'features'),
        wire('right', 'features'),
      ],
    };
    expect(run(graph, tf.zeros([2, 1])).shape).toEqual([2, 2, 2]);
  });
});
