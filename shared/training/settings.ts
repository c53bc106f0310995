/**
 * Training settings: optimiser, loss, metrics, epochs, batch, validation, early stopping. Each is
 * a parameter spec like a layer's, so the training panel refuses a bad value at its field with the
 * allowed range, exactly as the inspector does. Reads nothing but its arguments.
 */
import { z } from 'zod';
import type { Dataset } from '../data/build.js';
import { bool, choice, defaultParams, float, int, type ParamValues } from '../layers/params.js';

export const optimizers = ['adam', 'sgd', 'rmsprop', 'adagrad'] as const;
export const losses = [
  'sparse_categorical_crossentropy',
  'categorical_crossentropy',
  'binary_crossentropy',
  'mean_squared_error',
  'mean_absolute_error',
] as const;
export const metricNames = ['accuracy', 'mae', 'mse'] as const;
export type Loss = (typeof losses)[number];
export type MetricName = (typeof metricNames)[number];

export const trainingParams = {
  optimizer: choice({
    options: optimizers,
    default: 'adam',
    description: { en: 'How the weights move after each batch.', es: 'Cómo se mueven los pesos tras cada lote.' },
  }),
  learning_rate: float({
    default: 0.001,
    min: 0,
    max: 10,
    minExclusive: true,
    description: {
      en: 'Size of each step; Keras uses 0.001 for Adam.',
      es: 'Tamaño de cada paso; Keras usa 0,001 con Adam.',
    },
  }),
  momentum: float({
    default: 0,
    min: 0,
    max: 1,
    maxExclusive: true,
    description: {
      en: 'SGD only: how much of the last step carries over.',
      es: 'Solo SGD: cuánto del último paso se conserva.',
    },
  }),
  loss: choice({
    options: losses,
    default: 'mean_squared_error',
    description: {
      en: 'What training minimises; suggested from the output layer and the targets.',
      es: 'Lo que el entrenamiento minimiza; se sugiere según la capa de salida y los objetivos.',
    },
  }),
  epochs: int({
    default: 100,
    max: 100_000,
    description: { en: 'Passes over the whole dataset.', es: 'Pasadas por todo el conjunto de datos.' },
  }),
  batch_size: int({
    default: 32,
    max: 65_536,
    description: { en: 'Samples per weight update.', es: 'Muestras por cada actualización de pesos.' },
  }),
  validation_split: float({
    default: 0,
    min: 0,
    max: 1,
    maxExclusive: true,
    description: {
      en: 'Fraction of the samples, taken from the end, held out to check the model.',
      es: 'Fracción de las muestras, tomada del final, que se reserva para comprobar el modelo.',
    },
  }),
  shuffle: bool({
    default: true,
    description: { en: 'Shuffle the samples before each epoch.', es: 'Baraja las muestras antes de cada época.' },
  }),
  seed: int({
    default: 42,
    min: 0,
    max: 2_147_483_647,
    description: {
      en: 'Seeds the starting weights, so a run can be repeated.',
      es: 'Fija los pesos iniciales, para poder repetir un entrenamiento.',
    },
  }),
  early_stopping: bool({
    default: false,
    description: {
      en: 'Stop when the monitored loss stops improving.',
      es: 'Para cuando la pérdida vigilada deja de mejorar.',
    },
  }),
  patience: int({
    default: 10,
    max: 100_000,
    description: {
      en: 'Epochs without improvement before early stopping.',
      es: 'Épocas sin mejora antes de parar antes de tiempo.',
    },
  }),
  restore_best_weights: bool({
    default: true,
    description: {
      en: 'After early stopping, go back to the best epoch’s weights.',
      es: 'Tras parar antes de tiempo, vuelve a los pesos de la mejor época.',
    },
  }),
} as const;

export const trainingSettingsSchema = z
  .object({
    ...Object.fromEntries(Object.entries(trainingParams).map(([name, spec]) => [name, spec.schema])),
    metrics: z.array(z.enum(metricNames)).max(metricNames.length),
  })
  .strict();

export type TrainingSettings = ParamValues<typeof trainingParams> & { metrics: MetricName[] };

export const defaultTrainingSettings: TrainingSettings = { ...defaultParams(trainingParams), metrics: [] };

/** The loss and metrics that fit the targets and the output layer's activation. */
export function suggestLoss(
  target: Dataset['target'],
  outputActivation: string | null,
  outputUnits: number | null,
): Pick<TrainingSettings, 'loss' | 'metrics'> {
  if (target.kind === 'class') {
    // One sigmoid unit can tell two classes apart: binary cross-entropy. More classes need one unit each.
    if (target.labels.length <= 2 && outputActivation === 'sigmoid' && outputUnits === 1)
      return { loss: 'binary_crossentropy', metrics: ['accuracy'] };
    return { loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] };
  }
  return { loss: 'mean_squared_error', metrics: ['mae'] };
}

/** Settings read back from a file or message: unknown or bad values are replaced by defaults. */
export function parseTrainingSettings(value: unknown): TrainingSettings | null {
  const parsed = trainingSettingsSchema.safeParse(value);
  return parsed.success ? (parsed.data as TrainingSettings) : null;
}
