/**
 * The layer registry: what the rest of LayerLab asks about the kinds in kinds.ts (one file each,
 * one line there). The palette, the inspector, the checks, the compiler, the project loader, the
 * import and the code generators read it; adding a kind changes nothing here.
 */
import { layerRegistry } from './kinds.js';
import { defaultParams, type ParamValues } from './params.js';
import { layerCategories, type LayerCategory, type LayerDef } from './types.js';

export { layerRegistry };

type Registry = typeof layerRegistry;
export type LayerKind = keyof Registry;
export type ParamsOf<K extends LayerKind> = ParamValues<Registry[K]['params']>;

export const layerKinds = Object.keys(layerRegistry) as LayerKind[];

export function isLayerKind(value: unknown): value is LayerKind {
  return typeof value === 'string' && Object.hasOwn(layerRegistry, value);
}

/** The definition of `kind`, typed loosely for code that walks any layer's parameters. */
export function layerDef(kind: LayerKind): LayerDef {
  return layerRegistry[kind];
}

export function defaultParamsOf<K extends LayerKind>(kind: K): ParamsOf<K> {
  return defaultParams(layerRegistry[kind].params) as ParamsOf<K>;
}

/** Layer kinds grouped for the palette, groups and kinds in registry order. */
export function layersByCategory(): { category: LayerCategory; kinds: LayerKind[] }[] {
  return layerCategories.map((category) => ({
    category,
    kinds: layerKinds.filter((kind) => layerRegistry[kind].category === category),
  }));
}
