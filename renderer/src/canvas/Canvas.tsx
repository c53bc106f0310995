/** The node canvas: React Flow over the store's nodes and edges, with drop-to-add from the palette. */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type EdgeTypes,
  type Node,
  type NodeTypes,
} from '@xyflow/react';
import { useCallback, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isLayerKind, layerDef } from '../../../shared/layers/registry';
import type { LayerCategory } from '../../../shared/layers/types';
import { useAppStore } from '../store';
import { LayerNodeView } from './LayerNodeView';
import { WireEdge } from './WireEdge';

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
const defaultEdgeOptions = { type: 'wire', animated: false } as const;

export function Canvas() {
  const { t } = useTranslation();
  const nodes = useAppStore((state) => state.nodes);
  const edges = useAppStore((state) => state.edges);
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
    <section className="canvas" aria-label={t('canvas.label')} onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        defaultEdgeOptions={defaultEdgeOptions}
        deleteKeyCode={deleteKeys}
        onBeforeDelete={onBeforeDelete}
        minZoom={0.2}
        maxZoom={2.5}
        defaultViewport={{ x: 0, y: 0, zoom: 1 }}
        snapToGrid
        snapGrid={[8, 8]}
      >
        <Background gap={24} size={1.5} />
        <MiniMap
          pannable
          zoomable
          ariaLabel="Minimap"
          className="minimap"
          nodeColor={minimapColour}
          nodeBorderRadius={6}
        />
        <Controls showInteractive={false} />
      </ReactFlow>
      {nodes.length === 0 && (
        <div className="canvas-empty" role="note">
          <h2>{t('canvas.emptyTitle')}</h2>
          <p>{t('canvas.emptyBody')}</p>
        </div>
      )}
    </section>
  );
}
