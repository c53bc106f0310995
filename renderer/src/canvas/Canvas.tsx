/** The node canvas: React Flow over the store's nodes and edges, with drop-to-add from the palette. */
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
  useStore,
  type Edge,
  type EdgeTypes,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import { formatShape } from '../../../shared/vocabulary/shape';
import { selectAnalysis, selectLayerNames } from '../store/selectors';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { isLayerKind, layerDef } from '../../../shared/layers/registry';
import type { LayerCategory } from '../../../shared/layers/types';
import { useAppStore } from '../store';
import { LayerNodeView } from './LayerNodeView';
import { WireEdge, type WireData } from './WireEdge';
import { LayerBoxesProvider } from './layer-boxes';
import { textZoom } from './text-zoom';

/** Node types live at module scope so React Flow does not remount nodes on every render. */
const nodeTypes: NodeTypes = { layer: LayerNodeView };
const edgeTypes: EdgeTypes = { wire: WireEdge };

/** The drag payload type a palette item sets; nothing else dropped on the canvas is read. */
export const layerDragType = 'application/x-layerlab-layer';

const categoryColours: Record<LayerCategory, string> = {
  core: '#4f46e5',
  recurrent: '#7c3aed',
  convolutional: '#0d9488',
  merge: '#d97706',
  regularisation: '#db2777',
};

function minimapColour(node: Node): string {
  const kind = (node.data as { kind?: unknown }).kind;
  return isLayerKind(kind) ? categoryColours[layerDef(kind).category] : '#98a2b3';
}

const deleteKeys = ['Backspace', 'Delete'];

/**
 * How the whole network is framed: a little room around it, more at the bottom where the zoom
 * buttons (and the minimap, when shown) sit, never zoomed past full size.
 */
export function fitOptions(minimapOpen: boolean) {
  const bottom: `${number}px` = minimapOpen ? `${minimapSize.height + 24}px` : '56px';
  return { padding: { top: '24px', right: '24px', bottom, left: '24px' }, maxZoom: 1 } as const;
}

const minimapSize = { width: 168, height: 104 };

/**
 * The zoom text is sized against (text-zoom.ts) as a CSS variable on the canvas, so text that must
 * stay readable when zoomed out (a compact layer's kind, name and shape) can be sized against it.
 */
function useZoomVariable(canvas: RefObject<HTMLElement | null>) {
  const zoom = useStore((state) => textZoom(state.transform[2]));
  useEffect(() => {
    canvas.current?.style.setProperty('--zoom', String(zoom));
  }, [canvas, zoom]);
}

/**
 * Frames the whole network when it is new (a lesson, a file, an arrangement) and again when the
 * canvas changes size (the dock opens, the window is resized), unless the learner has since
 * panned or zoomed to a view of their own.
 */
function useFraming(canvas: RefObject<HTMLElement | null>) {
  const { fitView } = useReactFlow();
  const epoch = useAppStore((state) => state.viewEpoch);
  const minimapOpen = useAppStore((state) => state.minimapOpen);
  const initialised = useNodesInitialized();
  const framed = useRef(true);
  const frame = useCallback(() => {
    framed.current = true;
    void fitView(fitOptions(minimapOpen));
  }, [fitView, minimapOpen]);
  // Once per new network, when its layers have been measured; not for a layer dropped by hand.
  const framedEpoch = useRef(0);
  const [framedAt, setFramedAt] = useState(0);
  useEffect(() => {
    if (!initialised || framedEpoch.current === epoch) return;
    framedEpoch.current = epoch;
    frame();
    setFramedAt(epoch);
  }, [epoch, initialised, frame]);
  // The minimap shown or hidden: the room the view leaves changes.
  useEffect(() => {
    if (framed.current && framedEpoch.current > 0) frame();
  }, [frame]);
  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let size = `${element.clientWidth}×${element.clientHeight}`;
    // Only a real change of size (an observer also reports the size it starts with).
    const observer = new ResizeObserver(() => {
      const now = `${element.clientWidth}×${element.clientHeight}`;
      if (now === size) return;
      size = now;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (framed.current && framedEpoch.current > 0) frame();
      }, 80);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [canvas, frame]);
  // A move the learner makes (not one made by code, which has no event) keeps their view.
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) framed.current = false;
  }, []);
  return { onMoveStart, framed: framedAt === epoch };
}

/**
 * Above this many layers, only the layers and wires in view are drawn: a 500-layer network drew
 * every layer on every edit and panned at 35–40 frames a second (bench/canvas-size.ts). Not
 * before the network is framed: framing waits for every layer to be measured, and a layer never
 * drawn is never measured. Networks of a lesson's size keep every layer on the page.
 */
const drawOnlyVisibleAbove = 100;
const defaultEdgeOptions = { type: 'wire', animated: false } as const;

