/**
 * Inside a trained network, for one question: what a layer outputs for it, and for a recurrent
 * layer what it computes at each step of the sequence it reads (its state, an LSTM's memory, the
 * gates), as the playground and `layerlab inspect` show them (issue 19). Reads nothing but its
 * arguments; every tensor it makes is freed.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/build.js';
import type { DataSpec } from '../data/spec.js';
import { recurrentDirections, stepThrough, type SequenceSteps } from '../layers/fused-recurrent.js';
import type { TfModule } from '../layers/types.js';
import type { Localized } from '../vocabulary/localized.js';
import { feedOf } from './feed.js';
import { displayLabel, encodeQuery } from './predict.js';

/** A recurrent layer's steps over the question: one entry per direction it reads. */
export interface StepsLook {
  /** What each step read, in the question's order: its character or word where one was typed, else its number. */
  labels: string[];
  directions: (SequenceSteps & { direction: 'forward' | 'backward' })[];
}

/** One layer's answer to one question. */
export interface LayerLook {
  layer: string;
  /** tf.js' class of the layer (LSTM, Dense, Bidirectional…). */
  className: string;
  /** The output's shape for one sample (no batch axis). */
  shape: number[];
  /** The output's values, row-major. */
  values: number[];
  /** For a recurrent layer, step by step; null for any other. */
  steps: StepsLook | null;
  /** Why a recurrent layer has no steps to show, else null. */
  noSteps: Localized | null;
  /** A 2-D convolution's filters: its kernel (height, width, input channels, filters), row-major; else null. */
  filters: { shape: number[]; values: number[] } | null;
}

/** The kernel of a Conv2D (its first weight, as Keras orders them), for its filters as images. */
function filtersOf(layer: Tf.layers.Layer): LayerLook['filters'] {
  if (layer.getClassName() !== 'Conv2D') return null;
  const kernel = layer.getWeights()[0];
  if (!kernel || kernel.rank !== 4) return null;
  return { shape: kernel.shape, values: Array.from(kernel.dataSync()) };
}

export type LookResult = { ok: true; look: LayerLook } | { ok: false; problem: Localized };

/**
 * Each step's label for a text read as word indices (padded to the data's length): the word the
 * step read, '<pad>' for padding, and the typed word where the vocabulary did not know it.
 */
function wordLabels(question: string, indices: readonly number[], words: readonly string[]): string[] {
  const typed = question.split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  // The typed words fill the steps that are not padding, in order, when as many were kept.
  let next = indices.filter((index) => index !== 0).length === typed.length ? 0 : -1;
  return indices.map((index) => {
    if (index === 0) return words[0] ?? '<pad>';
    const word = next >= 0 ? typed[next++] : undefined;
    return displayLabel(index === 1 && word !== undefined ? word : (words[index] ?? String(index)));
  });
}

/** Each step's label: the question's characters or words when there is one per step. */
function stepLabels(question: string, steps: number): string[] {
  const characters = Array.from(question);
  if (characters.length === steps) return characters.map(displayLabel);
  // Words, or numbers as a sequence is typed ("7, 8, 9"): split at spaces, commas and semicolons.
  const words = question.split(/[\s,;]+/).filter((word) => word !== '');
  if (words.length === steps) return words.map(displayLabel);
  return Array.from({ length: steps }, (_, step) => String(step + 1));
}

/**
 * The labels of a direction's rows, in the order it read the steps: the question's order, or from
 * its end for the backward half of a Bidirectional.
 */
export function readingOrder(labels: readonly string[], direction: { backwards: boolean }): string[] {
  return direction.backwards ? [...labels].reverse() : [...labels];
}

/** What layer `name` of the trained `model` computes for `question`, encoded as the playground encodes it. */
export function lookInside(
  tf: TfModule,
  model: Tf.LayersModel,
  data: DataSpec,
  dataset: Dataset,
  question: string,
  name: string,
): LookResult {
  const layer = model.layers.find((candidate) => candidate.name === name);
  if (!layer) {
    const names = model.layers.map((candidate) => candidate.name).join(', ');
    return {
      ok: false,
      problem: {
        en: `The network has no layer named ${JSON.stringify(name)}; its layers are ${names}.`,
        es: `La red no tiene ninguna capa llamada ${JSON.stringify(name)}; sus capas son ${names}.`,
      },
    };
  }
  const query = encodeQuery(data, dataset, question);
  if (!query.ok) return query;
  const probe = (outputs: Tf.SymbolicTensor): Tf.Tensor =>
    tf.tidy(() => {
      const part = tf.model({ inputs: model.inputs, outputs });
      return part.predict(feedOf(tf, model, dataset, tf.tensor(query.values, query.shape))) as Tf.Tensor;
    });
  const output = probe(layer.output as Tf.SymbolicTensor);
  const look: LayerLook = {
    layer: name,
    className: layer.getClassName(),
    shape: output.shape.slice(1),
    values: Array.from(output.dataSync()),
    steps: null,
    noSteps: null,
    filters: filtersOf(layer),
  };
  output.dispose();

  const directions = recurrentDirections(layer);
  if (directions.length > 0) {
    const read = probe(layer.input as Tf.SymbolicTensor);
    const sequence = tf.tidy(() => read.squeeze([0]) as Tf.Tensor2D);
    read.dispose();
    try {
      const stepped = directions.map(({ layer: direction, cell }) => stepThrough(tf, direction, cell, sequence));
      if (stepped.every((steps) => steps !== null)) {
        const steps = sequence.shape[0];
        const indices = Array.from(query.values);
        look.steps = {
          labels:
            dataset.words && query.shape.length === 2 && indices.length === steps
              ? wordLabels(question, indices, dataset.words)
              : stepLabels(question, steps),
          directions: stepped.map((steps) => ({ ...steps, direction: steps.backwards ? 'backward' : 'forward' })),
        };
      } else {
        look.noSteps = {
          en: 'Steps are shown for the activations tanh, sigmoid, relu and linear; this layer uses another.',
          es: 'Los pasos se muestran con las activaciones tanh, sigmoid, relu y linear; esta capa usa otra.',
        };
      }
    } finally {
      sequence.dispose();
    }
  }
  return { ok: true, look };
}
