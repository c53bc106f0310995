/**
 * What SimpleRNN, LSTM and GRU share: a sequence in, the last state or every state out, an
 * optional Bidirectional wrapper, and weights counted per gate. Reads nothing but its arguments.
 */
import { keyword, pythonBool, pythonCall, pythonNumber, pythonString } from '../vocabulary/python.js';
import { thousands } from '../vocabulary/code-text.js';
import { torchInit } from './spellings.js';
import { quotedUnless, typescriptConfig, typescriptString } from '../vocabulary/typescript-literals.js';
import { formatShape, lastDim, type Shape } from '../vocabulary/shape.js';
import { type ActivationName, type RecurrentActivationName, type initializers } from './common.js';
import { expectKnown, fail, ok } from './shape-rules.js';
import { fastOrthogonal, tfInitializer } from './tf-config.js';
import { fuseRecurrent, type FusedCell } from './fused-recurrent.js';
import type {
  BuildContext,
  LayerWeight,
  CodeContext,
  PyTorchCode,
  PyTorchContext,
  ShapeResult,
  TfLayer,
  TypeScriptContext,
} from './types.js';
import { weightList } from './types.js';

export interface RecurrentParams {
  units: number;
  activation: ActivationName;
  use_bias: boolean;
  kernel_initializer: (typeof initializers)[number];
  return_sequences: boolean;
  go_backwards: boolean;
  dropout: number;
  recurrent_dropout: number;
  bidirectional: boolean;
  merge_mode: 'concat' | 'sum' | 'mul' | 'ave';
}

/** A recurrent layer reads (batch, time, features) and returns (batch, units) or (batch, time, units). */
export function inferRecurrent(kind: string, inputs: readonly Shape[], params: RecurrentParams): ShapeResult {
  const input = inputs[0] ?? [];
  if (input.length !== 3) return fail({ code: 'shape.needs-sequence', values: { kind, shape: formatShape(input) } });
  const unknown = expectKnown(kind, input, [2]);
  if (unknown) return unknown;
  const width = params.bidirectional && params.merge_mode === 'concat' ? 2 * params.units : params.units;
  return ok(params.return_sequences ? [null, input[1] ?? null, width] : [null, width]);
}

/**
 * `gates` blocks of (input kernel + recurrent kernel + bias): 1 for SimpleRNN, 4 for LSTM, 3 for
 * GRU with reset_after=False (tf.js' only GRU; Keras' default reset_after=True adds one more bias
 * per gate). Twice that when Bidirectional.
 */
export function countRecurrent(gates: number, inputs: readonly Shape[], params: RecurrentParams): number {
  const features = inputs[0]?.[2] ?? 0;
  const units = params.units;
  const perDirection = gates * (units * (features + units) + (params.use_bias ? units : 0));
  return params.bidirectional ? 2 * perDirection : perDirection;
}

/**
 * What a recurrent layer keeps per sample for the backward pass: at every time step, its `gates`
 * blocks and its state, in each direction.
 */
export function keptRecurrent(gates: number, inputs: readonly Shape[], params: RecurrentParams): number {
  const steps = inputs[0]?.[1] ?? 1;
  return steps * params.units * (gates + 1) * (params.bidirectional ? 2 : 1);
}

/** The tf.js arguments every recurrent layer takes, with Keras' initialisers seeded. */
export function recurrentArgs(params: RecurrentParams, context: BuildContext) {
  return {
    units: params.units,
    activation: params.activation,
    useBias: params.use_bias,
    kernelInitializer: tfInitializer(context.tf, params.kernel_initializer, context.nextSeed()),
    // Keras' default; computed in TypeScript because tf.js' own takes seconds on a GPU backend.
    recurrentInitializer: fastOrthogonal(context.tf, context.nextSeed()),
    biasInitializer: 'zeros' as const,
    returnSequences: params.return_sequences,
    goBackwards: params.go_backwards,
    dropout: params.dropout,
    recurrentDropout: params.recurrent_dropout,
  };
}

interface RecurrentLayerWithCell {
  cell: { kernelInitializer: unknown; recurrentInitializer: unknown };
}

