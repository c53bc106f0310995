/** The ordinary mode: one network, trained on inputs and targets, asked about one sample at a time. */
import { checkOrdinaryFit } from '../fit-check.js';
import { answerOf, encodeQuery } from '../predict.js';
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
    return { ok: true, answer: answerOf(tf, model, dataset, query.values, query.shape, top) };
  },
  question: 'question',
  answersQuestions: true,
};
