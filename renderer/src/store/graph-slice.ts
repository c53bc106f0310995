/**
 * The graph slice: the layers and wires on the canvas, kept as React Flow nodes and edges so the
 * canvas reads them directly. The pure `Graph` that `shared/` works on is derived (selectors.ts).
 */
import {
  addEdge,
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type Edge,
  type EdgeChange,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import type { StateCreator } from 'zustand';
import type { CarriedWeights, Graph, LayerNode, Position } from '../../../shared/graph/types';
import { layoutGraph } from '../../../shared/graph/layout';
import { layerNamePattern, nextLayerName } from '../../../shared/graph/naming';
import { defaultParamsOf, layerDef, type LayerKind } from '../../../shared/layers/registry';
import type { AnyParamValue } from '../../../shared/layers/params';
import type { Fix } from '../../../shared/vocabulary/problems';
import { isLayerKind } from '../../../shared/layers/registry';
import { trainingParams } from '../../../shared/training/settings';

function isTrainingParam(name: string): name is keyof typeof trainingParams {
  return Object.hasOwn(trainingParams, name);
}
import type { AppState } from './index';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What a canvas node carries: the layer without its id and position, which React Flow holds. */
export type LayerData = DistributiveOmit<LayerNode, 'id' | 'position'>;
export type LayerFlowNode = Node<LayerData, 'layer'>;
export type WireEdge = Edge;

/** A graph as the canvas holds it: its layers as unselected nodes (copied), its wires as edges. */
export function flowOf(graph: Graph): { nodes: LayerFlowNode[]; edges: WireEdge[] } {
  return {
    nodes: graph.nodes.map(({ id, position, ...data }) => ({
      id,
      type: 'layer',
      position: { ...position },
      data: structuredClone(data),
      selected: false,
    })),
    edges: graph.wires.map((wire) => ({ ...wire })),
  };
}

export type RenameResult = 'renamed' | 'invalid' | 'taken';

export interface GraphSlice {
  nodes: LayerFlowNode[];
  edges: WireEdge[];
  /** Adds a layer of `kind` with Keras' defaults at `position`, selected alone. Returns its id. */
  addLayer: (kind: LayerKind, position: Position) => string;
  /**
   * Adds a layer of `kind` to the right of the selected layer and wires the selected layer into
   * it, in one step (or at `fallback`, unwired, when no single layer is selected): a network can
   * be built from the keyboard, one layer after another.
   */
  addLayerAfterSelection: (kind: LayerKind, fallback: Position) => string;
  applyNodeChanges: (changes: NodeChange<LayerFlowNode>[]) => void;
  applyEdgeChanges: (changes: EdgeChange<WireEdge>[]) => void;
  /** Wires `source` into `target`; a wire onto itself or a second identical wire is ignored. */
  connect: (connection: Connection) => void;
  /** Sets one parameter; a value its schema refuses changes nothing and returns false. */
  setParam: (nodeId: string, param: string, value: AnyParamValue) => boolean;
  renameLayer: (nodeId: string, name: string) => RenameResult;
  /** Freezes a layer (training leaves its weights as they are) or lets it learn again. */
  setFrozen: (nodeId: string, frozen: boolean) => void;
  /** Marks the layer where a GAN's generator ends (unmarking any other), or unmarks it. */
  setGeneratorEnd: (nodeId: string, on: boolean) => void;
  /** Forgets a layer's carried weights: it starts from drawn ones again. */
  dropCarried: (nodeId: string) => void;
  /**
   * Gives the layers named in `layers` the trained weights there (transfer learning); layers of
   * other names are left alone. Returns the names of the layers that received weights.
   */
  carryWeights: (layers: Readonly<Record<string, CarriedWeights>>) => string[];
  /** Removes layers with their wires, and the wires `wireIds`, in one step. */
  removeLayers: (nodeIds: readonly string[], wireIds?: readonly string[]) => void;
  selectOnly: (nodeId: string | null) => void;
  /** Carries out a problem's one-click fix. */
  applyFix: (fix: Fix) => void;
  /** Layers copied (with the wires between them), for Paste. */
  clipboard: Clipboard | null;
  copySelection: () => Clipboard | null;
  cutSelection: () => void;
  /** Pastes `clipboard` (or the slice's own) beside the originals, selected, names made unique. */
  paste: (clipboard?: Clipboard | null) => void;
  duplicateSelection: () => void;
  selectAll: () => void;
  /** Arranges the layers left to right in data order (dagre). */
  arrangeLayers: () => void;
}

/** What Copy takes: the selected layers and the wires between them, as plain data. */
export interface Clipboard {
  kind: 'layerlab/layers';
  nodes: { id: string; position: Position; data: LayerData }[];
  wires: { source: string; target: string }[];
}

let idCounter = 0;
function newId(prefix: string): string {
  idCounter += 1;
  const random = globalThis.crypto?.randomUUID?.().slice(0, 8) ?? Math.random().toString(36).slice(2, 10);
  return `${prefix}-${random}-${idCounter}`;
}

/** Room a layer takes on the canvas, for placing new ones where they do not cover others. */
const layerFootprint = { width: 200, height: 110 };

/** Nudges a new layer down until it covers no other, so repeated adds at one spot stay visible. */
function freePosition(position: Position, nodes: readonly LayerFlowNode[]): Position {
  const candidate = { ...position };
  const overlaps = () =>
    nodes.some(
      (node) =>
        Math.abs(node.position.x - candidate.x) < layerFootprint.width &&
        Math.abs(node.position.y - candidate.y) < layerFootprint.height,
    );
  for (let attempt = 0; attempt < 50 && overlaps(); attempt += 1) candidate.y += layerFootprint.height;
  return candidate;
}

/** Where a layer added without a drop point goes: right of the selected layer, else `fallback`. */
export function placementAfterSelection(nodes: readonly LayerFlowNode[], fallback: Position): Position {
  const selected = nodes.filter((node) => node.selected);
  const anchor = selected.length === 1 ? selected[0] : undefined;
  return anchor ? { x: anchor.position.x + layerFootprint.width + 60, y: anchor.position.y } : fallback;
}

/** The changes of one fix; `applyFix` makes them one undo step. */
function applyFixSteps(fix: Fix, get: () => AppState, set: (partial: Partial<AppState>) => void): void {
  const state = get();
  switch (fix.kind) {
    case 'set-param':
      state.setParam(fix.nodeId, fix.param, fix.value);
      return;
    case 'remove-wires': {
      const removed = new Set(fix.wireIds);
      set({ edges: state.edges.filter((edge) => !removed.has(edge.id)) });
      return;
    }
    case 'remove-layer':
      state.removeLayers([fix.nodeId]);
      return;
    case 'insert-layer': {
      const edge = state.edges.find((candidate) => candidate.id === fix.wireId);
      const source = state.nodes.find((node) => node.id === edge?.source);
      const target = state.nodes.find((node) => node.id === edge?.target);
      if (!edge || !source || !target || !isLayerKind(fix.layerKind)) return;
      // Make room: the new layer takes the target's place and everything from there moves right.
      const shift = layerFootprint.width + 60;
      set({
        nodes: state.nodes.map((node) =>
          node.position.x >= target.position.x - 1
            ? { ...node, position: { ...node.position, x: node.position.x + shift } }
            : node,
        ),
      });
      const inserted = get().addLayer(fix.layerKind, { ...target.position });
      set({
        edges: [
          ...get().edges.filter((candidate) => candidate.id !== edge.id),
          { id: newId('wire'), source: source.id, target: inserted },
          { id: newId('wire'), source: inserted, target: target.id },
        ],
      });
      return;
    }
    case 'set-frozen':
      state.setFrozen(fix.nodeId, fix.frozen);
      return;
    case 'drop-carried':
      state.dropCarried(fix.nodeId);
      return;
    case 'add-wire':
      state.connect({ source: fix.source, target: fix.target, sourceHandle: null, targetHandle: null });
      return;
    case 'rename-layer':
      state.renameLayer(fix.nodeId, fix.name);
      return;
    case 'set-generator-end':
      state.setGeneratorEnd(fix.nodeId, fix.on);
      return;
    case 'set-setting':
      if (isTrainingParam(fix.setting)) state.setTrainingParam(fix.setting, fix.value);
      return;
    case 'add-input': {
      const left = state.nodes.reduce((min, node) => Math.min(min, node.position.x), Infinity);
      const heads = state.nodes.filter(
        (node) => layerDef(node.data.kind).inputs !== 'none' && !state.edges.some((edge) => edge.target === node.id),
      );
      const head = heads.length === 1 ? heads[0] : undefined;
      const position = {
        x: (Number.isFinite(left) ? left : 0) - layerFootprint.width - 60,
        y: head?.position.y ?? 0,
      };
      const input = get().addLayer('Input', position);
      if (head) set({ edges: [...get().edges, { id: newId('wire'), source: input, target: head.id }] });
      return;
    }
  }
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get) => ({
  nodes: [],
  edges: [],

  addLayer: (kind, position) => {
    const nodes = get().nodes;
    const id = newId(kind.toLowerCase());
    const data = {
      kind,
      name: nextLayerName(
        kind,
        nodes.map((node) => node.data.name),
      ),
      params: defaultParamsOf(kind),
    } as LayerData;
    const node: LayerFlowNode = { id, type: 'layer', position: freePosition(position, nodes), data, selected: true };
    set({ nodes: [...nodes.map((other) => (other.selected ? { ...other, selected: false } : other)), node] });
    return id;
  },

  addLayerAfterSelection: (kind, fallback) => {
    let added = '';
    get().asOneStep(() => {
      const selected = get().nodes.filter((node) => node.selected);
      const from = selected.length === 1 ? selected[0] : undefined;
      added = get().addLayer(kind, placementAfterSelection(get().nodes, fallback));
      if (from && layerDef(kind).inputs !== 'none') {
        get().connect({ source: from.id, target: added, sourceHandle: null, targetHandle: null });
      }
    });
    return added;
  },

  applyNodeChanges: (changes) => {
    // A layer deleted with the Delete key takes its wires with it in the same step: React Flow
    // reports the wires separately, and undo would bring the layer back without them.
    const removed = new Set(changes.flatMap((change) => (change.type === 'remove' ? [change.id] : [])));
    const edges = get().edges;
    set({
      nodes: applyNodeChanges(changes, get().nodes),
      ...(removed.size > 0
        ? { edges: edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target)) }
        : {}),
    });
  },

  applyEdgeChanges: (changes) => set({ edges: applyEdgeChanges(changes, get().edges) }),

  connect: (connection) => {
    const { source, target } = connection;
    if (source === target) return;
    const edges = get().edges;
    if (edges.some((edge) => edge.source === source && edge.target === target)) return;
    set({ edges: addEdge({ ...connection, id: newId('wire') }, edges) });
  },

  setParam: (nodeId, param, value) => {
    const node = get().nodes.find((candidate) => candidate.id === nodeId);
    const spec = node ? layerDef(node.data.kind).params[param] : undefined;
    if (!node || !spec || !spec.schema.safeParse(value).success) return false;
    const data = { ...node.data, params: { ...node.data.params, [param]: value } } as LayerData;
    set({ nodes: get().nodes.map((candidate) => (candidate.id === nodeId ? { ...candidate, data } : candidate)) });
    return true;
  },

  renameLayer: (nodeId, name) => {
    if (!layerNamePattern.test(name)) return 'invalid';
    const nodes = get().nodes;
    if (nodes.some((node) => node.id !== nodeId && node.data.name === name)) return 'taken';
    set({
      nodes: nodes.map((node) => (node.id === nodeId ? { ...node, data: { ...node.data, name } } : node)),
    });
    return 'renamed';
  },

  setFrozen: (nodeId, frozen) => {
    set({
      nodes: get().nodes.map((node) => {
        if (node.id !== nodeId) return node;
        const { frozen: _previous, ...rest } = node.data;
        return { ...node, data: (frozen ? { ...rest, frozen: true } : rest) as LayerData };
      }),
    });
  },

  setGeneratorEnd: (nodeId, on) => {
    set({
      nodes: get().nodes.map((node) => {
        if (node.id !== nodeId && (!on || node.data.generatorEnd !== true)) return node;
        const { generatorEnd: _previous, ...rest } = node.data;
        return { ...node, data: (on && node.id === nodeId ? { ...rest, generatorEnd: true } : rest) as LayerData };
      }),
    });
  },

  dropCarried: (nodeId) => {
    set({
      nodes: get().nodes.map((node) => {
        if (node.id !== nodeId || !node.data.carried) return node;
        const { carried: _dropped, ...rest } = node.data;
        return { ...node, data: rest as LayerData };
      }),
    });
  },

  carryWeights: (layers) => {
    const received: string[] = [];
    const nodes = get().nodes.map((node) => {
      const carried = Object.hasOwn(layers, node.data.name) ? layers[node.data.name] : undefined;
      if (!carried) return node;
      received.push(node.data.name);
      return { ...node, data: { ...node.data, carried } as LayerData };
    });
    if (received.length > 0) set({ nodes });
    return received;
  },

  removeLayers: (nodeIds, wireIds = []) => {
    const removed = new Set(nodeIds);
    const cut = new Set(wireIds);
    set({
      nodes: get().nodes.filter((node) => !removed.has(node.id)),
      edges: get().edges.filter((edge) => !removed.has(edge.source) && !removed.has(edge.target) && !cut.has(edge.id)),
    });
  },

  selectOnly: (nodeId) =>
    set({
      nodes: get().nodes.map((node) =>
        node.selected === (node.id === nodeId) ? node : { ...node, selected: node.id === nodeId },
      ),
    }),

  applyFix: (fix) => get().asOneStep(() => applyFixSteps(fix, get, set)),

  clipboard: null,

  copySelection: () => {
    const selected = get().nodes.filter((node) => node.selected);
    if (selected.length === 0) return null;
    const ids = new Set(selected.map((node) => node.id));
    const clipboard: Clipboard = {
      kind: 'layerlab/layers',
      nodes: selected.map((node) => ({
        id: node.id,
        position: { ...node.position },
        data: structuredClone(node.data),
      })),
      wires: get()
        .edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target))
        .map((edge) => ({ source: edge.source, target: edge.target })),
    };
    set({ clipboard });
    return clipboard;
  },

  cutSelection: () => {
    if (!get().copySelection()) return;
    get().removeLayers(
      get()
        .nodes.filter((node) => node.selected)
        .map((node) => node.id),
    );
  },

  paste: (given) => {
    const clipboard = given ?? get().clipboard;
    if (!clipboard || clipboard.nodes.length === 0) return;
    const taken = get().nodes.map((node) => node.data.name);
    const newIds = new Map<string, string>();
    const pasted: LayerFlowNode[] = clipboard.nodes.map((entry) => {
      const id = newId(entry.data.kind.toLowerCase());
      newIds.set(entry.id, id);
      const name = taken.includes(entry.data.name) ? nextLayerName(entry.data.kind, taken) : entry.data.name;
      taken.push(name);
      return {
        id,
        type: 'layer',
        position: { x: entry.position.x + 48, y: entry.position.y + 48 },
        data: { ...structuredClone(entry.data), name } as LayerData,
        selected: true,
      };
    });
    const wires = clipboard.wires.flatMap((wire) => {
      const source = newIds.get(wire.source);
      const target = newIds.get(wire.target);
      return source && target ? [{ id: newId('wire'), source, target }] : [];
    });
    set({
      nodes: [...get().nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...pasted],
      edges: [...get().edges, ...wires],
      // The next paste lands further along, not on top of this one.
      clipboard: {
        ...clipboard,
        nodes: clipboard.nodes.map((entry) => ({
          ...entry,
          position: { x: entry.position.x + 48, y: entry.position.y + 48 },
        })),
      },
    });
  },

  duplicateSelection: () => {
    const clipboard = get().copySelection();
    if (clipboard) get().paste(clipboard);
  },

  selectAll: () => set({ nodes: get().nodes.map((node) => (node.selected ? node : { ...node, selected: true })) }),

  arrangeLayers: () => {
    const nodes = get().nodes;
    const sizes = new Map(
      nodes.map((node) => [
        node.id,
        { width: node.measured?.width ?? layerFootprint.width, height: node.measured?.height ?? layerFootprint.height },
      ]),
    );
    const positions = layoutGraph(
      {
        nodes: nodes.map((node) => ({ id: node.id, position: node.position, ...node.data }) as LayerNode),
        wires: get().edges.map((edge) => ({ id: edge.id, source: edge.source, target: edge.target })),
      },
      { sizes },
    );
    set({ nodes: nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })) });
    // Arranged, the network is framed whole: no layer is left past the edge.
    get().frameNetwork();
  },
});
