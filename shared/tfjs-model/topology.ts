/**
 * A model.json's `modelTopology` (tf.js' own, or Keras' `model_config` inside it) read into
 * LayerLab layers with their inputs: a Sequential becomes a chain after an Input, a functional
 * Model keeps its wiring from `inbound_nodes`, and a model nested as a layer of another (Teachable
 * Machine's Sequential of Sequentials around a MobileNet) is drawn as its own layers, wired to
 * what feeds it. Refuses, naming the layer, whatever LayerLab cannot draw. Reads nothing but its
 * arguments.
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

/** An Input layer of `batchShape`; a size left open (None) stays open, checked where a layer needs it. */
function inputLayer(name: string, batchShape: readonly unknown[], dtype: unknown): DraftLayer {
  const shape = batchShape.slice(1);
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

/** The classes of a model nested as a layer of another (Teachable Machine's, a fine-tuned MobileNet). */
const modelClasses = new Set(['Sequential', 'Model', 'Functional']);

/**
 * How a model is read: the layer names taken so far in the whole file (nested models share them),
 * and, for a model nested in another, the outer layers that feed its inputs (null for the file's
 * own model, whose inputs are the network's).
 */
interface Reading {
  warnings: string[];
  taken: Set<string>;
  feed: string[] | null;
}

/**
 * A model nested as a layer, drawn as its own layers: its Inputs give way to the layers that feed
 * it (`feed`), or stay the network's Inputs where nothing does. Its one output stands for it.
 */
function readNested(entry: Record<string, unknown>, path: string, reading: Reading): Topology {
  const className = classNameOf(entry) as string;
  const config = configOf(entry, path);
  const nested = readModel(className, config, reading);
  const name = nested.name ?? className;
  if (nested.outputs.length !== 1) {
    throw refusal('layer.nested-outputs', { layer: name, count: nested.outputs.length });
  }
  const count = nested.layers.length;
  reading.warnings.push(
    `the nested model '${name}' is drawn as ${count === 1 ? 'its one layer' : `its ${count} layers`}`,
  );
  return nested;
}

function readModel(className: string, config: unknown, reading: Reading): Topology {
  if (className === 'Sequential') return readSequential(config, reading);
  return readFunctional(config, reading);
}

/**
 * A Sequential: an Input (the file's, or one made from the first layer's input shape), then a
 * chain; nested in another model, the chain starts from the layer that feeds it.
 */
function readSequential(config: unknown, reading: Reading): Topology {
  const { warnings, taken } = reading;
  const layersValue = Array.isArray(config) ? config : isRecord(config) ? config['layers'] : undefined;
  const entries = layerEntries(layersValue, 'config.layers');
  const layers: DraftLayer[] = [];
  const fileNames = new Set(
    entries.map((entry) => (isRecord(entry['config']) ? entry['config']['name'] : entry['name'])),
  );
  if (reading.feed !== null && reading.feed.length !== 1) {
    throw refusal('topology.shape', { path: 'config', problem: 'a Sequential model takes one input' });
  }
  let inputs: string[] = [];
  // The layer the next one reads: the outer layer feeding this model, then each layer in turn.
  let previous: string | null = reading.feed?.[0] ?? null;
  entries.forEach((entry, index) => {
    const path = `config.layers.${index}`;
    const layerConfig = configOf(entry, path);
    const className = classNameOf(entry) as string;
    if (modelClasses.has(className)) {
      const nested = readNested(entry, path, { warnings, taken, feed: previous === null ? null : [previous] });
      if (previous === null) inputs = nested.inputs;
      layers.push(...nested.layers);
      previous = nested.outputs[0] ?? null;
      return;
    }
    const name = layerConfig['name'] ?? entry['name'];
    if (typeof name !== 'string') structure(`${path}.config.name`, 'expected the layer name');
    if (previous === null && className !== 'InputLayer') {
      const batchShape = declaredBatchShape(layerConfig);
      if (!batchShape) throw refusal('topology.no-input-shape', { layer: name });
      // tf.js names the Input it makes for a Sequential after the first layer.
      let inputName = `${name}_input`;
      for (let suffix = 1; fileNames.has(inputName) || taken.has(inputName); suffix += 1) {
        inputName = `${name}_input_${suffix}`;
      }
      // Token indices for an Embedding; tf.js casts them either way.
      const dtype = className === 'Embedding' ? 'int32' : (field(layerConfig, 'dtype') ?? 'float32');
      checkName(inputName, taken);
      layers.push(inputLayer(inputName, batchShape, dtype === 'int32' ? 'int32' : 'float32'));
      inputs = [inputName];
      previous = inputName;
    }
    // A nested Sequential's own InputLayer gives way to the layer feeding it.
    if (className === 'InputLayer' && previous !== null) return;
    checkName(name, taken);
    const draft = readLayer(name, className, layerConfig, warnings);
    if (previous !== null) draft.inbound = [previous];
    else inputs = [name];
    layers.push(draft);
    previous = name;
  });
  const name = isRecord(config) && typeof config['name'] === 'string' ? config['name'] : null;
  return { name, layers, inputs, outputs: previous === null ? [] : [previous] };
}

/**
 * `["dense", 0, 0, {}]`: a layer's first call, first output; anything else LayerLab cannot draw. A
 * nested model (`models`) is called once in the file, but its own building was its call 0.
 */
function tensorSource(reference: unknown, layer: string, models: ReadonlySet<string> = new Set()): string {
  if (!Array.isArray(reference) || typeof reference[0] !== 'string') {
    throw refusal('layer.inbound-format', { layer });
  }
  const [source, node = 0, tensor = 0] = reference as [string, unknown, unknown];
  if ((node !== 0 && !models.has(source)) || tensor !== 0) {
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
function keras3Sources(call: Record<string, unknown>, name: string, models: ReadonlySet<string>): string[] {
  const tensors = kerasTensors(call['args']);
  if (tensors.length === 0 || kerasTensors(call['kwargs']).length > 0) {
    throw refusal('layer.inbound-format', { layer: name });
  }
  return tensors.map((tensor) => {
    const config = tensor['config'];
    return tensorSource(isRecord(config) ? config['keras_history'] : undefined, name, models);
  });
}

function inboundOf(entry: Record<string, unknown>, name: string, models: ReadonlySet<string>): string[] {
  const nodes = entry['inbound_nodes'] ?? entry['inboundNodes'] ?? [];
  if (!Array.isArray(nodes)) throw refusal('layer.inbound-format', { layer: name });
  if (nodes.length === 0) return [];
  if (nodes.length > 1) throw refusal('layer.shared', { layer: name, times: nodes.length });
  const call: unknown = nodes[0];
  if (isRecord(call) && 'args' in call) return keras3Sources(call, name, models);
  if (!Array.isArray(call)) throw refusal('layer.inbound-format', { layer: name });
  return call.map((reference: unknown) => tensorSource(reference, name, models));
}

/** `[["input", 0, 0]]`, or Keras 3's single `["input", 0, 0]` for one. */
function endNames(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0) structure(path, 'expected a list of ["layer", 0, 0]');
  const list: unknown[] = typeof value[0] === 'string' ? [value] : value;
  return list.map((reference) => tensorSource(reference, path));
}

/**
 * A functional Model: layers wired by name, inputs and outputs listed. A model nested in it is
 * drawn as its layers, fed by what the file wires into it; nested in another, its Inputs give way
 * to the layers that feed it.
 */
function readFunctional(config: unknown, reading: Reading): Topology {
  const { warnings, taken } = reading;
  if (!isRecord(config)) structure('config', 'expected an object with layers, input_layers and output_layers');
  const entries = layerEntries(config['layers'], 'config.layers');
  const inputs = endNames(field(config, 'input_layers'), 'config.input_layers');
  if (reading.feed !== null && reading.feed.length !== inputs.length) {
    throw refusal('topology.shape', {
      path: 'config.input_layers',
      problem: `the nested model takes ${inputs.length} inputs and is given ${reading.feed.length}`,
    });
  }
  // What stands for a name in this model: a fed Input for its feeder, a nested model for its output.
  const standsFor = new Map<string, string>(inputs.map((input, index) => [input, reading.feed?.[index] ?? input]));
  const own = new Set<string>();
  const layers: DraftLayer[] = [];
  const models = new Set(
    entries.flatMap((entry) => {
      const name = entry['name'] ?? (isRecord(entry['config']) ? entry['config']['name'] : undefined);
      return modelClasses.has(classNameOf(entry) as string) && typeof name === 'string' ? [name] : [];
    }),
  );
  entries.forEach((entry, index) => {
    const path = `config.layers.${index}`;
    const layerConfig = configOf(entry, path);
    const className = classNameOf(entry) as string;
    const name = entry['name'] ?? layerConfig['name'];
    if (typeof name !== 'string') structure(`${path}.name`, 'expected the layer name');
    const inbound = inboundOf(entry, name, models).map((source) => standsFor.get(source) ?? source);
    if (modelClasses.has(className)) {
      const nested = readNested(entry, path, { warnings, taken, feed: inbound.length > 0 ? inbound : null });
      layers.push(...nested.layers);
      for (const layer of nested.layers) own.add(layer.name);
      standsFor.set(name, nested.outputs[0] ?? name);
      return;
    }
    // A fed Input gives way to the outer layer feeding it.
    if (reading.feed !== null && inputs.includes(name)) return;
    checkName(name, taken);
    own.add(name);
    const draft = readLayer(name, className, layerConfig, warnings);
    draft.inbound = inbound;
    layers.push(draft);
  });
  const known = (source: string) => own.has(source) || (reading.feed ?? []).includes(source);
  for (const layer of layers) {
    const unknown = layer.inbound.find((source) => !known(source));
    if (unknown !== undefined) throw refusal('layer.unknown-source', { layer: layer.name, source: unknown });
  }
  const outputs = endNames(field(config, 'output_layers'), 'config.output_layers').map(
    (output) => standsFor.get(output) ?? output,
  );
  const ownInputs = reading.feed === null ? inputs.map((input) => standsFor.get(input) ?? input) : [];
  for (const end of [...ownInputs, ...outputs]) {
    if (!own.has(end)) structure('config', `the model's input or output '${end}' is not one of its layers`);
  }
  const name = typeof config['name'] === 'string' ? config['name'] : null;
  return { name, layers, inputs: ownInputs, outputs };
}

/** The layers of a model.json's topology, or a refusal (thrown, caught by the importer). */
export function readTopology(modelTopology: Record<string, unknown>, warnings: string[]): Topology {
  // Keras' converter nests the model under model_config, beside its training_config.
  const wrapped = modelTopology['model_config'] ?? modelTopology['modelConfig'];
  const model = wrapped === undefined ? modelTopology : wrapped;
  if (!isRecord(model)) structure('model_config', 'expected an object');
  const className = classNameOf(model);
  if (typeof className !== 'string' || !modelClasses.has(className)) {
    throw refusal('topology.not-a-model', { className: typeof className === 'string' ? className : 'nothing' });
  }
  return readModel(className, model['config'], { warnings, taken: new Set(), feed: null });
}
