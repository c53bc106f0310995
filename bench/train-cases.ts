/**
 * The networks the training benchmarks run, each twice over: as a LayerLab project (graph, data
 * recipe, settings) and as the bare tf.js script a learner could write for the same model, with
 * the same layers, initialisers, loss, metrics and optimiser.
 */
import type * as Tf from '@tensorflow/tfjs';
import { buildDataset, type Dataset } from '../shared/data/build';
import type { DataSpec } from '../shared/data/spec';
import type { Graph } from '../shared/graph/types';
import { fastOrthogonal } from '../shared/layers/tf-config';
import type { TfModule } from '../shared/layers/types';
import { createRandom } from '../shared/math/random';
import { defaultTrainingSettings, type TrainingSettings } from '../shared/training/settings';
import { chain, layer, lessonGraph } from '../tests/helpers/graphs';

/** A network as a bare tf.js script trains it. */
export interface BareCase {
  name: string;
  settings: TrainingSettings;
  dataset: Dataset;
  /** The network as a bare tf.js script would build it, uncompiled. */
  bareModel: (tf: TfModule) => Tf.LayersModel;
}

/** A network LayerLab can also train from a project: the graph and the data recipe. */
export interface TrainCase extends BareCase {
  graph: Graph;
  data: DataSpec;
}

const seed = 42;

function settings(epochs: number, batchSize: number): TrainingSettings {
  return {
    ...defaultTrainingSettings,
    loss: 'sparse_categorical_crossentropy',
    metrics: ['accuracy'],
    epochs,
    batch_size: batchSize,
  };
}

/** The course's first network: Input [3, 8] → SimpleRNN(50) → Dense(8, softmax) on "hello world". */
export function lessonCase(epochs: number): TrainCase {
  const data: DataSpec = { kind: 'text-next-char', text: 'hello world', window: 3 };
  return {
    name: 'lesson: SimpleRNN(50), 8 windows of 3, batch 32',
    graph: lessonGraph(),
    data,
    dataset: datasetOf(data),
    settings: settings(epochs, 32),
    bareModel: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.simpleRNN({
            units: 50,
            inputShape: [3, 8],
            kernelInitializer: tf.initializers.glorotUniform({ seed }),
            recurrentInitializer: fastOrthogonal(tf, seed + 1),
            biasInitializer: 'zeros',
          }),
          tf.layers.dense({
            units: 8,
            activation: 'softmax',
            kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
          }),
        ],
      }),
  };
}

const words = (
  'the of and to a in that it was he for on as with his at by had not be from but this which ' +
  'all were when there one their so an said we what up out into them could time would more no ' +
  'old man sea ship night river house little long great away again upon under before light'
).split(' ');

/**
 * `length` characters of prose-like text from a seeded word list: lower-case words, spaces and
 * punctuation, 32 distinct characters, as a learner's public-domain extract.
 */
export function benchText(length: number): string {
  const random = createRandom(7);
  // A pangram first, so the vocabulary is the same for every length.
  let text = "the quick brown fox jumps over the lazy dog; the ship's log! ";
  let sentence = 0;
  while (text.length < length) {
    const word = words[Math.floor(random() * words.length)] ?? 'the';
    sentence += 1;
    const full = sentence > 6 && random() < 0.2;
    const end = full ? (random() < 0.2 ? '! ' : '. ') : random() < 0.1 ? (random() < 0.3 ? '; ' : ', ') : ' ';
    if (full) sentence = 0;
    text += word + end;
  }
  return text.slice(0, length);
}

export const charWindow = 40;

/** A character LSTM(128) over 40 time steps: `windows` windows of generated text, batch 64. */
export function charLstmCase(windows: number, epochs: number): TrainCase {
  const data: DataSpec = { kind: 'text-next-char', text: benchText(windows + charWindow), window: charWindow };
  const dataset = datasetOf(data);
  const size = dataset.target.kind === 'class' ? dataset.target.labels.length : 0;
  return {
    name: `char LSTM(128): ${windows} windows of ${charWindow}, vocabulary ${size}, batch 64`,
    graph: chain(
      layer('Input', 'input', { shape: [charWindow, size] }),
      layer('LSTM', 'lstm', { units: 128 }),
      layer('Dense', 'dense', { units: size, activation: 'softmax' }),
    ),
    data,
    dataset,
    settings: settings(epochs, 64),
    bareModel: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.lstm({
            units: 128,
            inputShape: [charWindow, size],
            kernelInitializer: tf.initializers.glorotUniform({ seed }),
            recurrentInitializer: fastOrthogonal(tf, seed + 1),
            biasInitializer: 'zeros',
            unitForgetBias: true,
            // Keras 2's default, which LayerLab sets; tf.js defaults to hardSigmoid, slower here.
            recurrentActivation: 'sigmoid',
          }),
          tf.layers.dense({
            units: size,
            activation: 'softmax',
            kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 2 }),
          }),
        ],
      }),
  };
}

export function datasetOf(data: DataSpec): Dataset {
  const built = buildDataset(data);
  if (!built.ok) throw new Error(`benchmark data refused: ${built.problem.en}`);
  return built.dataset;
}

/** Samples a run trains on: samples in the data times epochs. */
export function samplesOf(trainCase: BareCase): number {
  return (trainCase.dataset.x.shape[0] ?? 0) * trainCase.settings.epochs;
}

/**
 * A small CNN on random 28×28×1 images in 10 classes, batch 32: Conv2D(8, 3×3, relu) →
 * MaxPooling2D → Conv2D(16, 3×3, relu) → MaxPooling2D → Flatten → Dense(10, softmax). LayerLab's
 * data recipes have no images yet, so only the bare script trains it.
 */
export function cnnCase(samples: number, epochs: number): BareCase {
  const random = createRandom(11);
  const x = Float32Array.from({ length: samples * 28 * 28 }, () => random());
  const y = Float32Array.from({ length: samples }, () => Math.floor(random() * 10));
  const glorot = (tf: TfModule, offset: number) => tf.initializers.glorotUniform({ seed: seed + offset });
  return {
    name: `small CNN: ${samples} random 28×28×1 images, 10 classes, batch 32`,
    dataset: {
      x: { values: x, shape: [samples, 28, 28, 1], dtype: 'float32' },
      y: { values: y, shape: [samples], dtype: 'float32' },
      target: { kind: 'class', labels: Array.from({ length: 10 }, (_, index) => String(index)) },
      preview: [],
    },
    settings: settings(epochs, 32),
    bareModel: (tf) =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({
            filters: 8,
            kernelSize: 3,
            activation: 'relu',
            inputShape: [28, 28, 1],
            kernelInitializer: glorot(tf, 0),
          }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: glorot(tf, 1) }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: glorot(tf, 2) }),
        ],
      }),
  };
}