/**
 * Wraps `layer` in Bidirectional when asked. tf.js builds both directions as copies of `layer`,
 * from its saved config: each copy names tf.js' own slow orthogonal initialiser (seconds for
 * LSTM(128) on the CPU), and both would draw the same kernel from the same seed. Give each copy
 * fresh, fast initialisers before its weights are made (when the layer is first applied). Each
 * direction runs its sequence as one fused operation on WASM (training/fused-recurrent.ts).
 */
export function maybeBidirectional(
  layer: TfLayer,
  cell: FusedCell,
  params: RecurrentParams,
  context: BuildContext,
): TfLayer {
  if (!params.bidirectional) {
    fuseRecurrent(context.tf, layer, cell);
    return layer;
  }
  const wrapper = context.tf.layers.bidirectional({
    layer: layer as Parameters<BuildContext['tf']['layers']['bidirectional']>[0]['layer'],
    mergeMode: params.merge_mode,
    name: context.name,
  });
  const copies = wrapper as unknown as { forwardLayer: RecurrentLayerWithCell; backwardLayer: RecurrentLayerWithCell };
  copies.forwardLayer.cell.recurrentInitializer = fastOrthogonal(context.tf, context.nextSeed());
  copies.backwardLayer.cell.recurrentInitializer = fastOrthogonal(context.tf, context.nextSeed());
  copies.backwardLayer.cell.kernelInitializer = tfInitializer(
    context.tf,
    params.kernel_initializer,
    context.nextSeed(),
  );
  fuseRecurrent(context.tf, copies.forwardLayer as unknown as TfLayer, cell);
  fuseRecurrent(context.tf, copies.backwardLayer as unknown as TfLayer, cell);
  return wrapper;
}

/** The tf.js arguments a recurrent kind adds (LSTM's recurrentActivation, unitForgetBias). */
type ConfigEntries = readonly (readonly [string, string | null])[];

/**
 * A recurrent layer as tf.js code, drawing seeds as `recurrentArgs` and `maybeBidirectional` do:
 * kernel, recurrent kernel, then for Bidirectional each copy's fresh weights.
 */
export function recurrentTypeScript(
  factory: 'simpleRNN' | 'lstm' | 'gru',
  gates: number,
  params: RecurrentParams,
  context: TypeScriptContext,
  extra: ConfigEntries,
): string {
  const features = lastDim(context.inputs[0] ?? []) ?? 0;
  const width = gates * params.units;
  const kernel = { index: 0, shape: [features, width] };
  const recurrent = { index: 1, shape: [params.units, width] };
  const layer = `tf.layers.${factory}(${typescriptConfig([
    ['units', String(params.units)],
    ['activation', quotedUnless(params.activation, 'tanh')],
    ...extra,
    ['useBias', params.use_bias ? null : 'false'],
    ['kernelInitializer', context.initializer(params.kernel_initializer, kernel)],
    ['recurrentInitializer', context.initializer('orthogonal', recurrent)],
    ['returnSequences', params.return_sequences ? 'true' : null],
    ['goBackwards', params.go_backwards ? 'true' : null],
    ['dropout', params.dropout > 0 ? String(params.dropout) : null],
    ['recurrentDropout', params.recurrent_dropout > 0 ? String(params.recurrent_dropout) : null],
    ['name', params.bidirectional ? null : context.name],
  ])})`;
  if (!params.bidirectional) return layer;
  // tf.js builds both directions from one config: give each its own weights, as the app does.
  const backward = params.use_bias ? 3 : 2;
  context.redraw('orthogonal', recurrent);
  context.redraw('orthogonal', { ...recurrent, index: backward + 1 });
  context.redraw(params.kernel_initializer, { ...kernel, index: backward });
  return `tf.layers.bidirectional(${typescriptConfig([
    ['layer', layer],
    ['mergeMode', typescriptString(params.merge_mode)],
    ['name', context.name],
  ])})`;
}

