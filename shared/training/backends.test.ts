import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { planBackends, wasmMissingGradients, type BackendEnvironment } from './backends';

const noGpu: BackendEnvironment = {
  webgpu: { available: false, software: false, adapter: '' },
  webgl: { available: true, software: true, renderer: 'SwiftShader' },
  wasm: true,
};
const realGpu: BackendEnvironment = {
  webgpu: { available: true, software: false, adapter: 'nvidia' },
  webgl: { available: true, software: false, renderer: 'NVIDIA H100' },
  wasm: true,
};

describe('planBackends', () => {
  it('puts a real GPU first, WebGPU before WebGL', () => {
    expect(planBackends(realGpu, ['Input', 'LSTM', 'Dense'], 'auto').map((choice) => choice.name)).toEqual([
      'webgpu',
      'webgl',
      'wasm',
      'cpu',
    ]);
  });

  it('never picks a software GPU for a dense or recurrent network: WASM then CPU', () => {
    expect(planBackends(noGpu, ['Input', 'SimpleRNN', 'Dense'], 'auto').map((choice) => choice.name)).toEqual([
      'wasm',
      'cpu',
    ]);
  });

  it('trains a convolutional network without a GPU on WASM, with the filter gradient LayerLab gives it', () => {
    const plan = planBackends(noGpu, ['Input', 'Conv2D', 'Flatten', 'Dense'], 'auto');
    expect(plan.map((choice) => choice.name)).toEqual(['wasm', 'cpu']);
    expect(plan[0]?.reason.en).toContain('WASM is the fastest CPU backend');
    expect(planBackends(noGpu, ['Conv1D', 'Conv2DTranspose'], 'wasm').map((choice) => choice.name)).toEqual([
      'wasm',
      'cpu',
    ]);
  });

  it('trains an Embedding without a GPU on WASM, with the segment sum LayerLab gives it', () => {
    const plan = planBackends(noGpu, ['Input', 'Embedding', 'LSTM', 'Dense'], 'auto');
    expect(plan.map((choice) => choice.name)).toEqual(['wasm', 'cpu']);
    expect(plan[0]?.reason.en).toContain('WASM is the fastest CPU backend');
    expect(planBackends(noGpu, ['Embedding', 'Conv1D', 'Dense'], 'auto')[0]?.name).toBe('wasm');
  });

  describe('with tf.js’ WASM kernels alone (none supplied by LayerLab)', () => {
    const alone: string[] = [];

    it('keeps a convolutional network off WASM and says why: software WebGL, then CPU', () => {
      const plan = planBackends(noGpu, ['Input', 'Conv2D', 'Flatten', 'Dense'], 'auto', alone);
      expect(plan.map((choice) => choice.name)).toEqual(['webgl', 'cpu']);
      expect(plan[0]?.reason.en).toContain('WASM cannot train Conv2D (Conv2DBackpropFilter)');
    });

    it('honours an explicit choice, but not WASM for a network it cannot train', () => {
      expect(planBackends(noGpu, ['Dense'], 'cpu', alone).map((choice) => choice.name)).toEqual(['cpu']);
      const plan = planBackends(noGpu, ['Conv1D', 'LSTM'], 'wasm', alone);
      expect(plan.map((choice) => choice.name)).not.toContain('wasm');
      expect(plan[0]?.reason.es).toContain('WASM no puede entrenar Conv1D (Conv2DBackpropFilter)');
    });
  });
});

describe('the WASM backend of the installed tf.js', () => {
  it.each(Object.entries(wasmMissingGradients))('still lacks the gradient kernel %s needs (%s)', (_kind, kernel) => {
    expect(tf.getKernel(kernel, 'wasm')).toBeUndefined();
    // ...while the CPU backend has it, so the check itself can tell.
    expect(tf.getKernel(kernel, 'cpu')).toBeDefined();
  });
});
