/**
 * `layerlab train FILE`: trains with `runTraining`, the engine the app's worker uses, with live
 * progress on stderr (or JSON lines on stdout), Ctrl-C to stop after the current batch, and
 * `--save` to keep the weights in a copy of the project. On a lesson template it also says whether
 * the trained network gives the lesson's result.
 */
import { parseArgs } from 'node:util';
import type { Language } from '../shared/vocabulary/localized.js';
import { encodeWeights, type Project } from '../shared/project/project.js';
import { isFolder, readDataFile, readImageFolder } from './data-file.js';
import type { TfModule } from '../shared/layers/types.js';
import { checkExpectation, type ExpectationCheck } from '../shared/templates/expectation.js';
import { runTraining, type RunRequest, type RunResult } from '../shared/training/run.js';
import { trainingParams, type TrainingSettings } from '../shared/training/settings.js';
import type { TrainCallbacks, TrainingOutcome } from '../shared/training/train.js';
import { testFigures } from '../shared/training/test-split.js';
import { chooseTrainingBackend, cliBackends, startTf } from './backend.js';
import { CliError, exitCodes } from './errors.js';
import { formatElapsed, formatLogs, formatRate } from './format.js';
import type { Io } from './io.js';
import { choiceOption, integerOption, languageOption, parseOrExplain, singleFile } from './options.js';
import { dataProblemLine, problemLine } from './problems.js';
import { Progress } from './progress.js';
import { newerFormatNote, readProjectFile, writeProject } from './project-file.js';
import { commandUsage } from './usage.js';

interface TrainOptions {
  file: string;
  epochs: number | undefined;
  seed: number | undefined;
  backend: (typeof cliBackends)[number] | undefined;
  save: string | undefined;
  /** Another file of the project's kind of data, trained on with the project's choices. */
  data: string | undefined;
  variant: string | undefined;
  json: boolean;
  language: Language;
}

function readOptions(args: string[]): TrainOptions | null {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        lang: { type: 'string' },
        epochs: { type: 'string' },
        seed: { type: 'string' },
        backend: { type: 'string' },
        save: { type: 'string' },
        variant: { type: 'string' },
        json: { type: 'boolean' },
        data: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) return null;
  return {
    file: singleFile('train', positionals),
    epochs: integerOption('epochs', values.epochs, trainingParams.epochs.min, trainingParams.epochs.max),
    seed: integerOption('seed', values.seed, trainingParams.seed.min, trainingParams.seed.max),
    backend: choiceOption('backend', values.backend, cliBackends),
    save: values.save,
    data: values.data,
    variant: values.variant,
    json: values.json ?? false,
    language: languageOption(values.lang),
  };
}

function statusLine(outcome: TrainingOutcome, settings: TrainingSettings, backend: string): string {
  const epochs = `${outcome.epochsCompleted} epoch${outcome.epochsCompleted === 1 ? '' : 's'}`;
  const pace = `in ${formatElapsed(outcome.seconds)} on ${backend} (${formatRate(outcome.samplesPerSecond)})`;
  const detail = outcome.detail ? `: ${outcome.detail}` : '';
  switch (outcome.status) {
    case 'completed':
      return `Training completed: ${epochs} ${pace}`;
    case 'early-stopped':
      return `Training stopped early after ${epochs}, ${settings.patience} without improvement, ${pace}`;
    case 'stopped':
      return `Training stopped with Ctrl-C after ${epochs} of ${settings.epochs}, ${pace}`;
    case 'diverged':
      return (
        `Training diverged after ${epochs}${detail}; the last good epoch's weights are kept. ` +
        `Try a learning rate ten times lower (${settings.learning_rate / 10} instead of ${settings.learning_rate}), ` +
        'or scale the data so its values are near 1'
      );
    default:
      return `Training ${outcome.status} after ${epochs}${detail}`;
  }
}

function exitCodeOf(outcome: TrainingOutcome): number {
  if (outcome.status === 'completed' || outcome.status === 'early-stopped') return exitCodes.ok;
  if (outcome.status === 'stopped') return exitCodes.interrupted;
  return exitCodes.problems;
}

/** Logs a project may keep: the schema refuses NaN and infinities. */
function finiteLogs(logs: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(logs).filter(([, value]) => Number.isFinite(value)));
}

/** Progress as JSON lines on stdout, or for a person on stderr. */
function reporter(io: Io, json: boolean, epochs: number): TrainCallbacks & { say(text: string): void; finish(): void } {
  if (json) {
    return {
      onEpoch: (update) => {
        const line = {
          type: 'epoch',
          epoch: update.epoch + 1,
          ...update.logs,
          samplesPerSecond: update.samplesPerSecond,
        };
        io.out(`${JSON.stringify(line)}\n`);
      },
      say: () => undefined,
      finish: () => undefined,
    };
  }
  const progress = new Progress(io, epochs);
  return {
    onBatch: (update) => progress.batch(update),
    onEpoch: (update) => progress.epoch(update),
    say: (text) => progress.say(text),
    finish: () => progress.finish(),
  };
}

/** Trains until done or Ctrl-C: the first stops after the current batch, a second quits at once. */
async function trainInterruptibly(io: Io, tf: TfModule, request: RunRequest, json: boolean): Promise<RunResult> {
  const report = reporter(io, json, request.settings.epochs);
  let stopRequested = false;
  const stopListening = io.onInterrupt(() => {
    if (stopRequested) process.exit(exitCodes.interrupted);
    stopRequested = true;
    report.say('Stopping after this batch… (Ctrl-C again to quit at once)');
  });
  try {
    return await runTraining(tf, request, {
      onBatch: report.onBatch,
      onEpoch: report.onEpoch,
      now: () => performance.now(),
      shouldStop: () => stopRequested,
      // In Node, tf.js' "next frame" is a 16 ms timer; setImmediate lets Ctrl-C in without the wait.
      yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
    });
  } finally {
    stopListening();
    report.finish();
  }
}