/** A recurrent layer as Keras writes it, wrapped in Bidirectional when asked. */
export function recurrentKeras(
  kind: 'SimpleRNN' | 'LSTM' | 'GRU',
  params: RecurrentParams,
  context: CodeContext,
  extra: readonly (string | null)[],
): string {
  const layer = pythonCall(`layers.${kind}`, [
    String(params.units),
    keyword('activation', pythonString(params.activation), params.activation === 'tanh'),
    ...extra,
    keyword('use_bias', pythonBool(false), params.use_bias),
    keyword(
      'kernel_initializer',
      pythonString(params.kernel_initializer),
      params.kernel_initializer === 'glorot_uniform',
    ),
    keyword('return_sequences', pythonBool(true), !params.return_sequences),
    keyword('go_backwards', pythonBool(true), !params.go_backwards),
    keyword('dropout', pythonNumber(params.dropout), params.dropout === 0),
    keyword('recurrent_dropout', pythonNumber(params.recurrent_dropout), params.recurrent_dropout === 0),
    params.bidirectional ? null : `name=${context.name}`,
  ]);
  if (!params.bidirectional) return layer;
  return pythonCall('layers.Bidirectional', [
    layer,
    keyword('merge_mode', pythonString(params.merge_mode), params.merge_mode === 'concat'),
    `name=${context.name}`,
  ]);
}

/** The two directions' halves, merged as Keras' Bidirectional `merge_mode` says. */
const mergeHalves: Record<RecurrentParams['merge_mode'], (stacked: string) => string> = {
  concat: (stacked) => stacked,
  sum: (stacked) => `${stacked}.sum(0)`,
  mul: (stacked) => `${stacked}.prod(0)`,
  ave: (stacked) => `${stacked}.mean(0)`,
};

/**
 * A recurrent layer as a PyTorch module. `nn.RNN`, `nn.LSTM` and `nn.GRU` return every step and
 * the last state; Keras' return_sequences=False is the last step, and for Bidirectional the
 * backward direction's last state, which PyTorch's h_n holds.
 */
export function recurrentPytorch(
  module: 'nn.RNN' | 'nn.LSTM' | 'nn.GRU',
  gates: number,
  params: RecurrentParams,
  context: PyTorchContext,
  options: { args?: readonly (string | null)[]; notes?: readonly string[]; forgetBias?: boolean },
): PyTorchCode {
  const features = lastDim(context.inputs[0] ?? []) ?? 0;
  const units = params.units;
  const attribute = context.attribute;
  const directions = params.bidirectional ? 2 : 1;
  const perDirection = gates * (units * (features + units) + (params.use_bias ? 2 * units : 0));
  const kerasCount = countRecurrent(gates, context.inputs, params);
  const torchCount = directions * perDirection;
  const notes: string[] = [...(options.notes ?? [])];
  if (params.use_bias) {
    notes.push(
      `PyTorch RNNs keep two bias vectors (b_ih, b_hh): ${thousands(kerasCount)} in Keras, ${thousands(torchCount)} here.`,
    );
  }
  if (params.dropout > 0 || params.recurrent_dropout > 0) {
    notes.push("PyTorch's recurrent modules have no per-step dropout or recurrent_dropout: left out here.");
  }
  const init: string[] = [];
  for (const suffix of params.bidirectional ? ['', '_reverse'] : ['']) {
    init.push(torchInit(params.kernel_initializer, `${attribute}.weight_ih_l0${suffix}`));
    init.push(`nn.init.orthogonal_(${attribute}.weight_hh_l0${suffix})`);
    if (params.use_bias) {
      init.push(`nn.init.zeros_(${attribute}.bias_ih_l0${suffix})`);
      init.push(`nn.init.zeros_(${attribute}.bias_hh_l0${suffix})`);
      // Keras' unit_forget_bias: the forget gate (the second block) starts at 1.
      if (options.forgetBias) init.push(`nn.init.ones_(${attribute}.bias_ih_l0${suffix}[${units}:${2 * units}])`);
    }
  }
  const lastState = module === 'nn.LSTM' ? '[1][0]' : '[1]';
  return {
    module: pythonCall(module, [
      `input_size=${features}`,
      `hidden_size=${units}`,
      ...(options.args ?? []),
      keyword('bias', pythonBool(false), params.use_bias),
      'batch_first=True',
      keyword('bidirectional', pythonBool(true), !params.bidirectional),
    ]),
    init,
    forward: ([read = 'x']) => {
      // Keras' go_backwards reads the steps last to first, and returns them in that order.
      const input = params.go_backwards ? `torch.flip(${read}, dims=[1])` : read;
      const call = `${attribute}(${input})`;
      if (!params.bidirectional) return params.return_sequences ? `${call}[0]` : `${call}[0][:, -1, :]`;
      if (params.return_sequences) {
        const steps = `${call}[0]`;
        return params.merge_mode === 'concat'
          ? steps
          : mergeHalves[params.merge_mode](`torch.stack(${steps}.chunk(2, dim=-1))`);
      }
      // h_n is (2, batch, units): the forward direction's last state, then the backward one's.
      const states = `${call}${lastState}`;
      return params.merge_mode === 'concat'
        ? `torch.cat(tuple(${states}), dim=-1)`
        : mergeHalves[params.merge_mode](states);
    },
    params: torchCount,
    notes,
    // Keras' gates and PyTorch's come in the same order for SimpleRNN and LSTM (i, f, c, o); a
    // GRU's do not, and Keras' reset_after=False GRU computes otherwise, so it is not loaded.
    ...(module === 'nn.GRU'
      ? {}
      : {
          load: (arrays: readonly string[]) => {
            const each = params.use_bias ? 3 : 2;
            return (params.bidirectional ? ['', '_reverse'] : ['']).flatMap((suffix, direction) => {
              const [kernel, recurrent, bias] = arrays.slice(direction * each, direction * each + each);
              return [
                `${attribute}.weight_ih_l0${suffix}.copy_(torch.from_numpy(np.ascontiguousarray(${kernel}.T)))`,
                `${attribute}.weight_hh_l0${suffix}.copy_(torch.from_numpy(np.ascontiguousarray(${recurrent}.T)))`,
                ...(params.use_bias
                  ? [
                      // Keras has one bias per gate; PyTorch adds two, so the second is zero.
                      `${attribute}.bias_ih_l0${suffix}.copy_(torch.from_numpy(${bias}))`,
                      `${attribute}.bias_hh_l0${suffix}.zero_()`,
                    ]
                  : []),
              ];
            });
          },
        }),
  };
}

