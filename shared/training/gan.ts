/**
 * Training a GAN: the generator and the discriminator, drawn as one chain and split at the layer
 * marked as the generator's end, trained in alternation. Each batch the discriminator learns to
 * tell real images from generated ones, then the generator learns to make images the
 * discriminator calls real, through the discriminator's weights but without changing them. After
 * each epoch the generator draws the same 64 noise vectors into images, so the learner watches
 * them become digits, and each image is compared with its nearest real one. The same code runs in
 * the app's worker and in the command line. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/build.js';
import type { Localized } from '../vocabulary/localized.js';
import type { Answer } from './predict.js';
import type { CheckedGraph } from '../graph/checked.js';
import type { TfModule } from '../layers/types.js';
import { createNormal, createRandom } from '../math/random.js';
import type { TrainingSettings } from './settings.js';
import {
  createOptimizer,
  runOutcome,
  saltedSeed,
  shuffleSalt,
  thrownRun,
  shuffledIndices,
  toTensor,
  type EpochUpdate,
  type RunStatus,
  type TrainCallbacks,
  type TrainingOutcome,
} from './train.js';

/** How many images the generator draws after each epoch, from the same noise every time. */
export const ganSampleCount = 64;

/** The salt of the noise the samples are drawn from: its own stream, so the batch size does not change it. */
export const sampleNoiseSalt = 0x5a3b1e;

/** The salt of the batches' noise: the generator's input, one vector per image, drawn in order. */
export const batchNoiseSalt = 0x6e015e;

export interface GanParts {
  /** Noise in, image out: the layers up to the marked one, in order. */
  generate: (noise: Tf.Tensor, training: boolean) => Tf.Tensor;
  /** Image in, probability that it is real out: the layers after the marked one, in order. */
  judge: (images: Tf.Tensor, training: boolean) => Tf.Tensor;
  /** Each network's trainable weights; a frozen layer's are left out. */
  generatorVariables: Tf.Variable[];
  discriminatorVariables: Tf.Variable[];
  /** Numbers in one noise vector: the Input's size. */
  noiseSize: number;
}

/**
 * The two networks of a compiled GAN chain, as the chain's own layers called in graph order on
 * tensors: training either trains the whole model. Called on tensors, not wired into new models,
 * the layers gain no new uses, so nothing is left to release when the model goes. Null when the
 * graph has no single generator's end.
 */
export function ganParts(model: Tf.LayersModel, checked: CheckedGraph): GanParts | null {
  const { graph, gan: split } = checked;
  if (!split) return null;
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const layersOf = (ids: readonly string[]) =>
    ids.flatMap((id) => {
      const node = byId.get(id);
      return node && node.kind !== 'Input' ? [{ id, layer: model.getLayer(node.name) }] : [];
    });
  /** Calls `layers` in order, starting from `start` as the output of node `from`. */
  const run =
    (layers: ReturnType<typeof layersOf>, from: string, last: string) => (start: Tf.Tensor, training: boolean) => {
      const tensors = new Map<string, Tf.Tensor>([[from, start]]);
      for (const { id, layer } of layers) {
        const inputs = graph.wires
          .filter((wire) => wire.target === id)
          .map((wire) => tensors.get(wire.source))
          .filter((tensor) => tensor !== undefined);
        const output = layer.apply(inputs.length === 1 ? (inputs[0] as Tf.Tensor) : inputs, { training });
        tensors.set(id, (Array.isArray(output) ? output[0] : output) as Tf.Tensor);
      }
      return tensors.get(last) ?? start;
    };
  const variables = (layers: ReturnType<typeof layersOf>) =>
    layers.flatMap(({ layer }) => layer.trainableWeights.map((weight) => weight.read() as Tf.Variable));
  const generator = layersOf(split.generator);
  const discriminator = layersOf(split.discriminator);
  const input = split.generator[0] ?? '';
  return {
    generate: run(generator, input, split.end.id),
    judge: run(discriminator, split.end.id, split.discriminator.at(-1) ?? split.end.id),
    generatorVariables: variables(generator),
    discriminatorVariables: variables(discriminator),
    noiseSize: (model.inputs[0]?.shape ?? [])[1] ?? 0,
  };
}

