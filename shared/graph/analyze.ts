/**
 * Graph analysis: structure checks, shape inference and parameter counts for a whole network, run
 * on every edit. Pure and total: it returns what it found and never throws on a user's graph.
 * Reads nothing but its arguments.
 */
import { allowedValues } from '../layers/param-input.js';
import { isLayerKind, layerDef } from '../layers/registry.js';
import type { LayerDef } from '../layers/types.js';
import {
  severityOf,
  type Fix,
  type LayerIssue,
  type Problem,
  type ProblemCode,
  type ProblemValues,
} from '../vocabulary/problems.js';
import { formatShape, sampleSize, type Shape } from '../vocabulary/shape.js';
import { downstreamOf, generatorEnds } from './gan.js';
import { layerNamePattern, suggestLayerName } from './naming.js';
import type { Graph, LayerNode, Wire } from './types.js';
import { weightCount } from '../vocabulary/weights.js';

export interface NodeAnalysis {
  /** The output shape, or null where an error here or upstream leaves it unknown. */
  shape: Shape | null;
  /** Weights of this layer, or null where its shape is unknown. */
  params: number | null;
  problems: Problem[];
}

export interface Analysis {
  nodes: ReadonlyMap<string, NodeAnalysis>;
  /** The shape each wire carries: its source's output. */
  wires: ReadonlyMap<string, Shape | null>;
  /** Every problem, errors first, in graph order. */
  problems: Problem[];
  errorCount: number;
  warningCount: number;
  /** Sum of the known parameter counts. */
  totalParams: number;
  /** Node ids in an order where every layer comes after its inputs (nodes in loops left out). */
  order: string[];
  /** Input layers and output layers (no wire out), in `order`. */
  inputs: string[];
  outputs: string[];
}

/** One sample larger than this cannot be trained on any machine LayerLab targets. */
export const maxSampleSize = 100_000_000;

/**
 * Whole numbers (an int32 Input: token indices) pass through the layers that only move values
 * about (a merge, when all its inputs hold them), and are read by Embedding (which looks them up)
 * and Dense (which casts them, as Keras' does): each layer's `traits.wholeNumbers`. Every other
 * layer computes with float32: tf.js refuses int32 there (Conv2D, pooling by average, sigmoid,
 * Dropout while training) or truncates its results to whole numbers (BatchNormalization).
 */
const wholeNumbersIn = (kind: LayerNode['kind']) => layerDef(kind).traits?.wholeNumbers;

function problem(code: ProblemCode, nodeId: string | null, extra: Partial<Problem> = {}): Problem {
  return { code, severity: severityOf(code), nodeId, wireIds: [], values: {}, ...extra };
}

/** Checks every parameter against its schema; a layer with a bad value is not inferred. */
function checkParams(node: LayerNode, def: LayerDef): Problem[] {
  const found: Problem[] = [];
  const params = node.params as Record<string, unknown>;
  for (const [name, spec] of Object.entries(def.params)) {
    if (spec.schema.safeParse(params[name]).success) continue;
    const allowed = allowedValues(spec);
    const values: ProblemValues = {
      param: name,
      value: JSON.stringify(params[name]) ?? 'nothing',
      allowedEn: allowed.en,
      allowedEs: allowed.es,
    };
    found.push(
      problem('param.invalid', node.id, {
        param: name,
        values,
        fix: { kind: 'set-param', nodeId: node.id, param: name, value: spec.default },
      }),
    );
  }
  return found;
}

/** Tarjan's strongly connected components: every loop in the graph, as lists of node ids. */
function findLoops(ids: readonly string[], outgoing: ReadonlyMap<string, Wire[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const loops: string[][] = [];
  let counter = 0;
  // Iterative, so a 1,000-layer chain cannot overflow the call stack.
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; edge: number }[] = [{ id: root, edge: 0 }];
    index.set(root, counter);
    low.set(root, counter);
    counter += 1;
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      if (!frame) break;
      const edges = outgoing.get(frame.id) ?? [];
      const wire = edges[frame.edge];
      if (wire) {
        frame.edge += 1;
        const next = wire.target;
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter);
          counter += 1;
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, edge: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id) ?? 0, index.get(next) ?? 0));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) ?? 0, low.get(frame.id) ?? 0));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let member: string | undefined;
        do {
          member = stack.pop();
          if (member === undefined) break;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.id);
        const selfLoop = component.length === 1 && edges.some((edge) => edge.target === frame.id);
        if (component.length > 1 || selfLoop) loops.push(component.reverse());
      }
    }
  }
  return loops;
}