/**
 * Each stored wire as last handed to React Flow, named in a language (`t`) with a shape: while
 * none of these changes, the same object goes again, so an edit names and draws again only the
 * wires it changed (bench/canvas-size.ts: 665 wires named anew were a fifth of an edit's time).
 */
const namedWires = new WeakMap<Edge, { t: TFunction; text: string; edge: Edge & { data: WireData } }>();

export function Canvas() {
  const { t } = useTranslation();
  const nodes = useAppStore((state) => state.nodes);
  const storedEdges = useAppStore((state) => state.edges);
  const wireShapes = useAppStore((state) => selectAnalysis(state).wires);
  const nameOf = useAppStore(selectLayerNames);
  // Each wire named for a screen reader (and a test): which layers it joins and what it carries.
  const edges = useMemo(
    () =>
      storedEdges.map((stored) => {
        const shape = wireShapes.get(stored.id);
        const data: WireData = {
          from: nameOf.get(stored.source) ?? stored.source,
          to: nameOf.get(stored.target) ?? stored.target,
        };
        const text = shape ? formatShape(shape) : '?';
        const last = namedWires.get(stored);
        if (last?.t === t && last.edge.data.from === data.from && last.edge.data.to === data.to && last.text === text)
          return last.edge;
        const edge = { ...stored, data, ariaLabel: t('node.wire', { ...data, shape: text }) };
        namedWires.set(stored, { t, text, edge });
        return edge;
      }),
    [storedEdges, wireShapes, nameOf, t],
  );
  const onNodesChange = useAppStore((state) => state.applyNodeChanges);
  const onEdgesChange = useAppStore((state) => state.applyEdgeChanges);
  const onConnect = useAppStore((state) => state.connect);
  const removeLayers = useAppStore((state) => state.removeLayers);
  // The Delete key: the layers and wires go in one change, so one undo brings them all back
  // (React Flow would report wires and layers apart, as two undo steps).
  const onBeforeDelete = useCallback(
    ({ nodes: layers, edges: wires }: { nodes: { id: string }[]; edges: { id: string }[] }) => {
      removeLayers(
        layers.map((node) => node.id),
        wires.map((edge) => edge.id),
      );
      return Promise.resolve(false);
    },
    [removeLayers],
  );
  const addLayer = useAppStore((state) => state.addLayer);
  const { screenToFlowPosition } = useReactFlow();
  const canvas = useRef<HTMLElement | null>(null);
  const { onMoveStart, framed } = useFraming(canvas);
  useZoomVariable(canvas);
  const minimapOpen = useAppStore((state) => state.minimapOpen);
  const setMinimapOpen = useAppStore((state) => state.setMinimapOpen);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(layerDragType)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(layerDragType);
      if (!isLayerKind(kind)) return;
      event.preventDefault();
      // Centre the node under the pointer rather than hanging it from its corner.
      const position = screenToFlowPosition({ x: event.clientX - 80, y: event.clientY - 30 });
      addLayer(kind, position);
    },
    [addLayer, screenToFlowPosition],
  );

  return (
    <section ref={canvas} className="canvas" aria-label={t('canvas.label')} onDragOver={onDragOver} onDrop={onDrop}>
      <LayerBoxesProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onMoveStart={onMoveStart}
          defaultEdgeOptions={defaultEdgeOptions}
          deleteKeyCode={deleteKeys}
          onBeforeDelete={onBeforeDelete}
          onlyRenderVisibleElements={framed && nodes.length > drawOnlyVisibleAbove}
          minZoom={0.2}
          maxZoom={2.5}
          defaultViewport={{ x: 0, y: 0, zoom: 1 }}
          snapToGrid
          snapGrid={[8, 8]}
        >
          <Background gap={24} size={1.5} />
          {minimapOpen && (
            <MiniMap
              pannable
              zoomable
              ariaLabel={t('canvas.minimap')}
              className="minimap"
              nodeColor={minimapColour}
              nodeBorderRadius={6}
              style={minimapSize}
            />
          )}
          <Controls showInteractive={false} orientation="horizontal">
            <ControlButton
              onClick={() => setMinimapOpen(!minimapOpen)}
              aria-pressed={minimapOpen}
              title={minimapOpen ? t('canvas.hideMinimap') : t('canvas.showMinimap')}
              aria-label={minimapOpen ? t('canvas.hideMinimap') : t('canvas.showMinimap')}
            >
              <svg viewBox="0 0 16 16" aria-hidden="true">
                <rect x="1.5" y="3" width="13" height="10" rx="1.5" fill="none" stroke="currentColor" />
                <rect x="4" y="6" width="4" height="3" fill="currentColor" />
              </svg>
            </ControlButton>
          </Controls>
        </ReactFlow>
      </LayerBoxesProvider>
      {nodes.length === 0 && (
        <div className="canvas-empty" role="note">
          <h2>{t('canvas.emptyTitle')}</h2>
          <p>{t('canvas.emptyBody')}</p>
        </div>
      )}
    </section>
  );
}
