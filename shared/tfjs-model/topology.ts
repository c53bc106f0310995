/**
 * A model.json's `modelTopology` (tf.js' own, or Keras' `model_config` inside it) read into
 * LayerLab layers with their inputs: a Sequential becomes a chain after an Input, a functional
 * Model keeps its wiring from `inbound_nodes`. Refuses, naming the layer, whatever LayerLab cannot
 * draw. Reads nothing but its arguments.
 */
import { layerNamePattern } from '../graph/naming.js';
import type { LayerKind } from '../layers/registry.js';
import { completeParams, convertLayer } from './layer-classes.js';
import { isRecord, LayerConfig, snakeCase } from '../layers/keras-config.js';
import { refusal } from '../layers/import-refusals.js';

/** One layer of the file, converted, with the names of the layers it reads, in order. */
export interface DraftLayer {
  name: string;
  className: string;
  kind: LayerKind;
  params: Record<string, unknown>;
  inbound: string[];
  /** BatchNormalization's axis as the file gives it. */
  normalizedAxis?: unknown;
}

export interface Topology {
  /** The model's name, when the file gives one. */
  name: string | null;
  layers: DraftLayer[];
  /** Input and output layer names, in the model's order. */
  inputs: string[];
  outputs: string[];
}

/** More layers than a project may hold cannot be drawn (the project schema's own cap). */
const maxLayers = 5000;

const classNameOf = (entry: Record<string, unknown>) => entry['class_name'] ?? entry['className'];
const field = (record: Record<string, unknown>, snake: string) => {
  for (const [key, value] of Object.entries(record)) if (snakeCase(key) === snake) return value;
  return undefined;
};

function structure(path: string, problem: string): never {
  throw refusal('topology.shape', { path, problem });
}

function checkName(name: string, taken: Set<string>): void {
  if (!layerNamePattern.test(name)) throw refusal('layer.bad-name', { layer: name });
  if (taken.has(name)) throw refusal('layer.duplicate-name', { layer: name });
  taken.add(name);
}

/** The batch shape a layer declares (`batch_input_shape`, Keras 3's `batch_shape`, or `input_shape`). */
function declaredBatchShape(config: Record<string, unknown>): unknown[] | null {
  const batch = field(config, 'batch_input_shape') ?? field(config, 'batch_shape');
  if (Array.isArray(batch)) return batch as unknown[];
  const shape = field(config, 'input_shape');
  return Array.isArray(shape) ? [null, ...(shape as unknown[])] : null;
}

/** An Input layer of `batchShape`, refused where a dimension but the batch's is open. */
function inputLayer(name: string, batchShape: readonly unknown[], dtype: unknown): DraftLayer {
  const shape = batchShape.slice(1);
  if (shape.some((dim) => dim === null)) {
    const shown = `(${batchShape.map((dim) => (dim === null ? 'None' : String(dim))).join(', ')})`;
    throw refusal('layer.open-input', { layer: name, shape: shown });
  }
  const params = completeParams(name, 'InputLayer', 'Input', {
    shape,
    dtype: typeof dtype === 'string' ? snakeCase(dtype) : dtype,
  });
  return { name, className: 'InputLayer', kind: 'Input', params, inbound: [] };
}

function readInputLayer(name: string, config: Record<string, unknown>, warnings: string[]): DraftLayer {
  const reader = new LayerConfig(name, 'InputLayer', config, warnings);
  const batchShape = declaredBatchShape(config);
  if (!batchShape) throw refusal('topology.no-input-shape', { layer: name });
  reader.neutral('sparse', (value) => value === false, 'LayerLab feeds dense tensors');
  reader.neutral('ragged', (value) => value === false, 'LayerLab feeds tensors of one shape');
  const layer = inputLayer(name, batchShape, reader.value('dtype') ?? 'float32');
  reader.finish();
  return layer;
}

function readLayer(name: string, className: string, config: Record<string, unknown>, warnings: string[]): DraftLayer {
  if (className === 'InputLayer') return readInputLayer(name, config, warnings);
  const converted = convertLayer(name, className, config, warnings);
  const draft: DraftLayer = { name, className, kind: converted.kind, params: converted.params, inbound: [] };
  if (converted.normalizedAxis !== undefined) draft.normalizedAxis = converted.normalizedAxis;
  return draft;
}

