/**
 * What SimpleRNN, LSTM and GRU share: a sequence in, the last state or every state out, an
 * optional Bidirectional wrapper, and weights counted per gate. Reads nothing but its arguments.
 */
import { formatShape, type Shape } from '../graph/shape.js';
import type { ActivationName, initializers } from './common.js';
import { expectKnown, fail, ok } from './shape-rules.js';
import { fastOrthogonal, tfInitializer } from './tf-config.js';
import type { BuildContext, ShapeResult, TfLayer } from './types.js';

export interface RecurrentParams {
  units: number;
  activation: ActivationName;
  use_bias: boolean;
  kernel_initializer: (typeof initializers)[number];
  return_sequences: boolean;
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
 * fresh, fast initialisers before its weights are made (when the layer is first applied).
 */
export function maybeBidirectional(layer: TfLayer, params: RecurrentParams, context: BuildContext): TfLayer {
  if (!params.bidirectional) return layer;
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
  return wrapper;
}
