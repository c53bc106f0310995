import { describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph, wire } from '../../tests/helpers/graphs';
import { analyzeGraph } from './analyze';
import { describeProblem } from '../vocabulary/problems';
import { formatShape } from '../vocabulary/shape';
import type { Graph } from './types';

const shapeOf = (graph: Graph, id: string) => {
  const shape = analyzeGraph(graph).nodes.get(id)?.shape;
  return shape ? formatShape(shape) : null;
};

describe('the course lesson', () => {
  it('has the shapes and parameter counts Keras reports', () => {
    const analysis = analyzeGraph(lessonGraph());
    expect(analysis.problems).toEqual([]);
    expect(formatShape(analysis.wires.get('input->simple_rnn') ?? [])).toBe('(None, 3, 8)');
    expect(formatShape(analysis.nodes.get('simple_rnn')?.shape ?? [])).toBe('(None, 50)');
    expect(formatShape(analysis.nodes.get('dense')?.shape ?? [])).toBe('(None, 8)');
    // SimpleRNN: 50·(8+50)+50 = 2,950. Dense: 50·8+8 = 408.
    expect(analysis.nodes.get('simple_rnn')?.params).toBe(2950);
    expect(analysis.nodes.get('dense')?.params).toBe(408);
    expect(analysis.totalParams).toBe(3358);
    expect(analysis.inputs).toEqual(['input']);
    expect(analysis.outputs).toEqual(['dense']);
  });

  it('counts an LSTM(128) on 31 features as 81,920', () => {
    const analysis = analyzeGraph(
      chain(layer('Input', 'in', { shape: [40, 31] }), layer('LSTM', 'lstm', { units: 128 })),
    );
    expect(analysis.nodes.get('lstm')?.params).toBe(81920);
  });
});