function layerEntries(value: unknown, path: string): Record<string, unknown>[] {
  if (!Array.isArray(value)) structure(path, 'expected a list of layers');
  if (value.length === 0) structure(path, 'the model has no layers');
  if (value.length > maxLayers) structure(path, `more than ${maxLayers} layers`);
  return value.map((entry: unknown, index) => {
    if (!isRecord(entry) || typeof classNameOf(entry) !== 'string') {
      structure(`${path}.${index}`, 'expected a layer, {"class_name": ..., "config": {...}}');
    }
    return entry;
  });
}

const configOf = (entry: Record<string, unknown>, path: string): Record<string, unknown> => {
  const config = entry['config'] ?? {};
  if (!isRecord(config)) structure(`${path}.config`, 'expected an object');
  return config;
};

/** A Sequential: an Input (the file's, or one made from the first layer's input shape), then a chain. */
function readSequential(config: unknown, warnings: string[]): Topology {
  const layersValue = Array.isArray(config) ? config : isRecord(config) ? config['layers'] : undefined;
  const entries = layerEntries(layersValue, 'config.layers');
  const taken = new Set<string>();
  const layers: DraftLayer[] = [];
  const fileNames = new Set(
    entries.map((entry) => (isRecord(entry['config']) ? entry['config']['name'] : entry['name'])),
  );
  entries.forEach((entry, index) => {
    const path = `config.layers.${index}`;
    const layerConfig = configOf(entry, path);
    const className = classNameOf(entry) as string;
    const name = layerConfig['name'] ?? entry['name'];
    if (typeof name !== 'string') structure(`${path}.config.name`, 'expected the layer name');
    if (index === 0 && className !== 'InputLayer') {
      const batchShape = declaredBatchShape(layerConfig);
      if (!batchShape) throw refusal('topology.no-input-shape', { layer: name });
      // tf.js names the Input it makes for a Sequential after the first layer.
      let inputName = `${name}_input`;
      for (let suffix = 1; fileNames.has(inputName); suffix += 1) {
        inputName = `${name}_input_${suffix}`;
      }
      // Token indices for an Embedding; tf.js casts them either way.
      const dtype = className === 'Embedding' ? 'int32' : (field(layerConfig, 'dtype') ?? 'float32');
      checkName(inputName, taken);
      layers.push(inputLayer(inputName, batchShape, dtype === 'int32' ? 'int32' : 'float32'));
    }
    checkName(name, taken);
    const draft = readLayer(name, className, layerConfig, warnings);
    const previous = layers[layers.length - 1];
    if (previous) draft.inbound = [previous.name];
    layers.push(draft);
  });
  const first = layers[0];
  const last = layers[layers.length - 1];
  const name = isRecord(config) && typeof config['name'] === 'string' ? config['name'] : null;
  return { name, layers, inputs: first ? [first.name] : [], outputs: last ? [last.name] : [] };
}

/** `["dense", 0, 0, {}]`: a layer's first call, first output; anything else LayerLab cannot draw. */
function tensorSource(reference: unknown, layer: string): string {
  if (!Array.isArray(reference) || typeof reference[0] !== 'string') {
    throw refusal('layer.inbound-format', { layer });
  }
  const [source, node = 0, tensor = 0] = reference as [string, unknown, unknown];
  if (node !== 0 || tensor !== 0) {
    const number = (value: unknown) => (typeof value === 'number' ? value : -1);
    throw refusal('layer.second-output', { layer, source, node: number(node), tensor: number(tensor) });
  }
  return source;
}

/** Whether `value` is one of Keras 3's tensors in a call: `{class_name: "__keras_tensor__", config: {keras_history}}`. */
const isKerasTensor = (value: unknown): value is Record<string, unknown> =>
  isRecord(value) && value['class_name'] === '__keras_tensor__';

