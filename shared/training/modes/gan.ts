/**
 * The GAN mode: a network whose generator end is marked, trained on the real images of a
 * `generate` recipe, the discriminator and the generator in turns (../gan.ts). The playground asks
 * for a noise seed and shows the image drawn from it. A marked generator end without such data is
 * this mode's mistake too, so its checks say so.
 */
import { generatorEnds } from '../../graph/gan.js';
import { checkGanFit } from '../fit-check.js';
import { askGan, trainGan } from '../gan.js';
import type { TrainingMode } from './mode.js';

export const ganMode: TrainingMode = {
  id: 'gan',
  applies: (graph, dataset) => dataset.target.kind === 'generate' || generatorEnds(graph).length > 0,
  checkFit: checkGanFit,
  train: trainGan,
  ask: (tf, model, checked, _data, dataset, text) => askGan(tf, model, checked, dataset, text),
  question: 'seed',
  answersQuestions: false,
};
