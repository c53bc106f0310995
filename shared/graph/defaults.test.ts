import { describe, expect, it } from 'vitest';
import { loadProject, saveProject } from '../project/load';
import { defaultTrainingSettings } from '../training/settings';
import { analyzeGraph } from './analyze';
import { withDefaultParams } from './types';

// A Dense as written before it had `kernel_l2`: files from then must still open without errors.
const olderDense = {
  id: 'dense',
  kind: 'Dense',
  name: 'dense',
  params: { units: 4, activation: 'relu', use_bias: true, kernel_initializer: 'glorot_uniform' },
  position: { x: 0, y: 0 },
};
const input = {
  id: 'input',
  kind: 'Input',
  name: 'input',
  params: { shape: [3], dtype: 'float32' },
  position: { x: 0, y: 0 },
};

describe('a layer written before one of its settings existed', () => {
  it('gets the setting’s default and keeps its own values, good or bad', () => {
    expect(withDefaultParams(olderDense).params).toEqual({ ...olderDense.params, kernel_l2: 0 });
    const bad = withDefaultParams({ ...olderDense, params: { ...olderDense.params, units: -1 } });
    expect(bad.params).toMatchObject({ units: -1, kernel_l2: 0 });
  });

  it('opens from a project file with no problems', () => {
    const saved = JSON.parse(
      saveProject({
        formatVersion: 3,
        name: 'old',
        graph: { nodes: [withDefaultParams(input), withDefaultParams(olderDense)], wires: [] },
        data: null,
        training: defaultTrainingSettings,
      }),
    ) as { graph: { nodes: { params: Record<string, unknown> }[] } };
    delete saved.graph.nodes[1]?.params.kernel_l2;
    const loaded = loadProject(JSON.stringify(saved));
    if (!loaded.ok) throw new Error(loaded.message);
    const dense = loaded.project.graph.nodes[1];
    expect(dense?.params).toMatchObject({ units: 4, kernel_l2: 0 });
    const graph = { ...loaded.project.graph, wires: [{ id: 'w', source: 'input', target: 'dense' }] };
    expect(analyzeGraph(graph).problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });
});
