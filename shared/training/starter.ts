/**
 * A starter network for data a learner brings: what the app proposes when data is opened on an
 * empty canvas, and what `layerlab new --data` writes. Inputs sized to the features (images first
 * read by two small convolutions, a sequence by an LSTM, texts' word indices by an Embedding averaged
 * over the words, or read in order by an LSTM when they run on), a small hidden stack, and the output and
 * loss the target implies: one sigmoid unit for two classes, a softmax unit per class for more,
 * one linear unit for a number. Reads nothing but its arguments.
 */
import type { Dataset } from '../data/dataset.js';
import { layoutGraph } from '../graph/layout.js';
import { newLayer, type Graph } from '../graph/types.js';
import { suggestLoss, type TrainingSettings } from './settings.js';

/**
 * For images, two convolutions that each look at 3×3 pixels, each followed by a pooling that halves
 * the image while it is at least 8 pixels a side: a small CNN, as the course's lesson 3.1 builds.
 */
function convolutions(images: { height: number; width: number }) {
  let side = Math.min(images.height, images.width);
  return [16, 32].flatMap((filters, index) => {
    const pooled = side >= 8;
    if (pooled) side = Math.floor(side / 2);
    return [
      newLayer('Conv2D', `conv_${index + 1}`, { filters, kernel_size: [3, 3], padding: 'same', activation: 'relu' }),
      ...(pooled ? [newLayer('MaxPooling2D', `pool_${index + 1}`, { pool_size: [2, 2] })] : []),
    ];
  });
}

/** `nodes` wired one after the other, laid out. */
function chained(nodes: Graph['nodes']): Graph {
  const wires = nodes.slice(1).map((current, index) => {
    const source = nodes[index]?.id ?? '';
    return { id: `${source}->${current.id}`, source, target: current.id };
  });
  const positions = layoutGraph({ nodes, wires });
  return {
    nodes: nodes.map((entry) => ({ ...entry, position: positions.get(entry.id) ?? entry.position })),
    wires,
  };
}

/**
 * Running text, the next word to guess: a vector per word, read in order by an LSTM, straight to
 * a softmax over the vocabulary (a narrow hidden layer before thousands of words would only
 * squeeze them), as Keras' word-level language models start.
 */
function runningText(dataset: Dataset, words: number, output: { units: number; activation: string }) {
  const graph = chained([
    newLayer('Input', 'words', { shape: dataset.x.shape.slice(1), dtype: 'int32' }),
    newLayer('Embedding', 'embedding', { input_dim: words, output_dim: 32 }),
    newLayer('LSTM', 'lstm', { units: 64 }),
    newLayer('Dense', 'next_word', output),
  ]);
  return {
    graph,
    training: { ...suggestLoss(dataset.target, output.activation, output.units), validation_split: 0.1, epochs: 30 },
  };
}

/** The network and the loss and metrics to train it with, for `dataset`'s inputs and targets. */
export function starterNetwork(dataset: Dataset): {
  graph: Graph;
  training: Pick<TrainingSettings, 'loss' | 'metrics' | 'validation_split'> & Partial<Pick<TrainingSettings, 'epochs'>>;
} {
  const features = dataset.x.shape.slice(1);
  const target = dataset.target;
  const output =
    target.kind === 'class'
      ? target.labels.length === 2
        ? { units: 1, activation: 'sigmoid' }
        : { units: target.labels.length, activation: 'softmax' }
      : { units: 1, activation: 'linear' };
  const words = dataset.words?.length ?? 0;
  if (words > 0 && dataset.readInOrder) return runningText(dataset, words, output);
  const nodes = [
    newLayer('Input', dataset.images ? 'image' : words > 0 ? 'words' : 'features', {
      shape: features,
      dtype: words > 0 ? 'int32' : 'float32',
    }),
    ...(dataset.images ? convolutions(dataset.images) : []),
    // Word indices: a learned vector per word, averaged over the text (padding included), as
    // Keras' text classification tutorial starts.
    ...(words > 0
      ? [
          newLayer('Embedding', 'embedding', { input_dim: words, output_dim: 16 }),
          newLayer('GlobalAveragePooling1D', 'average', {}),
        ]
      : []),
    // A sequence of steps (a series in windows) is read by an LSTM; anything else with more than
    // one axis is flattened.
    ...(words > 0
      ? []
      : features.length === 2 && !dataset.images
        ? [newLayer('LSTM', 'lstm', { units: 32 })]
        : features.length > 1
          ? [newLayer('Flatten', 'flatten', {})]
          : []),
    newLayer('Dense', 'hidden', { units: 32, activation: 'relu' }),
    newLayer('Dense', 'hidden_2', { units: 16, activation: 'relu' }),
    newLayer('Dense', target.kind === 'class' ? 'class' : 'value', output),
  ];
  const graph = chained(nodes);
  // A fifth of the training rows validate each epoch, so overfitting shows on the charts.
  // A CNN's epoch costs far more than a small table's: 20 show the curves without a long wait.
  return {
    graph,
    training: {
      ...suggestLoss(target, output.activation, output.units),
      validation_split: 0.2,
      ...(dataset.images ? { epochs: 20 } : {}),
    },
  };
}