/** The Keras function tf.js' hard sigmoid is written as in an exported program (keras.ts defines it). */
export const kerasHardSigmoid = 'tfjs_hard_sigmoid';

/**
 * A gate activation in Keras code: its name, or for hard_sigmoid the program's own function, since
 * Keras 3's hard_sigmoid is relu6(x + 3) / 6 and tf.js' is clip(0.2·x + 0.5, 0, 1).
 */
export function kerasGateActivation(name: RecurrentActivationName): string {
  return name === 'hard_sigmoid' ? kerasHardSigmoid : pythonString(name);
}

/** PyTorch's LSTM and GRU fix their activations at tanh and sigmoid. */
export function gateActivationNotes(
  module: string,
  params: { activation: ActivationName; recurrent_activation: RecurrentActivationName },
): string[] {
  const notes: string[] = [];
  if (params.activation !== 'tanh') {
    notes.push(`${module} always uses tanh, where Keras uses activation=${params.activation}.`);
  }
  if (params.recurrent_activation !== 'sigmoid') {
    notes.push(`${module} always uses sigmoid gates, where Keras uses ${params.recurrent_activation}.`);
  }
  return notes;
}

/**
 * A recurrent layer's weights, per gate side by side (`gates` × units wide), in tf.js' order;
 * bidirectional, the forward copy's then the backward's.
 */
export function recurrentWeights(gates: number, inputs: readonly Shape[], params: RecurrentParams): LayerWeight[] {
  const last = lastDim(inputs[0] ?? []) ?? 0;
  const width = gates * params.units;
  const one = weightList([
    ['kernel', [last, width]],
    ['recurrent_kernel', [params.units, width]],
    params.use_bias ? ['bias', [width]] : null,
  ]);
  if (!params.bidirectional) return one;
  return (['forward', 'backward'] as const).flatMap((direction) => one.map((weight) => ({ ...weight, direction })));
}

/** A recurrent layer keeps a mask only on the sequence it hands on: its last state has no steps to mask. */
export const recurrentMask = (params: RecurrentParams, inputsMasked: boolean): boolean =>
  inputsMasked && params.return_sequences;
