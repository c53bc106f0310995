/**
 * Dataset recipes: how the inputs and targets a network trains on are made from raw data. A
 * recipe is plain data (saved in projects and templates); `buildDataset` turns it into tensors'
 * values. Reads nothing but its arguments.
 */
import { z } from 'zod';

/** Longest text or sequence a recipe may hold: beyond this a project file stops being small. */
export const maxRawLength = 1_000_000;

export const textNextCharSpec = z
  .object({
    kind: z.literal('text-next-char'),
    /** The raw text; its characters, sorted, are the vocabulary. */
    text: z.string().min(1).max(maxRawLength),
    /** How many characters the network sees before guessing the next one. */
    window: z.number().int().min(1).max(512),
  })
  .strict();

export const sequenceNextValueSpec = z
  .object({
    kind: z.literal('sequence-next-value'),
    values: z.array(z.number().finite()).min(2).max(maxRawLength),
    window: z.number().int().min(1).max(512),
    /**
     * `none` feeds the numbers as they are (the course's exercise); `max` divides inputs and
     * targets by the largest absolute value, and predictions are scaled back.
     */
    scale: z.enum(['none', 'max']),
  })
  .strict();

/** Most inputs a table may have, and most rows: a lesson's table, typed or pasted by hand. */
export const maxTableColumns = 16;
export const maxTableRows = 10_000;

export const tableSpec = z
  .object({
    kind: z.literal('table'),
    /** The inputs' names, one per column; each row holds these inputs, then the target. */
    columns: z.array(z.string().min(1).max(64)).min(1).max(maxTableColumns),
    /** Each row: the inputs in column order, then the target. Ragged rows are refused by the build. */
    rows: z
      .array(z.array(z.number().finite()).max(maxTableColumns + 1))
      .min(1)
      .max(maxTableRows),
    /** `class`: the targets' distinct values, sorted, are the classes; `value`: a number to predict. */
    target: z.enum(['class', 'value']),
  })
  .strict();

/** Images LayerLab ships; each is described where its pixels are (`images.ts`). */
export const imageSources = ['digits-8x8'] as const;

export const imagesSpec = z
  .object({
    kind: z.literal('images'),
    source: z.enum(imageSources),
    /**
     * `classify`: the target is the image's class; `reconstruct`: the target is the image itself;
     * `generate`: the images are the real ones a GAN's generator learns to imitate.
     */
    task: z.enum(['classify', 'reconstruct', 'generate']),
    /**
     * The classes to train on, all when absent. For `reconstruct` the others are kept aside as the
     * unusual images an autoencoder should reconstruct badly (anomaly detection).
     */
    classes: z.array(z.number().int().min(0).max(9)).min(1).max(10).optional(),
    /** Use only the first `limit` images (of the classes kept): fewer train faster, and overfit. */
    limit: z.number().int().min(10).max(10_000).optional(),
    /**
     * Skip the first `offset` images (of the classes kept), so a lesson can learn from images that
     * another lesson, which took the first ones, never saw.
     */
    offset: z.number().int().min(0).max(10_000).optional(),
    /**
     * Classify into these groups of classes instead of the classes themselves (`even`: 0, 2, 4, 6,
     * 8). Images of classes in no group are left out. Instead of `classes`, and only to classify.
     */
    groups: z
      .array(
        z
          .object({
            name: z.string().min(1).max(32),
            classes: z.array(z.number().int().min(0).max(9)).min(1).max(10),
          })
          .strict(),
      )
      .min(2)
      .max(10)
      .optional(),
  })
  .strict();

/** The seed of a generated recipe: the same seed draws the same data. */
const generatorSeed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

/** How many sequences a generated recipe draws. */
const generatedSamples = z.number().int().min(10).max(10_000);

/**
 * Remember the first symbol: sequences of random symbols, and the target is the one they started
 * with. The longer the sequence, the further back the network must carry it: a long-range
 * dependency, generated from a seed.
 */
export const recallSpec = z
  .object({
    kind: z.literal('recall'),
    /** Steps per sequence; the symbol to remember is the first. */
    length: z.number().int().min(2).max(200),
    /** How many different symbols: A, B, C… */
    symbols: z.number().int().min(2).max(10),
    samples: generatedSamples,
    seed: generatorSeed,
  })
  .strict();

/**
 * The adding problem (Hochreiter and Schmidhuber, 1997): sequences of random numbers in [0, 1),
 * two of them marked, one in each half; the target is the sum of the two marked numbers. The
 * network must keep the first marked number through every step after it: a long-range
 * dependency that a plain RNN forgets and gated cells keep. Generated from a seed.
 */
export const addingSpec = z
  .object({
    kind: z.literal('adding'),
    /** Steps per sequence. */
    length: z.number().int().min(4).max(200),
    samples: generatedSamples,
    seed: generatorSeed,
  })
  .strict();

/**
 * Short labelled texts, classified word by word: each text becomes the indices of its words in a
 * vocabulary made from all the texts, for an Embedding to read.
 */
export const textClassSpec = z
  .object({
    kind: z.literal('text-class'),
    examples: z
      .array(z.object({ text: z.string().min(1).max(2000), label: z.string().min(1).max(64) }).strict())
      .min(2)
      .max(10_000),
    /** Words read per text: longer texts keep their last words, shorter ones are padded with 0 in front. */
    length: z.number().int().min(1).max(500),
  })
  .strict();

export const dataSpecSchema = z.discriminatedUnion('kind', [
  textNextCharSpec,
  sequenceNextValueSpec,
  tableSpec,
  imagesSpec,
  recallSpec,
  textClassSpec,
  addingSpec,
]);
export type DataSpec = z.infer<typeof dataSpecSchema>;
export type DataKind = DataSpec['kind'];

export const defaultDataSpecs: { [K in DataKind]: Extract<DataSpec, { kind: K }> } = {
  'text-next-char': { kind: 'text-next-char', text: 'hello world', window: 3 },
  'sequence-next-value': {
    kind: 'sequence-next-value',
    values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    window: 3,
    scale: 'none',
  },
  table: {
    kind: 'table',
    columns: ['x1', 'x2'],
    rows: [
      [0, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [1, 1, 1],
    ],
    target: 'class',
  },
  images: { kind: 'images', source: 'digits-8x8', task: 'classify' },
  recall: { kind: 'recall', length: 20, symbols: 4, samples: 800, seed: 7 },
  adding: { kind: 'adding', length: 25, samples: 1000, seed: 7 },
  'text-class': {
    kind: 'text-class',
    examples: [
      { text: 'a wonderful film', label: 'positive' },
      { text: 'a dull and boring film', label: 'negative' },
    ],
    length: 8,
  },
};
