/**
 * The registry of data recipes: one line per kind, in the order the data panel's menu lists them.
 * A new kind of data is its file beside this one and a line here; nothing else names a kind.
 */
import type { RecipeDef } from '../recipe.js';
import { adding } from './adding.js';
import { csv } from './csv.js';
import { imageFolder } from './image-folder.js';
import { images } from './images.js';
import { recall } from './recall.js';
import { sequenceNextValue } from './sequence-next-value.js';
import { table } from './table.js';
import { textClass } from './text-class.js';
import { textNextChar } from './text-next-char.js';
import { textNextWord } from './text-next-word.js';

export const recipes = [
  textNextChar,
  textNextWord,
  sequenceNextValue,
  table,
  csv,
  images,
  imageFolder,
  recall,
  adding,
  textClass,
] as const;

/** Any recipe's spec, as a project or lesson saves it. */
export type DataSpec = Parameters<(typeof recipes)[number]['build']>[0];
export type DataKind = DataSpec['kind'];

const byKind = new Map<string, RecipeDef<DataSpec>>(
  recipes.map((recipe) => [recipe.kind, recipe as unknown as RecipeDef<DataSpec>]),
);

/**
 * The recipe that reads `spec`. Its functions take the spec they came with: each recipe's
 * functions are written for its own kind, which `spec.kind` chose.
 */
export function recipeOf<S extends DataSpec>(spec: S): RecipeDef<S> {
  const recipe = byKind.get(spec.kind);
  if (!recipe) throw new Error(`No data recipe of kind “${String(spec.kind)}”`);
  return recipe as unknown as RecipeDef<S>;
}