/** Every Keras 3 tensor in a call's arguments, in order (a merge layer's come as one list). */
function kerasTensors(value: unknown): Record<string, unknown>[] {
  if (isKerasTensor(value)) return [value];
  if (Array.isArray(value)) return value.flatMap(kerasTensors);
  if (isRecord(value)) return Object.values(value).flatMap(kerasTensors);
  return [];
}

/**
 * Keras 3's call: `{args: [tensor or [tensors]], kwargs: {...}}`, each tensor naming its source in
 * `config.keras_history`. A tensor among the keyword arguments (a mask, an initial state) is a
 * wiring LayerLab cannot draw; plain settings there (training: false, mask: null) change nothing.
 */
function keras3Sources(call: Record<string, unknown>, name: string): string[] {
  const tensors = kerasTensors(call['args']);
  if (tensors.length === 0 || kerasTensors(call['kwargs']).length > 0) {
    throw refusal('layer.inbound-format', { layer: name });
  }
  return tensors.map((tensor) => {
    const config = tensor['config'];
    return tensorSource(isRecord(config) ? config['keras_history'] : undefined, name);
  });
}

function inboundOf(entry: Record<string, unknown>, name: string): string[] {
  const nodes = entry['inbound_nodes'] ?? entry['inboundNodes'] ?? [];
  if (!Array.isArray(nodes)) throw refusal('layer.inbound-format', { layer: name });
  if (nodes.length === 0) return [];
  if (nodes.length > 1) throw refusal('layer.shared', { layer: name, times: nodes.length });
  const call: unknown = nodes[0];
  if (isRecord(call) && 'args' in call) return keras3Sources(call, name);
  if (!Array.isArray(call)) throw refusal('layer.inbound-format', { layer: name });
  return call.map((reference: unknown) => tensorSource(reference, name));
}

/** `[["input", 0, 0]]`, or Keras 3's single `["input", 0, 0]` for one. */
function endNames(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0) structure(path, 'expected a list of ["layer", 0, 0]');
  const list: unknown[] = typeof value[0] === 'string' ? [value] : value;
  return list.map((reference) => tensorSource(reference, path));
}

/** A functional Model: layers wired by name, inputs and outputs listed. */
function readFunctional(config: unknown, warnings: string[]): Topology {
  if (!isRecord(config)) structure('config', 'expected an object with layers, input_layers and output_layers');
  const entries = layerEntries(config['layers'], 'config.layers');
  const taken = new Set<string>();
  const layers = entries.map((entry, index) => {
    const path = `config.layers.${index}`;
    const layerConfig = configOf(entry, path);
    const name = entry['name'] ?? layerConfig['name'];
    if (typeof name !== 'string') structure(`${path}.name`, 'expected the layer name');
    checkName(name, taken);
    const draft = readLayer(name, classNameOf(entry) as string, layerConfig, warnings);
    draft.inbound = inboundOf(entry, name);
    return draft;
  });
  for (const layer of layers) {
    const unknown = layer.inbound.find((source) => !taken.has(source));
    if (unknown !== undefined) throw refusal('layer.unknown-source', { layer: layer.name, source: unknown });
  }
  const inputs = endNames(field(config, 'input_layers'), 'config.input_layers');
  const outputs = endNames(field(config, 'output_layers'), 'config.output_layers');
  for (const end of [...inputs, ...outputs]) {
    if (!taken.has(end)) structure('config', `the model's input or output '${end}' is not one of its layers`);
  }
  const name = typeof config['name'] === 'string' ? config['name'] : null;
  return { name, layers, inputs, outputs };
}

/** The layers of a model.json's topology, or a refusal (thrown, caught by the importer). */
export function readTopology(modelTopology: Record<string, unknown>, warnings: string[]): Topology {
  // Keras' converter nests the model under model_config, beside its training_config.
  const wrapped = modelTopology['model_config'] ?? modelTopology['modelConfig'];
  const model = wrapped === undefined ? modelTopology : wrapped;
  if (!isRecord(model)) structure('model_config', 'expected an object');
  const className = classNameOf(model);
  if (className === 'Sequential') return readSequential(model['config'], warnings);
  if (className === 'Model' || className === 'Functional') return readFunctional(model['config'], warnings);
  throw refusal('topology.not-a-model', { className: typeof className === 'string' ? className : 'nothing' });
}