/** Describes a loop by walking it: "dense → lstm → dense", and the wires along the way. */
function describeLoop(
  members: readonly string[],
  outgoing: ReadonlyMap<string, Wire[]>,
  names: ReadonlyMap<string, string>,
): { path: string; wireIds: string[]; closing: string } {
  const inLoop = new Set(members);
  const start = members[0] ?? '';
  const path = [names.get(start) ?? start];
  const wireIds: string[] = [];
  const seen = new Set<string>([start]);
  let current = start;
  let closing = '';
  for (let step = 0; step <= members.length; step += 1) {
    const wire = (outgoing.get(current) ?? []).find(
      (edge) => inLoop.has(edge.target) && (!seen.has(edge.target) || edge.target === start),
    );
    if (!wire) break;
    wireIds.push(wire.id);
    path.push(names.get(wire.target) ?? wire.target);
    if (wire.target === start) {
      closing = wire.id;
      break;
    }
    seen.add(wire.target);
    current = wire.target;
  }
  return { path: path.join(' → '), wireIds, closing: closing || (wireIds[wireIds.length - 1] ?? '') };
}

/**
 * What to do when a layer that reads sequences gets flat data depends on what feeds it: a
 * recurrent layer can return its whole sequence; an Input of one axis can be given a time axis
 * of one feature per step; anything else needs a Reshape.
 */
function sequenceAdvice(found: Problem, source: LayerNode, input: Shape): void {
  const steps = input
    .slice(1)
    .map((dim) => dim ?? '?')
    .join(', ');
  if (layerDef(source.kind).traits?.recurrent) {
    found.fix = { kind: 'set-param', nodeId: source.id, param: 'return_sequences', value: true };
    return;
  }
  const shape = source.kind === 'Input' ? (source.params as { shape?: unknown }).shape : undefined;
  if (Array.isArray(shape) && shape.length === 1) {
    found.fix = { kind: 'set-param', nodeId: source.id, param: 'shape', value: [shape[0] as number, 1] };
    found.values = {
      ...found.values,
      hintEn: `Give ${source.name} a time axis: the shape (${steps}, 1) reads the values one time step at a time.`,
      hintEs: `Da a ${source.name} un eje de tiempo: la forma (${steps}, 1) lee los valores de uno en uno, un paso de tiempo cada uno.`,
    };
    return;
  }
  found.values = {
    ...found.values,
    hintEn: `Put a Reshape before it to give the data a time axis, such as (${steps}, 1).`,
    hintEs: `Pon antes un Reshape que dé a los datos un eje de tiempo, por ejemplo (${steps}, 1).`,
  };
}

/** Turns what a layer file reported about itself into a problem pinned to it. */
function pin(issue: LayerIssue, node: LayerNode, firstWire: Wire | undefined): Problem {
  let fix: Fix | undefined;
  if (issue.fix?.kind === 'set-param')
    fix = { kind: 'set-param', nodeId: node.id, param: issue.fix.param, value: issue.fix.value };
  if (issue.fix?.kind === 'insert-before' && firstWire)
    fix = { kind: 'insert-layer', layerKind: issue.fix.layerKind, wireId: firstWire.id };
  return problem(issue.code, node.id, {
    values: issue.values ?? {},
    ...(issue.param ? { param: issue.param } : {}),
    ...(fix ? { fix } : {}),
  });
}

/**
 * A GAN's generator ends at one marked layer, which must have layers after it (the
 * discriminator), and the discriminator must judge the image alone: nothing from the generator's
 * side may reach it except through the marked layer.
 */
