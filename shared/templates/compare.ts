/**
 * "Check my network": how a learner's graph differs from a lesson's, layer by layer, parameter by
 * parameter and wire by wire, in words for the lesson panel. Reads nothing but its arguments.
 */
import { analyzeGraph } from '../graph/analyze.js';
import type { Graph, LayerNode, Wire } from '../graph/types.js';
import type { AnyParamValue } from '../layers/params.js';
import { layerDef, type LayerKind } from '../layers/registry.js';
import type { Language } from '../vocabulary/localized.js';

/** One way the learner's graph differs from the lesson's. */
export type Difference =
  /** A lesson layer nothing in the learner's graph stands for; `name` is the lesson's. */
  | { kind: 'missing-layer'; layerKind: LayerKind; name: string }
  /** A learner's layer the lesson does not have; `name` is the learner's. */
  | { kind: 'extra-layer'; layerKind: LayerKind; name: string }
  /** A Keras parameter set otherwise than in the lesson; `name` is the learner's layer. */
  | {
      kind: 'param';
      name: string;
      layerKind: LayerKind;
      param: string;
      yours: AnyParamValue | undefined;
      lesson: AnyParamValue | undefined;
    }
  /** A lesson wire between two matched layers that the learner lacks; lesson names. */
  | { kind: 'missing-wire'; from: string; to: string }
  /** A learner's wire between two matched layers that the lesson lacks; the learner's names. */
  | { kind: 'extra-wire'; from: string; to: string };

/** The nodes in data-flow order; nodes the analysis leaves out (in a loop) follow in array order. */
function flowOrder(graph: Graph): LayerNode[] {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const ordered = analyzeGraph(graph)
    .order.map((id) => byId.get(id))
    .filter((node): node is LayerNode => node !== undefined);
  const placed = new Set(ordered);
  return [...ordered, ...graph.nodes.filter((node) => !placed.has(node))];
}

/**
 * Lesson node id → the learner's node standing for it: first the same name and kind, then the
 * remaining layers of each kind paired off in data-flow order.
 */
function matchLayers(yours: readonly LayerNode[], lesson: readonly LayerNode[]): Map<string, LayerNode> {
  const matches = new Map<string, LayerNode>();
  const taken = new Set<LayerNode>();
  for (const node of lesson) {
    const same = yours.find(
      (candidate) => !taken.has(candidate) && candidate.name === node.name && candidate.kind === node.kind,
    );
    if (!same) continue;
    matches.set(node.id, same);
    taken.add(same);
  }
  for (const node of lesson) {
    if (matches.has(node.id)) continue;
    const next = yours.find((candidate) => !taken.has(candidate) && candidate.kind === node.kind);
    if (!next) continue;
    matches.set(node.id, next);
    taken.add(next);
  }
  return matches;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((entry, index) => sameValue(entry, b[index]));
  }
  return a === b;
}

function paramDifferences(yours: LayerNode, lesson: LayerNode): Difference[] {
  const yourParams = yours.params as Record<string, AnyParamValue | undefined>;
  const lessonParams = lesson.params as Record<string, AnyParamValue | undefined>;
  return Object.keys(layerDef(lesson.kind).params)
    .filter((param) => !sameValue(yourParams[param], lessonParams[param]))
    .map((param) => ({
      kind: 'param',
      name: yours.name,
      layerKind: yours.kind,
      param,
      yours: yourParams[param],
      lesson: lessonParams[param],
    }));
}

/**
 * Each wire whose two ends are matched, keyed by the pair of lesson ids it joins, first wire of a
 * pair only. A wire with an unmatched or unknown end is left out: its layer is reported instead.
 */
function wiresByLessonPair(wires: readonly Wire[], lessonIdOf: (id: string) => string | undefined): Map<string, Wire> {
  const pairs = new Map<string, Wire>();
  for (const wire of wires) {
    const source = lessonIdOf(wire.source);
    const target = lessonIdOf(wire.target);
    if (source === undefined || target === undefined) continue;
    const key = JSON.stringify([source, target]);
    if (!pairs.has(key)) pairs.set(key, wire);
  }
  return pairs;
}

