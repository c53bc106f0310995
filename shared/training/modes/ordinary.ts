/** The ordinary mode: one network, trained on inputs and targets, asked about one sample at a time. */
import { checkOrdinaryFit } from '../fit-check.js';
import { decodeAnswer, encodeQuery, predictOne } from '../predict.js';
import { trainModel } from '../train.js';
import { evaluateTestSplit } from '../test-split.js';
import type { TrainingMode } from './mode.js';

export const ordinaryMode: TrainingMode = {
  id: 'ordinary',
  applies: () => true,
  checkFit: checkOrdinaryFit,
  async train(tf, model, _checked, dataset, settings, callbacks) {
    const outcome = await trainModel(tf, model, dataset, settings, callbacks);
    // The test split is measured once, on the weights the run ends with.
    const test = outcome.status === 'failed' ? null : evaluateTestSplit(tf, model, dataset);
    return test ? { ...outcome, test } : outcome;
  },
  ask(tf, model, _checked, data, dataset, text, top) {
    const query = encodeQuery(data, dataset, text);
    if (!query.ok) return query;
    const output = predictOne(tf, model, dataset, query.values, query.shape);
    return { ok: true, answer: decodeAnswer(dataset, output, query.values, top) };
  },
  question: 'question',
  answersQuestions: true,
};