function checkGanEnds(
  graph: Graph,
  byId: ReadonlyMap<string, LayerNode>,
  incoming: ReadonlyMap<string, Wire[]>,
  outgoing: ReadonlyMap<string, Wire[]>,
): Problem[] {
  const ends = generatorEnds(graph).filter((node) => byId.has(node.id));
  const found: Problem[] = [];
  const unmark = (node: LayerNode): Partial<Problem> => ({
    values: { name: node.name },
    fix: { kind: 'set-generator-end', nodeId: node.id, on: false },
  });
  ends
    .slice(1)
    .forEach((node) =>
      found.push(
        problem('gan.two-ends', node.id, { ...unmark(node), values: { name: node.name, first: ends[0]?.name ?? '' } }),
      ),
    );
  const end = ends[0];
  if (!end) return found;
  if (end.kind === 'Input') found.push(problem('gan.end-at-input', end.id, unmark(end)));
  else if ((outgoing.get(end.id) ?? []).length === 0) found.push(problem('gan.end-at-output', end.id, unmark(end)));
  const discriminator = downstreamOf(graph, end.id);
  for (const id of discriminator) {
    const side = (incoming.get(id) ?? []).filter((wire) => wire.source !== end.id && !discriminator.has(wire.source));
    if (side.length === 0) continue;
    found.push(
      problem('gan.side-input', id, {
        wireIds: side.map((wire) => wire.id),
        values: { name: byId.get(id)?.name ?? id, end: end.name },
        fix: { kind: 'remove-wires', wireIds: side.map((wire) => wire.id) },
      }),
    );
  }
  return found;
}

/**
 * The layer a just-dropped (or just-orphaned) layer most likely continues: the nearest one to its
 * left whose output goes nowhere yet and that does not already depend on it. After a deletion
 * this is the layer the deleted one read from, so the fix closes the gap.
 */
function loneEndBefore(
  node: LayerNode,
  byId: ReadonlyMap<string, LayerNode>,
  outgoing: ReadonlyMap<string, Wire[]>,
  graph: Graph,
): LayerNode | undefined {
  const after = downstreamOf(graph, node.id);
  return [...byId.values()]
    .filter(
      (other) =>
        other.id !== node.id &&
        !after.has(other.id) &&
        (outgoing.get(other.id) ?? []).length === 0 &&
        other.position.x < node.position.x,
    )
    .sort(
      (a, b) =>
        b.position.x - a.position.x ||
        Math.abs(a.position.y - node.position.y) - Math.abs(b.position.y - node.position.y),
    )[0];
}

/** For an Input wired to nothing: wire it to the nearest layer to its right that takes nothing in yet. */
function openStartAfter(
  input: LayerNode | undefined,
  byId: ReadonlyMap<string, LayerNode>,
  incoming: ReadonlyMap<string, Wire[]>,
): Fix | undefined {
  if (!input) return undefined;
  const target = [...byId.values()]
    .filter(
      (other) =>
        layerDef(other.kind).inputs !== 'none' &&
        (incoming.get(other.id) ?? []).length === 0 &&
        other.position.x > input.position.x,
    )
    .sort(
      (a, b) =>
        a.position.x - b.position.x ||
        Math.abs(a.position.y - input.position.y) - Math.abs(b.position.y - input.position.y),
    )[0];
  return target ? { kind: 'add-wire', source: input.id, target: target.id } : undefined;
}

/** What every phase of the analysis reads, and where it reports what it finds. */
interface Walk {
  readonly graph: Graph;
  /** The layers of known kinds, by id. */
  readonly byId: ReadonlyMap<string, LayerNode>;
  readonly names: ReadonlyMap<string, string>;
  /** The wires kept (both ends there, none into an Input), by target and by source. */
  readonly incoming: ReadonlyMap<string, Wire[]>;
  readonly outgoing: ReadonlyMap<string, Wire[]>;
  readonly report: (found: Problem) => void;
}

/** The wires, less those whose ends are gone and those into an Input, each reported. */
function keptWires(graph: Graph, byId: ReadonlyMap<string, LayerNode>, report: (found: Problem) => void) {
  const incoming = new Map<string, Wire[]>();
  const outgoing = new Map<string, Wire[]>();
  for (const wire of graph.wires) {
    const source = byId.get(wire.source);
    const target = byId.get(wire.target);
    if (!source || !target) {
      report(
        problem('graph.missing-endpoint', source?.id ?? target?.id ?? null, {
          wireIds: [wire.id],
          fix: { kind: 'remove-wires', wireIds: [wire.id] },
        }),
      );
      continue;
    }
    if (layerDef(target.kind).inputs === 'none') {
      report(
        problem('graph.input-has-wire', target.id, {
          wireIds: [wire.id],
          values: { name: target.name, from: source.name },
          fix: { kind: 'remove-wires', wireIds: [wire.id] },
        }),
      );
      continue;
    }
    incoming.set(target.id, [...(incoming.get(target.id) ?? []), wire]);
    outgoing.set(source.id, [...(outgoing.get(source.id) ?? []), wire]);
  }
  return { incoming, outgoing };
}

