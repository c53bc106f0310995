/**
 * The views inside the network on each backend Node has (issue 19, goal 7): every layer of a
 * convolutional lesson looked inside, a recurrent layer step by step, a sample followed by hand
 * and an epoch measured, each answering on the CPU and on WASM and leaving no tensor behind, asked
 * again and again as a learner clicking through them would.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../shared/templates/template';
import { followByHand } from '../shared/training/by-hand';
import { measureDynamics } from '../shared/training/dynamics';
import { lookInside } from '../shared/training/inspect';
import { runTraining } from '../shared/training/run';

setWasmPaths(`${path.join(process.cwd(), 'node_modules/@tensorflow/tfjs-backend-wasm/dist')}${path.sep}`);

function lesson(file: string) {
  const parsed = parseTemplate(file, readFileSync(path.join(process.cwd(), 'templates', file), 'utf8'));
  if (!parsed.ok || parsed.template.data === null) throw new Error(`${file} parses, with data`);
  return { ...parsed.template, data: parsed.template.data };
}

async function trained(file: string, epochs: number) {
  const template = lesson(file);
  const run = await runTraining(tf, {
    graph: template.graph,
    data: template.data,
    settings: { ...template.training, epochs },
  });
  if (!run.ok) throw new Error(`${file} trains`);
  return { ...run, data: template.data, settings: { ...template.training, epochs } };
}

describe.each(['cpu', 'wasm'] as const)('looking inside on %s', (backend) => {
  it('every layer of the conv/pool lesson, three times over: maps, filters, no tensor left', async () => {
    await tf.setBackend(backend);
    const run = await trained('conv-pool-shapes.json', 1);
    const before = tf.memory().numTensors;
    for (let round = 0; round < 3; round += 1) {
      for (const layer of run.model.layers) {
        const looked = lookInside(tf, run.model, run.data, run.dataset, '#7', layer.name);
        if (!looked.ok) throw new Error(looked.problem.en);
        expect(looked.look.values.every(Number.isFinite)).toBe(true);
        if (layer.getClassName() === 'Conv2D') expect(looked.look.filters?.shape).toHaveLength(4);
      }
    }
    expect(tf.memory().numTensors).toBe(before);
    run.model.dispose();
  }, 120_000);

  it('an LSTM step by step with its gates, and an epoch measured, leave no tensor', async () => {
    await tf.setBackend(backend);
    const run = await trained('project-text-generation.json', 1);
    const before = tf.memory().numTensors;
    for (let round = 0; round < 3; round += 1) {
      const looked = lookInside(tf, run.model, run.data, run.dataset, 'En un luga', 'lstm');
      if (!looked.ok) throw new Error(looked.problem.en);
      expect(looked.look.steps?.directions[0]?.gates.map((gate) => gate.name)).toEqual([
        'input',
        'forget',
        'candidate',
        'output',
      ]);
    }
    expect(tf.memory().numTensors).toBe(before);
    const x = tf.tensor3d(run.dataset.x.values.slice(0, 8 * 10 * 34), [8, 10, 34]);
    const y = tf.tensor1d(run.dataset.y.values.slice(0, 8));
    // measureDynamics needs the run's compiled losses: the model was compiled by the run.
    const measuring = tf.memory().numTensors;
    const measured = measureDynamics(tf, run.model, x, y);
    expect(measured.inputSteps).toHaveLength(10);
    expect(tf.memory().numTensors).toBe(measuring);
    tf.dispose([x, y]);
    run.model.dispose();
  }, 120_000);

  it('a sample followed by hand through the perceptron leaves no tensor', async () => {
    await tf.setBackend(backend);
    const run = await trained('perceptron-and.json', 5);
    const before = tf.memory().numTensors;
    for (let sample = 0; sample < 4; sample += 1) {
      const followed = followByHand(tf, run.model, run.dataset, run.settings, sample);
      if (!followed.ok) throw new Error(followed.problem.en);
      expect(followed.trace.forward[0]?.inputs).toEqual(followed.samples[sample]?.x);
    }
    expect(tf.memory().numTensors).toBe(before);
    run.model.dispose();
  }, 60_000);
});