/**
 * Everything that differs between the learner's graph and the lesson's, in the order the lesson
 * panel lists it: missing layers, wrong parameters, missing wires, extra layers, extra wires. A
 * wire to a missing or extra layer is not listed again: the layer is.
 */
export function compareGraphs(yours: Graph, lesson: Graph): Difference[] {
  const yourNodes = flowOrder(yours);
  const lessonNodes = flowOrder(lesson);
  const matches = matchLayers(yourNodes, lessonNodes);
  /** The learner's node id → the id of the lesson node it stands for. */
  const standsFor = new Map([...matches].map(([lessonId, node]) => [node.id, lessonId]));
  const nameIn = (graph: Graph, id: string) => graph.nodes.find((node) => node.id === id)?.name ?? id;

  const missingLayers: Difference[] = lessonNodes
    .filter((node) => !matches.has(node.id))
    .map((node) => ({ kind: 'missing-layer', layerKind: node.kind, name: node.name }));
  const params = lessonNodes.flatMap((node) => {
    const match = matches.get(node.id);
    return match ? paramDifferences(match, node) : [];
  });
  const extraLayers: Difference[] = yourNodes
    .filter((node) => !standsFor.has(node.id))
    .map((node) => ({ kind: 'extra-layer', layerKind: node.kind, name: node.name }));

  const lessonWires = wiresByLessonPair(lesson.wires, (id) => (matches.has(id) ? id : undefined));
  const yourWires = wiresByLessonPair(yours.wires, (id) => standsFor.get(id));
  const missingWires: Difference[] = [...lessonWires]
    .filter(([pair]) => !yourWires.has(pair))
    .map(([, wire]) => ({ kind: 'missing-wire', from: nameIn(lesson, wire.source), to: nameIn(lesson, wire.target) }));
  const extraWires: Difference[] = [...yourWires]
    .filter(([pair]) => !lessonWires.has(pair))
    .map(([, wire]) => ({ kind: 'extra-wire', from: nameIn(yours, wire.source), to: nameIn(yours, wire.target) }));

  return [...missingLayers, ...params, ...missingWires, ...extraLayers, ...extraWires];
}

const numberFormat = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 10 }),
  es: new Intl.NumberFormat('es-ES', { maximumFractionDigits: 10 }),
};

/** A parameter value as Keras writes it (True, None, [3, 8]), with the language's decimal mark. */
function formatValue(value: AnyParamValue | undefined, language: Language): string {
  if (value === undefined) return language === 'es' ? 'nada' : 'nothing';
  if (value === null) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return numberFormat[language].format(value);
  if (Array.isArray(value)) return `[${value.map((entry) => formatValue(entry, language)).join(', ')}]`;
  return value;
}

/** One difference as the lesson panel says it. */
export function describeDifference(difference: Difference, language: Language): string {
  const es = language === 'es';
  switch (difference.kind) {
    case 'missing-layer':
      return es
        ? `Falta una capa: ${difference.layerKind} (${difference.name} en la lección).`
        : `Missing layer: ${difference.layerKind} (${difference.name} in the lesson).`;
    case 'extra-layer':
      return es
        ? `Capa de más: ${difference.layerKind} (${difference.name}).`
        : `Extra layer: ${difference.layerKind} (${difference.name}).`;
    case 'param': {
      const yours = formatValue(difference.yours, language);
      const lesson = formatValue(difference.lesson, language);
      return es
        ? `${difference.name}: ${difference.param} vale ${yours}; la lección usa ${lesson}.`
        : `${difference.name}: ${difference.param} is ${yours}; the lesson uses ${lesson}.`;
    }
    case 'missing-wire':
      return es
        ? `Falta la conexión ${difference.from} → ${difference.to}.`
        : `Missing wire: ${difference.from} → ${difference.to}.`;
    case 'extra-wire':
      return es
        ? `Sobra la conexión ${difference.from} → ${difference.to}.`
        : `Extra wire: ${difference.from} → ${difference.to}.`;
  }
}
