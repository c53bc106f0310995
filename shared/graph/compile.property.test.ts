/**
 * Property tests of the compiler (RELIABILITY 27, STYLE 19): random layer chains built from every
 * layer kind with random valid parameters, and random broken graphs. The checks and tf.js must
 * agree: what the checks accept, tf.js builds with the shapes and counts the canvas shows; what
 * tf.js would build with an empty axis, the checks refuse first; and nothing ever throws.
 * Every shrunk failure becomes a named case in regressions.test.ts.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AnyParamValue, ParamSpec } from '../layers/params.js';
import { layerDef, layerKinds, type LayerKind } from '../layers/registry.js';
import type { TfLayer } from '../layers/types.js';
import { languages } from '../vocabulary/localized.js';
import { analyzeGraph, type Analysis } from './analyze.js';
import { compileGraph } from './compile.js';
import { describeProblem, type ProblemCode } from '../vocabulary/problems.js';
import type { Shape } from '../vocabulary/shape.js';
import type { Graph, LayerNode, Wire } from './types.js';

type Params = Record<string, unknown>;
type NonInputKind = Exclude<LayerKind, 'Input'>;
type Dtype = 'float32' | 'int32';

const kindsButInput = layerKinds.filter((kind): kind is NonInputKind => kind !== 'Input');
const mergeKinds: readonly LayerKind[] = layerKinds.filter((kind) => layerDef(kind).inputs === 'many');
/** Problems of the whole graph, which no single layer can be blamed for. */
const graphLevel: readonly ProblemCode[] = ['graph.no-input', 'graph.no-output'];

/**
 * Small upper bounds, so that models stay tiny: windows a little larger than some inputs (to
 * reach the refusals), few units, few repetitions.
 */
const caps: Record<string, number> = {
  kernel_size: 5,
  pool_size: 5,
  strides: 4,
  size: 3,
  n: 4,
  filters: 8,
  output_dim: 8,
};
const defaultCap = 16;

beforeAll(async () => {
  // Silences tf.js' own advice to install tfjs-node, so that these tests print nothing.
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  await tf.ready();
});

// ---------------------------------------------------------------------------------------------
// Arbitraries.

/** A valid value for `spec`, derived from its type and range alone. */
function validValue(name: string, spec: ParamSpec): fc.Arbitrary<AnyParamValue> {
  const cap = caps[name] ?? defaultCap;
  let arbitrary: fc.Arbitrary<AnyParamValue>;
  switch (spec.type) {
    case 'int':
      arbitrary = fc.integer({ min: spec.min, max: Math.min(spec.max, Math.max(spec.min, cap)) });
      break;
    case 'optionalInt':
      arbitrary = fc.option(fc.integer({ min: spec.min, max: Math.min(spec.max, cap) }), { nil: null });
      break;
    case 'float':
      arbitrary = fc.double({
        min: spec.min,
        max: spec.max,
        minExcluded: spec.minExclusive,
        maxExcluded: spec.maxExclusive,
        noNaN: true,
      });
      break;
    case 'bool':
      arbitrary = fc.boolean();
      break;
    case 'enum':
      arbitrary = fc.constantFrom(...spec.options);
      break;
    case 'ints':
      arbitrary = fc.array(fc.integer({ min: spec.min, max: Math.min(spec.max, cap) }), {
        minLength: spec.length,
        maxLength: spec.length,
      });
      break;
    case 'shape':
      arbitrary = fc
        .tuple(
          fc.array(fc.integer({ min: 1, max: 12 }), { minLength: spec.minRank, maxLength: Math.min(spec.maxRank, 3) }),
          fc.integer({ min: -1, max: 2 }),
        )
        .map(([dims, inferred]) =>
          spec.allowInferred && inferred >= 0 && inferred < dims.length
            ? dims.map((dim, index) => (index === inferred ? -1 : dim))
            : dims,
        );
      break;
  }
  // Ranges can hold a value the schema still refuses (Concatenate's axis 0).
  return arbitrary.filter((value) => spec.schema.safeParse(value).success);
}

