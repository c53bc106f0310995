/**
 * Does a trained network give a lesson's result? Used by the template tests, the command line and
 * the lesson panel alike. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/build.js';
import type { DataSpec } from '../data/spec.js';
import type { TrainingMode } from '../training/modes/index.js';
import type { TfModule } from '../layers/types.js';
import { decodeAnswer, encodeQuery, predictOne } from '../training/predict.js';
import type { Expectation } from './template.js';

/** One requirement of a lesson, with what the run gave: for the lesson panel to show. */
export type ExpectationItem =
  | { kind: 'answer'; input: string; got: string; expected: string; ok: boolean }
  | { kind: 'value'; input: string; got: number; min: number; max: number; ok: boolean }
  | { kind: 'metric'; name: string; got: number | null; atLeast?: number; atMost?: number; ok: boolean };

export interface ExpectationCheck {
  met: boolean;
  /** What the network answered, as the playground shows it ("l", "9.912"). */
  answer: string;
  /** Each requirement with whether it held, in English, for the terminal and test failures. */
  details: string[];
  /** The same requirements as data. */
  items: ExpectationItem[];
}

export function checkExpectation(
  tf: TfModule,
  model: Tf.LayersModel,
  mode: Pick<TrainingMode, 'answersQuestions'>,
  data: DataSpec,
  dataset: Dataset,
  expected: Expectation,
  finalLogs: Record<string, number>,
): ExpectationCheck {
  const details: string[] = [];
  let met = true;
  // A GAN answers no question: what it draws is judged by the samples' logs (a metric).
  if (!mode.answersQuestions) {
    if (expected.answer !== undefined || expected.value !== undefined) {
      return {
        met: false,
        answer: '',
        details: ['a GAN lesson expects a metric of its samples, not an answer'],
        items: [],
      };
    }
    return { ...checkMetrics(expected, finalLogs), answer: '' };
  }
  const query = encodeQuery(data, dataset, expected.input);
  if (!query.ok)
    return {
      met: false,
      answer: '',
      details: [`the input ${expected.input} cannot be encoded: ${query.problem.en}`],
      items: [],
    };
  const items: ExpectationItem[] = [];
  const answer = decodeAnswer(dataset, predictOne(tf, model, dataset, query.values, query.shape), query.values);
  const shown =
    answer.kind === 'classes'
      ? (answer.top[0]?.label ?? '')
      : answer.kind === 'image'
        ? answer.error.toFixed(4)
        : answer.kind === 'value'
          ? answer.value.toFixed(3)
          : '';
  if (expected.answer !== undefined) {
    const ok = answer.kind === 'classes' && answer.top[0]?.label === expected.answer;
    met &&= ok;
    items.push({ kind: 'answer', input: expected.input, got: shown, expected: expected.answer, ok });
    details.push(`answer ${JSON.stringify(shown)} ${ok ? '=' : '≠'} ${JSON.stringify(expected.answer)}`);
  }
  if (expected.value !== undefined) {
    // A number's range, or for an autoencoder the range of its reconstruction error.
    const value = answer.kind === 'value' ? answer.value : answer.kind === 'image' ? answer.error : Number.NaN;
    const ok = value >= expected.value.min && value <= expected.value.max;
    met &&= ok;
    items.push({
      kind: 'value',
      input: expected.input,
      got: value,
      min: expected.value.min,
      max: expected.value.max,
      ok,
    });
    details.push(`value ${shown} ${ok ? 'in' : 'outside'} [${expected.value.min}, ${expected.value.max}]`);
  }
  const metrics = checkMetrics(expected, finalLogs);
  return {
    met: met && metrics.met,
    answer: shown,
    details: [...details, ...metrics.details],
    items: [...items, ...metrics.items],
  };
}

/** The metrics of the last epoch a lesson must reach, each with whether it did. */
export function checkMetrics(
  expected: Pick<Expectation, 'metric' | 'alsoMetrics'>,
  finalLogs: Readonly<Record<string, number>>,
): { met: boolean; details: string[]; items: ExpectationItem[] } {
  let met = true;
  const details: string[] = [];
  const items: ExpectationItem[] = [];
  for (const target of [...(expected.metric ? [expected.metric] : []), ...(expected.alsoMetrics ?? [])]) {
    const value = finalLogs[target.name];
    const ok =
      value !== undefined &&
      (target.atLeast === undefined || value >= target.atLeast) &&
      (target.atMost === undefined || value <= target.atMost);
    met &&= ok;
    details.push(`${target.name} ${value ?? 'missing'} ${ok ? 'meets' : 'misses'} the target`);
    items.push({
      kind: 'metric',
      name: target.name,
      got: value ?? null,
      ...(target.atLeast === undefined ? {} : { atLeast: target.atLeast }),
      ...(target.atMost === undefined ? {} : { atMost: target.atMost }),
      ok,
    });
  }
  return { met, details, items };
}
