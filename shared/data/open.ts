/**
 * Which recipe opens a learner's data file, by the recipes' `opens`: the app's File → Open data,
 * its drop target and `layerlab new --data` all ask here. Reads nothing but its arguments.
 */
import type { OpenChoices, RecipeDef } from './recipe.js';
import { recipes, type DataSpec } from './recipes/index.js';

const openers = recipes as readonly RecipeDef<DataSpec>[];

/**
 * The recipe that opens a file of this name, if any: the one of kind `wanted.kind` (a project's
 * own, given another file), else the one the command line's choices claim, else the first.
 */
export function recipeOpening(
  name: string,
  wanted: { kind?: string; choices?: OpenChoices } = {},
): RecipeDef<DataSpec> | undefined {
  const lower = name.toLowerCase();
  const matching = openers.filter((recipe) => recipe.opens?.extensions.some((extension) => lower.endsWith(extension)));
  return (
    matching.find((recipe) => recipe.kind === wanted.kind) ??
    matching.find((recipe) => recipe.opens?.claims?.(wanted.choices ?? {})) ??
    matching.find((recipe) => !recipe.opens?.claims)
  );
}

/** Every extension some recipe opens, comma-separated, as a file input's `accept` takes them. */
export const openedExtensions = [...new Set(openers.flatMap((recipe) => recipe.opens?.extensions ?? []))].join(',');