/** A value `spec` refuses: out of range, not whole, the wrong type, or missing. */
function invalidValue(spec: ParamSpec): fc.Arbitrary<unknown> {
  const wrongType = [null, undefined, 'text', true] as const;
  switch (spec.type) {
    case 'int':
    case 'optionalInt':
      return fc.constantFrom(spec.min - 1, spec.max + 1, spec.min + 0.5, Number.NaN, ...wrongType);
    case 'float':
      return fc.constantFrom(spec.min - 0.5, spec.max + 0.5, Number.POSITIVE_INFINITY, Number.NaN, ...wrongType);
    case 'bool':
      return fc.constantFrom(0, 'yes', null, undefined);
    case 'enum':
      return fc.constantFrom('nope', 3, null, undefined);
    case 'ints':
      return fc.constantFrom([0, 1], [1], [1.5, 2], [1, 2, 3], 'text', null);
    case 'shape':
      return fc.constantFrom([], [0], [-1, -1], [2, -2], [1, 2, 3, 4, 5], [1.5], null);
  }
}

function validParams(kind: LayerKind): fc.Arbitrary<Params> {
  const entries = Object.entries(layerDef(kind).params).map(([name, spec]) => [name, validValue(name, spec)] as const);
  return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>);
}

/** Parameters that are mostly valid, one in five replaced by a value the schema refuses. */
function shakyParams(kind: LayerKind): fc.Arbitrary<Params> {
  const entries = Object.entries(layerDef(kind).params).map(
    ([name, spec]) =>
      [
        name,
        fc.oneof({ weight: 4, arbitrary: validValue(name, spec) }, { weight: 1, arbitrary: invalidValue(spec) }),
      ] as const,
  );
  return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<unknown>>);
}

/** How a Reshape picks its target from the size of what comes in. */
interface ReshapeRecipe {
  /** Most of the time the target multiplies to the input's size; otherwise the raw target stays. */
  fromDivisors: boolean;
  rank: number;
  picks: number[];
  /** Which axis becomes -1, if any. */
  inferred: number;
}

const reshapeRecipe: fc.Arbitrary<ReshapeRecipe> = fc.record({
  fromDivisors: fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  rank: fc.integer({ min: 1, max: 3 }),
  picks: fc.array(fc.nat(60), { minLength: 2, maxLength: 2 }),
  inferred: fc.integer({ min: -1, max: 2 }),
});

/** Small layers that keep the shape; a Reshape to the same shape keeps the values and drops a mask. */
const branchKinds = ['Dense', 'Activation', 'Dropout', 'BatchNormalization', 'Reshape'] as const;

/** A merge's inputs: two small parallel layers, or the tensor itself and one layer (a skip). */
interface MergePlan {
  style: 'two' | 'skip';
  branch: (typeof branchKinds)[number];
  first: Params;
  second: Params;
  /** Whether two Dense branches get the same units, as Add needs. */
  sameUnits: boolean;
}

const mergePlan: fc.Arbitrary<MergePlan> = fc.constantFrom(...branchKinds).chain((branch) =>
  fc.record({
    style: fc.constantFrom('two' as const, 'skip' as const),
    branch: fc.constant(branch),
    first: validParams(branch),
    second: validParams(branch),
    sameUnits: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  }),
);

/**
 * Most layers get the rank they need from a size-keeping Reshape put before them where the
 * tensor has the wrong number of axes; without it, most random chains stop at the first layer.
 */
interface Adapter {
  picks: number[];
}

const adapter: fc.Arbitrary<Adapter | null> = fc.option(
  fc.record({ picks: fc.array(fc.nat(60), { minLength: 2, maxLength: 2 }) }),
  { nil: null, freq: 4 },
);

interface Step {
  kind: NonInputKind;
  params: Params;
  adapter?: Adapter | null;
  reshape?: ReshapeRecipe;
  merge?: MergePlan;
}

const step: fc.Arbitrary<Step> = fc.oneof(
  ...kindsButInput.map((kind): fc.Arbitrary<Step> => {
    const base = { kind: fc.constant(kind), params: validParams(kind) };
    if (kind === 'Reshape') return fc.record({ ...base, reshape: reshapeRecipe });
    if (mergeKinds.includes(kind)) return fc.record({ ...base, merge: mergePlan });
    return fc.record({ ...base, adapter });
  }),
);

