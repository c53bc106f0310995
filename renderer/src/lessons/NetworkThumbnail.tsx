/** A small picture of a template's network: its layers as coloured boxes, its wires as lines. */
import type { Graph } from '../../../shared/graph/types';
import { layerDef } from '../../../shared/layers/registry';

const colours = {
  core: '#4f46e5',
  recurrent: '#7c3aed',
  convolutional: '#0d9488',
  merge: '#d97706',
  regularisation: '#db2777',
};
const box = { width: 200, height: 90 };

export function NetworkThumbnail({ graph }: { graph: Graph }) {
  const xs = graph.nodes.map((node) => node.position.x);
  const ys = graph.nodes.map((node) => node.position.y);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs) + box.width,
    Math.min(...ys),
    Math.max(...ys) + box.height,
  ];
  const margin = 44;
  const viewBox = `${minX - margin} ${minY - margin} ${maxX - minX + 2 * margin} ${Math.max(maxY - minY, 160) + 2 * margin}`;
  const at = new Map(graph.nodes.map((node) => [node.id, node.position]));
  return (
    <svg
      className="thumbnail"
      viewBox={viewBox}
      role="img"
      aria-label={graph.nodes.map((node) => node.kind).join(' → ')}
    >
      {graph.wires.map((wire) => {
        const from = at.get(wire.source);
        const to = at.get(wire.target);
        if (!from || !to) return null;
        const start = { x: from.x + box.width, y: from.y + box.height / 2 };
        const end = { x: to.x, y: to.y + box.height / 2 };
        // A wire that runs back to the start of the next row turns down between the rows, as the canvas draws it.
        const points =
          end.x >= start.x
            ? [start, end]
            : [
                start,
                { x: start.x + 30, y: start.y },
                { x: start.x + 30, y: (from.y + box.height + to.y) / 2 },
                { x: end.x - 30, y: (from.y + box.height + to.y) / 2 },
                { x: end.x - 30, y: end.y },
                end,
              ];
        return (
          <polyline
            key={wire.id}
            points={points.map((point) => `${point.x},${point.y}`).join(' ')}
            fill="none"
            stroke="#98a2b3"
            strokeWidth={8}
          />
        );
      })}
      {graph.nodes.map((node) => (
        <g key={node.id}>
          <rect
            x={node.position.x}
            y={node.position.y}
            width={box.width}
            height={box.height}
            rx={14}
            fill="#fff"
            stroke={colours[layerDef(node.kind).category]}
            strokeWidth={8}
          />
          <text
            x={node.position.x + box.width / 2}
            y={node.position.y + box.height / 2 + 12}
            textAnchor="middle"
            // Long kinds (MaxPooling2D) get smaller letters, so they stay inside their box.
            fontSize={Math.min(36, (box.width - 28) / (node.kind.length * 0.62))}
            fontWeight={600}
            fill="#1d2330"
          >
            {node.kind}
          </text>
        </g>
      ))}
    </svg>
  );
}
