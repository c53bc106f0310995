/**
 * The tf.js layers-model `model.json`: the standard file `tf.loadLayersModel` reads, its weights
 * manifest, and the schema an imported one is first checked against. Reads nothing but its
 * arguments.
 */
import { z } from 'zod';

/** The `format` tf.js writes for a layers model (a converted TensorFlow graph says `graph-model`). */
export const layersModelFormat = 'layers-model';

/** The weight file an export writes beside its model.json. */
export const weightsFileName = 'weights.bin';

/** One weight in the manifest, in the order its values follow one another in the group's files. */
export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** What `exportTfjsModel` writes: the model.json tf.js' own `model.save` would write. */
export interface TfjsModelJson {
  format: typeof layersModelFormat;
  generatedBy: string;
  convertedBy: null;
  /** The model's topology as `model.toJSON()` gives it: class_name, config, keras_version, backend. */
  modelTopology: object;
  weightsManifest: [{ paths: [typeof weightsFileName]; weights: WeightSpec[] }];
}

/** Most dimensions a weight's shape may have in a file LayerLab reads (its own weights have four). */
const maxRank = 8;

const weightSpecSchema = z.object({
  name: z.string().min(1).max(500),
  // Sizes are checked against the budget before anything is read: whole numbers only here.
  shape: z.array(z.number().int().min(0)).max(maxRank),
  dtype: z.string().max(32).optional(),
  quantization: z.unknown().optional(),
});

const weightGroupSchema = z.object({
  paths: z.array(z.string().max(1000)).max(10_000),
  weights: z.array(weightSpecSchema).max(100_000),
});

/** The outer fields of any model.json; the topology inside is read layer by layer afterwards. */
export const modelJsonSchema = z.object({
  format: z.string().max(100).optional(),
  generatedBy: z.string().max(1000).nullish(),
  convertedBy: z.string().max(1000).nullish(),
  modelTopology: z.record(z.string(), z.unknown()),
  weightsManifest: z.array(weightGroupSchema).max(10_000).optional(),
});

export type ImportedModelJson = z.infer<typeof modelJsonSchema>;
export type ManifestGroup = z.infer<typeof weightGroupSchema>;
export type ManifestWeight = z.infer<typeof weightSpecSchema>;