interface ChainPlan {
  shape: number[];
  dtype: Dtype;
  steps: Step[];
}

const chainPlan: fc.Arbitrary<ChainPlan> = fc.record({
  shape: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
  dtype: fc.constantFrom<Dtype>('float32', 'int32'),
  steps: fc.array(step, { minLength: 1, maxLength: 6 }),
});

function divisors(size: number): number[] {
  const found: number[] = [];
  for (let candidate = 1; candidate <= size; candidate += 1) if (size % candidate === 0) found.push(candidate);
  return found;
}

/** A Reshape target with as many values as `size`, from the recipe's picks. */
function targetFor(size: number, recipe: ReshapeRecipe): number[] {
  const dims: number[] = [];
  let remaining = size;
  for (let axis = 0; axis < recipe.rank - 1; axis += 1) {
    const options = divisors(remaining);
    const dim = options[(recipe.picks[axis] ?? 0) % options.length] ?? 1;
    dims.push(dim);
    remaining /= dim;
  }
  dims.push(remaining);
  return dims.map((dim, axis) => (axis === recipe.inferred ? -1 : dim));
}

function makeNode(kind: LayerKind, id: string, name: string, params: Params): LayerNode {
  return { id, kind, name, params, position: { x: 0, y: 0 } } as LayerNode;
}

const rankProblems: readonly ProblemCode[] = ['shape.wrong-rank', 'shape.needs-sequence'];

/** A Reshape target of the size of `shape` on which `kind` finds the rank it needs, if one is needed. */
function adapterTarget(kind: LayerKind, params: Params, shape: Shape, { picks }: Adapter): number[] | null {
  const accepts = (input: Shape) => {
    const result = layerDef(kind).inferShape([input], params as never);
    return result.ok || !rankProblems.includes(result.issue.code);
  };
  const dims = shape.slice(1);
  if (accepts(shape) || !dims.every((dim): dim is number => dim !== null)) return null;
  const size = dims.reduce((total, dim) => total * dim, 1);
  for (const rank of [1, 2, 3]) {
    const target = targetFor(size, { fromDivisors: true, rank, picks, inferred: -1 });
    if (accepts([null, ...target])) return target;
  }
  return null;
}

/** The chain as a graph: an Input, then each step wired after the one before. */
function buildChain(plan: ChainPlan): Graph {
  const graph: Graph = { nodes: [], wires: [] };
  const add = (kind: LayerKind, params: Params): string => {
    const index = graph.nodes.length;
    const id = `n${index}`;
    graph.nodes.push(makeNode(kind, id, `${layerDef(kind).namePrefix}_${index}`, params));
    return id;
  };
  const connect = (source: string, target: string) => {
    graph.wires.push({ id: `${source}->${target}`, source, target });
  };
  const shapeOf = (id: string) => analyzeGraph(graph).nodes.get(id)?.shape ?? null;
  let previous = add('Input', { shape: plan.shape, dtype: plan.dtype });
  for (const { kind, params, adapter, reshape, merge } of plan.steps) {
    if (merge) {
      const same = merge.branch === 'Reshape' ? shapeOf(previous)?.slice(1) : undefined;
      const keep = same?.every((dim) => dim !== null) ? { target_shape: same } : undefined;
      const second =
        keep ??
        (merge.sameUnits && merge.branch === 'Dense' ? { ...merge.second, units: merge.first.units } : merge.second);
      const first = add(merge.branch, keep ?? merge.first);
      connect(previous, first);
      const other = merge.style === 'two' ? add(merge.branch, second) : previous;
      if (other !== previous) connect(previous, other);
      const joined = add(kind, params);
      connect(first, joined);
      connect(other, joined);
      previous = joined;
      continue;
    }
    let chosen = params;
    const shape = adapter || reshape?.fromDivisors ? shapeOf(previous) : null;
    if (shape && adapter) {
      const target = adapterTarget(kind, params, shape, adapter);
      if (target) {
        const reshaped = add('Reshape', { target_shape: target });
        connect(previous, reshaped);
        previous = reshaped;
      }
    }
    const dims = shape?.slice(1);
    if (reshape?.fromDivisors && dims?.every((dim): dim is number => dim !== null)) {
      chosen = {
        target_shape: targetFor(
          dims.reduce((total, dim) => total * dim, 1),
          reshape,
        ),
      };
    }
    const id = add(kind, chosen);
    connect(previous, id);
    previous = id;
  }
  return graph;
}

