/** The ordinary mode: one network, trained on inputs and targets, asked about one sample at a time. */
import { checkOrdinaryFit } from '../fit-check.js';
import { decodeAnswer, encodeQuery, predictOne } from '../predict.js';
import { trainModel } from '../train.js';
import type { TrainingMode } from './mode.js';

export const ordinaryMode: TrainingMode = {
  id: 'ordinary',
  applies: () => true,
  checkFit: checkOrdinaryFit,
  train: (tf, model, _checked, dataset, settings, callbacks) => trainModel(tf, model, dataset, settings, callbacks),
  ask(tf, model, _checked, data, dataset, text, top) {
    const query = encodeQuery(data, dataset, text);
    if (!query.ok) return query;
    const output = predictOne(tf, model, query.values, query.shape);
    return { ok: true, answer: decodeAnswer(dataset, output, query.values, top) };
  },
  question: 'question',
  answersQuestions: true,
};
