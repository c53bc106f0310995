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

export const dataSpecSchema = z.discriminatedUnion('kind', [textNextCharSpec, sequenceNextValueSpec]);
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
};