// ---------------------------------------------------------------------------------------------
// Checks.

function errorsOf(analysis: Analysis) {
  return analysis.problems.filter((found) => found.severity === 'error');
}

function feedFor(node: LayerNode): tf.Tensor {
  const params = node.params as { shape: number[]; dtype: Dtype };
  return tf.zeros([2, ...params.shape], params.dtype);
}

/** Layers that only move values around, so token indices fed to the Input stay indices. */
const movesValues: ReadonlySet<LayerKind> = new Set<LayerKind>([
  'Input',
  'Flatten',
  'Reshape',
  'RepeatVector',
  'MaxPooling1D',
  'MaxPooling2D',
  'GlobalMaxPooling1D',
  'GlobalMaxPooling2D',
  'Dropout',
]);

/**
 * Whether an Embedding looks up values some layer computed: legal (Keras truncates them to
 * integers), but whether they fall in 0..input_dim-1 depends on the weights, not on the graph.
 */
function embedsComputedValues(graph: Graph): boolean {
  const kinds = new Map(graph.nodes.map((node) => [node.id, node.kind]));
  return graph.nodes.some(
    (node) =>
      node.kind === 'Embedding' &&
      [...upstream(graph, node.id)].some((id) => id !== node.id && !movesValues.has(kinds.get(id) ?? 'Input')),
  );
}

/** Gate functions between -1 and 1: with others, an LSTM's or GRU's state can grow without bound. */
const boundedGates: ReadonlySet<unknown> = new Set(['sigmoid', 'tanh', 'softsign', 'softmax']);

/**
 * Whether a recurrent layer's gates are unbounded (softplus, relu, linear...): legal in Keras,
 * but its state may then grow to infinity within a few steps, and Infinity - Infinity is NaN.
 */
function mayOverflow(graph: Graph): boolean {
  return graph.nodes.some(
    (node) => 'recurrent_activation' in node.params && !boundedGates.has(node.params.recurrent_activation),
  );
}

/**
 * Whether a recurrent layer drops inputs while training. tf.js keeps its last dropout masks in the
 * layer until the next run, and disposing the model leaves them behind: one or two tensors per
 * model (tf.js' doing, not the compiler's).
 */
function keepsDropoutMasks(graph: Graph): boolean {
  return graph.nodes.some(
    (node) => 'recurrent_dropout' in node.params && (node.params.dropout !== 0 || node.params.recurrent_dropout !== 0),
  );
}

/** Property 1 on one graph: the checks and the compiled model agree, and nothing is left behind. */
function checkCompile(graph: Graph): void {
  const tensorsBefore = tf.memory().numTensors;
  checkModel(graph);
  if (!keepsDropoutMasks(graph)) expect(tf.memory().numTensors).toBe(tensorsBefore);
}

