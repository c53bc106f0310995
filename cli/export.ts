/**
 * `layerlab export FILE --to ts|keras|pytorch|tfjs --out DIR`: writes the project as a program
 * that trains it outside LayerLab, with the generators the app uses (a lesson template ends its
 * program with the lesson's question), or its trained weights as a tf.js layers model.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { exportKeras } from '../shared/codegen/keras.js';
import { storedWeightsFile, type ExportOptions, type ExportRefusal } from '../shared/codegen/plan.js';
import { exportPytorch } from '../shared/codegen/pytorch.js';
import { exportTypeScript } from '../shared/codegen/typescript.js';
import { localize, type Language } from '../shared/vocabulary/localized.js';
import type { Project } from '../shared/project/project.js';
import { exportTfjsModel } from '../shared/tfjs-model/export.js';
import { weightsFileName } from '../shared/tfjs-model/model-json.js';
import { startTf } from './backend.js';
import { CliError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import { choiceOption, languageOption, parseOrExplain, singleFile } from './options.js';
import { dataProblemLine, problemLine } from './problems.js';
import { readProjectFile } from './project-file.js';
import { commandUsage } from './usage.js';

export const exportTargets = ['ts', 'keras', 'pytorch', 'tfjs'] as const;
export type ExportTarget = (typeof exportTargets)[number];
/** The targets written as a program, from the network alone. */
export type ProgramTarget = Exclude<ExportTarget, 'tfjs'>;

/** The files of one export, by name, or why there are none. */
export type ExportFiles = { ok: true; files: Record<string, string | Uint8Array> } | ExportRefusal;

/**
 * Runs the generator for `target`: model.ts and package.json, model.py or model_torch.py; for a
 * project without data, weights.bin beside it when the network has trained weights.
 */
export async function exportFiles(
  project: Project,
  target: ProgramTarget,
  options: ExportOptions,
): Promise<ExportFiles> {
  const written =
    target === 'ts'
      ? await exportTypeScript(project, options)
      : target === 'keras'
        ? exportKeras(project, options)
        : exportPytorch(project, options);
  if (!written.ok) return written;
  const program =
    'files' in written ? written.files : { [target === 'keras' ? 'model.py' : 'model_torch.py']: written.code };
  return { ok: true, files: { ...program, ...(written.weights ? { [storedWeightsFile]: written.weights } : {}) } };
}

function refusalLines(project: Project, refusal: ExportRefusal, language: Language): string[] {
  return [
    ...refusal.problems.map((found) => problemLine(project.graph, found, language)),
    ...(refusal.dataProblem ? [dataProblemLine(refusal.dataProblem.field, refusal.dataProblem.problem, language)] : []),
    ...(refusal.settingsProblem ? [`training: ${localize(refusal.settingsProblem, language)}`] : []),
    ...(refusal.weightsProblem ? [`trained: ${localize(refusal.weightsProblem, language)}`] : []),
  ];
}

export async function runExport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        to: { type: 'string' },
        out: { type: 'string' },
        distributed: { type: 'boolean' },
        variant: { type: 'string' },
        lang: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.out(commandUsage.export);
    return exitCodes.ok;
  }
  const file = singleFile('export', positionals);
  const target = choiceOption('to', values.to, exportTargets);
  if (target === undefined) {
    throw new CliError('export needs --to ts, keras, pytorch or tfjs', exitCodes.usage, true);
  }
  if (values.out === undefined)
    throw new CliError('export needs --out DIR, the folder to write to', exitCodes.usage, true);
  if (values.distributed && (target === 'ts' || target === 'tfjs')) {
    throw new CliError('--distributed applies to --to keras and --to pytorch', exitCodes.usage);
  }
  const language = languageOption(values.lang);
  const { project, lesson } = await readProjectFile(file, values.variant);
  if (target === 'tfjs') return exportTfjs(file, project, values.out, language, io);
  const options: ExportOptions = {
    distributed: values.distributed === true,
    ...(lesson ? { query: lesson.expected.input } : {}),
  };
  const result = await exportFiles(project, target, options);
  if (!result.ok) {
    for (const line of refusalLines(project, result, language)) io.err(`${line}\n`);
    io.err(`layerlab: ${file} cannot be exported until these are fixed (see layerlab check ${file})\n`);
    return exitCodes.problems;
  }
  await writeFiles(values.out, result.files, io);
  return exitCodes.ok;
}

/** Writes each file into `folder` (made if missing) and prints its path. */
async function writeFiles(folder: string, files: Record<string, string | Uint8Array>, io: Io): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    for (const [name, content] of Object.entries(files)) {
      const written = path.join(folder, name);
      await writeFile(written, content);
      io.out(`${written}\n`);
    }
  } catch (thrown) {
    const reason = thrown instanceof Error ? thrown.message : String(thrown);
    throw new CliError(`cannot write to ${folder}: ${reason}`, exitCodes.problems);
  }
}

/** `--to tfjs`: the trained network as model.json and weights.bin, which `tf.loadLayersModel` reads. */
async function exportTfjs(file: string, project: Project, folder: string, language: Language, io: Io): Promise<number> {
  if (!project.trained) {
    throw new CliError(
      `${file} has no trained weights to export: train it first with layerlab train ${file} --save OUT, then export OUT`,
    );
  }
  const tf = await startTf('cpu');
  const result = await exportTfjsModel(tf, project.graph, project.trained);
  if (!result.ok) {
    for (const found of result.problems) io.err(`${problemLine(project.graph, found, language)}\n`);
    io.err(`layerlab: ${file} cannot be exported: ${result.message}\n`);
    return exitCodes.problems;
  }
  await writeFiles(
    folder,
    { 'model.json': `${JSON.stringify(result.modelJson)}\n`, [weightsFileName]: result.weightsBin },
    io,
  );
  return exitCodes.ok;
}