/** `count` noise vectors of `size` standard normal numbers, row after row. */
export function drawNoise(normal: () => number, count: number, size: number): Float32Array {
  return Float32Array.from({ length: count * size }, normal);
}

/** The generator's image for one noise seed: what the playground shows for a typed seed. */
export function generateFromSeed(tf: TfModule, parts: GanParts, seed: number): Float32Array {
  const noise = drawNoise(createNormal(seed), 1, parts.noiseSize);
  const image = tf.tidy(() => parts.generate(tf.tensor2d(noise, [1, parts.noiseSize]), false));
  const pixels = image.dataSync() as Float32Array;
  image.dispose();
  return pixels;
}

/**
 * For each image, its nearest real image by mean squared difference: that image's index, and the
 * difference. A generator that learned the digits draws images close to real ones, of many
 * classes; one that collapsed draws the same few.
 */
export function nearestReal(
  images: Float32Array,
  count: number,
  real: Float32Array,
): { indices: number[]; distances: number[] } {
  const size = images.length / Math.max(count, 1);
  const realCount = real.length / size;
  const indices: number[] = [];
  const distances: number[] = [];
  for (let image = 0; image < count; image += 1) {
    let best = Infinity;
    let bestIndex = 0;
    for (let candidate = 0; candidate < realCount; candidate += 1) {
      let sum = 0;
      for (let pixel = 0; pixel < size && sum < best; pixel += 1) {
        const difference = (images[image * size + pixel] ?? 0) - (real[candidate * size + pixel] ?? 0);
        sum += difference * difference;
      }
      if (sum < best) {
        best = sum;
        bestIndex = candidate;
      }
    }
    indices.push(bestIndex);
    distances.push(best / size);
  }
  return { indices, distances };
}