function checkModel(graph: Graph): void {
  const analysis = analyzeGraph(graph);
  const errors = errorsOf(analysis);
  expect(analysis.problems.map((found) => found.code)).not.toContain('graph.internal-error');
  const result = compileGraph(graph, tf, { seed: 7 });
  try {
    if (!result.ok) {
      expect(result.problems.map((found) => found.code)).not.toContain('graph.internal-error');
      expect(errors.length).toBeGreaterThan(0);
      expect(result.problems).toEqual(errors);
      const ids = new Set(graph.nodes.map((node) => node.id));
      for (const found of errors) {
        if (found.nodeId === null) expect(graphLevel).toContain(found.code);
        else expect(ids.has(found.nodeId)).toBe(true);
      }
      return;
    }
    expect(errors).toEqual([]);
    const expected = analysis.outputs.map((id) => analysis.nodes.get(id)?.shape ?? null);
    expect(result.model.outputs.map((output) => output.shape)).toEqual(expected);
    expect(result.model.countParams()).toBe(analysis.totalParams);
    if (embedsComputedValues(graph)) return;
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    const inputs = analysis.inputs.map((id) => byId.get(id)).filter((node) => node !== undefined);
    let shapes: number[][] = [];
    let nan = false;
    tf.tidy(() => {
      const feeds = inputs.map(feedFor);
      const output = result.model.predict(feeds.length === 1 ? (feeds[0] as tf.Tensor) : feeds);
      const outputs = Array.isArray(output) ? output : [output];
      shapes = outputs.map((tensor) => tensor.shape);
      nan = outputs.some((tensor) => Array.from(tensor.dataSync()).some(Number.isNaN));
    });
    expect(shapes).toEqual(expected.map((shape) => (shape ?? []).map((dim) => dim ?? 2)));
    if (!mayOverflow(graph)) expect(nan).toBe(false);
  } finally {
    if (result.ok) result.model.dispose();
  }
}

/** Frees a layer's weights, also where tf.js refused it after making them (it then refuses dispose()). */
function disposeLayer(layer: TfLayer): void {
  try {
    layer.dispose();
  } catch {
    for (const weight of layer.weights) {
      try {
        weight.dispose();
      } catch {
        // Shared with a layer disposed before: already freed.
      }
    }
  }
}

/** Every layer upstream of `id`, and `id` itself. */
function upstream(graph: Graph, id: string): Set<string> {
  const found = new Set<string>([id]);
  const queue = [id];
  for (let head = 0; head < queue.length; head += 1) {
    for (const wire of graph.wires) {
      if (wire.target === queue[head] && !found.has(wire.source)) {
        found.add(wire.source);
        queue.push(wire.source);
      }
    }
  }
  return found;
}

/**
 * Property 2 on one graph: each layer built straight with tf.js, the checks bypassed. Where tf.js
 * makes an axis of size zero or less, the checks refused that layer or one before it; where the
 * checks found a shape, tf.js built that very shape.
 */
function checkAgainstTf(graph: Graph): void {
  const analysis = analyzeGraph(graph);
  const blamed = new Set(errorsOf(analysis).map((found) => found.nodeId));
  const built: TfLayer[] = [];
  const tensors = new Map<string, tf.SymbolicTensor>();
  let seed = 1;
  tf.tidy(() => {
    for (const node of graph.nodes) {
      const sources = graph.wires.filter((wire) => wire.target === node.id).map((wire) => tensors.get(wire.source));
      if (!sources.every((tensor) => tensor !== undefined)) continue;
      try {
        const layer = layerDef(node.kind).build(node.params as never, {
          tf,
          name: node.name,
          inputs: sources.map((tensor) => tensor.shape),
          nextSeed: () => seed++,
        });
        built.push(layer);
        if (node.kind === 'Input') {
          const tensor = layer.inboundNodes[0]?.outputTensors[0];
          if (tensor) tensors.set(node.id, tensor);
          continue;
        }
        const output = layer.apply(sources.length === 1 ? (sources[0] as tf.SymbolicTensor) : sources);
        tensors.set(node.id, (Array.isArray(output) ? output[0] : output) as tf.SymbolicTensor);
      } catch {
        // tf.js refused the layer: nothing to compare downstream of it.
      }
    }
  });
  try {
    for (const node of graph.nodes) {
      const tensor = tensors.get(node.id);
      const inferred = analysis.nodes.get(node.id)?.shape ?? null;
      if (inferred !== null) expect({ id: node.id, shape: tensor?.shape }).toEqual({ id: node.id, shape: inferred });
      if (tensor?.shape.slice(1).some((dim) => dim !== null && dim <= 0)) {
        const before = [...upstream(graph, node.id)];
        expect({ id: node.id, shape: tensor.shape, refused: before.some((id) => blamed.has(id)) }).toEqual({
          id: node.id,
          shape: tensor.shape,
          refused: true,
        });
      }
    }
  } finally {
    for (const layer of built) disposeLayer(layer);
  }
}