/**
 * Names, parameters and how many wires come in, for each layer. Returns the layers whose shape
 * cannot be worked out (a bad parameter, a name another layer has, wires missing or too many).
 */
function checkLayers(walk: Walk): Set<string> {
  const { graph, byId, names, incoming, outgoing, report } = walk;
  const blocked = new Set<string>();
  const seenNames = new Set<string>();
  const allNames = graph.nodes.map((node) => node.name);
  const renaming = (node: LayerNode) => {
    const name = suggestLayerName(node.name, node.kind, allNames);
    return { name, fix: { kind: 'rename-layer', nodeId: node.id, name } satisfies Fix };
  };
  for (const node of byId.values()) {
    const def = layerDef(node.kind);
    if (!layerNamePattern.test(node.name)) {
      // tf.js would refuse to build the layer; its shape can still be worked out.
      const { name, fix } = renaming(node);
      report(
        problem('graph.bad-name', node.id, {
          param: 'name',
          values: { name: JSON.stringify(node.name), suggested: name },
          fix,
        }),
      );
    } else if (seenNames.has(node.name)) {
      const { fix } = renaming(node);
      report(problem('graph.duplicate-name', node.id, { param: 'name', values: { name: node.name }, fix }));
      blocked.add(node.id);
    }
    seenNames.add(node.name);
    const paramProblems = checkParams(node, def);
    paramProblems.forEach(report);
    if (paramProblems.length > 0) blocked.add(node.id);
    const wiresIn = incoming.get(node.id) ?? [];
    const sources = wiresIn.map((wire) => names.get(wire.source) ?? wire.source);
    if (def.inputs !== 'none' && wiresIn.length === 0) {
      const source = loneEndBefore(node, byId, outgoing, graph);
      report(
        problem('graph.unconnected-input', node.id, {
          values: { name: node.name },
          ...(source ? { fix: { kind: 'add-wire', source: source.id, target: node.id } } : {}),
        }),
      );
      blocked.add(node.id);
    } else if (def.inputs === 'one' && wiresIn.length > 1) {
      report(
        problem('graph.too-many-inputs', node.id, {
          wireIds: wiresIn.map((wire) => wire.id),
          values: { kind: node.kind, count: wiresIn.length, from: sources.join(', ') },
          fix: { kind: 'remove-wires', wireIds: wiresIn.slice(1).map((wire) => wire.id) },
        }),
      );
      blocked.add(node.id);
    } else if (def.inputs === 'many' && wiresIn.length === 1) {
      report(problem('graph.merge-needs-two', node.id, { values: { kind: node.kind, count: 1 } }));
      blocked.add(node.id);
    }
  }
  return blocked;
}

/** Every loop, reported at its first layer with the wire that closes it. */
function reportLoops(walk: Walk): void {
  for (const members of findLoops([...walk.byId.keys()], walk.outgoing)) {
    const loop = describeLoop(members, walk.outgoing, walk.names);
    walk.report(
      problem('graph.cycle', members[0] ?? null, {
        wireIds: loop.wireIds,
        values: { path: loop.path },
        fix: { kind: 'remove-wires', wireIds: [loop.closing] },
      }),
    );
  }
}

/** Kahn's topological order: every layer after its inputs; what is in or after a loop is left out. */
function topologicalOrder(walk: Walk): string[] {
  const ids = [...walk.byId.keys()];
  const remaining = new Map(ids.map((id) => [id, (walk.incoming.get(id) ?? []).length]));
  const ready = ids.filter((id) => remaining.get(id) === 0);
  const order: string[] = [];
  for (let head = 0; head < ready.length; head += 1) {
    const id = ready[head] ?? '';
    order.push(id);
    for (const wire of walk.outgoing.get(id) ?? []) {
      const left = (remaining.get(wire.target) ?? 1) - 1;
      remaining.set(wire.target, left);
      if (left === 0) ready.push(wire.target);
    }
  }
  return order;
}

