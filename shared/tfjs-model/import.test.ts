/**
 * Importing model.json files LayerLab did not write (plain tf.js, Keras' converter), and every
 * refusal with the message a user reads. Refusals come before anything is built or read.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { chain, irisInParts, layer } from '../../tests/helpers/graphs';
import { compileGraph } from '../graph/compile';
import type { Graph } from '../graph/types';
import { decodeWeights, encodeWeights } from '../vocabulary/weights';
import { exportTfjsModel } from './export';
import { importTfjsModel } from './import';
import { isRecord } from '../layers/keras-config';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Json = Record<string, unknown>;

/** A small network: 2 features over 3 steps, a SimpleRNN, a softmax. 43 weights, 172 bytes. */
const smallGraph = (): Graph =>
  chain(
    layer('Input', 'input', { shape: [3, 2] }),
    layer('SimpleRNN', 'rnn', { units: 4 }),
    layer('Dense', 'dense', { units: 3, activation: 'softmax' }),
  );

/** A fresh export of `graph` as a file would hold it: model.json parsed from text, and weights.bin. */
async function exported(graph: Graph = smallGraph()): Promise<{ json: Json; bin: Uint8Array }> {
  const compiled = compileGraph(graph, tf, { seed: 3 });
  if (!compiled.ok) throw new Error('compiles');
  const values = compiled.model.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() }));
  compiled.model.dispose();
  const result = await exportTfjsModel(tf, graph, { weights: encodeWeights(values) });
  if (!result.ok) throw new Error(result.message);
  return { json: JSON.parse(JSON.stringify(result.modelJson)) as Json, bin: result.weightsBin };
}

const files = (bin: Uint8Array) => (path: string) => (path === 'weights.bin' ? bin : null);

function messageOf(json: unknown, read: (path: string) => Uint8Array | null = () => null, maxWeights?: number) {
  const result = importTfjsModel(json, read, maxWeights === undefined ? {} : { maxWeights });
  return result.ok ? 'imported' : result.message;
}

const record = (value: unknown): Json => {
  if (!isRecord(value)) throw new Error('expected an object');
  return value;
};
const topologyLayers = (json: Json) => record(record(json['modelTopology'])['config'])['layers'] as Json[];
const layerNamed = (json: Json, name: string) => {
  const found = topologyLayers(json).find((entry) => entry['name'] === name);
  if (!found) throw new Error(`no layer ${name}`);
  return found;
};
const manifestGroup = (json: Json) => (json['weightsManifest'] as Json[])[0] as { paths: string[]; weights: Json[] };

function predict(model: tf.LayersModel, input: tf.Tensor): number[] {
  return tf.tidy(() => Array.from((model.predict(input) as tf.Tensor).dataSync()));
}

/** The imported graph compiled, with the imported weights set. */
function build(graph: Graph, trained: Parameters<typeof decodeWeights>[0]): tf.LayersModel {
  const compiled = compileGraph(graph, tf);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
  const tensors = decodeWeights(trained).map((weight) => tf.tensor(weight.values, weight.shape));
  compiled.model.setWeights(tensors);
  tf.dispose(tensors);
  return compiled.model;
}

/** A model as plain tf.js saves it: its model.json parsed from text, and its weights.bin. */
async function savedByTfjs(model: tf.LayersModel): Promise<{ json: unknown; bin: Uint8Array }> {
  let saved: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!saved?.weightData || saved.weightData instanceof Array) throw new Error('saved');
  const json = JSON.parse(
    JSON.stringify({
      format: saved.format,
      generatedBy: saved.generatedBy,
      convertedBy: null,
      modelTopology: saved.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: saved.weightSpecs }],
    }),
  ) as unknown;
  return { json, bin: new Uint8Array(saved.weightData) };
}

