/**
 * Building blocks of shape inference shared by several layer kinds, with Keras' arithmetic.
 * Reads nothing but its arguments.
 */
import type { LayerIssue, ProblemValues } from '../vocabulary/problems.js';
import { formatShape, type Shape } from '../vocabulary/shape.js';
import type { Localized } from '../vocabulary/localized.js';
import type { ShapeResult } from './types.js';

export function ok(shape: Shape, warnings?: LayerIssue[]): ShapeResult {
  return warnings && warnings.length > 0 ? { ok: true, shape, warnings } : { ok: true, shape };
}

export function fail(issue: LayerIssue): ShapeResult {
  return { ok: false, issue };
}

/**
 * Refuses an input whose rank (batch axis included) is not `rank`, saying what the layer needs
 * and how to get there. Returns null when the rank is right.
 */
export function expectRank(
  kind: string,
  input: Shape,
  rank: number,
  expected: Localized,
  hint: Localized,
): ShapeResult | null {
  if (input.length === rank) return null;
  const values: ProblemValues = {
    kind,
    shape: formatShape(input),
    expectedEn: expected.en,
    expectedEs: expected.es,
    hintEn: hint.en,
    hintEs: hint.es,
  };
  return fail({ code: 'shape.wrong-rank', values });
}

/** Refuses an input with an unknown size on an axis the layer needs (other than the batch). */
export function expectKnown(kind: string, input: Shape, axes: readonly number[]): ShapeResult | null {
  return axes.some((axis) => input[axis] === null || input[axis] === undefined)
    ? fail({ code: 'shape.unknown-dimension', values: { kind, shape: formatShape(input) } })
    : null;
}

export type Padding = 'valid' | 'same';

/**
 * Output length of a sliding window (convolution, pooling) over `size` positions, as Keras'
 * `conv_output_length` computes it; zero or less means the window does not fit.
 */
export function windowOutputLength(size: number, window: number, stride: number, padding: Padding): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

/** Output length of a transposed convolution (Keras' `deconv_output_length`, no output padding). */
export function transposedOutputLength(size: number, window: number, stride: number, padding: Padding): number {
  return padding === 'same' ? size * stride : size * stride + Math.max(window - stride, 0);
}

const axisNames: Record<number, Localized> = {
  1: { en: 'the first axis', es: 'el primer eje' },
  2: { en: 'the second axis', es: 'el segundo eje' },
};

/**
 * Slides windows over the spatial axes `1..window.length` of `input`, refusing a window that does
 * not fit with the fix "padding same" (which always fits). Returns the spatial output lengths,
 * null where the input's length is unknown.
 */
export function slideWindows(
  input: Shape,
  window: readonly number[],
  strides: readonly number[],
  padding: Padding,
  param: 'kernel_size' | 'pool_size',
): { ok: true; lengths: (number | null)[] } | { ok: false; result: ShapeResult } {
  const lengths: (number | null)[] = [];
  for (let axis = 0; axis < window.length; axis += 1) {
    const size = input[axis + 1];
    const length =
      size === null || size === undefined
        ? null
        : windowOutputLength(size, window[axis] ?? 1, strides[axis] ?? 1, padding);
    if (length !== null && length <= 0) {
      const axisName = axisNames[axis + 1] ?? { en: `axis ${axis + 1}`, es: `el eje ${axis + 1}` };
      return {
        ok: false,
        result: fail({
          code: 'shape.window-too-big',
          param,
          values: {
            param,
            window: window.length === 1 ? String(window[0]) : `(${window.join(', ')})`,
            shape: formatShape(input),
            size: length,
            axisEn: axisName.en,
            axisEs: axisName.es,
          },
          fix: { kind: 'set-param', param: 'padding', value: 'same' },
        }),
      };
    }
    lengths.push(length);
  }
  return { ok: true, lengths };
}

/** Expected-input texts, reused by the layers that take the same kind of tensor. */
export const expects = {
  sequence: {
    en: 'a sequence (batch, time, features)',
    es: 'una secuencia (lote, tiempo, características)',
  },
  image: {
    en: 'an image (batch, height, width, channels)',
    es: 'una imagen (lote, alto, ancho, canales)',
  },
  vector: { en: 'a vector per sample (batch, features)', es: 'un vector por muestra (lote, características)' },
  atLeastVector: { en: 'at least (batch, features)', es: 'al menos (lote, características)' },
  tokens: { en: 'token indices (batch, time)', es: 'índices de tokens (lote, tiempo)' },
} as const satisfies Record<string, Localized>;

export const hints = {
  toSequence: {
    en: 'Reshape the data into (time, features), or set return_sequences on a recurrent layer before it.',
    es: 'Usa Reshape para darle forma (tiempo, características), o activa return_sequences en una capa recurrente anterior.',
  },
  toImage: {
    en: 'Give the Input a shape (height, width, channels), e.g. 28, 28, 1, or Reshape to one.',
    es: 'Da al Input una forma (alto, ancho, canales), p. ej. 28, 28, 1, o usa Reshape.',
  },
  toVector: {
    en: 'Put a Flatten or a global pooling layer before it.',
    es: 'Pon antes un Flatten o una capa de pooling global.',
  },
  toTokens: {
    en: 'Give the Input one axis of token indices, e.g. shape 10 with dtype int32.',
    es: 'Da al Input un solo eje de índices de tokens, p. ej. forma 10 con dtype int32.',
  },
  none: { en: '', es: '' },
} as const satisfies Record<string, Localized>;

/** Refuses an input with an unknown size on any axis but the batch (Flatten, Reshape). */
export function expectAllKnown(kind: string, input: Shape): ShapeResult | null {
  return expectKnown(
    kind,
    input,
    input.map((_dim, axis) => axis).filter((axis) => axis > 0),
  );
}

/** `(None, 4) + (None, 5)`: the shapes a merge layer gets, for its messages. */
export function joinShapes(shapes: readonly Shape[]): string {
  return shapes.map(formatShape).join(' + ');
}

/** The product of known sizes; null if any is unknown. */
export function product(dims: readonly (number | null)[]): number | null {
  let total = 1;
  for (const dim of dims) {
    if (dim === null) return null;
    total *= dim;
  }
  return total;
}
