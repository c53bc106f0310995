/**
 * What a layer kind is: the contract every file in `shared/layers/` fulfils.
 * Reads nothing but its arguments.
 */
import type { Localized } from '../localized.js';
import type { ParamSpecs } from './params.js';

/** Palette groups, in the order the palette shows them. */
export const layerCategories = ['core', 'recurrent', 'convolutional', 'merge', 'regularisation'] as const;
export type LayerCategory = (typeof layerCategories)[number];

/**
 * How many wires a layer takes in: `none` for Input, `one` for most layers, `many` for merges
 * (Concatenate, Add) whose inputs are ordered by when they were wired.
 */
export type InputArity = 'none' | 'one' | 'many';

export interface LayerDef<K extends string = string, P extends ParamSpecs = ParamSpecs> {
  /** The Keras class name, which is also the tf.js class name: `SimpleRNN`, `MaxPooling2D`. */
  readonly kind: K;
  readonly category: LayerCategory;
  /** One line a learner reads in the palette and the inspector. */
  readonly description: Localized;
  readonly inputs: InputArity;
  /** Prefix of generated layer names, as Keras writes them: `dense`, `simple_rnn`. */
  readonly namePrefix: string;
  readonly params: P;
}

/** Declares a layer kind, keeping its literal kind and parameter types. */
export function defineLayer<const K extends string, const P extends ParamSpecs>(def: LayerDef<K, P>): LayerDef<K, P> {
  return def;
}