describe('importing a model LayerLab did not write', () => {
  it('reads a Sequential saved by plain tf.js, with the same answers', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.conv1d({ inputShape: [6, 3], filters: 4, kernelSize: 3, activation: 'relu' }),
        tf.layers.lstm({ units: 5, recurrentActivation: 'sigmoid', returnSequences: true }),
        tf.layers.globalAveragePooling1d({}),
        tf.layers.dense({ units: 4, activation: 'relu' }),
        tf.layers.dropout({ rate: 0.2 }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    const { json, bin } = await savedByTfjs(model);
    const imported = importTfjsModel(json, files(bin));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.warnings).toEqual([]);
    const [first, second] = model.layers;
    expect(imported.graph.nodes.map((node) => node.kind)).toEqual([
      'Input',
      'Conv1D',
      'LSTM',
      'GlobalAveragePooling1D',
      'Dense',
      'Dropout',
      'Dense',
    ]);
    expect(imported.graph.nodes[0]?.name).toBe(`${first?.name ?? ''}_input`);
    expect(imported.graph.nodes[2]).toMatchObject({
      name: second?.name,
      params: {
        units: 5,
        return_sequences: true,
        kernel_initializer: 'glorot_normal',
        recurrent_activation: 'sigmoid',
      },
    });
    // Laid out left to right.
    const xs = imported.graph.nodes.map((node) => node.position.x);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const input = tf.randomNormal([3, 6, 3], 0, 1, 'float32', 5);
    const rebuilt = build(imported.graph, imported.trained);
    expect(predict(rebuilt, input)).toEqual(predict(model, input));
    tf.dispose([input]);
    rebuilt.dispose();
    model.dispose();
  });

  it("reads tf.js' own recurrent defaults (hard sigmoid gates) and a GRU read backwards, with the same answers", async () => {
    // tf.js' LSTM and GRU default to hardSigmoid gates: most recurrent models saved from tf.js have them.
    const model = tf.sequential({
      layers: [
        tf.layers.lstm({ inputShape: [5, 3], units: 4, returnSequences: true }),
        // Read from the last step to the first, as Keras' go_backwards says.
        tf.layers.gru({ units: 3, goBackwards: true }),
        tf.layers.dense({ units: 2 }),
      ],
    });
    const { json, bin } = await savedByTfjs(model);
    expect(JSON.stringify(json)).toContain('"recurrent_activation":"hard_sigmoid"');
    const imported = importTfjsModel(json, files(bin));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.nodes[2]?.params).toMatchObject({ go_backwards: true });
    expect(imported.graph.nodes[1]?.params).toMatchObject({ go_backwards: false });
    expect(
      imported.graph.nodes.map((node) => [node.kind, (node.params as Record<string, unknown>)['recurrent_activation']]),
    ).toEqual([
      ['Input', undefined],
      ['LSTM', 'hard_sigmoid'],
      ['GRU', 'hard_sigmoid'],
      ['Dense', undefined],
    ]);
    // Inputs large enough that some gates saturate, where hard sigmoid and sigmoid differ most.
    const input = tf.randomNormal([4, 5, 3], 0, 3, 'float32', 9);
    const rebuilt = build(imported.graph, imported.trained);
    const ours = predict(rebuilt, input);
    predict(model, input).forEach((value, index) => expect(ours[index]).toBeCloseTo(value, 5));
    tf.dispose([input]);
    rebuilt.dispose();
    model.dispose();
  });

  it("reads Keras 3's functional graphs: calls as args of tensors that name their source", async () => {
    const graph = irisInParts();
    const { json, bin } = await exported(graph);
    const before = importTfjsModel(json, files(bin));
    if (!before.ok) throw new Error(before.message);
    // Keras 3 writes each call as {args, kwargs}; a merge layer's tensors come as one list.
    const tensor = (source: unknown) => ({
      class_name: '__keras_tensor__',
      config: { shape: [null, 8], dtype: 'float32', keras_history: source },
    });
    for (const entry of topologyLayers(json)) {
      const calls = entry['inbound_nodes'] as unknown[][][];
      const call = calls[0];
      if (!call) continue;
      const tensors = call.map((source) => tensor(source.slice(0, 3)));
      entry['inbound_nodes'] = [
        {
          args: tensors.length > 1 ? [tensors] : tensors,
          kwargs: entry['class_name'] === 'Dense' ? { training: false } : {},
        },
      ];
    }
    const keras3 = importTfjsModel(json, files(bin));
    if (!keras3.ok) throw new Error(keras3.message);
    expect(keras3.graph.wires.map((wire) => [wire.source, wire.target])).toEqual(
      before.graph.wires.map((wire) => [wire.source, wire.target]),
    );
    expect(keras3.graph.nodes.map((node) => node.name)).toEqual(before.graph.nodes.map((node) => node.name));
    // A tensor among the keyword arguments (a mask, a state) is wiring LayerLab cannot draw.
    const joined = layerNamed(json, 'joined');
    joined['inbound_nodes'] = [
      { ...(joined['inbound_nodes'] as Json[])[0], kwargs: { mask: tensor(['sepal', 0, 0]) } },
    ];
    expect(messageOf(json, files(bin))).toMatch(/^layer 'joined': its inbound_nodes are in neither form/);
  });

  it("reads Keras' converter layout: model_config, camelCase keys, cell-named weights", async () => {
    const { json, bin } = await exported();
    const dense = record(layerNamed(json, 'dense')['config']);
    const topology = record(json['modelTopology']);
    json['modelTopology'] = { keras_version: '2.15.0', backend: 'tensorflow', model_config: topology };
    dense['useBias'] = dense['use_bias'];
    delete dense['use_bias'];
    dense['activation'] = 'softmax';
    for (const weight of manifestGroup(json).weights) {
      weight['name'] = String(weight['name']).replace('rnn/', 'rnn/simple_rnn_cell/') + ':0';
    }
    const imported = importTfjsModel(json, files(bin));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.nodes.map((node) => [node.name, node.kind])).toEqual([
      ['input', 'Input'],
      ['rnn', 'SimpleRNN'],
      ['dense', 'Dense'],
    ]);
    expect(imported.trained.weights.map((weight) => weight.shape)).toEqual([[2, 4], [4, 4], [4], [4, 3], [3]]);
  });

  it('warns about settings that only change training, and keeps going', async () => {
    const { json, bin } = await exported();
    const dense = record(layerNamed(json, 'dense')['config']);
    dense['kernel_regularizer'] = { class_name: 'L1L2', config: { l1: 0, l2: 0.01 } };
    dense['bias_initializer'] = { class_name: 'Ones', config: {} };
    dense['trainable'] = false;
    dense['flavour'] = 'spicy';
    const imported = importTfjsModel(json, files(bin));
    expect(imported.ok ? imported.warnings : imported.message).toEqual([
      `layer 'dense' (Dense): bias_initializer "Ones" is ignored (LayerLab uses zeros); it only changes training`,
      `layer 'dense' (Dense): kernel_regularizer is ignored; it only changes training`,
      `layer 'dense' (Dense): flavour "spicy" is not a setting LayerLab knows; ignored`,
      `layer 'dense' (Dense): trainable false is ignored: LayerLab trains every layer`,
    ]);
  });
});

