/** Keras' `model.summary()` for a drawn graph. Reads nothing but its arguments. */
import type { Analysis } from './analyze.js';
import { formatShape } from '../vocabulary/shape.js';
import type { Graph } from './types.js';

export interface SummaryRow {
  name: string;
  kind: string;
  /** `(None, 3, 8)`, or `?` where an error leaves it unknown. */
  outputShape: string;
  params: number | null;
  connectedTo: string[];
}

export interface Summary {
  rows: SummaryRow[];
  totalParams: number;
  /** Parameters of frozen layers, which training leaves as they are (Keras' trainable=False). */
  frozenParams: number;
  /** False while errors leave some shape unknown. */
  complete: boolean;
}

/** One row per layer, in the order data flows through them (Keras' order for a functional model). */
/**
 * A layer's kind as Keras' summary and the canvas name it: a recurrent layer with `bidirectional`
 * on is the wrapper it is in Keras, `Bidirectional(LSTM)`.
 */
export function kindLabel(node: { kind: string; params: unknown }): string {
  const params = node.params as { bidirectional?: unknown } | null;
  return params?.bidirectional === true ? `Bidirectional(${node.kind})` : node.kind;
}

export function summarize(graph: Graph, analysis: Analysis): Summary {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const listed = [
    ...analysis.order,
    ...graph.nodes.map((node) => node.id).filter((id) => !analysis.order.includes(id)),
  ];
  const rows = listed.flatMap((id) => {
    const node = byId.get(id);
    if (!node) return [];
    const entry = analysis.nodes.get(id);
    return [
      {
        name: node.name,
        kind: kindLabel(node),
        outputShape: entry?.shape ? formatShape(entry.shape) : '?',
        params: entry?.params ?? null,
        connectedTo: graph.wires.filter((wire) => wire.target === id).map((wire) => byId.get(wire.source)?.name ?? '?'),
      },
    ];
  });
  return {
    rows,
    totalParams: analysis.totalParams,
    frozenParams: graph.nodes
      .filter((node) => node.frozen === true)
      .reduce((sum, node) => sum + (analysis.nodes.get(node.id)?.params ?? 0), 0),
    complete: rows.every((row) => row.params !== null),
  };
}

/** The summary as plain text, laid out like Keras prints it, for the command line. */
export function formatSummary(summary: Summary, modelName = 'layerlab'): string {
  const header = ['Layer (type)', 'Output Shape', 'Param #', 'Connected to'];
  const cells = summary.rows.map((row) => [
    `${row.name} (${row.kind})`,
    row.outputShape,
    row.params === null ? '?' : row.params.toLocaleString('en-US'),
    row.connectedTo.join(', '),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]?.length ?? 0)));
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => value.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  const rule = (char: string) => char.repeat(widths.reduce((sum, width) => sum + width + 2, -2));
  return [
    `Model: "${modelName}"`,
    rule('━'),
    line(header),
    rule('━'),
    ...cells.flatMap((row, index) => (index === 0 ? [line(row)] : [rule('─'), line(row)])),
    rule('━'),
    ` Total params: ${summary.totalParams.toLocaleString('en-US')}`,
    ...(summary.frozenParams > 0
      ? [
          ` Trained params: ${(summary.totalParams - summary.frozenParams).toLocaleString('en-US')}`,
          ` Frozen params: ${summary.frozenParams.toLocaleString('en-US')}`,
        ]
      : []),
  ].join('\n');
}
