/** A wire, labelled with the tensor shape it carries, written as Keras writes it. */
import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatShape } from '../../../shared/graph/shape';
import { useAppStore } from '../store';
import { selectAnalysis } from '../store/selectors';

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
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const className = `wire${faulty ? ' is-faulty' : ''}${selected ? ' is-selected' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} className={className} {...(markerEnd ? { markerEnd } : {})} />
      <EdgeLabelRenderer>
        <div
          className={`wire-label${faulty ? ' is-faulty' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          data-testid={`wire-${from}-${to}`}
        >
          {shape ? formatShape(shape) : '?'}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}

export const WireEdge = memo(WireEdgeComponent);
