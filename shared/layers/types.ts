/**
 * What a layer kind is: the contract every file in `shared/layers/` fulfils.
 * Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { LayerIssue } from '../vocabulary/problems.js';
import type { Shape } from '../vocabulary/shape.js';
import type { Localized } from '../vocabulary/localized.js';
import type { InitializerName } from './common.js';
import type { ParamSpecs, ParamValues } from './params.js';
import type { KerasParams, LayerConfig } from './keras-config.js';

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

/** A Keras initialiser name, as the layers' `kernel_initializer` parameters take it. */
export type { InitializerName } from './common.js';

/**
 * What writing a layer in another language needs beyond its parameters, whatever the language.
 * Nothing here is an identifier taken from the user: `name` is already an escaped string literal.
 */
export interface CodeContext {
  /** The layer's name, written as a string literal of the target language (escaped). */
  readonly name: string;
  /** The shapes flowing in, as inference found them (batch axis first). */
  readonly inputs: readonly Shape[];
  /** The shape flowing out. */
  readonly output: Shape;
}

/** A weight by its place in the layer's `getWeights()` and its shape. */
export interface WeightSlot {
  readonly index: number;
  readonly shape: readonly number[];
}

/**
 * Writing a tf.js layer that starts from the app's weights: seeds are drawn in the order `build`
 * draws them, from the same generator.
 */
export interface TypeScriptContext extends CodeContext {
  /**
   * The initialiser for `weight`, seeded with the next seed (drawn even where unused, as `build`
   * does). An orthogonal one is computed by the program and set once the model is built (tf.js'
   * own is slow and draws other numbers): the expression returned for it is a placeholder.
   */
  initializer(name: InitializerName, weight: WeightSlot): string;
  /** Draws the next seed and sets `weight` to `name`'s values once the model is built. */
  redraw(name: InitializerName, weight: WeightSlot): void;
  /** The next seed, for what tf.js seeds itself (Dropout's masks). */
  nextSeed(): number;
}

export interface PyTorchContext extends CodeContext {
  /** Where the module lives, generated from the layer kind: `self.simple_rnn`. */
  readonly attribute: string;
}

/** A layer as PyTorch writes it. Tensors stay channels-last between layers, as in Keras. */
export interface PyTorchCode {
  /** The module's constructor, `nn.RNN(input_size=8, hidden_size=50, batch_first=True)`; null when none is needed. */
  readonly module: string | null;
  /** Statements after the constructor that start its weights as Keras does (`nn.init.…`). */
  readonly init?: readonly string[];
  /** The output, from the expressions of the inputs (one for most layers, several for merges). */
  forward(inputs: readonly string[]): string;
  /** Parameters as PyTorch counts them: `sum(p.numel() for p in module.parameters())`. */
  readonly params: number;
  /** Where PyTorch differs from Keras (shapes, weights, behaviour), one comment line each. */
  readonly notes?: readonly string[];
  /** Terms added to the loss, as Keras adds a layer's regularizer: `0.01 * self.dense.weight.pow(2).sum()`. */
  readonly penalty?: readonly string[];
  /**
   * Statements that copy trained weights, given as NumPy arrays in Keras' layout and order (the
   * expressions `arrays`), into the module's parameters, inside `torch.no_grad()`. Absent where
   * the export cannot load them yet.
   */
  load?(arrays: readonly string[]): string[];
}

/**
 * How a layer is written in each export target. Methods, for the same bivariance reason as
 * LayerDef's own.
 */
export interface LayerCode<V> {
  /** A `tf.layers.x({...})` expression (`tf.input({...})` for Input), camelCase arguments. */
  typescript(params: V, context: TypeScriptContext): string;
  /** A Keras expression, `layers.SimpleRNN(50, name="simple_rnn")`, with only non-default arguments. */
  keras(params: V, context: CodeContext): string;
  pytorch(params: V, context: PyTorchContext): PyTorchCode;
}

/** One weight a layer makes, as tf.js names and shapes it. */
export interface LayerWeight {
  /** `kernel`, `recurrent_kernel`, `bias`, `gamma`...: the last part of tf.js' weight name. */
  suffix: string;
  /** Which copy of a Bidirectional layer it belongs to; null for every other layer. */
  direction: 'forward' | 'backward' | null;
  shape: number[];
  /** False for BatchNormalization's moving statistics, which tf.js lists after every trainable weight. */
  trainable: boolean;
}

