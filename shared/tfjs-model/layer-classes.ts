/**
 * tf.js and Keras layer classes as LayerLab's layer kinds: which classes LayerLab knows, and how
 * each one's config becomes the kind's parameters (Keras names), checked against the kind's own
 * schemas. Anything else is refused, naming the layer and its class. Reads nothing but its
 * arguments.
 */
import { allowedValues } from '../layers/param-input.js';
import { defaultParamsOf, layerDef, type LayerKind } from '../layers/registry.js';
import { isRecord, LayerConfig, snakeCase } from './layer-config.js';
import { refusal } from './refusals.js';

type Mapped = Record<string, unknown>;

interface ClassReader {
  kind: LayerKind;
  read(config: LayerConfig): Mapped;
}

/** What one layer of the file becomes. */
export interface ConvertedLayer {
  kind: LayerKind;
  /** Every parameter of the kind, each one valid for its schema. */
  params: Record<string, unknown>;
  /** BatchNormalization's axis as the file gives it, checked once the input's rank is known. */
  normalizedAxis?: unknown;
}

/** `[3]` → 3: tf.js writes a 1-D window as a one-element list. */
const single = (value: unknown) => (Array.isArray(value) && value.length === 1 ? (value[0] as unknown) : value);
/** `3` → `[3, 3]`: Keras accepts one number for both axes of a 2-D window. */
const pair = (value: unknown) => (typeof value === 'number' ? [value, value] : value);
const allOnes = (value: unknown) => (Array.isArray(value) ? value.every((item) => item === 1) : value === 1);
const isFalse = (value: unknown) => value === false;

function channelsLast(config: LayerConfig): void {
  config.neutral(
    'data_format',
    (value) => typeof value === 'string' && snakeCase(value) === 'channels_last',
    'LayerLab keeps channels last, (batch, ..., channels)',
  );
}

function plainWindows(config: LayerConfig): void {
  channelsLast(config);
  config.neutral('dilation_rate', allOnes, 'LayerLab has no dilated convolutions');
  config.neutral('groups', (value) => value === 1, 'LayerLab has no grouped convolutions');
}

function dense(config: LayerConfig): Mapped {
  config.fixedInitializer('bias_initializer', 'zeros');
  return {
    units: config.required('units'),
    activation: config.text('activation'),
    use_bias: config.value('use_bias'),
    kernel_initializer: config.initializer('kernel_initializer'),
  };
}

function recurrent(config: LayerConfig, extra: Mapped = {}): Mapped {
  config.fixedInitializer('recurrent_initializer', 'orthogonal');
  config.fixedInitializer('bias_initializer', 'zeros');
  config.neutral('return_state', isFalse, 'a LayerLab layer has one output');
  config.neutral('go_backwards', isFalse, 'LayerLab reads sequences forwards (turn on bidirectional for both ways)');
  config.neutral('stateful', isFalse, 'LayerLab starts every batch from a zero state');
  config.neutral('time_major', isFalse, 'LayerLab puts the batch axis first');
  return {
    units: config.required('units'),
    activation: config.text('activation'),
    use_bias: config.value('use_bias'),
    kernel_initializer: config.initializer('kernel_initializer'),
    return_sequences: config.value('return_sequences'),
    dropout: config.value('dropout'),
    recurrent_dropout: config.value('recurrent_dropout'),
    ...extra,
  };
}

function lstm(config: LayerConfig): Mapped {
  return recurrent(config, {
    recurrent_activation: config.text('recurrent_activation'),
    unit_forget_bias: config.value('unit_forget_bias'),
  });
}

function gru(config: LayerConfig): Mapped {
  config.neutral(
    'reset_after',
    isFalse,
    "tf.js' GRU has reset_after=False only; build the Keras layer with reset_after=False",
  );
  return recurrent(config, { recurrent_activation: config.text('recurrent_activation') });
}

