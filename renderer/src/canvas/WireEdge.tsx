/**
 * A wire, labelled with the tensor shape it carries, written as Keras writes it. The label is
 * always at least 11 px on screen (its size in the canvas grows as the view zooms out) and never
 * covers a layer: where it would, or where it would not fit between the layers, it is hidden
 * until the pointer is on the wire, and the shape is the wire's tooltip and accessible name.
 */
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, useStore, type EdgeProps } from '@xyflow/react';
import { memo, useState } from 'react';
import { formatShape } from '../../../shared/graph/shape';
import { useAppStore } from '../store';
import { selectAnalysis } from '../store/selectors';

/** The smallest text on screen, in CSS pixels. */
export const minimumTextPixels = 11;

/** A monospace character is about this wide, in ems; the label has this padding and border. */
const characterWidth = 0.62;
const paddingPixels = 14;

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether a label of `text` centred at (x, y) would cover a layer, at this zoom. */
function coversALayer(text: string, x: number, y: number, zoom: number, layers: readonly Box[]): boolean {
  const font = minimumTextPixels / Math.min(zoom, 1);
  const width = text.length * characterWidth * font + paddingPixels / zoom;
  const height = font * 1.5;
  const margin = 4 / zoom;
  const label = {
    x: x - width / 2 - margin,
    y: y - height / 2 - margin,
    width: width + 2 * margin,
    height: height + 2 * margin,
  };
  return layers.some((layer) => overlaps(label, layer));
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
  } = props;
  const shape = useAppStore((state) => selectAnalysis(state).wires.get(id) ?? null);
  const from = useAppStore((state) => state.nodes.find((node) => node.id === source)?.data.name ?? source);
  const to = useAppStore((state) => state.nodes.find((node) => node.id === target)?.data.name ?? target);
  const faulty = useAppStore((state) => selectAnalysis(state).problems.some((found) => found.wireIds.includes(id)));
  const zoom = useStore((state) => state.transform[2]);
  const layers = useStore(
    (state) =>
      [...state.nodeLookup.values()].map((node) => ({
        x: node.internals.positionAbsolute.x,
        y: node.internals.positionAbsolute.y,
        width: node.measured.width ?? 0,
        height: node.measured.height ?? 0,
      })),
    (a, b) => a.length === b.length && a.every((box, index) => JSON.stringify(box) === JSON.stringify(b[index])),
  );
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
  const shown = hovered || selected === true || !coversALayer(text, labelX, labelY, zoom, layers);
  const className = `wire${faulty ? ' is-faulty' : ''}${selected ? ' is-selected' : ''}`;
  return (
    <>
      <g onMouseEnter={() => setHovered(true)} onMouseLeave={() => setHovered(false)}>
        <title>{`${from} → ${to}: ${text}`}</title>
        <BaseEdge id={id} path={path} className={className} {...(markerEnd ? { markerEnd } : {})} />
      </g>
      <EdgeLabelRenderer>
        <div
          className={`wire-label${faulty ? ' is-faulty' : ''}${shown ? '' : ' is-tucked'}`}
          style={{
            transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
            fontSize: `${minimumTextPixels / Math.min(zoom, 1)}px`,
            zIndex: hovered ? 10 : undefined,
          }}
          data-testid={`wire-${from}-${to}`}
        >
          {text}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const WireEdge = memo(WireEdgeComponent);
