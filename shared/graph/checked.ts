/**
 * A graph the checks have passed, analysed once: what the compiler, the GAN split and the export
 * plan take, so a run or an export analyses its graph once and every step reads the same analysis.
 * Reads nothing but its arguments.
 */
import type { Problem } from '../vocabulary/problems.js';
import { analyzeGraph, type Analysis } from './analyze.js';
import { splitGan, type GanSplit } from './gan.js';
import type { Graph } from './types.js';

declare const checkedBrand: unique symbol;

export interface CheckedGraph {
  readonly graph: Graph;
  /** Its analysis: no errors, at least one Input and one output. */
  readonly analysis: Analysis;
  /** Its generator and discriminator, when one layer is marked as the generator's end. */
  readonly gan: GanSplit | null;
  /** Only `checkGraph` makes one. */
  readonly [checkedBrand]: true;
}

export type CheckGraphResult =
  { ok: true; checked: CheckedGraph } | { ok: false; problems: Problem[]; analysis: Analysis };

/** The graph checked, or the errors that stop it (the ones the canvas shows). */
export function checkGraph(graph: Graph): CheckGraphResult {
  const analysis = analyzeGraph(graph);
  if (analysis.errorCount > 0) {
    return { ok: false, problems: analysis.problems.filter((found) => found.severity === 'error'), analysis };
  }
  if (analysis.inputs.length === 0 || analysis.outputs.length === 0) return { ok: false, problems: [], analysis };
  return { ok: true, checked: { graph, analysis, gan: splitGan(graph, analysis.order) } as CheckedGraph };
}

/** Whether `source` is already checked: the callers that take either check a plain graph first. */
export function isChecked(source: Graph | CheckedGraph): source is CheckedGraph {
  return 'analysis' in source;
}
