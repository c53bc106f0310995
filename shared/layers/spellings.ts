/**
 * How the exports spell Keras' initialisers in tf.js, and its activations, initialisers and "same"
 * padding in PyTorch, for the layer files' `code`. Reads nothing but its arguments.
 */
import type { ActivationName } from './common.js';
import type { InitializerName } from './types.js';

/** `expression` passed through a Keras activation, as PyTorch writes it (`F` is torch.nn.functional). */
export function torchActivation(name: ActivationName, expression: string): string {
  switch (name) {
    case 'linear':
      return expression;
    case 'relu':
    case 'sigmoid':
    case 'tanh':
      return `torch.${name}(${expression})`;
    case 'softmax':
      return `torch.softmax(${expression}, dim=-1)`;
    case 'elu':
    case 'selu':
    case 'softplus':
    case 'softsign':
    case 'gelu':
      return `F.${name}(${expression})`;
    case 'swish':
      return `F.silu(${expression})`;
  }
}

/**
 * The statement that starts `tensor` as Keras' initialiser `name` would. PyTorch computes fans
 * from its own weight layouts, which give the same fan-in and fan-out as Keras' transposed ones.
 */
export function torchInit(name: InitializerName, tensor: string): string {
  switch (name) {
    case 'glorot_uniform':
      return `nn.init.xavier_uniform_(${tensor})`;
    case 'glorot_normal':
      return `nn.init.xavier_normal_(${tensor})`;
    case 'he_uniform':
      return `nn.init.kaiming_uniform_(${tensor}, nonlinearity="relu")`;
    case 'he_normal':
      return `nn.init.kaiming_normal_(${tensor}, nonlinearity="relu")`;
    case 'lecun_uniform':
      return `nn.init.kaiming_uniform_(${tensor}, nonlinearity="linear")`;
    case 'lecun_normal':
      return `nn.init.kaiming_normal_(${tensor}, nonlinearity="linear")`;
    case 'orthogonal':
      return `nn.init.orthogonal_(${tensor})`;
    case 'zeros':
      return `nn.init.zeros_(${tensor})`;
    case 'ones':
      return `nn.init.ones_(${tensor})`;
    case 'random_normal':
      return `nn.init.normal_(${tensor}, mean=0.0, std=0.05)`;
    case 'random_uniform':
      return `nn.init.uniform_(${tensor}, a=-0.05, b=0.05)`;
  }
}

/**
 * The zeros Keras' "same" padding adds before and after an axis of `size`: enough for
 * ceil(size / stride) windows, the odd one after (TensorFlow's rule).
 */
export function samePadding(size: number, window: number, stride: number): [number, number] {
  const windows = Math.ceil(size / stride);
  const total = Math.max((windows - 1) * stride + window - size, 0);
  const before = Math.floor(total / 2);
  return [before, total - before];
}

/** `x.permute(0, 3, 1, 2)` and back: PyTorch's convolutions want channels first. */
export const channelsFirst = { 1: '.transpose(1, 2)', 2: '.permute(0, 3, 1, 2)' } as const;
export const channelsLast = { 1: '.transpose(1, 2)', 2: '.permute(0, 2, 3, 1)' } as const;

/** The seeded tf.js initialiser for a Keras initialiser name (not orthogonal: the caller draws that). */
export function tfInitializerCode(name: Exclude<InitializerName, 'orthogonal'>, seed: number): string {
  switch (name) {
    case 'glorot_uniform':
      return `tf.initializers.glorotUniform({ seed: ${seed} })`;
    case 'glorot_normal':
      return `tf.initializers.glorotNormal({ seed: ${seed} })`;
    case 'he_uniform':
      return `tf.initializers.heUniform({ seed: ${seed} })`;
    case 'he_normal':
      return `tf.initializers.heNormal({ seed: ${seed} })`;
    case 'lecun_uniform':
      return `tf.initializers.leCunUniform({ seed: ${seed} })`;
    case 'lecun_normal':
      return `tf.initializers.leCunNormal({ seed: ${seed} })`;
    case 'zeros':
      return `'zeros'`;
    case 'ones':
      return `'ones'`;
    case 'random_normal':
      // Keras' defaults: mean 0, stddev 0.05; minval -0.05, maxval 0.05.
      return `tf.initializers.randomNormal({ mean: 0, stddev: 0.05, seed: ${seed} })`;
    case 'random_uniform':
      return `tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed: ${seed} })`;
  }
}

/**
 * Loading a normalisation's trained gamma (if it scales) and beta (if it centres), Keras' first
 * weights, into PyTorch's affine weight and bias; `rest` is what follows them (BatchNormalization's
 * moving statistics).
 */
export function torchGammaBeta(
  params: { scale: boolean; center: boolean },
  attribute: string,
  arrays: readonly string[],
): { lines: string[]; rest: string[] } {
  const gamma = params.scale ? arrays[0] : undefined;
  const beta = params.center ? arrays[Number(params.scale)] : undefined;
  return {
    lines: [
      ...(gamma ? [`${attribute}.weight.copy_(torch.from_numpy(${gamma}))`] : []),
      ...(beta ? [`${attribute}.bias.copy_(torch.from_numpy(${beta}))`] : []),
    ],
    rest: arrays.slice(Number(params.scale) + Number(params.center)),
  };
}
