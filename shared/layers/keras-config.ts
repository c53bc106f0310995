/**
 * Reading one layer's `config` from a model.json: keys in snake_case or camelCase, string values
 * in either case too (tf.js writes `hard_sigmoid`, its API says `hardSigmoid`), initialisers back
 * to LayerLab's names, and every key accounted for: mapped to a parameter, checked to be neutral,
 * warned about when it only changes training, or ignored. Reads nothing but its arguments.
 */
import { initializers, type InitializerName } from './common.js';
import { quote, refusal } from './import-refusals.js';

/** `useBias` → `use_bias`, `glorotUniform` → `glorot_uniform`; snake_case stays as it is. */
export function snakeCase(text: string): string {
  return text.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value that leaves a behaviour off: what an unknown key may hold and still be ignored quietly. */
const isOff = (value: unknown) => value === null || value === undefined || value === false;

/** Keys that say nothing about what a layer computes, or that the topology reader has used. */
const quietKeys = new Set([
  'name',
  'trainable',
  'dtype',
  'batch_input_shape',
  'batch_shape',
  'input_shape',
  'batch_size',
  'input_dim',
  'input_length',
  'implementation',
  'unroll',
  'seed',
  'fused',
  'autocast',
  'build_config',
  'module',
  'registered_name',
  'zero_output_for_mask',
]);

/** Keys whose setting changes training only (the weights are imported as they are). */
const trainingOnly = /(_regularizer|_constraint)$|^(noise_shape|virtual_batch_size|renorm.*|adjustment)$/;

const varianceScaling: Record<string, InitializerName> = {
  '1,fan_avg,uniform': 'glorot_uniform',
  '1,fan_avg,normal': 'glorot_normal',
  '1,fan_avg,truncated_normal': 'glorot_normal',
  '1,fan_avg,untruncated_normal': 'glorot_normal',
  '2,fan_in,uniform': 'he_uniform',
  '2,fan_in,normal': 'he_normal',
  '2,fan_in,truncated_normal': 'he_normal',
  '2,fan_in,untruncated_normal': 'he_normal',
  '1,fan_in,uniform': 'lecun_uniform',
  '1,fan_in,normal': 'lecun_normal',
  '1,fan_in,truncated_normal': 'lecun_normal',
  '1,fan_in,untruncated_normal': 'lecun_normal',
};

/** Class names (snake_cased) and Keras' old string names of the initialisers LayerLab has. */
const initializerAliases: Record<string, InitializerName> = {
  le_cun_uniform: 'lecun_uniform',
  le_cun_normal: 'lecun_normal',
  uniform: 'random_uniform',
  normal: 'random_normal',
  zero: 'zeros',
  one: 'ones',
};

/**
 * LayerLab's name for an initialiser as tf.js or Keras saved it (`{class_name, config}` or a
 * name), or null when LayerLab has no such initialiser or it is configured differently.
 */
export function initializerName(value: unknown): InitializerName | null {
  if (typeof value === 'string') return knownInitializer(snakeCase(value));
  if (!isRecord(value)) return null;
  const className = value['class_name'] ?? value['className'];
  if (typeof className !== 'string') return null;
  const config = isRecord(value['config']) ? value['config'] : {};
  const name = snakeCase(className);
  if (name === 'variance_scaling') {
    const distribution = typeof config['distribution'] === 'string' ? snakeCase(config['distribution']) : 'normal';
    const mode = typeof config['mode'] === 'string' ? snakeCase(config['mode']) : 'fan_in';
    return varianceScaling[`${String(config['scale'] ?? 1)},${mode},${distribution}`] ?? null;
  }
  const known = knownInitializer(name);
  // LayerLab's random initialisers are Keras' defaults; other ranges are other initialisers.
  if (known === 'random_normal' && !sameNumbers(config, { mean: 0, stddev: 0.05 })) return null;
  if (known === 'random_uniform' && !sameNumbers(config, { minval: -0.05, maxval: 0.05 })) return null;
  if (known === 'orthogonal' && (config['gain'] ?? 1) !== 1) return null;
  return known;
}

function knownInitializer(name: string): InitializerName | null {
  const aliased = initializerAliases[name] ?? name;
  return initializers.find((candidate) => candidate === aliased) ?? null;
}

function sameNumbers(config: Record<string, unknown>, expected: Record<string, number>): boolean {
  return Object.entries(expected).every(([key, value]) => (config[key] ?? value) === value);
}

/** Keras' default settings of the activation layers that mean the same as an activation's name. */
const plainActivationLayers: Record<string, { name: string; neutral: Record<string, unknown[]> }> = {
  ReLU: { name: 'relu', neutral: { max_value: [null], negative_slope: [0], threshold: [0] } },
  Softmax: { name: 'softmax', neutral: { axis: [-1, [-1]] } },
  ELU: { name: 'elu', neutral: { alpha: [1] } },
};

/**
 * An activation saved as a layer object (Keras 2 writes `activation=ReLU()` as
 * `{"class_name": "ReLU", "config": {...}}`) as the name it means, when its settings are Keras'
 * defaults; undefined for anything else, which the schema then refuses, quoting it.
 */
function activationOfLayer(value: unknown): string | undefined {
  if (!isRecord(value) || typeof value['class_name'] !== 'string') return undefined;
  const plain = plainActivationLayers[value['class_name']];
  const config = isRecord(value['config']) ? value['config'] : {};
  if (!plain) return undefined;
  const isNeutral = Object.entries(config).every(([key, setting]) => {
    const allowed = plain.neutral[snakeCase(key)];
    // Its name, dtype and trainable flag change nothing.
    if (allowed === undefined) return ['name', 'trainable', 'dtype'].includes(snakeCase(key));
    const same = (entry: unknown) =>
      Array.isArray(entry)
        ? Array.isArray(setting) && setting.length === entry.length && entry.every((item, at) => item === setting[at])
        : entry === setting;
    return setting === undefined || allowed.some(same);
  });
  return isNeutral ? plain.name : undefined;
}

/** The reader of one layer's config; what it has not used, `finish` accounts for. */
export class LayerConfig {
  private readonly entries = new Map<string, unknown>();
  private readonly used = new Set<string>();

  constructor(
    readonly layer: string,
    readonly className: string,
    config: Record<string, unknown>,
    private readonly warnings: string[],
  ) {
    for (const [key, value] of Object.entries(config)) this.entries.set(snakeCase(key), value);
  }

  /** The value under `key` (snake_case), marked as used. */
  value(key: string): unknown {
    this.used.add(key);
    return this.entries.get(key);
  }

  /** As `value`, refused when missing: Keras has no default for it. */
  required(key: string): unknown {
    const found = this.value(key);
    if (found === undefined || found === null) {
      throw refusal('layer.missing-param', { layer: this.layer, className: this.className, key });
    }
    return found;
  }

  /** A name-like value (an activation, a padding) in snake_case; anything else as it is. */
  text(key: string): unknown {
    const found = this.value(key);
    return typeof found === 'string' ? snakeCase(found) : (activationOfLayer(found) ?? found);
  }

  /** A kernel initialiser as LayerLab names it; an unknown one becomes Keras' default, with a warning. */
  initializer(key: string): InitializerName | undefined {
    const found = this.value(key);
    if (found === undefined || found === null) return undefined;
    const name = initializerName(found);
    if (name !== null) return name;
    this.warn(`${key} ${describeInitializer(found)} is not one LayerLab has: glorot_uniform, for training again only`);
    return 'glorot_uniform';
  }

  /** An initialiser LayerLab always sets the same way: a warning when the file's differs. */
  fixedInitializer(key: string, expected: InitializerName): void {
    const found = this.value(key);
    if (found === undefined || found === null || initializerName(found) === expected) return;
    this.warn(`${key} ${describeInitializer(found)} is ignored (LayerLab uses ${expected}); it only changes training`);
  }

  /** A key LayerLab cannot express: refused unless it holds the neutral value. */
  neutral(key: string, isNeutral: (value: unknown) => boolean, why: string): void {
    const found = this.value(key);
    if (found === undefined || found === null || isNeutral(found)) return;
    throw refusal('layer.unsupported', { layer: this.layer, className: this.className, key, value: found, why });
  }

  warn(text: string): void {
    this.warnings.push(`layer '${this.layer}' (${this.className}): ${text}`);
  }

  /** Accounts for the keys no mapping used: quiet, training-only (warned), or unknown (warned if on). */
  finish(): void {
    for (const [key, found] of this.entries) {
      if (this.used.has(key) || quietKeys.has(key)) continue;
      if (trainingOnly.test(key)) {
        if (!isOff(found)) this.warn(`${key} is ignored; it only changes training`);
        continue;
      }
      if (key.endsWith('_initializer')) {
        this.warn(`${key} ${describeInitializer(found)} is ignored; it only changes training`);
        continue;
      }
      if (!isOff(found)) this.warn(`${key} ${quote(found)} is not a setting LayerLab knows; ignored`);
    }
    if (this.entries.get('trainable') === false) this.warn('trainable false is ignored: LayerLab trains every layer');
  }
}

function describeInitializer(value: unknown): string {
  if (isRecord(value)) {
    const className = value['class_name'] ?? value['className'];
    if (typeof className === 'string') return quote(className);
  }
  return quote(value);
}

/** The parameters a layer's Keras config gives, by Keras' names, before they are checked. */
export type KerasParams = Record<string, unknown>;

/** `[3]` → 3: tf.js writes a 1-D window as a one-element list. */
export const kerasSingle = (value: unknown) =>
  Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value;
/** `3` → `[3, 3]`: Keras accepts one number for both axes of a 2-D window. */
export const kerasPair = (value: unknown) => (typeof value === 'number' ? [value, value] : value);
const allOnes = (value: unknown) => (Array.isArray(value) ? value.every((item) => item === 1) : value === 1);
export const isFalse = (value: unknown) => value === false;
/** A string value in snake_case, as LayerLab's choices are written; anything else as it is. */
export const snakeText = (value: unknown) => (typeof value === 'string' ? snakeCase(value) : value);

export function keepsChannelsLast(config: LayerConfig): void {
  config.neutral(
    'data_format',
    (value) => typeof value === 'string' && snakeCase(value) === 'channels_last',
    'LayerLab keeps channels last, (batch, ..., channels)',
  );
}

/** Refuses what LayerLab's convolutions cannot do: channels first, dilation, groups. */
export function plainWindows(config: LayerConfig): void {
  keepsChannelsLast(config);
  config.neutral('dilation_rate', allOnes, 'LayerLab has no dilated convolutions');
  config.neutral('groups', (value) => value === 1, 'LayerLab has no grouped convolutions');
}

/** A convolution's config, its windows read by `window` (`kerasSingle` for 1-D, `kerasPair` for 2-D). */
export function readConvolution(config: LayerConfig, window: (value: unknown) => unknown): KerasParams {
  plainWindows(config);
  config.fixedInitializer('bias_initializer', 'zeros');
  return {
    filters: config.required('filters'),
    kernel_size: window(config.required('kernel_size')),
    strides: window(config.value('strides')),
    padding: config.text('padding'),
    activation: config.text('activation'),
    use_bias: config.value('use_bias'),
    kernel_initializer: config.initializer('kernel_initializer'),
  };
}

/** What SimpleRNN, LSTM and GRU's configs share, and `extra` for their own settings. */
export function readRecurrent(
  config: LayerConfig,
  extra: (config: LayerConfig) => KerasParams = () => ({}),
): KerasParams {
  config.fixedInitializer('recurrent_initializer', 'orthogonal');
  config.fixedInitializer('bias_initializer', 'zeros');
  config.neutral('return_state', isFalse, 'a LayerLab layer has one output');
  config.neutral('stateful', isFalse, 'LayerLab starts every batch from a zero state');
  config.neutral('time_major', isFalse, 'LayerLab puts the batch axis first');
  return {
    units: config.required('units'),
    go_backwards: config.value('go_backwards'),
    activation: config.text('activation'),
    use_bias: config.value('use_bias'),
    kernel_initializer: config.initializer('kernel_initializer'),
    return_sequences: config.value('return_sequences'),
    dropout: config.value('dropout'),
    recurrent_dropout: config.value('recurrent_dropout'),
    ...extra(config),
  };
}

export function readPooling1d(config: LayerConfig): KerasParams {
  keepsChannelsLast(config);
  const pool = kerasSingle(config.value('pool_size')) ?? 2;
  const strides = kerasSingle(config.value('strides'));
  // Keras' strides=None means "as pool_size", which is how LayerLab writes equal ones too.
  return {
    pool_size: pool,
    strides: strides === undefined || strides === pool ? null : strides,
    padding: config.text('padding'),
  };
}

export function readPooling2d(config: LayerConfig): KerasParams {
  keepsChannelsLast(config);
  const pool = kerasPair(config.value('pool_size')) ?? [2, 2];
  const strides = kerasPair(config.value('strides'));
  return { pool_size: pool, strides: strides ?? pool, padding: config.text('padding') };
}

export function readGlobalPooling(config: LayerConfig): KerasParams {
  keepsChannelsLast(config);
  config.neutral('keepdims', isFalse, "LayerLab's global pooling drops the pooled axes");
  return {};
}

/**
 * The key under which a reader hands back an axis the import checks once the input's rank is
 * known (BatchNormalization's `axis`): not a parameter, so the parameters' check leaves it out.
 */
export const normalizedAxis = 'normalizedAxis';