describe('structure checks', () => {
  it('names the wires of a loop and offers to cut it', () => {
    const graph: Graph = {
      nodes: [layer('Input', 'in', { shape: [4] }), layer('Dense', 'a'), layer('Dense', 'b'), layer('Add', 'sum')],
      wires: [wire('in', 'sum'), wire('sum', 'a'), wire('a', 'b'), wire('b', 'sum')],
    };
    const loop = analyzeGraph(graph).problems.find((found) => found.code === 'graph.cycle');
    expect(loop?.wireIds.sort()).toEqual(['a->b', 'b->sum', 'sum->a']);
    expect(describeProblem(loop ?? { code: 'graph.cycle', values: {} }, 'en')).toMatch(
      /sum → a → b → sum|a → b → sum → a|b → sum → a → b/,
    );
    expect(loop?.fix?.kind).toBe('remove-wires');
  });

  it('pins an unconnected layer, a second wire into a one-input layer, and a lone merge input', () => {
    const graph: Graph = {
      nodes: [
        layer('Input', 'x', { shape: [4] }),
        layer('Input', 'y', { shape: [4] }),
        layer('Dense', 'd'),
        layer('Dense', 'loose'),
        layer('Add', 'sum'),
      ],
      wires: [wire('x', 'd'), wire('y', 'd'), wire('d', 'sum'), wire('loose', 'sum')],
    };
    const problems = analyzeGraph(graph).problems;
    const tooMany = problems.find((found) => found.code === 'graph.too-many-inputs');
    expect(tooMany?.nodeId).toBe('d');
    expect(tooMany?.fix).toEqual({ kind: 'remove-wires', wireIds: ['y->d'] });
    expect(problems.find((found) => found.code === 'graph.unconnected-input')?.nodeId).toBe('loose');
    expect(describeProblem(tooMany ?? { code: 'graph.cycle', values: {} }, 'es')).toContain('recibe una sola entrada');
  });

  it('asks for an Input, and for an output', () => {
    expect(analyzeGraph(chain(layer('Dense', 'd'))).problems.map((found) => found.code)).toContain('graph.no-input');
    expect(analyzeGraph(chain(layer('Input', 'in'))).problems.map((found) => found.code)).toEqual(['graph.no-output']);
    expect(analyzeGraph({ nodes: [], wires: [] }).problems).toEqual([]);
  });

  it('flags an Input left out of the network, and wires to layers that are gone', () => {
    const graph = lessonGraph();
    graph.nodes.push(layer('Input', 'spare'));
    graph.wires.push(wire('ghost', 'dense'));
    const problems = analyzeGraph(graph).problems;
    expect(problems.find((found) => found.code === 'graph.disconnected')?.nodeId).toBe('spare');
    expect(problems.find((found) => found.code === 'graph.missing-endpoint')?.fix).toEqual({
      kind: 'remove-wires',
      wireIds: ['ghost->dense'],
    });
  });

  it('refuses out-of-range parameters at the parameter, with its default as the fix', () => {
    const graph = chain(layer('Input', 'in', { shape: [4] }), layer('Dense', 'd', { units: 0 }));
    const [found] = analyzeGraph(graph).problems;
    expect(found).toMatchObject({
      code: 'param.invalid',
      nodeId: 'd',
      param: 'units',
      fix: { kind: 'set-param', value: 32 },
    });
    expect(describeProblem(found ?? { code: 'graph.cycle', values: {} }, 'en')).toBe(
      'units is 0, but it must be a whole number from 1 to 1,000,000.',
    );
  });

  it('refuses duplicate names', () => {
    const graph = chain(layer('Input', 'in', { shape: [4] }), layer('Dense', 'd'));
    const twin = layer('Dense', 'd2');
    graph.nodes.push({ ...twin, name: 'd' });
    graph.wires.push(wire('d', 'd2'));
    const found = analyzeGraph(graph).problems.find((problem) => problem.code === 'graph.duplicate-name');
    expect(found?.nodeId).toBe('d2');
    expect(found?.fix).toEqual({ kind: 'rename-layer', nodeId: 'd2', name: 'd_1' });
  });

  it.each([
    ['capa oculta', 'capa_oculta'],
    ['capa_ñ', 'capa_n'],
    ['-salida', 'salida'],
    ['😀', 'dense'],
    ['a\u001b[2Jb', 'a2Jb'],
    ['x/y', 'xy'],
  ])('pins a name tf.js refuses, %j, to its layer with a rename to %j', (name, suggested) => {
    const graph = chain(layer('Input', 'in', { shape: [4] }), layer('Dense', 'd'));
    graph.nodes[1] = { ...graph.nodes[1], name } as (typeof graph.nodes)[number];
    const analysis = analyzeGraph(graph);
    const found = analysis.problems.find((problem) => problem.code === 'graph.bad-name');
    expect(found).toMatchObject({ nodeId: 'd', severity: 'error', param: 'name' });
    expect(found?.fix).toEqual({ kind: 'rename-layer', nodeId: 'd', name: suggested });
    expect(describeProblem(found ?? { code: 'graph.bad-name', values: {} }, 'en')).toContain(
      `The name ${JSON.stringify(name)} cannot be used`,
    );
    // The shapes are still worked out: only the name is wrong.
    expect(shapeOf(graph, 'd')).toBe('(None, 32)');
  });
});

describe('wiring advice', () => {
  it('offers to wire a layer just dropped to the free end on its left', () => {
    const rnn = { ...layer('SimpleRNN', 'rnn', { units: 4 }), position: { x: 300, y: 0 } };
    const dropped = { ...layer('Dense', 'out'), position: { x: 600, y: 40 } };
    const graph: Graph = {
      nodes: [{ ...layer('Input', 'in', { shape: [3, 2] }), position: { x: 0, y: 0 } }, rnn, dropped],
      wires: [wire('in', 'rnn')],
    };
    const found = analyzeGraph(graph).problems.find((problem) => problem.nodeId === 'out');
    expect(found).toMatchObject({ code: 'graph.unconnected-input' });
    expect(found?.fix).toEqual({ kind: 'add-wire', source: 'rnn', target: 'out' });
  });

  it('offers to close the gap a deleted middle layer leaves, from either side', () => {
    const graph: Graph = {
      nodes: [
        { ...layer('Input', 'in', { shape: [4] }), position: { x: 0, y: 0 } },
        { ...layer('Dense', 'out', { units: 1 }), position: { x: 600, y: 0 } },
      ],
      wires: [],
    };
    const problems = analyzeGraph(graph).problems;
    const wiring = problems.map((problem) => [problem.code, problem.fix]);
    expect(wiring).toHaveLength(2);
    expect(wiring).toContainEqual(['graph.unconnected-input', { kind: 'add-wire', source: 'in', target: 'out' }]);
    expect(wiring).toContainEqual(['graph.disconnected', { kind: 'add-wire', source: 'in', target: 'out' }]);
  });
});

