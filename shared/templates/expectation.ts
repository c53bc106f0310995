/**
 * Does a trained network give a lesson's result? Used by the template tests, the command line and
 * the lesson panel alike. Reads nothing but its arguments.
 */
import type * as Tf from '@tensorflow/tfjs';
import type { Dataset } from '../data/build.js';
import type { DataSpec } from '../data/spec.js';
import type { TfModule } from '../layers/types.js';
import { decodeAnswer, encodeQuery, predictOne } from '../training/predict.js';
import type { Expectation } from './template.js';

export interface ExpectationCheck {
  met: boolean;
  /** What the network answered, as the playground shows it ("l", "9.912"). */
  answer: string;
  /** Each requirement with whether it held, for a readable test failure. */
  details: string[];
}

export function checkExpectation(
  tf: TfModule,
  model: Tf.LayersModel,
  data: DataSpec,
  dataset: Dataset,
  expected: Expectation,
  finalLogs: Record<string, number>,
): ExpectationCheck {
  const details: string[] = [];
  let met = true;
  const query = encodeQuery(data, dataset, expected.input);
  if (!query.ok)
    return { met: false, answer: '', details: [`the input ${expected.input} cannot be encoded: ${query.problem.en}`] };
  const answer = decodeAnswer(dataset, predictOne(tf, model, query.values, query.shape), query.values);
  const shown =
    answer.kind === 'classes'
      ? (answer.top[0]?.label ?? '')
      : answer.kind === 'image'
        ? answer.error.toFixed(4)
        : answer.value.toFixed(3);
  if (expected.answer !== undefined) {
    const ok = answer.kind === 'classes' && answer.top[0]?.label === expected.answer;
    met &&= ok;
    details.push(`answer ${JSON.stringify(shown)} ${ok ? '=' : '≠'} ${JSON.stringify(expected.answer)}`);
  }
  if (expected.value !== undefined) {
    // A number's range, or for an autoencoder the range of its reconstruction error.
    const value = answer.kind === 'value' ? answer.value : answer.kind === 'image' ? answer.error : Number.NaN;
    const ok = value >= expected.value.min && value <= expected.value.max;
    met &&= ok;
    details.push(`value ${shown} ${ok ? 'in' : 'outside'} [${expected.value.min}, ${expected.value.max}]`);
  }
  if (expected.metric !== undefined) {
    const value = finalLogs[expected.metric.name];
    const ok =
      value !== undefined &&
      (expected.metric.atLeast === undefined || value >= expected.metric.atLeast) &&
      (expected.metric.atMost === undefined || value <= expected.metric.atMost);
    met &&= ok;
    details.push(`${expected.metric.name} ${value ?? 'missing'} ${ok ? 'meets' : 'misses'} the target`);
  }
  return { met, answer: shown, details };
}