describe('refusals, each with its message', () => {
  it('an unknown layer class, naming the layer and the class', async () => {
    const { json, bin } = await exported();
    const dense = layerNamed(json, 'dense');
    dense['class_name'] = 'MultiHeadAttention';
    dense['name'] = 'attn';
    record(dense['config'])['name'] = 'attn';
    expect(messageOf(json, files(bin))).toBe("layer 'attn' is a MultiHeadAttention, which LayerLab does not know");
  });

  it.each([
    ['../secret.bin', "it leaves the folder through '..'"],
    ['shards/../../secret.bin', "it leaves the folder through '..'"],
    ['/etc/passwd', 'it is an absolute path'],
    ['C:/weights.bin', 'it is a URL or names a drive'],
    ['https://example.com/weights.bin', 'it is a URL or names a drive'],
    ['shards\\weights.bin', 'it holds a backslash'],
    ['weights\u0000.bin', 'it holds a NUL character'],
    ['', 'it is empty'],
    // A leading './' is the folder itself (ml5.js writes it); what follows is checked as any path.
    ['./../secret.bin', "it leaves the folder through '..'"],
    ['./', 'it is empty'],
  ])('a weight path %j, before any file is read', async (path, why) => {
    const { json, bin } = await exported();
    manifestGroup(json).paths = [path];
    const read = vi.fn(files(bin));
    expect(messageOf(json, read)).toBe(
      `weight file path ${JSON.stringify(path)} is refused: ${why}; weight files must sit in the model.json's folder`,
    );
    expect(read).not.toHaveBeenCalled();
  });

  it.each(['./weights.bin', '././weights.bin'])(
    'reads the weight path %j, as ml5.js writes it, from the file beside the model.json',
    async (path) => {
      const { json, bin } = await exported();
      manifestGroup(json).paths = [path];
      const read = vi.fn(files(bin));
      expect(messageOf(json, read)).toBe('imported');
      expect(read).toHaveBeenCalledWith('weights.bin');
    },
  );

  it('a missing weight file', async () => {
    const { json } = await exported();
    expect(messageOf(json, () => null)).toBe("weight file 'weights.bin' is missing from the model.json's folder");
  });

  it('a weight file shorter than the manifest says', async () => {
    const { json, bin } = await exported();
    expect(messageOf(json, files(bin.slice(0, 168)))).toBe(
      "weight file 'weights.bin' holds 168 bytes; the manifest needs 172 (float32 values, 4 bytes each)",
    );
  });

  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
  ])('a weight holding %s, naming the weight', async (value, shown) => {
    const { json, bin } = await exported();
    const poisoned = bin.slice();
    // rnn: 8 + 16 + 4 values, then dense/kernel; its fourth value.
    new DataView(poisoned.buffer).setFloat32((28 + 3) * 4, value, true);
    expect(messageOf(json, files(poisoned))).toBe(
      `weight 'dense/kernel' holds ${shown} at index 3; LayerLab imports finite weights only`,
    );
  });

  it('more weights than the budget, from the manifest alone: nothing is read or allocated', async () => {
    const { json } = await exported();
    const [first] = manifestGroup(json).weights;
    if (first) first['shape'] = [100_000, 100_000];
    const read = vi.fn(() => null);
    expect(messageOf(json, read)).toBe('the model has 10,000,000,035 weights; LayerLab imports at most 32,000,000');
    expect(read).not.toHaveBeenCalled();
    const small = await exported();
    expect(messageOf(small.json, files(small.bin), 40)).toBe('the model has 43 weights; LayerLab imports at most 40');
  });

  it('a model that is not a layers model', async () => {
    const { json, bin } = await exported();
    json['format'] = 'graph-model';
    expect(messageOf(json, files(bin))).toBe(
      'model.json is a "graph-model" model; LayerLab imports tf.js layers models (format "layers-model") only',
    );
  });

  it.each([
    [null, 'model.json is not a tf.js model: the file: Invalid input: expected object, received null'],
    [[], 'model.json is not a tf.js model: the file: Invalid input: expected object, received array'],
    ['model', 'model.json is not a tf.js model: the file: Invalid input: expected object, received string'],
    [{}, 'model.json is not a tf.js model: modelTopology: Invalid input: expected record, received undefined'],
    [
      { modelTopology: {}, weightsManifest: 'weights.bin' },
      'model.json is not a tf.js model: weightsManifest: Invalid input: expected array, received string',
    ],
    [
      { modelTopology: {}, weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'w', shape: [-1] }] }] },
      'model.json is not a tf.js model: weightsManifest.0.weights.0.shape.0: Too small: expected number to be >=0',
    ],
    [{ modelTopology: {} }, 'modelTopology is a "nothing"; LayerLab reads a Sequential or a functional Model'],
    [
      { modelTopology: { class_name: 'Model', config: { layers: [] } } },
      'modelTopology.config.layers: the model has no layers',
    ],
    [
      { modelTopology: { class_name: 'Model', config: { layers: [7] } } },
      'modelTopology.config.layers.0: expected a layer, {"class_name": ..., "config": {...}}',
    ],
  ])('garbage: %j', (json, message) => {
    expect(messageOf(json)).toBe(message);
  });

  it('a __proto__ key anywhere', async () => {
    const { json, bin } = await exported();
    const text = JSON.stringify(json).replace('"units":4', '"units":4,"__proto__":{"polluted":true}');
    expect(messageOf(JSON.parse(text), files(bin))).toBe(
      'modelTopology.config.layers.1.config: the key __proto__ is not allowed in a model file',
    );
  });

  it.each([
    [
      'a setting LayerLab cannot draw',
      (json: Json) => (record(layerNamed(json, 'rnn')['config'])['stateful'] = true),
      `layer 'rnn' (SimpleRNN) sets stateful to true, which LayerLab cannot draw: LayerLab starts every batch from a zero state`,
    ],
    [
      'a value outside the parameter’s range',
      (json: Json) => (record(layerNamed(json, 'dense')['config'])['units'] = 0),
      `layer 'dense' (Dense): units 0 is not allowed; LayerLab takes a whole number from 1 to 1,000,000`,
    ],
    [
      "an activation LayerLab does not have (tf.js' LSTM default)",
      (json: Json) => (record(layerNamed(json, 'dense')['config'])['activation'] = 'hardSigmoid'),
      `layer 'dense' (Dense): activation "hard_sigmoid" is not allowed; LayerLab takes one of linear, relu, sigmoid, tanh, softmax, elu, selu, softplus, softsign, swish, gelu`,
    ],
    [
      'an input whose features are left open, which the recurrent layer must know',
      (json: Json) => (record(layerNamed(json, 'input')['config'])['batch_input_shape'] = [null, 3, null]),
      `the imported network has errors: rnn: SimpleRNN needs to know the size of every axis it works on; it gets (None, 3, None). Give the Input a fixed size.`,
    ],
    [
      'a layer applied twice',
      (json: Json) => {
        const dense = layerNamed(json, 'dense');
        const nodes = dense['inbound_nodes'] as unknown[];
        dense['inbound_nodes'] = [...nodes, ...nodes];
      },
      `layer 'dense' is applied 2 times (shared weights), which LayerLab cannot draw`,
    ],
    [
      'a Keras 3 call that reads no tensor',
      (json: Json) => (layerNamed(json, 'dense')['inbound_nodes'] = [{ args: [], kwargs: {} }]),
      `layer 'dense': its inbound_nodes are in neither form LayerLab reads, tf.js' (Keras 2) [["name", 0, 0, {}]] or Keras 3's {"args": [tensors], "kwargs": {}} with no tensor among the kwargs`,
    ],
    [
      'a wire from a layer the model does not have',
      (json: Json) => (layerNamed(json, 'dense')['inbound_nodes'] = [[['ghost', 0, 0, {}]]]),
      `layer 'dense' takes its input from 'ghost', which is not a layer of the model`,
    ],
    [
      'a name LayerLab cannot use',
      (json: Json) => (layerNamed(json, 'input')['name'] = 'in put'),
      `layer name "in put" is not one LayerLab can use: a letter, then up to 63 letters, digits, '_', '.' or '-'`,
    ],
    [
      'a GRU with reset_after',
      (json: Json) => {
        const rnn = layerNamed(json, 'rnn');
        rnn['class_name'] = 'GRU';
        record(rnn['config'])['reset_after'] = true;
      },
      `layer 'rnn' (GRU) sets reset_after to true, which LayerLab cannot draw: tf.js' GRU has reset_after=False only; build the Keras layer with reset_after=False`,
    ],
    [
      'a network with errors',
      (json: Json) => (record(layerNamed(json, 'input')['config'])['batch_input_shape'] = [null, 6]),
      'the imported network has errors: rnn: SimpleRNN needs a sequence (batch, time, features); it gets (None, 6).',
    ],
  ])('%s', async (_, mutate, message) => {
    const { json, bin } = await exported();
    mutate(json);
    expect(messageOf(json, files(bin))).toContain(message);
  });

  it.each([
    [
      'a weight of the wrong shape',
      (weights: Json[]) => weights[3] && (weights[3]['shape'] = [3, 4]),
      "weight 'dense/kernel' has shape [3, 4], but layer 'dense' needs [4, 3]",
    ],
    [
      'a weight no layer has',
      (weights: Json[]) => weights[4] && (weights[4]['name'] = 'nowhere/bias'),
      "weight 'nowhere/bias' belongs to no layer of the model",
    ],
    [
      'a weight the layer does not make',
      (weights: Json[]) => weights[4] && (weights[4]['name'] = 'dense/gamma'),
      "layer 'dense' (Dense) needs its weight bias [3], which the manifest does not list",
    ],
    [
      'an int32 weight',
      (weights: Json[]) => weights[0] && (weights[0]['dtype'] = 'int32'),
      `weight 'rnn/kernel' is "int32"; LayerLab imports float32 weights only`,
    ],
    [
      'a quantized weight',
      (weights: Json[]) => weights[0] && (weights[0]['quantization'] = { dtype: 'uint8', scale: 1, min: 0 }),
      `weight 'rnn/kernel' is quantized; LayerLab imports float32 weights only (convert without quantization)`,
    ],
    [
      'the same weight twice',
      (weights: Json[]) => weights[1] && (weights[1]['name'] = 'rnn/kernel'),
      "the manifest lists weight 'rnn/kernel' twice",
    ],
  ])('%s', async (_, mutate, message) => {
    const { json, bin } = await exported();
    mutate(manifestGroup(json).weights);
    expect(messageOf(json, files(bin))).toBe(message);
  });

  it('an extra weight a layer does not make', async () => {
    const { json, bin } = await exported();
    manifestGroup(json).weights.push({ name: 'dense/gamma', shape: [3], dtype: 'float32' });
    const longer = new Uint8Array(bin.length + 12);
    longer.set(bin);
    expect(messageOf(json, files(longer))).toBe(
      "weight 'dense/gamma' is not one a Dense like 'dense' has (it has kernel, bias)",
    );
  });
});

