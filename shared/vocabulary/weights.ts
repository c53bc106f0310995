/**
 * A trained model's weights inside a project file: each tensor's shape and its float32 values,
 * little-endian, in base64, in `model.getWeights()` order, with the run that made them. Reads
 * nothing but its arguments.
 */
import { z } from 'zod';
import { base64ByteLength, decodeBase64, encodeBase64, isBase64 } from './base64.js';
import { isAllowedKey, refusedKeyMessage } from './safe-json.js';
import { maxProjectWeights } from './project-format.js';

/** Most values a project may carry: the one limit on a network's weights (project-format.ts). */
export const maxTrainedValues = maxProjectWeights;

const bytesPerValue = 4;
const maxBase64Length = Math.ceil((maxTrainedValues * bytesPerValue) / 3) * 4;

const sizeOf = (shape: readonly number[]) => shape.reduce((product, size) => product * size, 1);

const weightSchema = z
  .object({
    shape: z.array(z.number().int().positive()).max(8),
    values: z.string().max(maxBase64Length),
  })
  .strict();

export const trainedSchema = z
  .object({
    weights: z.array(weightSchema).max(100_000),
    /** Epochs the weights were trained for. */
    epochs: z.number().int().min(0),
    /** The last epoch's logs: loss and metrics. */
    logs: z.record(z.string().max(64).refine(isAllowedKey, refusedKeyMessage), z.number().finite()),
    /** The tf.js backend that trained them. */
    backend: z.string().min(1).max(32),
  })
  .strict()
  .superRefine((trained, context) => checkWeights(trained.weights, context));

/** A weight's values against its shape: null when they agree. */
function valuesProblem(weight: z.infer<typeof weightSchema>): string | null {
  if (!isBase64(weight.values)) return 'not base64';
  const values = base64ByteLength(weight.values) / bytesPerValue;
  if (values !== sizeOf(weight.shape)) return `${values} values for a shape of ${sizeOf(weight.shape)}`;
  return nonFiniteProblem(weight.values);
}

/**
 * A NaN or an infinity among the values: a network that starts from one only ever answers NaN,
 * so a file holding one is refused where it is read, naming the value.
 */
function nonFiniteProblem(values: string): string | null {
  const bytes = decodeBase64(values);
  if (!bytes) return 'not base64';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let index = 0; index < bytes.length / bytesPerValue; index += 1) {
    const value = view.getFloat32(index * bytesPerValue, true);
    if (!Number.isFinite(value)) return `value ${index} is ${value}; weights must be finite numbers`;
  }
  return null;
}

/** A layer's carried weights (graph/types.ts `CarriedWeights`), as a project file holds them. */
export const carriedWeightsSchema = z
  .object({
    from: z.string().min(1).max(200),
    weights: z.array(weightSchema).max(64),
  })
  .strict()
  .superRefine((carried, context) => checkWeights(carried.weights, context));

/**
 * Sizes first, from the shapes alone, so an absurd file is refused before its text is read; then
 * each weight's values against its shape, named by its index.
 */
function checkWeights(weights: readonly z.infer<typeof weightSchema>[], context: z.RefinementCtx): void {
  const total = weightCount(weights);
  if (total > maxTrainedValues) {
    context.addIssue({
      code: 'custom',
      message: `${total.toLocaleString('en-US')} weights, more than the ${maxTrainedValues.toLocaleString('en-US')} a project may hold`,
      path: ['weights'],
    });
    return;
  }
  weights.forEach((weight, index) => {
    const problem = valuesProblem(weight);
    if (problem) context.addIssue({ code: 'custom', message: problem, path: ['weights', index, 'values'] });
  });
}

/** How many numbers the weights hold, from their shapes. */
export function weightCount(weights: readonly { shape: readonly number[] }[]): number {
  return weights.reduce((sum, weight) => sum + sizeOf(weight.shape), 0);
}

export type Trained = z.infer<typeof trainedSchema>;
export type EncodedWeight = Trained['weights'][number];

/** One weight tensor's values, as `tensor.dataSync()` gives them. */
export interface WeightData {
  shape: readonly number[];
  values: ArrayLike<number>;
}

/** Weights as a project stores them. */
export function encodeWeights(weights: readonly WeightData[]): EncodedWeight[] {
  return weights.map((weight) => {
    const bytes = new Uint8Array(weight.values.length * bytesPerValue);
    const view = new DataView(bytes.buffer);
    for (let index = 0; index < weight.values.length; index += 1)
      view.setFloat32(index * bytesPerValue, weight.values[index] ?? 0, true);
    return { shape: [...weight.shape], values: encodeBase64(bytes) };
  });
}

/** The weights of a parsed project, ready for `tf.tensor(values, shape)`. */
export function decodeWeights(trained: Pick<Trained, 'weights'>): { shape: number[]; values: Float32Array }[] {
  return trained.weights.map((weight, position) => {
    const bytes = decodeBase64(weight.values);
    // trainedSchema has checked both; failing here means the caller skipped it.
    if (!bytes || bytes.length !== sizeOf(weight.shape) * bytesPerValue)
      throw new Error(`weight ${position} is not valid: parse the project with parseProject first`);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const values = new Float32Array(bytes.length / bytesPerValue);
    for (let index = 0; index < values.length; index += 1) values[index] = view.getFloat32(index * bytesPerValue, true);
    return { shape: [...weight.shape], values };
  });
}
