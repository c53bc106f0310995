/**
 * Transfer learning in the graph model: layers that carry trained weights and layers that are
 * frozen, checked by the analysis, built by the compiler, kept by a project file and counted by
 * the summary.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../tests/helpers/graphs';
import { loadProject, saveProject } from '../project/load';
import { emptyProject } from '../project/project';
import { encodeWeights } from '../vocabulary/weights';
import { analyzeGraph } from './analyze';
import { compileGraph } from './compile';
import { summarize } from './summary';
import type { Graph } from './types';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const kernel = { shape: [2, 3], values: [1, 2, 3, 4, 5, 6] };
const bias = { shape: [3], values: [0.5, -0.5, 0] };

/** Input (2) → hidden Dense(3), carrying `weights`, frozen → out Dense(1). */
function network(weights = [kernel, bias], frozen = true): Graph {
  const graph = chain(
    layer('Input', 'input', { shape: [2] }),
    layer('Dense', 'hidden', { units: 3 }),
    layer('Dense', 'out', { units: 1 }),
  );
  return {
    ...graph,
    nodes: graph.nodes.map((node) =>
      node.name === 'hidden'
        ? { ...node, frozen, carried: { from: 'base lesson', weights: encodeWeights(weights) } }
        : node,
    ),
  };
}

describe('a layer that carries trained weights', () => {
  it('starts from them, and a frozen one is left out of what training changes', () => {
    const compiled = compileGraph(network(), tf, { seed: 3 });
    if (!compiled.ok) throw new Error('refused');
    const hidden = compiled.model.getLayer('hidden');
    expect(hidden.getWeights().map((tensor) => Array.from(tensor.dataSync()))).toEqual([kernel.values, bias.values]);
    expect(hidden.trainable).toBe(false);
    expect(compiled.model.trainableWeights.map((weight) => weight.originalName)).toEqual(['out/kernel', 'out/bias']);
    compiled.model.dispose();
  });

  it('with a count its layer no longer has, is an error pinned to it, with the fix that drops them', () => {
    const graph = network();
    const changed = {
      ...graph,
      nodes: graph.nodes.map((node) =>
        node.name === 'hidden' ? { ...node, params: { ...node.params, units: 4 } } : node,
      ),
    } as Graph;
    const analysis = analyzeGraph(changed);
    expect(analysis.problems).toEqual([
      expect.objectContaining({
        code: 'layer.carried-mismatch',
        severity: 'error',
        nodeId: 'hidden',
        values: { name: 'hidden', from: 'base lesson', carried: '9', params: '12' },
        fix: { kind: 'drop-carried', nodeId: 'hidden' },
      }),
    ]);
  });

  it('with the right count in the wrong shape, is refused by the compiler rather than loaded scrambled', () => {
    const turned = compileGraph(network([{ shape: [3, 2], values: kernel.values }, bias]), tf);
    expect(turned.ok).toBe(false);
    if (turned.ok) return;
    expect(turned.problems).toEqual([
      expect.objectContaining({
        code: 'layer.carried-mismatch',
        nodeId: 'hidden',
        values: expect.objectContaining({ carried: '(3, 2) (3)', params: '(2, 3) (3)' }),
      }),
    ]);
  });

  it('frozen with only its random starting weights is a warning: it would never learn', () => {
    const graph = network();
    const bare = { ...graph, nodes: graph.nodes.map(({ carried: _dropped, ...node }) => node) } as Graph;
    expect(analyzeGraph(bare).problems).toEqual([
      expect.objectContaining({
        code: 'warn.frozen-untrained',
        severity: 'warning',
        nodeId: 'hidden',
        fix: { kind: 'set-frozen', nodeId: 'hidden', frozen: false },
      }),
    ]);
    expect(analyzeGraph(graph).problems).toEqual([]);
  });

  it('is counted apart in the summary, as Keras counts non-trainable parameters', () => {
    const graph = network();
    const summary = summarize(graph, analyzeGraph(graph));
    expect(summary).toMatchObject({ totalParams: 9 + 4, frozenParams: 9 });
  });

  it('keeps its weights and its frozen flag through a project file; a broken weight is named by its path', () => {
    const project = { ...emptyProject('transfer'), graph: network() };
    const loaded = loadProject(saveProject(project));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded));
    const hidden = loaded.project.graph.nodes.find((node) => node.name === 'hidden');
    expect(hidden).toMatchObject({
      frozen: true,
      carried: { from: 'base lesson', weights: encodeWeights([kernel, bias]) },
    });
    const text = saveProject(project).replace(/"values": "[^"]+"/, '"values": "AAAA"');
    const broken = loadProject(text);
    expect(broken.ok).toBe(false);
    expect(JSON.stringify(broken)).toContain('graph.nodes.1.carried.weights.0.values');
  });
});