/**
 * The layer's output shape and weight count from its inputs' shapes, as its file works them out,
 * or nulls with what stops it reported (its own refusal, an empty or too large output, a bug).
 */
function inferLayer(walk: Walk, node: LayerNode, inputShapes: readonly Shape[]) {
  const def = layerDef(node.kind);
  const wiresIn = walk.incoming.get(node.id) ?? [];
  const unknown = { shape: null, params: null };
  try {
    const result = def.inferShape(inputShapes, node.params as never);
    if (!result.ok) {
      const found = pin(result.issue, node, wiresIn[0]);
      // A recurrent layer that needs a sequence can usually get one from the layer before.
      const source = wiresIn[0] ? walk.byId.get(wiresIn[0].source) : undefined;
      if (found.code === 'shape.needs-sequence' && source) sequenceAdvice(found, source, inputShapes[0] ?? []);
      walk.report(found);
      return unknown;
    }
    if (result.shape.slice(1).some((dim) => dim !== null && (!Number.isInteger(dim) || dim <= 0))) {
      walk.report(problem('shape.zero-size', node.id, { values: { shape: formatShape(result.shape) } }));
      return unknown;
    }
    if ((sampleSize(result.shape) ?? 0) > maxSampleSize) {
      walk.report(
        problem('shape.too-large', node.id, {
          values: { shape: formatShape(result.shape), limit: maxSampleSize.toLocaleString('en-US') },
        }),
      );
      return unknown;
    }
    for (const warning of result.warnings ?? []) walk.report(pin(warning, node, wiresIn[0]));
    return { shape: result.shape, params: def.countParams(inputShapes, node.params as never) };
  } catch (thrown) {
    walk.report(
      problem('graph.internal-error', node.id, {
        values: { detail: thrown instanceof Error ? thrown.message : String(thrown) },
      }),
    );
    return unknown;
  }
}

/**
 * What the layer's settings say beside its shape: carried weights that no longer fit it, a frozen
 * layer with nothing trained to keep, a layer that reads token indices fed floats.
 */
function checkSettings(walk: Walk, node: LayerNode, params: number | null): void {
  const { report } = walk;
  if (params !== null && node.carried) {
    const carried = weightCount(node.carried.weights);
    if (carried !== params) {
      report(
        problem('layer.carried-mismatch', node.id, {
          values: {
            name: node.name,
            from: node.carried.from,
            carried: carried.toLocaleString('en-US'),
            params: params.toLocaleString('en-US'),
          },
          fix: { kind: 'drop-carried', nodeId: node.id },
        }),
      );
    }
  }
  if (params !== null && params > 0 && node.frozen === true && !node.carried) {
    report(
      problem('warn.frozen-untrained', node.id, {
        values: { name: node.name },
        fix: { kind: 'set-frozen', nodeId: node.id, frozen: false },
      }),
    );
  }
  if (layerDef(node.kind).traits?.readsIndices) {
    const wire = walk.incoming.get(node.id)?.[0];
    const source = wire ? walk.byId.get(wire.source) : undefined;
    if (source?.kind === 'Input' && source.params.dtype === 'float32') {
      report(
        problem('warn.embedding-float-input', node.id, {
          values: { input: source.name },
          fix: { kind: 'set-param', nodeId: source.id, param: 'dtype', value: 'int32' },
        }),
      );
    }
  }
}

/**
 * Follows whole numbers (an int32 Input's) from layer to layer: `wholeNumbersFrom` maps each layer
 * whose output holds them to the Input they come from. A layer that computes in float32 is
 * reported with the Input to change.
 */
function followWholeNumbers(walk: Walk, node: LayerNode, wholeNumbersFrom: Map<string, string>): void {
  if (node.kind === 'Input' && node.params.dtype === 'int32') wholeNumbersFrom.set(node.id, node.id);
  const wiresIn = walk.incoming.get(node.id) ?? [];
  const wholeIn = wiresIn.flatMap((wire) => wholeNumbersFrom.get(wire.source) ?? []);
  const input = wholeIn[0];
  if (input === undefined || wholeNumbersIn(node.kind) === 'reads') return;
  if (wholeNumbersIn(node.kind) === 'moves' && wholeIn.length === wiresIn.length) {
    wholeNumbersFrom.set(node.id, input);
    return;
  }
  walk.report(
    problem('dtype.needs-float', node.id, {
      values: { kind: node.kind, input: walk.names.get(input) ?? input },
      fix: { kind: 'set-param', nodeId: input, param: 'dtype', value: 'float32' },
    }),
  );
}