/** The real images' pixels, as the nearest-image search reads them. */
function realPixels(dataset: Dataset): Float32Array {
  const values = dataset.x.values;
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

/**
 * The epoch's sample logs: `sample_distance`, the mean squared difference between each drawn
 * image and its nearest real image, and `sample_classes`, how many classes those nearest images
 * cover.
 */
export function sampleLogs(classes: readonly string[], distances: readonly number[]): Record<string, number> {
  const distance = distances.reduce((sum, value) => sum + value, 0) / Math.max(distances.length, 1);
  return { sample_distance: distance, sample_classes: new Set(classes).size };
}

/**
 * One step of one network: the loss, and the weights moved down its gradient. A network frozen
 * whole has no weights to move (tf.js would then move every variable): its loss is only measured.
 */
function learn(optimizer: Tf.Optimizer, loss: () => Tf.Scalar, variables: Tf.Variable[]): Tf.Scalar | null {
  return variables.length === 0 ? loss() : optimizer.minimize(loss, true, variables);
}

/** Keras' binary cross-entropy of probabilities: clipped to [1e-7, 1 − 1e-7], averaged. */
function binaryCrossentropy(tf: TfModule, target: number, probabilities: Tf.Tensor): Tf.Scalar {
  return tf.metrics.binaryCrossentropy(tf.fill(probabilities.shape, target), probabilities).mean() as Tf.Scalar;
}

/**
 * Trains a GAN chain on `dataset`'s real images. Validation and early stopping do not apply: the
 * losses of a GAN are a contest, not a measure of quality; the samples' logs are.
 */
export async function trainGan(
  tf: TfModule,
  model: Tf.LayersModel,
  checked: CheckedGraph,
  dataset: Dataset,
  settings: TrainingSettings,
  callbacks: TrainCallbacks = {},
): Promise<TrainingOutcome> {
  const now = callbacks.now ?? (() => Date.now());
  const parts = ganParts(model, checked);
  if (!parts) throw new Error('the graph has no single generator end');
  const { generate, judge, generatorVariables, discriminatorVariables, noiseSize } = parts;
  const discriminatorOptimizer = createOptimizer(tf, settings);
  const generatorOptimizer = createOptimizer(tf, settings);

  const samples = dataset.x.shape[0] ?? 0;
  const [height = 1, width = 1, channels = 1] = dataset.x.shape.slice(1);
  const batchesPerEpoch = Math.max(1, Math.ceil(samples / settings.batch_size));
  const real = toTensor(tf, dataset.x);
  const pixels = realPixels(dataset);
  const realClasses = dataset.images?.sampleClasses ?? [];
  const random = createRandom(saltedSeed(settings.seed, shuffleSalt));
  const normal = createNormal(saltedSeed(settings.seed, batchNoiseSalt));
  const fixedNoise = tf.tensor2d(
    drawNoise(createNormal(saltedSeed(settings.seed, sampleNoiseSalt)), ganSampleCount, noiseSize),
    [ganSampleCount, noiseSize],
  );
  const started = now();
  let step = 0;
  let samplesSeen = 0;
  let epochsCompleted = 0;
  let status: RunStatus = 'completed';
  let detail: string | undefined;
  let finalLogs: Record<string, number> = {};
  let lastGood = model.getWeights().map((weight) => weight.clone());

  try {
    for (let epoch = 0; epoch < settings.epochs && status === 'completed'; epoch += 1) {
      const epochStarted = now();
      const order = settings.shuffle
        ? shuffledIndices(samples, random)
        : Int32Array.from({ length: samples }, (_, i) => i);
      const sums = { d_loss: 0, g_loss: 0, d_accuracy: 0 };
      for (let batch = 0; batch < batchesPerEpoch; batch += 1) {
        const indices = order.subarray(batch * settings.batch_size, (batch + 1) * settings.batch_size);
        const size = indices.length;
        const noiseForD = drawNoise(normal, size, noiseSize);
        const noiseForG = drawNoise(normal, size, noiseSize);
        const [dLoss, dAccuracy, gLoss] = tf.tidy(() => {
          const images = tf.gather(real, tf.tensor1d(indices, 'int32'));
          const fake = generate(tf.tensor2d(noiseForD, [size, noiseSize]), true);
          let accuracy: Tf.Scalar = tf.scalar(0);
          // The discriminator: real images are 1, generated ones 0; only its weights move.
          const discriminatorLoss = learn(
            discriminatorOptimizer,
            () => {
              const onReal = judge(images, true);
              const onFake = judge(fake, true);
              accuracy = tf.keep(
                tf.add(tf.greater(onReal, 0.5).sum(), tf.lessEqual(onFake, 0.5).sum()).div(2 * size) as Tf.Scalar,
              );
              return binaryCrossentropy(tf, 1, onReal)
                .add(binaryCrossentropy(tf, 0, onFake))
                .mul(0.5) as Tf.Scalar;
            },
            discriminatorVariables,
          );
          // The generator: its images should be called real; only its weights move.
          const generatorLoss = learn(
            generatorOptimizer,
            () => {
              const made = generate(tf.tensor2d(noiseForG, [size, noiseSize]), true);
              return binaryCrossentropy(tf, 1, judge(made, true));
            },
            generatorVariables,
          );
          const read = [discriminatorLoss, accuracy, generatorLoss].map((value) => value?.dataSync()[0] ?? Number.NaN);
          // Kept past the gradient's own scope above; this one is done with it.
          accuracy.dispose();
          return read;
        });
        step += 1;
        if (callbacks.isInterrupted?.()) {
          status = 'interrupted';
          detail = 'the GPU context was lost';
          break;
        }
        if (!Number.isFinite(dLoss) || !Number.isFinite(gLoss)) {
          status = 'diverged';
          detail = `a loss became ${String(Number.isFinite(dLoss) ? gLoss : dLoss)} at epoch ${epoch + 1}, batch ${batch + 1}`;
          break;
        }
        sums.d_loss += dLoss ?? 0;
        sums.g_loss += gLoss ?? 0;
        sums.d_accuracy += dAccuracy ?? 0;
        samplesSeen += size;
        const elapsed = Math.max((now() - started) / 1000, 1e-6);
        callbacks.onBatch?.({
          epoch,
          batch,
          batchesPerEpoch,
          step,
          loss: dLoss ?? Number.NaN,
          metrics: { d_loss: dLoss ?? Number.NaN, g_loss: gLoss ?? Number.NaN, d_accuracy: dAccuracy ?? Number.NaN },
          samplesPerSecond: samplesSeen / elapsed,
          secondsLeft: ((settings.epochs * batchesPerEpoch - step) * elapsed) / step,
        });
        if (callbacks.shouldStop?.()) {
          status = 'stopped';
          break;
        }
        await callbacks.yieldToEventLoop?.();
      }
      if (status === 'diverged' || status === 'interrupted') break;
      // An epoch cut short by Stop still draws its samples: they are what the learner stopped to see.
      const drawnTensor = tf.tidy(() => generate(fixedNoise, false));
      const drawn = drawnTensor.dataSync() as Float32Array;
      drawnTensor.dispose();
      const nearest = nearestReal(drawn, ganSampleCount, pixels);
      const nearestClasses = nearest.indices.map((index) => realClasses[index] ?? '');
      const batches = status === 'stopped' ? Math.max(1, step - epoch * batchesPerEpoch) : batchesPerEpoch;
      const logs = {
        d_loss: sums.d_loss / batches,
        g_loss: sums.g_loss / batches,
        d_accuracy: sums.d_accuracy / batches,
        ...sampleLogs(nearestClasses, nearest.distances),
      };
      epochsCompleted = epoch + 1;
      finalLogs = logs;
      tf.dispose(lastGood);
      lastGood = model.getWeights().map((weight) => weight.clone());
      const update: EpochUpdate = {
        epoch,
        logs,
        samplesPerSecond: samples / Math.max((now() - epochStarted) / 1000, 1e-6),
        samples: { count: ganSampleCount, height, width, channels, values: drawn, nearest: nearestClasses },
      };
      callbacks.onEpoch?.(update);
    }
    if (status === 'diverged' || status === 'interrupted') model.setWeights(lastGood);
  } catch (thrown) {
    ({ status, detail } = thrownRun(thrown, model, lastGood, callbacks));
  } finally {
    tf.dispose([real, fixedNoise, ...lastGood]);
    discriminatorOptimizer.dispose();
    generatorOptimizer.dispose();
  }
  return runOutcome({ status, epochsCompleted, finalLogs, samplesSeen, seconds: (now() - started) / 1000, detail });
}

/**
 * The playground's question to a trained GAN: a noise seed. The answer is the generator's image
 * from that noise, how real the discriminator finds it, and the nearest real image.
 */
export function askGan(
  tf: TfModule,
  model: Tf.LayersModel,
  checked: CheckedGraph,
  dataset: Dataset,
  text: string,
): { ok: true; answer: Answer } | { ok: false; problem: Localized } {
  const trimmed = text.trim();
  const seed = /^\d{1,10}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (!Number.isSafeInteger(seed) || seed > 2 ** 31 - 1) {
    return {
      ok: false,
      problem: {
        en: `Type a noise seed: a whole number from 0 to 2147483647, not “${trimmed.slice(0, 40)}”. Each seed draws other noise, and so another image.`,
        es: `Escribe una semilla de ruido: un número entero de 0 a 2147483647, no «${trimmed.slice(0, 40)}». Cada semilla genera otro ruido, y por tanto otra imagen.`,
      },
    };
  }
  const parts = ganParts(model, checked);
  if (!parts) return { ok: false, problem: { en: 'This network is not a GAN.', es: 'Esta red no es una GAN.' } };
  const image = generateFromSeed(tf, parts, seed);
  const verdict = tf.tidy(
    () => parts.judge(tf.tensor(image, [1, ...dataset.x.shape.slice(1)]), false).dataSync()[0] ?? Number.NaN,
  );
  const real = realPixels(dataset);
  const nearest = nearestReal(image, 1, real);
  const index = nearest.indices[0] ?? 0;
  return {
    ok: true,
    answer: {
      kind: 'sample',
      output: Array.from(image),
      realness: verdict,
      nearest: {
        label: dataset.images?.sampleClasses[index] ?? '',
        distance: nearest.distances[0] ?? Number.NaN,
        image: Array.from(real.subarray(index * image.length, (index + 1) * image.length)),
      },
    },
  };
}
