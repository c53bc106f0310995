/**
 * What a layer kind is: the contract every file in `shared/layers/` fulfils.
 * Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { LayerIssue } from '../graph/problems.js';
import type { Shape } from '../graph/shape.js';
import type { Localized } from '../localized.js';
import type { ParamSpecs, ParamValues } from './params.js';

export type TfModule = typeof Tf;
export type TfLayer = Tf.layers.Layer;

/**
 * What shape inference answers: the output shape (batch axis first) with any warnings, or the
 * issue that stops this layer. Never thrown: a user's graph is data, not a programmer error.
 */
export type ShapeResult = { ok: true; shape: Shape; warnings?: LayerIssue[] } | { ok: false; issue: LayerIssue };

/** What building a tf.js layer needs beyond its parameters. */
export interface BuildContext {
  readonly tf: TfModule;
  /** The layer's Keras name, unique in the model. */
  readonly name: string;
  /** The shapes flowing in, as inference found them. */
  readonly inputs: readonly Shape[];
  /** A fresh seed for each random initialiser, drawn from the run's seed, so builds repeat. */
  readonly nextSeed: () => number;
}

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
  // The three below are methods, not function-valued properties, on purpose: a method's
  // parameters are compared bivariantly, so every LayerDef<K, P> is still a plain LayerDef (the
  // registry's `satisfies` and `layerDef()` need that); a property would be contravariant in P.
  /**
   * The output shape for these input shapes, with Keras' semantics. Called only with as many
   * inputs as `inputs` allows and with parameters that passed their schemas.
   */
  inferShape(inputs: readonly Shape[], params: ParamValues<P>): ShapeResult;
  /** Weights, trainable and not, as Keras' summary and tf.js' `countParams()` count them. */
  countParams(inputs: readonly Shape[], params: ParamValues<P>): number;
  /** The tf.js layer, configured as Keras would build it. */
  build(params: ParamValues<P>, context: BuildContext): TfLayer;
}

/** Declares a layer kind, keeping its literal kind and parameter types. */
export function defineLayer<const K extends string, const P extends ParamSpecs>(def: LayerDef<K, P>): LayerDef<K, P> {
  return def;
}