/** Shapes and counts, in order: a layer is inferred once everything before it is known. */
function inferAll(walk: Walk, order: readonly string[], blocked: ReadonlySet<string>) {
  const nodes = new Map<string, NodeAnalysis>();
  const shapes = new Map<string, Shape | null>();
  const wholeNumbersFrom = new Map<string, string>();
  for (const id of order) {
    const node = walk.byId.get(id);
    if (!node) continue;
    const inputShapes = (walk.incoming.get(id) ?? []).map((wire) => shapes.get(wire.source) ?? null);
    const known = inputShapes.every((input): input is Shape => input !== null);
    const { shape, params } =
      !blocked.has(id) && known ? inferLayer(walk, node, inputShapes) : { shape: null, params: null };
    checkSettings(walk, node, params);
    if (shape !== null) followWholeNumbers(walk, node, wholeNumbersFrom);
    shapes.set(id, shape);
    nodes.set(id, { shape, params, problems: [] });
  }
  return { nodes, shapes };
}

/** The network's inputs and outputs, and what is missing at its ends or cut off from them. */
function findEnds(walk: Walk, order: readonly string[]) {
  const { byId, outgoing, incoming, names, report } = walk;
  const inputs = order.filter((id) => byId.get(id)?.kind === 'Input');
  const outputs = order.filter((id) => byId.get(id)?.kind !== 'Input' && (outgoing.get(id) ?? []).length === 0);
  if (byId.size > 0 && ![...byId.values()].some((node) => node.kind === 'Input')) {
    report(problem('graph.no-input', null, { fix: { kind: 'add-input' } }));
  }
  for (const id of inputs) {
    if ((outgoing.get(id) ?? []).length === 0 && byId.size > 1) {
      report(
        problem('graph.disconnected', id, {
          values: { name: names.get(id) ?? id },
          fix: openStartAfter(byId.get(id), byId, incoming) ?? { kind: 'remove-layer', nodeId: id },
        }),
      );
    }
  }
  if (inputs.length > 0 && outputs.length === 0 && order.length === byId.size) {
    report(problem('graph.no-output', inputs[0] ?? null));
  }
  return { inputs, outputs };
}

/** Analyses the whole graph: its wires, its layers, loops, shapes and counts in order, its ends. */
export function analyzeGraph(graph: Graph): Analysis {
  const byId = new Map<string, LayerNode>();
  for (const node of graph.nodes) if (isLayerKind(node.kind)) byId.set(node.id, node);
  const nodeProblems = new Map<string, Problem[]>(graph.nodes.map((node) => [node.id, []]));
  const graphProblems: Problem[] = [];
  const report = (found: Problem) => {
    const list = found.nodeId === null ? undefined : nodeProblems.get(found.nodeId);
    if (list) list.push(found);
    else graphProblems.push(found);
  };
  const names = new Map(graph.nodes.map((node) => [node.id, node.name]));
  const walk: Walk = { graph, byId, names, ...keptWires(graph, byId, report), report };

  const blocked = checkLayers(walk);
  reportLoops(walk);
  const order = topologicalOrder(walk);
  const { nodes, shapes } = inferAll(walk, order, blocked);
  const { inputs, outputs } = findEnds(walk, order);
  checkGanEnds(graph, byId, walk.incoming, walk.outgoing).forEach(report);

  for (const node of graph.nodes) {
    const entry = nodes.get(node.id) ?? { shape: null, params: null, problems: [] };
    entry.problems = nodeProblems.get(node.id) ?? [];
    nodes.set(node.id, entry);
  }
  const problems = [...graphProblems, ...graph.nodes.flatMap((node) => nodeProblems.get(node.id) ?? [])];
  problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const wires = new Map(graph.wires.map((wire) => [wire.id, shapes.get(wire.source) ?? null]));
  let totalParams = 0;
  for (const entry of nodes.values()) totalParams += entry.params ?? 0;
  const errorCount = problems.filter((found) => found.severity === 'error').length;
  return {
    nodes,
    wires,
    problems,
    errorCount,
    warningCount: problems.length - errorCount,
    totalParams,
    order,
    inputs,
    outputs,
  };
}
