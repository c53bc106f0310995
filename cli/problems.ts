/** Problems as a terminal shows them: `layer_name: message`, in the learner's language. */
import { describeProblem, type Problem } from '../shared/vocabulary/problems.js';
import type { Graph } from '../shared/graph/types.js';
import { localize, type Language, type Localized } from '../shared/vocabulary/localized.js';

const wholeNetwork: Localized = { en: 'network', es: 'red' };
const warningTag: Localized = { en: 'warning', es: 'aviso' };

export function problemLine(graph: Graph, problem: Problem, language: Language): string {
  const node = problem.nodeId === null ? undefined : graph.nodes.find((candidate) => candidate.id === problem.nodeId);
  const where = node?.name ?? localize(wholeNetwork, language);
  const tag = problem.severity === 'warning' ? `${localize(warningTag, language)}: ` : '';
  return `${where}: ${tag}${describeProblem(problem, language)}`;
}

/** A problem of the data recipe itself, pinned to its field. */
export function dataProblemLine(field: string | undefined, problem: Localized, language: Language): string {
  return `data${field ? `.${field}` : ''}: ${localize(problem, language)}`;
}

export function countLine(errors: number, warnings: number, language: Language): string {
  const count = (value: number, one: Localized, many: Localized) =>
    `${value} ${localize(value === 1 ? one : many, language)}`;
  if (errors === 0 && warnings === 0) return localize({ en: 'No problems.', es: 'Sin problemas.' }, language);
  const parts = [
    count(errors, { en: 'error', es: 'error' }, { en: 'errors', es: 'errores' }),
    count(warnings, { en: 'warning', es: 'aviso' }, { en: 'warnings', es: 'avisos' }),
  ];
  return `${parts.join(', ')}.`;
}
