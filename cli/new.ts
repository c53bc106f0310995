/**
 * `layerlab new --data FILE|FOLDER [--target COLUMN] --out PROJECT.layerlab`: a project for a
 * learner's own data (a table, a text, or a folder of images with a subfolder per class), with the starter network the app proposes when data is opened on an empty canvas
 * (inputs sized to the features, a small hidden stack, the output and loss the target implies).
 * The file is size-capped before it is read, and refused with why when it is not a table.
 */
import { parseArgs } from 'node:util';
import { buildDataset } from '../shared/data/build.js';
import { analyzeGraph } from '../shared/graph/analyze.js';
import { formatSummary, summarize } from '../shared/graph/summary.js';
import { emptyProject } from '../shared/project/project.js';
import type { DataFile as DataFileReference } from '../shared/data/data-file.js';
import { starterNetwork } from '../shared/training/starter.js';
import { CliError, exitCodes } from './errors.js';
import { isFolder, readDataFile, readImageFolder, skippedLines } from './data-file.js';
import type { DataSpec } from '../shared/data/recipes/index.js';
import type { Language } from '../shared/vocabulary/localized.js';
import type { Io } from './io.js';
import { choiceOption, languageOption, parseOrExplain } from './options.js';
import { dataProblemLine } from './problems.js';
import { writeProject } from './project-file.js';
import { commandUsage } from './usage.js';

/** `--series 12` or `--series 12:3`: a window of 12 values, predicting 1 (or 3) steps ahead. */
function seriesOption(text: string): { window: number; horizon: number } {
  const match = /^(\d{1,3})(?::(\d{1,3}))?$/.exec(text.trim());
  const window = Number(match?.[1] ?? 0);
  const horizon = Number(match?.[2] ?? 1);
  if (!match || window < 1 || window > 512 || horizon < 1 || horizon > 512)
    throw new CliError(
      `--series takes WINDOW or WINDOW:HORIZON, whole numbers from 1 to 512; got '${text}'`,
      exitCodes.usage,
    );
  return { window, horizon };
}

/** `--words 5`: a text read word by word, windows of 5 words predicting the next. */
function wordsOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const window = /^\d{1,2}$/.test(text.trim()) ? Number(text) : 0;
  if (window < 1 || window > 64)
    throw new CliError(`--words takes WINDOW, a whole number of words from 1 to 64; got '${text}'`, exitCodes.usage);
  return window;
}

/** The data spec for a file, as its recipe opens it with the command line's choices, or for a folder of images. */
async function openData(
  file: string,
  values: { target?: string; 'drop-bad-rows'?: boolean; series?: string; texts?: string; words?: string },
  task: 'class' | 'value' | undefined,
  io: Io,
  language: Language,
): Promise<{ name: string; spec: DataSpec; source?: DataFileReference }> {
  if (await isFolder(file)) {
    const { folder, images, skipped, recipe } = await readImageFolder(file);
    io.err(skippedLines(skipped, language));
    return { name: folder, spec: recipe.opensFolder.spec(folder, images, skipped) };
  }
  const words = wordsOption(values.words);
  const choices = {
    ...(values.target === undefined ? {} : { target: values.target }),
    ...(task === undefined ? {} : { task }),
    ...(values['drop-bad-rows'] ? { dropBadRows: true } : {}),
    ...(values.series === undefined ? {} : { series: seriesOption(values.series) }),
    ...(values.texts === undefined ? {} : { texts: values.texts }),
    ...(words === undefined ? {} : { words }),
  };
  const { name, text, recipe, source } = await readDataFile(file, language, { choices });
  const spec = recipe.opens.spec(name, text, choices);
  return { name, spec, source };
}

export async function runNew(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        target: { type: 'string' },
        task: { type: 'string' },
        'drop-bad-rows': { type: 'boolean' },
        series: { type: 'string' },
        texts: { type: 'string' },
        words: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }),
  );
  if (values.help) {
    io.out(commandUsage.new);
    return exitCodes.ok;
  }
  if (positionals.length > 0)
    throw new CliError(`unexpected argument '${positionals[0] ?? ''}'`, exitCodes.usage, true);
  const file = values.data;
  if (file === undefined)
    throw new CliError('new needs --data FILE or FOLDER, the data to learn from', exitCodes.usage, true);
  if (values.out === undefined)
    throw new CliError('new needs --out PROJECT, the project to write', exitCodes.usage, true);
  const language = languageOption(values.lang);
  const task = choiceOption('task', values.task, ['class', 'value'] as const);

  const { name, spec, source } = await openData(file, values, task, io, language);
  const built = buildDataset(spec);
  if (!built.ok) {
    const hint = built.field === 'dropBadRows' ? ' (--drop-bad-rows)' : built.field === 'texts' ? ' (--texts)' : '';
    throw new CliError(`${dataProblemLine(built.field, built.problem, language)}${hint}`, exitCodes.problems);
  }

  const starter = starterNetwork(built.dataset);
  const base = emptyProject(name.replace(/\.[^.]+$/, ''));
  const project = {
    ...base,
    graph: starter.graph,
    data: spec,
    // A large table stays where it is, the project saying where (shared/data/data-file.ts).
    dataFile: source ?? null,
    training: { ...base.training, ...starter.training },
  };
  await writeProject(values.out, project);
  const analysis = analyzeGraph(project.graph);
  io.out(`${formatSummary(summarize(project.graph, analysis), project.name)}\n`);
  const samples = built.dataset.x.shape[0] ?? 0;
  const test = built.dataset.test?.x.shape[0] ?? 0;
  io.out(
    `Data: ${samples} samples to train and validate on, ${test} held out to test; loss ${project.training.loss}.\n`,
  );
  io.out(`Wrote ${values.out}. Train it with: layerlab train ${values.out} --json\n`);
  return exitCodes.ok;
}
