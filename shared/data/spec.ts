/**
 * Dataset recipes as projects and lessons save them: plain data, one zod schema per kind, each in
 * its recipe's file (`recipes/`), joined here into the schema a project's `data` is checked with.
 * Reads nothing but its arguments.
 */
import { z } from 'zod';
import { recipeOf, recipes, type DataKind, type DataSpec } from './recipes/index.js';

export type { DataKind, DataSpec } from './recipes/index.js';

const [first, ...rest] = recipes;

export const dataSpecSchema: z.ZodType<DataSpec> = z.discriminatedUnion('kind', [
  first.schema,
  ...rest.map((recipe) => recipe.schema),
]);

/** Each kind's starting spec, for the data panel's menu. */
export const defaultDataSpecs = Object.fromEntries(recipes.map((recipe) => [recipe.kind, recipe.defaultSpec])) as {
  [K in DataKind]: Extract<DataSpec, { kind: K }>;
};

/**
 * The spec the data panel's menu switches to: the kind's starting spec, or, between two recipes
 * that each read one text file (a text read by characters, then by words), that text read anew.
 */
export function switchedSpec(previous: DataSpec | null, kind: DataKind): DataSpec {
  const next = recipeOf(defaultDataSpecs[kind]);
  const text = previous ? recipeOf(previous).rawText?.(previous) : undefined;
  if (text === undefined || previous?.kind === kind || !next.rawText || !next.opens)
    return { ...defaultDataSpecs[kind] };
  return next.opens.spec('', text);
}
