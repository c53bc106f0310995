/**
 * Which recipe opens a learner's data file, by the recipes' `opens`: the app's File → Open data,
 * its drop target and `layerlab new --data` all ask here. Reads nothing but its arguments.
 */
import type { RecipeDef } from './recipe.js';
import { recipes, type DataSpec } from './recipes/index.js';

const openers = recipes as readonly RecipeDef<DataSpec>[];

/** The recipe that opens a file of this name, if any. */
export function recipeOpening(name: string): RecipeDef<DataSpec> | undefined {
  const lower = name.toLowerCase();
  return openers.find((recipe) => recipe.opens?.extensions.some((extension) => lower.endsWith(extension)));
}

/** Every extension some recipe opens, comma-separated, as a file input's `accept` takes them. */
export const openedExtensions = openers.flatMap((recipe) => recipe.opens?.extensions ?? []).join(',');