/** What the rest of LayerLab asks about a layer kind, beyond its shape, weights and code. */
export interface LayerTraits {
  /** A recurrent layer: it can hand on its whole sequence (`return_sequences`). */
  readonly recurrent?: true;
  /**
   * How it treats whole numbers (an int32 Input's token indices): `moves` them about unchanged
   * (they stay whole), or `reads` them (looks them up, or casts them as Keras does). Left out, the
   * layer computes in float32 and tf.js refuses or truncates whole numbers.
   */
  readonly wholeNumbers?: 'moves' | 'reads';
  /**
   * Hands its input's values on unchanged but for their layout (Dropout, Flatten, Reshape): the
   * checks look through it to the layer before, for the activation the output really has.
   */
  readonly passesValuesOn?: true;
  /**
   * It looks up token indices (whole numbers): fed by a float32 Input, the checks warn that the
   * Input's dtype is probably meant to be int32.
   */
  readonly readsIndices?: true;
  /**
   * The gradient kernel tf.js' WASM backend lacks for this layer: it trains there only if LayerLab
   * supplies the kernel (training/fast-kernels.ts), else not at all.
   */
  readonly wasmMissingGradient?: string;
  /** It trains convolution filters: exported TypeScript brings LayerLab's fast CPU kernel for them. */
  readonly convolves?: true;
}

/**
 * How a layer of a Keras or tf.js model file becomes this kind (importing a model): `read` maps its
 * config to parameters by Keras' names and accounts for every other key (neutral, warned about,
 * or refused with why). The parameters are then checked against the kind's own schemas.
 */
export interface KerasReading {
  /** Other class names Keras and tf.js give the same layer (`Convolution2D` for `Conv2D`). */
  readonly aliases?: readonly string[];
  read(config: LayerConfig): KerasParams;
}

/**
 * A small valid case of a layer, and of each variant whose code differs (a Bidirectional merge
 * mode, "same" padding with strides...): the tests that go through every kind build, export and
 * run these. The network around it follows from the kind's inputs: a layer that takes one input
 * follows an Input of `input`; a merge joins two Dense(4) branches of it; an Input is followed by
 * a Dense(2).
 */
export interface LayerExample<V> {
  readonly label: string;
  /** The Input's shape, batch axis left out (an Input's own example sets it in `params`). */
  readonly input: readonly number[];
  readonly dtype?: 'float32' | 'int32';
  /** What differs from the defaults. */
  readonly params?: Partial<V>;
}

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
  /**
   * Values per sample the layer keeps while training for the backward pass, where that is more
   * than its output (a recurrent layer keeps every step's state and gates). Left out, the output.
   * Only the training memory estimate (training/budget.ts) reads it.
   */
  keptValues?(inputs: readonly Shape[], params: ParamValues<P>): number;
  /** The tf.js layer, configured as Keras would build it. */
  build(params: ParamValues<P>, context: BuildContext): TfLayer;
  /**
   * The weights the tf.js layer makes for inputs of these shapes, in its `getWeights()` order.
   * Left out, none. An imported model's weights are matched against these.
   */
  weights?(inputs: readonly Shape[], params: ParamValues<P>): LayerWeight[];
  /**
   * Whether the output carries a mask (the padding steps an Embedding with mask_zero marks), as
   * tf.js' layer hands it on; `inputsMasked` says whether what comes in carries one. Left out, the
   * layer drops any mask.
   */
  carriesMask?(params: ParamValues<P>, inputsMasked: boolean): boolean;
  readonly traits?: LayerTraits;
  /** At least one: the first is the plain layer, the rest each variant whose code differs. */
  readonly examples: readonly [LayerExample<ParamValues<P>>, ...LayerExample<ParamValues<P>>[]];
  /** How a model file's layer of this class is read; left out, importing refuses the class. */
  readonly keras?: KerasReading;
  /** How the exported TypeScript, Keras and PyTorch programs write this layer. */
  readonly code: LayerCode<ParamValues<P>>;
}

/** Declares a layer kind, keeping its literal kind and parameter types. */
export function defineLayer<const K extends string, const P extends ParamSpecs>(def: LayerDef<K, P>): LayerDef<K, P> {
  return def;
}

/** A layer's weights from `[suffix, shape]` pairs, a `null` pair standing for one it does not make. */
export function weightList(list: readonly (readonly [string, number[]] | null)[], trainable = true): LayerWeight[] {
  return list.flatMap((entry) => (entry ? [{ suffix: entry[0], direction: null, shape: entry[1], trainable }] : []));
}

/** A layer that hands the mask of what comes in on to what goes out, as tf.js' does. */
export const passesMask = (_params: unknown, inputsMasked: boolean): boolean => inputsMasked;