interface RunFacts {
  settings: TrainingSettings;
  backend: string;
  saved: string | undefined;
  /** Whether the network gives the lesson's result, when FILE is a lesson template. */
  lesson: ExpectationCheck | null;
}

function printOutcome(io: Io, options: TrainOptions, outcome: TrainingOutcome, facts: RunFacts): void {
  if (options.json) {
    const summary = {
      type: 'summary',
      status: outcome.status,
      epochs: outcome.epochsCompleted,
      ...outcome.finalLogs,
      ...(outcome.test ? testFigures(outcome.test) : {}),
      samplesPerSecond: outcome.samplesPerSecond,
      backend: facts.backend,
      seconds: outcome.seconds,
      ...(outcome.detail ? { detail: outcome.detail } : {}),
      ...(facts.saved ? { saved: facts.saved } : {}),
      ...(facts.lesson ? { expected: { met: facts.lesson.met, answer: facts.lesson.answer } } : {}),
    };
    io.out(`${JSON.stringify(summary)}\n`);
  } else {
    io.out(`${statusLine(outcome, facts.settings, facts.backend)}\n`);
    if (Object.keys(outcome.finalLogs).length > 0) io.out(`  ${formatLogs(outcome.finalLogs)}\n`);
    if (outcome.test) {
      io.out(
        `  test split (${outcome.test.samples} samples never trained on): ${formatLogs(testFigures(outcome.test))}\n`,
      );
    }
    if (facts.lesson) {
      io.out(`Lesson result: ${facts.lesson.met ? 'met' : 'not met'} — ${facts.lesson.details.join(', ')}\n`);
    }
    if (facts.saved) io.out(`Saved the trained project to ${facts.saved}\n`);
  }
  if (options.save !== undefined && !facts.saved)
    io.err(`layerlab: nothing saved to ${options.save}: training failed\n`);
}

/** The project with its data read from `file` instead, every choice the learner made kept. */
async function withDataFile(project: Project, file: string, language: Language): Promise<Project> {
  if (await isFolder(file)) {
    const { folder, images, skipped, recipe } = await readImageFolder(file);
    if (!project.data || project.data.kind !== recipe.kind) {
      throw new CliError(`${file} is not the kind of data this project trains on`, exitCodes.usage);
    }
    return { ...project, data: recipe.opensFolder.reopen(project.data, folder, images, skipped), dataFile: null };
  }
  const { name, text, recipe, source } = await readDataFile(file, language, { kind: project.data?.kind });
  if (!project.data || project.data.kind !== recipe.kind) {
    throw new CliError(`${file} is not the kind of data this project trains on`, exitCodes.usage);
  }
  return { ...project, data: recipe.opens.reopen(project.data, name, text), dataFile: source };
}

export async function runTrain(args: string[], io: Io): Promise<number> {
  const options = readOptions(args);
  if (!options) {
    io.out(commandUsage.train);
    return exitCodes.ok;
  }
  const source = await readProjectFile(options.file, options.variant, { dataGiven: options.data !== undefined });
  const { lesson } = source;
  const project =
    options.data === undefined ? source.project : await withDataFile(source.project, options.data, options.language);
  const newer = newerFormatNote(options.file, source);
  if (newer) io.err(newer);
  if (!project.data) {
    throw new CliError(`${options.file} has no data to train on: give it a dataset in LayerLab first`, exitCodes.usage);
  }
  const settings: TrainingSettings = {
    ...project.training,
    ...(options.epochs === undefined ? {} : { epochs: options.epochs }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
  };
  const choice = chooseTrainingBackend(
    project.graph.nodes.map((node) => node.kind),
    options.backend,
  );
  if (choice.note) io.err(`layerlab: ${choice.note}\n`);
  const tf = await startTf(choice.name);
  const backend = tf.getBackend();
  if (!options.json) {
    const variant = lesson?.variant ? `, variant ${lesson.variant.id}` : '';
    io.err(
      `Training ${JSON.stringify(project.name)}${variant} on ${backend}: ${settings.epochs} epochs, batch ${settings.batch_size}\n`,
    );
  }

  const result = await trainInterruptibly(io, tf, { graph: project.graph, data: project.data, settings }, options.json);
  if (!result.ok) {
    for (const found of result.problems) io.err(`${problemLine(project.graph, found, options.language)}\n`);
    if (result.dataProblem) io.err(`${dataProblemLine(undefined, result.dataProblem, options.language)}\n`);
    io.err(`layerlab: ${options.file} cannot train until these are fixed (see layerlab check ${options.file})\n`);
    return exitCodes.problems;
  }

  const { model, dataset, mode, outcome } = result;
  let saved: string | undefined;
  let lessonCheck: ExpectationCheck | null = null;
  try {
    // A failed run leaves a model that may not predict; every other run is judged as it ended.
    if (lesson && outcome.status !== 'failed') {
      lessonCheck = checkExpectation(tf, model, mode, project.data, dataset, lesson.expected, outcome.finalLogs);
    }
    if (options.save !== undefined && outcome.status !== 'failed') {
      const values = model.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() }));
      const trained = {
        weights: encodeWeights(values),
        epochs: outcome.epochsCompleted,
        logs: finiteLogs(outcome.finalLogs),
        backend,
      };
      await writeProject(options.save, { ...project, trained });
      saved = options.save;
    }
  } finally {
    model.dispose();
  }
  printOutcome(io, options, outcome, { settings, backend, saved, lesson: lessonCheck });
  return exitCodeOf(outcome);
}
