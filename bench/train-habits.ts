/**
 * The cost of each thing trainModel does beyond a bare model.fit, measured alone in CPU time
 * over many repetitions, so a few microseconds show even on a busy machine where whole training
 * runs vary by tens of percent. For the lesson each happens once an epoch (one batch an epoch).
 */
import * as tf from '@tensorflow/tfjs';
import { prepareRun } from '../shared/training/run';
import { median } from './stats';
import type { TrainCase } from './train-cases';

export interface HabitCost {
  habit: string;
  /** CPU microseconds for one occurrence (median of several batches of repetitions). */
  microseconds: number;
}

const repetitions = 400;
const batches = 7;

async function cpuMicroseconds(action: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let batch = 0; batch < batches; batch += 1) {
    const started = process.cpuUsage();
    for (let index = 0; index < repetitions; index += 1) await action();
    const used = process.cpuUsage(started);
    samples.push((used.user + used.system) / repetitions);
  }
  return median(samples);
}

export async function habitCosts(trainCase: TrainCase): Promise<HabitCost[]> {
  const prepared = prepareRun(tf, { graph: trainCase.graph, data: trainCase.data, settings: trainCase.settings });
  if (!prepared.ok) throw new Error(`LayerLab refused the ${trainCase.name} benchmark`);
  const { model } = prepared;
  let copies: tf.Tensor[] = [];
  const update = {
    epoch: 3,
    batch: 0,
    batchesPerEpoch: 1,
    step: 4,
    loss: 2.01,
    metrics: { accuracy: 0.25 },
    samplesPerSecond: 1500,
    secondsLeft: 1.2,
  };
  const costs: HabitCost[] = [
    {
      // What tf.js does for any onBatchEnd callback: download the batch's loss and metric scalars.
      habit: 'read the batch logs (loss, accuracy)',
      microseconds: await cpuMicroseconds(async () => {
        const logs = [tf.scalar(2.01), tf.scalar(0.25)];
        await Promise.all(logs.map((scalar) => scalar.data()));
        tf.dispose(logs);
      }),
    },
    {
      habit: "yield to the event loop (yieldEvery: 'batch')",
      microseconds: await cpuMicroseconds(() => tf.nextFrame()),
    },
    {
      habit: 'copy the weights (last good weights, each epoch)',
      microseconds: await cpuMicroseconds(() => {
        tf.dispose(copies);
        copies = model.getWeights().map((weight) => weight.clone());
      }),
    },
    {
      habit: 'progress: batch point and epoch message (structured clone)',
      microseconds: await cpuMicroseconds(() => {
        structuredClone({
          type: 'batches',
          points: [{ step: 4, loss: 2.01, metrics: { accuracy: 0.25 } }],
          latest: update,
        });
        structuredClone({
          type: 'epoch',
          update: { epoch: 3, logs: { loss: 2.01, accuracy: 0.25 }, samplesPerSecond: 1500 },
        });
      }),
    },
  ];
  // The scalars made for the first habit cost time too; subtract what making them alone takes.
  const making = await cpuMicroseconds(() => tf.dispose([tf.scalar(2.01), tf.scalar(0.25)]));
  const first = costs[0];
  if (first) first.microseconds = Math.max(0, first.microseconds - making);
  tf.dispose(copies);
  model.dispose();
  return costs;
}