describe('models nested in models, drawn as their layers', () => {
  /** Weights drawn from a seed in ±0.5 (variances kept positive), so the answers depend on every one. */
  function drawWeights(model: tf.LayersModel, seed: number): void {
    let state = seed;
    const next = () => {
      state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
      return state / 2 ** 31 - 0.5;
    };
    model.setWeights(
      model.weights.map((weight) =>
        tf.tensor(
          Array.from({ length: weight.shape.reduce<number>((a, b) => a * (b ?? 1), 1) }, () =>
            weight.originalName.includes('variance') ? next() + 1 : next(),
          ),
          weight.shape as number[],
        ),
      ),
    );
  }

  it('opens a Teachable Machine image model: Sequential[Sequential[MobileNet-like Model], Sequential[Dense]]', async () => {
    // The shape of every Teachable Machine image export: a truncated MobileNet (a functional
    // Model) inside a Sequential, then the learner's classifier in another Sequential.
    const image = tf.input({ shape: [9, 9, 3], name: 'input_1' });
    let x = tf.layers
      .zeroPadding2d({
        padding: [
          [0, 1],
          [0, 1],
        ],
        name: 'conv_pad',
      })
      .apply(image) as tf.SymbolicTensor;
    x = tf.layers
      .depthwiseConv2d({ kernelSize: 3, strides: 2, useBias: false, name: 'conv_dw' })
      .apply(x) as tf.SymbolicTensor;
    x = tf.layers.batchNormalization({ name: 'conv_dw_bn' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.reLU({ maxValue: 6, name: 'conv_dw_relu' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.conv2d({ filters: 4, kernelSize: 1, useBias: false, name: 'conv_pw' }).apply(x) as tf.SymbolicTensor;
    x = tf.layers.globalAveragePooling2d({ name: 'pool' }).apply(x) as tf.SymbolicTensor;
    const mobilenet = tf.model({ inputs: image, outputs: x, name: 'model1' });
    const trunk = tf.sequential({ name: 'sequential_1', layers: [mobilenet] });
    const head = tf.sequential({
      name: 'sequential_2',
      layers: [
        tf.layers.dense({ inputShape: [4], units: 5, activation: 'relu', name: 'dense_Dense1' }),
        tf.layers.dense({ units: 3, activation: 'softmax', name: 'dense_Dense2' }),
      ],
    });
    const model = tf.sequential({ name: 'sequential_3', layers: [trunk, head] });
    drawWeights(model, 5);
    const { json, bin } = await savedByTfjs(model);
    const imported = importTfjsModel(json, files(bin));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.nodes.map((node) => [node.name, node.kind])).toEqual([
      ['input_1', 'Input'],
      ['conv_pad', 'ZeroPadding2D'],
      ['conv_dw', 'DepthwiseConv2D'],
      ['conv_dw_bn', 'BatchNormalization'],
      ['conv_dw_relu', 'ReLU'],
      ['conv_pw', 'Conv2D'],
      ['pool', 'GlobalAveragePooling2D'],
      ['dense_Dense1', 'Dense'],
      ['dense_Dense2', 'Dense'],
    ]);
    expect(imported.graph.wires.map((wire) => `${wire.source}>${wire.target}`)).toEqual([
      'input_1>conv_pad',
      'conv_pad>conv_dw',
      'conv_dw>conv_dw_bn',
      'conv_dw_bn>conv_dw_relu',
      'conv_dw_relu>conv_pw',
      'conv_pw>pool',
      'pool>dense_Dense1',
      'dense_Dense1>dense_Dense2',
    ]);
    expect(imported.warnings).toEqual([
      "the nested model 'model1' is drawn as its 7 layers",
      "the nested model 'sequential_1' is drawn as its 7 layers",
      "the nested model 'sequential_2' is drawn as its 2 layers",
    ]);
    expect(imported.modelName).toBe('sequential_3');

    // It answers an image as tf.js does.
    const input = tf.randomUniform([2, 9, 9, 3], -1, 1, 'float32', 7);
    const ours = build(imported.graph, imported.trained);
    const theirs = predict(model, input);
    predict(ours, input).forEach((value, index) => expect(value).toBeCloseTo(theirs[index] ?? NaN, 6));
    expect(ours.countParams()).toBe(model.countParams());
    tf.dispose([input]);
    ours.dispose();
    model.dispose();
  });

  it('opens a Sequential nested inside a functional model, fed by the layer wired into it', async () => {
    const features = tf.input({ shape: [4], name: 'features' });
    const hidden = tf.layers
      .dense({ units: 6, activation: 'tanh', name: 'hidden' })
      .apply(features) as tf.SymbolicTensor;
    const block = tf.sequential({
      name: 'block',
      layers: [
        tf.layers.dense({ inputShape: [6], units: 5, activation: 'relu', name: 'block_in' }),
        tf.layers.dense({ units: 6, name: 'block_out' }),
      ],
    });
    const joined = tf.layers.add({ name: 'joined' }).apply([hidden, block.apply(hidden) as tf.SymbolicTensor]);
    const out = tf.layers.dense({ units: 2, name: 'out' }).apply(joined) as tf.SymbolicTensor;
    const model = tf.model({ inputs: features, outputs: out, name: 'residual' });
    drawWeights(model, 9);
    const { json, bin } = await savedByTfjs(model);
    const imported = importTfjsModel(json, files(bin));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.wires.map((wire) => `${wire.source}>${wire.target}`).sort()).toEqual(
      [
        'features>hidden',
        'hidden>block_in',
        'block_in>block_out',
        'hidden>joined',
        'block_out>joined',
        'joined>out',
      ].sort(),
    );
    const input = tf.randomUniform([3, 4], -1, 1, 'float32', 3);
    const ours = build(imported.graph, imported.trained);
    const theirs = predict(model, input);
    predict(ours, input).forEach((value, index) => expect(value).toBeCloseTo(theirs[index] ?? NaN, 6));
    tf.dispose([input]);
    ours.dispose();
    model.dispose();
  });
});

describe('sizes left open (None) other than the batch', () => {
  it('opens a text model whose sequences have any length, and answers as tf.js does at every length', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.embedding({ inputDim: 20, outputDim: 4, batchInputShape: [null, null] }),
        tf.layers.conv1d({ filters: 3, kernelSize: 2, activation: 'relu' }),
        tf.layers.lstm({ units: 5, recurrentActivation: 'sigmoid' }),
        tf.layers.dense({ units: 2, activation: 'softmax' }),
      ],
    });
    const { json, bin } = await savedByTfjs(model);
    const imported = importTfjsModel(json, files(bin));
    if (!imported.ok) throw new Error(imported.message);
    const input = imported.graph.nodes[0];
    expect(input).toMatchObject({ kind: 'Input', params: { shape: [null], dtype: 'int32' } });
    const ours = build(imported.graph, imported.trained);
    for (const length of [3, 9]) {
      const tokens = tf.tensor2d([Array.from({ length }, (_, index) => (index * 7) % 20)], [1, length], 'int32');
      const theirs = predict(model, tokens);
      predict(ours, tokens).forEach((value, index) => expect(value).toBeCloseTo(theirs[index] ?? NaN, 6));
      tokens.dispose();
    }
    ours.dispose();
    model.dispose();
  });
});

