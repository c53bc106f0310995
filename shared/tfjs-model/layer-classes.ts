/**
 * tf.js and Keras layer classes as LayerLab's layer kinds: which classes LayerLab knows (each kind
 * whose LayerDef reads Keras configs, under its name and aliases), and how each one's config
 * becomes the kind's parameters (the kind's own `keras.read`), checked against its schemas. Anything else is refused, naming the layer and its class. Reads nothing but its
 * arguments.
 */
import { allowedValues } from '../layers/param-input.js';
import { defaultParamsOf, layerDef, layerKinds, type LayerKind } from '../layers/registry.js';
import { isRecord, LayerConfig, normalizedAxis, snakeText, type KerasParams } from '../layers/keras-config.js';
import type { KerasReading } from '../layers/types.js';
import { refusal } from '../layers/import-refusals.js';

type Mapped = KerasParams;

/** What one layer of the file becomes. */
export interface ConvertedLayer {
  kind: LayerKind;
  /** Every parameter of the kind, each one valid for its schema. */
  params: Record<string, unknown>;
  /** BatchNormalization's axis as the file gives it, checked once the input's rank is known. */
  normalizedAxis?: unknown;
}

/** Each class name a model file may use, with the kind that reads it: every kind's own name and its aliases. */
const kindOfClass = new Map<string, LayerKind>(
  layerKinds.flatMap((kind) => {
    const keras = layerDef(kind).keras;
    return keras ? [kind, ...(keras.aliases ?? [])].map((className) => [className, kind] as const) : [];
  }),
);

function readerOf(className: string): { kind: LayerKind; read: KerasReading['read'] } | undefined {
  const kind = kindOfClass.get(className);
  const keras = kind === undefined ? undefined : layerDef(kind).keras;
  return kind === undefined || !keras ? undefined : { kind, read: keras.read };
}

/** The layer classes an imported model may use, besides InputLayer and the Bidirectional and TimeDistributed wrappers. */
export const knownClasses: readonly string[] = [...kindOfClass.keys()];

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
  if (!reader || layerDef(reader.kind).traits?.recurrent !== true) {
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
 * The layers whose computation on a sequence already treats each step alike in LayerLab (a Dense
 * on (batch, steps, features) acts on the features of every step with one kernel): wrapped in
 * TimeDistributed they are drawn as themselves, with the same weights.
 */
const stepwiseKinds: ReadonlySet<string> = new Set(['Dense', 'Dropout', 'Activation']);

/** A TimeDistributed wrapper around a layer that already acts on each step alike: that layer. */
function readTimeDistributed(layer: string, config: LayerConfig, warnings: string[]): ConvertedLayer {
  const inner = config.value('layer');
  const innerClass = isRecord(inner) ? (inner['class_name'] ?? inner['className']) : undefined;
  const innerConfig = isRecord(inner) && isRecord(inner['config']) ? inner['config'] : undefined;
  if (typeof innerClass !== 'string' || innerConfig === undefined) {
    throw refusal('layer.missing-param', { layer, className: 'TimeDistributed', key: 'layer' });
  }
  const reader = readerOf(innerClass);
  if (!reader || !stepwiseKinds.has(reader.kind)) {
    throw refusal('layer.unsupported', {
      layer,
      className: 'TimeDistributed',
      key: 'layer',
      value: innerClass,
      why: 'LayerLab draws TimeDistributed around a Dense, a Dropout or an Activation, which it applies to each step alike',
    });
  }
  const innerReader = new LayerConfig(layer, innerClass, innerConfig, warnings);
  const mapped = reader.read(innerReader);
  innerReader.finish();
  config.finish();
  warnings.push(
    `TimeDistributed(${innerClass}) '${layer}' is drawn as a ${reader.kind}, which acts on each step alike`,
  );
  return { kind: reader.kind, params: completeParams(layer, `TimeDistributed(${innerClass})`, reader.kind, mapped) };
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
  if (className === 'TimeDistributed') return readTimeDistributed(layer, reader, warnings);
  const known = readerOf(className);
  if (!known) throw refusal('layer.unknown-class', { layer, className });
  const { [normalizedAxis]: axis, ...mapped } = known.read(reader);
  reader.finish();
  const params = completeParams(layer, className, known.kind, mapped);
  return axis === undefined ? { kind: known.kind, params } : { kind: known.kind, params, normalizedAxis: axis };
}
