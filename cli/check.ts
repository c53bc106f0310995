/** `layerlab check FILE`: the Keras-style summary of a sound network, or what to fix in it. */
import { parseArgs } from 'node:util';
import { buildDataset, type Dataset } from '../shared/data/build.js';
import { analyzeGraph } from '../shared/graph/analyze.js';
import type { Problem } from '../shared/vocabulary/problems.js';
import { formatShape } from '../shared/vocabulary/shape.js';
import { formatSummary, summarize } from '../shared/graph/summary.js';
import type { Language } from '../shared/vocabulary/localized.js';
import type { Project } from '../shared/project/project.js';
import { checkTrainingBudget } from '../shared/training/budget.js';
import { checkDataFit } from '../shared/training/modes/index.js';
import { chooseTrainingBackend } from './backend.js';
import { exitCodes } from './errors.js';
import type { Io } from './io.js';
import { languageOption, parseOrExplain, singleFile } from './options.js';
import { countLine, dataProblemLine, problemLine } from './problems.js';
import { newerFormatNote, readProjectFile } from './project-file.js';
import { commandUsage } from './usage.js';

export interface CheckReport {
  text: string;
  errors: number;
  warnings: number;
}

/** What a dataset's targets are, as `check` says it. */
function targetOf(target: Dataset['target']): string {
  return target.kind === 'class'
    ? `${target.labels.length} classes (${target.labels.map((label) => JSON.stringify(label)).join(' ')})`
    : 'a number each';
}

function describeData(dataset: Dataset): string {
  const samples = dataset.x.shape[0] ?? 0;
  const input = formatShape([null, ...dataset.x.shape.slice(1)]);
  // A table shared out among several Inputs: what each is given.
  const shared = dataset.inputs
    ? ` shared out: ${dataset.inputs.map((entry) => `${entry.name} ${formatShape([null, entry.columns.length])}`).join(', ')};`
    : '';
  // A table predicted by several outputs: what each predicts.
  const predicted = dataset.outputs
    ? dataset.outputs
        .map((output) => `${output.name} predicts ${output.column} (${targetOf(output.target)})`)
        .join(', ')
    : targetOf(dataset.target);
  return `Data: ${samples} samples of ${input},${shared} ${predicted}.`;
}

/** Everything `check` prints about a project; pure, for tests and other commands. */
export function checkProject(project: Project, language: Language): CheckReport {
  const analysis = analyzeGraph(project.graph);
  const problems: Problem[] = [...analysis.problems];
  let dataError: string | null = null;
  let dataDescription: string | null = null;
  if (project.data) {
    const built = buildDataset(project.data);
    if (built.ok) {
      problems.push(...checkDataFit(project.graph, analysis, built.dataset, project.training));
      if (analysis.errorCount === 0) {
        const backend = chooseTrainingBackend(
          project.graph.nodes.map((node) => node.kind),
          undefined,
        ).name;
        problems.push(...checkTrainingBudget(project.graph, analysis, built.dataset, project.training, backend));
      }
      dataDescription = describeData(built.dataset);
    } else {
      dataError = dataProblemLine(built.field, built.problem, language);
    }
  }
  const errors = problems.filter((found) => found.severity === 'error');
  const warnings = problems.filter((found) => found.severity === 'warning');
  const errorCount = errors.length + (dataError === null ? 0 : 1);
  const describe = (found: Problem) => problemLine(project.graph, found, language);
  const lines = [
    ...(analysis.errorCount === 0 ? [formatSummary(summarize(project.graph, analysis), project.name), ''] : []),
    ...errors.map(describe),
    ...(dataError === null ? [] : [dataError]),
    ...warnings.map(describe),
    ...(dataDescription === null ? [] : [dataDescription]),
    countLine(errorCount, warnings.length, language),
  ];
  return { text: lines.join('\n'), errors: errorCount, warnings: warnings.length };
}

export async function runCheck(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, lang: { type: 'string' }, variant: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.out(commandUsage.check);
    return exitCodes.ok;
  }
  const language = languageOption(values.lang);
  const file = singleFile('check', positionals);
  const source = await readProjectFile(file, values.variant);
  const newer = newerFormatNote(file, source);
  if (newer) io.err(newer);
  const { project } = source;
  const report = checkProject(project, language);
  io.out(`${report.text}\n`);
  return report.errors > 0 ? exitCodes.problems : exitCodes.ok;
}
