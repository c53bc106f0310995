/**
 * `layerlab import DIR/model.json --out PROJECT.layerlab`: a tf.js layers model (its model.json
 * and the weight files beside it) as a LayerLab project, with the network laid out and its weights
 * as trained weights. The model.json is size- and depth-capped before it is parsed; weight files
 * are read only from the model.json's own folder, never through a link out of it.
 */
import { lstatSync, readFileSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeGraph } from '../shared/graph/analyze.js';
import { formatSummary, summarize } from '../shared/graph/summary.js';
import { emptyProject, maxTrainedValues, type Project } from '../shared/project/project.js';
import { readJson } from '../shared/vocabulary/safe-json.js';
import { decodeUtf8 } from '../shared/vocabulary/utf8.js';
import { importTfjsModel } from '../shared/tfjs-model/import.js';
import { CliError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import { parseOrExplain } from './options.js';
import { reason, writeProject } from './project-file.js';
import { commandUsage } from './usage.js';

/** A model.json is a topology and a manifest: a few hundred kilobytes for the largest LayerLab draws. */
export const maxModelJsonBytes = 16 * 1024 * 1024;
/** tf.js nests a topology about ten levels deep. */
const maxModelJsonDepth = 64;
/** No weight file can hold more than the budget LayerLab imports. */
const maxWeightFileBytes = maxTrainedValues * 4;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The parsed model.json, or a one-line reason it cannot be read. */
async function readModelJson(file: string): Promise<unknown> {
  let bytes: Uint8Array;
  try {
    const size = (await stat(file)).size;
    if (size > maxModelJsonBytes) {
      throw new CliError(`${file} is ${megabytes(size)}; a model.json is at most ${megabytes(maxModelJsonBytes)}`);
    }
    bytes = await readFile(file);
  } catch (thrown) {
    if (thrown instanceof CliError) throw thrown;
    throw new CliError(`cannot read ${file}: ${reason(thrown)}`);
  }
  const text = decodeUtf8(bytes);
  if (!text.ok) throw new CliError(`${file} is not UTF-8 text: ${text.message}`);
  const json = readJson(text.text.startsWith('\uFEFF') ? text.text.slice(1) : text.text, maxModelJsonDepth);
  if (!json.ok) throw new CliError(`${file} is not JSON: ${json.message}`);
  return json.value;
}

/**
 * Reads weight files from `folder` only. The importer has already refused any path that is not a
 * plain relative name; this also refuses one that a link leads out of the folder, or that is not a
 * plain file, saying why in `refused` (the importer hears only "missing").
 */
function weightFileReader(folder: string, refused: Map<string, string>): (name: string) => Uint8Array | null {
  const root = realpathSync(folder);
  return (name) => {
    const file = path.resolve(root, name);
    try {
      const real = realpathSync(file);
      const relative = path.relative(root, real);
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
        refused.set(name, "leads out of the model.json's folder through a link");
        return null;
      }
      const info = lstatSync(real);
      if (!info.isFile()) {
        refused.set(name, 'is not a plain file');
        return null;
      }
      if (info.size > maxWeightFileBytes) {
        refused.set(name, `is ${megabytes(info.size)}, more than LayerLab imports`);
        return null;
      }
      return new Uint8Array(readFileSync(real));
    } catch (thrown) {
      const why = reason(thrown);
      if (why !== 'no such file') refused.set(name, `cannot be read: ${why}`);
      return null;
    }
  };
}

/** The project's name: --name, else the model file's name, else its folder's. */
function projectName(file: string, given: string | undefined): string {
  if (given !== undefined) return given.slice(0, 200);
  const base = path.basename(file, '.json');
  const name = base === 'model' ? path.basename(path.dirname(path.resolve(file))) : base;
  return (name || 'Imported model').slice(0, 200);
}

export async function runImport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      options: {
        help: { type: 'boolean', short: 'h' },
        out: { type: 'string' },
        name: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.out(commandUsage.import);
    return exitCodes.ok;
  }
  const [file, ...extra] = positionals;
  if (file === undefined) throw new CliError('import needs MODEL, the model.json to read', exitCodes.usage, true);
  if (extra.length > 0) throw new CliError(`unexpected argument '${extra[0] ?? ''}'`, exitCodes.usage, true);
  if (values.out === undefined) {
    throw new CliError('import needs --out PROJECT, the .layerlab file to write', exitCodes.usage, true);
  }
  const modelJson = await readModelJson(file);
  const refused = new Map<string, string>();
  const imported = importTfjsModel(modelJson, weightFileReader(path.dirname(file), refused));
  if (!imported.ok) {
    const [name, why] = imported.code === 'weights.missing-file' ? ([...refused][0] ?? []) : [];
    const message = name === undefined ? imported.message : `weight file '${name}' ${why ?? ''}`;
    throw new CliError(`${file} cannot be imported: ${message}`);
  }
  const name = projectName(file, values.name);
  const project: Project = { ...emptyProject(name), graph: imported.graph, trained: imported.trained };
  await writeProject(values.out, project);
  for (const warning of imported.warnings) io.err(`layerlab: warning: ${warning}\n`);
  io.out(`${formatSummary(summarize(project.graph, analyzeGraph(project.graph)), name)}\n`);
  io.out(`Saved the imported project to ${values.out}\n`);
  return exitCodes.ok;
}