// Random broken graphs: any kinds, shaky parameters, random wires, shared names.

interface NodePlan {
  kind: LayerKind;
  params: Params;
  /** A name shared with other layers, or null for a name of its own. */
  sharedName: string | null;
}

const nodePlan: fc.Arbitrary<NodePlan> = fc.oneof(
  ...layerKinds.map((kind) =>
    fc.record({
      kind: fc.constant(kind),
      params: shakyParams(kind),
      sharedName: fc.option(fc.constantFrom('a', 'b'), { nil: null, freq: 4 }),
    }),
  ),
);

/** A wire end: a layer by index (wrapped to the layers there are), or -1 for a layer that is gone. */
const wireEnd = fc.oneof({ weight: 9, arbitrary: fc.nat(5) }, { weight: 1, arbitrary: fc.constant(-1) });

const brokenGraph: fc.Arbitrary<Graph> = fc
  .record({
    nodes: fc.array(nodePlan, { minLength: 1, maxLength: 6 }),
    wires: fc.array(fc.tuple(wireEnd, wireEnd), { maxLength: 10 }),
  })
  .map(({ nodes, wires }) => {
    const idOf = (end: number) => (end < 0 ? 'gone' : `n${end % nodes.length}`);
    return {
      nodes: nodes.map((plan, index) =>
        makeNode(plan.kind, `n${index}`, plan.sharedName ?? `${layerDef(plan.kind).namePrefix}_${index}`, plan.params),
      ),
      wires: wires.map(([source, target], index): Wire => ({
        id: `w${index}`,
        source: idOf(source),
        target: idOf(target),
      })),
    };
  });

/** Property 3 on one graph: problems point at what exists, read in full, and stop every failure. */
function checkBroken(graph: Graph): void {
  const analysis = analyzeGraph(graph);
  const nodeIds = new Set(graph.nodes.map((node) => node.id));
  const wireIds = new Set(graph.wires.map((found) => found.id));
  for (const found of analysis.problems) {
    expect(found.code).not.toBe('graph.internal-error');
    if (found.nodeId !== null) expect(nodeIds).toContain(found.nodeId);
    for (const id of found.wireIds) expect(wireIds).toContain(id);
    const fix = found.fix;
    if (fix?.kind === 'set-param' || fix?.kind === 'remove-layer') expect(nodeIds).toContain(fix.nodeId);
    if (fix?.kind === 'remove-wires') for (const id of fix.wireIds) expect(wireIds).toContain(id);
    if (fix?.kind === 'insert-layer') expect(wireIds).toContain(fix.wireId);
    for (const language of languages) {
      const message = describeProblem(found, language);
      expect(message.trim()).not.toBe('');
      expect(message).not.toMatch(/undefined|NaN|\?/);
    }
  }
  const result = compileGraph(graph, tf, { seed: 3 });
  if (result.ok) {
    result.model.dispose();
    return;
  }
  expect(result.problems.map((found) => found.code)).not.toContain('graph.internal-error');
  expect(analysis.errorCount).toBeGreaterThan(0);
}

// ---------------------------------------------------------------------------------------------

describe('compiler properties', () => {
  it('compiles every chain the checks accept, to the shapes and counts inferred, and refuses the rest', () => {
    fc.assert(
      fc.property(chainPlan, (plan) => checkCompile(buildChain(plan))),
      { seed: 27_001, numRuns: 200 },
    );
  });

  it('refuses every layer where tf.js would make an axis of size zero, and agrees on every shape', () => {
    const before = tf.memory().numTensors;
    fc.assert(
      fc.property(chainPlan, (plan) => checkAgainstTf(buildChain(plan))),
      { seed: 27_002, numRuns: 200 },
    );
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports broken graphs without throwing, pointing at what exists, in words with every value filled in', () => {
    fc.assert(
      fc.property(brokenGraph, (graph) => checkBroken(graph)),
      { seed: 27_003, numRuns: 200 },
    );
  });
});
