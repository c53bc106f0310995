/**
 * A learner's data file read from disk for `layerlab new --data` and `layerlab train --data`: the
 * recipe that opens it, and its text, refused in one line when it is not a file LayerLab opens,
 * too large (before a byte is read), or not UTF-8 text.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RecipeDef } from '../shared/data/recipe.js';
import type { DataSpec } from '../shared/data/recipes/index.js';
import { openedExtensions, recipeOpening } from '../shared/data/open.js';
import { textOf, tooLarge } from '../shared/data/text-file.js';
import { localize, type Language } from '../shared/vocabulary/localized.js';
import { CliError } from './errors.js';
import { reason } from './project-file.js';

export interface DataFile {
  name: string;
  text: string;
  recipe: RecipeDef<DataSpec> & { opens: NonNullable<RecipeDef<DataSpec>['opens']> };
}

export async function readDataFile(file: string, language: Language): Promise<DataFile> {
  const name = path.basename(file);
  const recipe = recipeOpening(name);
  if (!recipe?.opens) throw new CliError(`${file}: LayerLab opens these files as data: ${openedExtensions}`);
  const { opens } = recipe;
  let bytes: Uint8Array;
  try {
    const info = await stat(file);
    if (!info.isFile()) throw new CliError(`${file} is not a plain file`);
    // A file over the cap is refused before it is read: a 1 GB file never reaches memory.
    if (info.size > opens.maxBytes)
      throw new CliError(localize(tooLarge(name, info.size, opens.maxBytes).problem, language));
    bytes = await readFile(file);
  } catch (thrown) {
    if (thrown instanceof CliError) throw thrown;
    throw new CliError(`cannot read ${file}: ${reason(thrown)}`);
  }
  const text = textOf(name, bytes, opens.maxBytes);
  if (!text.ok) throw new CliError(localize(text.problem, language));
  return { name, text: text.text, recipe: { ...recipe, opens } };
}