describe('TimeDistributed around a layer that acts on each step alike', () => {
  it('draws TimeDistributed(Dense) as the Dense it is, with its weights, answering as tf.js does', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.lstm({ units: 4, returnSequences: true, inputShape: [5, 3], recurrentActivation: 'sigmoid' }),
        tf.layers.timeDistributed({ layer: tf.layers.dense({ units: 2, activation: 'softmax' }), name: 'per_step' }),
      ],
    });
    const { json, bin } = await savedByTfjs(model);
    const imported = importTfjsModel(json, files(bin));
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.graph.nodes.find((node) => node.name === 'per_step')).toMatchObject({
      kind: 'Dense',
      params: { units: 2, activation: 'softmax' },
    });
    expect(imported.warnings).toContain(
      "TimeDistributed(Dense) 'per_step' is drawn as a Dense, which acts on each step alike",
    );
    const input = tf.randomUniform([2, 5, 3], -1, 1, 'float32', 4);
    const ours = build(imported.graph, imported.trained);
    const theirs = predict(model, input);
    predict(ours, input).forEach((value, index) => expect(value).toBeCloseTo(theirs[index] ?? NaN, 6));
    tf.dispose([input]);
    ours.dispose();
    model.dispose();
  });

  it('refuses TimeDistributed around a layer that would need its own pass per step, saying which it draws', async () => {
    const model = tf.sequential({
      layers: [
        tf.layers.timeDistributed({
          layer: tf.layers.conv2d({ filters: 2, kernelSize: 2 }),
          inputShape: [3, 4, 4, 1],
          name: 'frames',
        }),
      ],
    });
    const { json, bin } = await savedByTfjs(model);
    expect(messageOf(json, files(bin))).toBe(
      'layer \'frames\' (TimeDistributed) sets layer to "Conv2D", which LayerLab cannot draw: LayerLab draws TimeDistributed around a Dense, a Dropout or an Activation, which it applies to each step alike',
    );
    model.dispose();
  });
});