function convolution(config: LayerConfig, window: (value: unknown) => unknown): Mapped {
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

function pooling1d(config: LayerConfig): Mapped {
  channelsLast(config);
  const pool = single(config.value('pool_size')) ?? 2;
  const strides = single(config.value('strides'));
  // Keras' strides=None means "as pool_size", which is how LayerLab writes equal ones too.
  return {
    pool_size: pool,
    strides: strides === undefined || strides === pool ? null : strides,
    padding: config.text('padding'),
  };
}

function pooling2d(config: LayerConfig): Mapped {
  channelsLast(config);
  const pool = pair(config.value('pool_size')) ?? [2, 2];
  const strides = pair(config.value('strides'));
  return { pool_size: pool, strides: strides ?? pool, padding: config.text('padding') };
}

function globalPooling(config: LayerConfig): Mapped {
  channelsLast(config);
  config.neutral('keepdims', isFalse, "LayerLab's global pooling drops the pooled axes");
  return {};
}

function batchNormalization(config: LayerConfig): Mapped {
  config.fixedInitializer('beta_initializer', 'zeros');
  config.fixedInitializer('gamma_initializer', 'ones');
  config.fixedInitializer('moving_mean_initializer', 'zeros');
  config.fixedInitializer('moving_variance_initializer', 'ones');
  return {
    momentum: config.value('momentum'),
    epsilon: config.value('epsilon'),
    center: config.value('center'),
    scale: config.value('scale'),
  };
}

function embedding(config: LayerConfig): Mapped {
  config.fixedInitializer('embeddings_initializer', 'random_uniform');
  return {
    input_dim: config.required('input_dim'),
    output_dim: config.required('output_dim'),
    mask_zero: config.value('mask_zero'),
  };
}

const readers: Record<string, ClassReader> = {
  Dense: { kind: 'Dense', read: dense },
  SimpleRNN: { kind: 'SimpleRNN', read: (config) => recurrent(config) },
  LSTM: { kind: 'LSTM', read: lstm },
  GRU: { kind: 'GRU', read: gru },
  Conv1D: { kind: 'Conv1D', read: (config) => convolution(config, single) },
  Conv2D: { kind: 'Conv2D', read: (config) => convolution(config, pair) },
  Conv2DTranspose: {
    kind: 'Conv2DTranspose',
    read: (config) => {
      config.neutral('output_padding', () => false, 'LayerLab sizes the output from strides and padding alone');
      return convolution(config, pair);
    },
  },
  MaxPooling1D: { kind: 'MaxPooling1D', read: pooling1d },
  AveragePooling1D: { kind: 'AveragePooling1D', read: pooling1d },
  MaxPooling2D: { kind: 'MaxPooling2D', read: pooling2d },
  AveragePooling2D: { kind: 'AveragePooling2D', read: pooling2d },
  GlobalMaxPooling1D: { kind: 'GlobalMaxPooling1D', read: globalPooling },
  GlobalAveragePooling1D: { kind: 'GlobalAveragePooling1D', read: globalPooling },
  GlobalMaxPooling2D: { kind: 'GlobalMaxPooling2D', read: globalPooling },
  GlobalAveragePooling2D: { kind: 'GlobalAveragePooling2D', read: globalPooling },
  UpSampling2D: {
    kind: 'UpSampling2D',
    read: (config) => {
      channelsLast(config);
      return { size: pair(config.value('size')), interpolation: config.text('interpolation') };
    },
  },
  Flatten: {
    kind: 'Flatten',
    read: (config) => {
      channelsLast(config);
      return {};
    },
  },
  Dropout: { kind: 'Dropout', read: (config) => ({ rate: config.required('rate') }) },
  BatchNormalization: { kind: 'BatchNormalization', read: batchNormalization },
  Embedding: { kind: 'Embedding', read: embedding },
  Reshape: { kind: 'Reshape', read: (config) => ({ target_shape: config.required('target_shape') }) },
  Activation: { kind: 'Activation', read: (config) => ({ activation: snakeText(config.required('activation')) }) },
  RepeatVector: { kind: 'RepeatVector', read: (config) => ({ n: config.required('n') }) },
  Concatenate: { kind: 'Concatenate', read: (config) => ({ axis: config.value('axis') }) },
  Add: { kind: 'Add', read: () => ({}) },
};

/** Other names Keras and tf.js have for the same classes. */
const aliases: Record<string, string> = {
  Convolution1D: 'Conv1D',
  Convolution2D: 'Conv2D',
  Convolution2DTranspose: 'Conv2DTranspose',
  Deconvolution2D: 'Conv2DTranspose',
  Deconv2D: 'Conv2DTranspose',
  MaxPool1D: 'MaxPooling1D',
  MaxPool2D: 'MaxPooling2D',
  AvgPool1D: 'AveragePooling1D',
  AvgPool2D: 'AveragePooling2D',
  GlobalMaxPool1D: 'GlobalMaxPooling1D',
  GlobalMaxPool2D: 'GlobalMaxPooling2D',
  GlobalAvgPool1D: 'GlobalAveragePooling1D',
  GlobalAvgPool2D: 'GlobalAveragePooling2D',
};

const snakeText = (value: unknown) => (typeof value === 'string' ? snakeCase(value) : value);

function readerOf(className: string): ClassReader | undefined {
  const canonical = aliases[className] ?? className;
  return Object.hasOwn(readers, canonical) ? readers[canonical] : undefined;
}

/** The layer classes an imported model may use, besides InputLayer and Bidirectional. */
export const knownClasses: readonly string[] = [...Object.keys(readers), ...Object.keys(aliases)];

/** Every parameter of `kind`: the file's where it gives one, LayerLab's defaults elsewhere, all checked. */
export function completeParams(
  layer: string,
  className: string,
  kind: LayerKind,
  mapped: Mapped,
): Record<string, unknown> {
  const params: Record<string, unknown> = { ...defaultParamsOf(kind) };
  for (const [name, spec] of Object.entries(layerDef(kind).params)) {
    const value = mapped[name];
    // null is Keras' "default" for most settings; only an optional number keeps it as a value.
    if (value === undefined || (value === null && spec.type !== 'optionalInt')) continue;
    params[name] = value;
    if (!spec.schema.safeParse(value).success) {
      throw refusal('layer.bad-param', { layer, className, param: name, value, allowed: allowedValues(spec).en });
    }
  }
  return params;
}

/** A Bidirectional wrapper: the recurrent layer inside it, with bidirectional on. */
function readBidirectional(layer: string, config: LayerConfig, warnings: string[]): ConvertedLayer {
  const inner = config.value('layer');
  const innerClass = isRecord(inner) ? (inner['class_name'] ?? inner['className']) : undefined;
  const innerConfig = isRecord(inner) && isRecord(inner['config']) ? inner['config'] : undefined;
  if (typeof innerClass !== 'string' || innerConfig === undefined) {
    throw refusal('layer.missing-param', { layer, className: 'Bidirectional', key: 'layer' });
  }
  const reader = readerOf(innerClass);
  if (!reader || !['SimpleRNN', 'LSTM', 'GRU'].includes(reader.kind)) {
    throw refusal('layer.unknown-class', { layer, className: `Bidirectional(${innerClass})` });
  }
  const mergeMode = config.value('merge_mode');
  if (mergeMode === null) {
    throw refusal('layer.unsupported', {
      layer,
      className: 'Bidirectional',
      key: 'merge_mode',
      value: null,
      why: 'the two directions come out apart; LayerLab joins them (concat, sum, mul or ave)',
    });
  }
  if (config.value('backward_layer') !== undefined) {
    config.warn('backward_layer is ignored: LayerLab builds the backward direction as a copy of the forward one');
  }
  const innerReader = new LayerConfig(layer, innerClass, innerConfig, warnings);
  const mapped = { ...reader.read(innerReader), bidirectional: true, merge_mode: snakeText(mergeMode) };
  innerReader.finish();
  config.finish();
  return { kind: reader.kind, params: completeParams(layer, `Bidirectional(${innerClass})`, reader.kind, mapped) };
}

/**
 * The LayerLab kind and parameters of one layer of the file (not an InputLayer), or the refusal
 * of a class LayerLab does not know or a setting it cannot draw.
 */
export function convertLayer(
  layer: string,
  className: string,
  config: Record<string, unknown>,
  warnings: string[],
): ConvertedLayer {
  const reader = new LayerConfig(layer, className, config, warnings);
  if (className === 'Bidirectional') return readBidirectional(layer, reader, warnings);
  const known = readerOf(className);
  if (!known) throw refusal('layer.unknown-class', { layer, className });
  const mapped = known.read(reader);
  const axis = known.kind === 'BatchNormalization' ? reader.value('axis') : undefined;
  reader.finish();
  const params = completeParams(layer, className, known.kind, mapped);
  return axis === undefined ? { kind: known.kind, params } : { kind: known.kind, params, normalizedAxis: axis };
}
