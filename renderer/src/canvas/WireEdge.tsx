/**
 * A wire, labelled with the tensor shape it carries, written as Keras writes it. The label is
 * always at least 11 px on screen (its size in the canvas grows as the view zooms out) and never
 * covers a layer: where it would, or where it would not fit between the layers, it is hidden
 * until the pointer is on the wire, and the shape is the wire's tooltip and accessible name.
 * A shown label selects its wire when clicked, wherever it sits, as a click on the wire does.
 */
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, useStore, useStoreApi, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { formatShape } from '../../../shared/vocabulary/shape';
import { useAppStore } from '../store';
import { selectAnalysis } from '../store/selectors';
import { useLayerBoxes, type Box, type LayerBoxes } from './layer-boxes';

/** What Canvas gives each wire: the names of the layers it joins. */
export interface WireData extends Record<string, unknown> {
  from: string;
  to: string;
}

/** The smallest text on screen, in CSS pixels. */
export const minimumTextPixels = 11;

/** A monospace character is about this wide, in ems; the label has this padding and border. */
const characterWidth = 0.62;
const paddingPixels = 14;

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** The box of a label of `text` centred at (x, y), at this zoom, with a small margin. */
function labelBox(text: string, x: number, y: number, zoom: number): Box {
  const font = minimumTextPixels / Math.min(zoom, 1);
  const width = text.length * characterWidth * font + paddingPixels / zoom;
  const height = font * 1.5;
  const margin = 4 / zoom;
  return {
    x: x - width / 2 - margin,
    y: y - height / 2 - margin,
    width: width + 2 * margin,
    height: height + 2 * margin,
  };
}

/**
 * Where the label goes: on the wire where it fits between the layers, else just above the two
 * layers it joins (or below them), over the gap; null when no place is free of every layer.
 */
export function placeLabel(
  text: string,
  wire: { x: number; y: number },
  ends: readonly Box[],
  zoom: number,
  layers: Pick<LayerBoxes, 'near'>,
): { x: number; y: number } | null {
  const free = (point: { x: number; y: number }) => {
    const label = labelBox(text, point.x, point.y, zoom);
    return !layers.near(label).some((layer) => overlaps(label, layer));
  };
  if (free(wire)) return wire;
  // Over the gap only when the label is no wider than the span between the two layers' centres:
  // the next wire's label, placed the same way, then never runs into this one.
  const box = labelBox(text, 0, 0, zoom);
  const centres = ends.map((end) => end.x + end.width / 2);
  if (centres.length === 2 && box.width > Math.abs((centres[1] ?? 0) - (centres[0] ?? 0))) return null;
  const height = box.height;
  const top = Math.min(...ends.map((end) => end.y));
  const bottom = Math.max(...ends.map((end) => end.y + end.height));
  for (const y of [top - height / 2, bottom + height / 2]) {
    const point = { x: wire.x, y };
    if (free(point)) return point;
  }
  return null;
}

function WireEdgeComponent(props: EdgeProps) {
  const {
    id,
    source,
    target,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    selected,
    markerEnd,
    data,
  } = props;
  const shape = useAppStore((state) => selectAnalysis(state).wires.get(id) ?? null);
  // The layers' names come with the wire (Canvas), not each wire searching every layer.
  const { from, to } = (data as WireData | undefined) ?? { from: source, to: target };
  const faulty = useAppStore((state) => selectAnalysis(state).problems.some((found) => found.wireIds.includes(id)));
  const zoom = useStore((state) => state.transform[2]);
  const layers = useLayerBoxes();
  const flow = useStoreApi();
  const [hovered, setHovered] = useState(false);
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const text = shape ? formatShape(shape) : '?';
  const ends = [layers.of(source), layers.of(target)].filter((end) => end !== undefined);
  const place = placeLabel(text, { x: labelX, y: labelY }, ends, zoom, layers);
  const shown = hovered || selected === true || place !== null;
  const at = place ?? { x: labelX, y: labelY };
  const className = `wire${faulty ? ' is-faulty' : ''}${selected ? ' is-selected' : ''}`;
  return (
    <>
      <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
        <title>{`${from} → ${to}: ${text}`}</title>
        <BaseEdge id={id} path={path} className={className} {...(markerEnd ? { markerEnd } : {})} />
      </g>
      <EdgeLabelRenderer>
        <div
          className={`wire-label nodrag nopan${faulty ? ' is-faulty' : ''}${shown ? '' : ' is-tucked'}`}
          style={{
            transform: `translate(-50%, -50%) translate(${at.x}px, ${at.y}px)`,
            fontSize: `${minimumTextPixels / Math.min(zoom, 1)}px`,
            zIndex: hovered ? 10 : undefined,
          }}
          data-testid={`wire-${from}-${to}`}
          onClick={() => {
            flow.getState().unselectNodesAndEdges();
            flow.getState().addSelectedEdges([id]);
          }}
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
        >
          {text}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const WireEdge = memo(WireEdgeComponent);