describe('shape checks', () => {
  it('an Input of one axis feeding an RNN is offered a time axis, not a recurrent layer it lacks', () => {
    const graph = chain(layer('Input', 'in', { shape: [8] }), layer('SimpleRNN', 'rnn', { units: 4 }));
    const [found] = analyzeGraph(graph).problems;
    expect(found?.fix).toEqual({ kind: 'set-param', nodeId: 'in', param: 'shape', value: [8, 1] });
    expect(describeProblem(found ?? { code: 'shape.needs-sequence', values: {} }, 'en')).toBe(
      'SimpleRNN needs a sequence (batch, time, features); it gets (None, 8). Give in a time axis: the shape (8, 1) reads the values one time step at a time.',
    );
    const afterDense = chain(
      layer('Input', 'in', { shape: [8] }),
      layer('Dense', 'd', { units: 6 }),
      layer('LSTM', 'lstm', { units: 4 }),
    );
    const [second] = analyzeGraph(afterDense).problems;
    expect(second?.fix).toBeUndefined();
    expect(describeProblem(second ?? { code: 'shape.needs-sequence', values: {} }, 'en')).toContain(
      'Put a Reshape before it to give the data a time axis, such as (6, 1).',
    );
  });

  it('an RNN fed a 2-D tensor offers return_sequences on the RNN before it', () => {
    const graph = chain(layer('Input', 'in', { shape: [3, 8] }), layer('LSTM', 'first'), layer('LSTM', 'second'));
    const [found] = analyzeGraph(graph).problems;
    expect(found).toMatchObject({ code: 'shape.needs-sequence', nodeId: 'second' });
    expect(found?.fix).toEqual({ kind: 'set-param', nodeId: 'first', param: 'return_sequences', value: true });
    expect(describeProblem(found ?? { code: 'graph.cycle', values: {} }, 'en')).toContain('it gets (None, 128)');
  });

  it('warns about Dense on an image and offers a Flatten', () => {
    const graph = chain(layer('Input', 'img', { shape: [8, 8, 1] }), layer('Dense', 'd', { units: 10 }));
    const analysis = analyzeGraph(graph);
    expect(analysis.errorCount).toBe(0);
    expect(analysis.problems[0]).toMatchObject({ code: 'warn.dense-on-grid', severity: 'warning', nodeId: 'd' });
    expect(analysis.problems[0]?.fix).toEqual({ kind: 'insert-layer', layerKind: 'Flatten', wireId: 'img->d' });
    expect(shapeOf(graph, 'd')).toBe('(None, 8, 8, 10)');
  });

  it('leaves layers after an error without a shape and without more errors', () => {
    const graph = chain(layer('Input', 'in', { shape: [4] }), layer('LSTM', 'lstm'), layer('Dense', 'd'));
    const analysis = analyzeGraph(graph);
    expect(analysis.problems.map((found) => found.nodeId)).toEqual(['lstm']);
    expect(analysis.nodes.get('d')?.shape).toBeNull();
  });

  it('suggests int32 for an Embedding fed float32', () => {
    const graph = chain(layer('Input', 'tokens', { shape: [10] }), layer('Embedding', 'embed'));
    const found = analyzeGraph(graph).problems.find((entry) => entry.code === 'warn.embedding-float-input');
    expect(found?.fix).toEqual({ kind: 'set-param', nodeId: 'tokens', param: 'dtype', value: 'int32' });
  });
});
