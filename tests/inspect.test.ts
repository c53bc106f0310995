/**
 * Looking inside a trained network (issue 19): a layer's output for the playground's question, and
 * a recurrent layer step by step, as `lookInside` computes them for the playground and the CLI.
 */
import * as tf from '@tensorflow/tfjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTemplate } from '../shared/templates/template';
import { lookInside } from '../shared/training/inspect';
import { runTraining } from '../shared/training/run';
import { chain, layer } from './helpers/graphs';

await tf.setBackend('cpu');

function lesson(file: string) {
  const parsed = parseTemplate(file, readFileSync(path.join(process.cwd(), 'templates', file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.template;
}

describe('inside the seed lesson, trained: "hel" read one character at a time', () => {
  const template = lesson('rnn-next-character.json');
  let run: Awaited<ReturnType<typeof runTraining>>;
  beforeAll(async () => {
    if (template.data === null) throw new Error('the lesson has data');
    run = await runTraining(tf, { graph: template.graph, data: template.data, settings: template.training });
  }, 120_000);

  it('steps through h, e, l: the last state is what the SimpleRNN outputs, and leads the Dense to "l"', () => {
    if (!run.ok || template.data === null) throw new Error('the lesson trains');
    const rnn = lookInside(tf, run.model, template.data, run.dataset, 'hel', 'simple_rnn');
    if (!rnn.ok) throw new Error(rnn.problem.en);
    const { look } = rnn;
    expect(look.className).toBe('SimpleRNN');
    expect(look.shape).toEqual([50]);
    expect(look.steps?.labels).toEqual(['h', 'e', 'l']);
    const forward = look.steps?.directions[0];
    expect(forward?.direction).toBe('forward');
    expect(forward?.states).toHaveLength(3);
    expect(forward?.gates).toEqual([]);
    // The state after "l" is the layer's output: the steps are the layer's own arithmetic.
    forward?.states[2]?.forEach((value, unit) => expect(value).toBeCloseTo(look.values[unit] ?? Number.NaN, 5));
    // Each step's state differs: the network carries what it read.
    expect(forward?.states[0]).not.toEqual(forward?.states[1]);

    const dense = lookInside(tf, run.model, template.data, run.dataset, 'hel', 'dense');
    if (!dense.ok) throw new Error(dense.problem.en);
    expect(dense.look.steps).toBeNull();
    const labels = run.dataset.target.kind === 'class' ? run.dataset.target.labels : [];
    const best = dense.look.values.indexOf(Math.max(...dense.look.values));
    expect(labels[best]).toBe('l');
    expect(dense.look.values.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
  });

  it('names the layers there are when asked for one that is not, in both languages', () => {
    if (!run.ok || template.data === null) throw new Error('the lesson trains');
    const missing = lookInside(tf, run.model, template.data, run.dataset, 'hel', 'lstm');
    expect(missing).toEqual({
      ok: false,
      problem: {
        en: 'The network has no layer named "lstm"; its layers are input, simple_rnn, dense.',
        es: 'La red no tiene ninguna capa llamada "lstm"; sus capas son input, simple_rnn, dense.',
      },
    });
    const before = tf.memory().numTensors;
    lookInside(tf, run.model, template.data, run.dataset, 'hel', 'simple_rnn');
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('the steps’ labels', () => {
  it('are a sequence’s numbers as typed, "7, 8, 9"', async () => {
    const data = {
      kind: 'sequence-next-value' as const,
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
      window: 3,
      scale: 'none' as const,
    };
    const graph = chain(
      layer('Input', 'input', { shape: [3, 1] }),
      layer('SimpleRNN', 'rnn', { units: 4 }),
      layer('Dense', 'dense', { units: 1 }),
    );
    const run = await runTraining(tf, {
      graph,
      data,
      settings: { ...lesson('rnn-next-number.json').training, epochs: 1 },
    });
    if (!run.ok) throw new Error('trains');
    const result = lookInside(tf, run.model, data, run.dataset, '7, 8, 9', 'rnn');
    if (!result.ok) throw new Error(result.problem.en);
    expect(result.look.steps?.labels).toEqual(['7', '8', '9']);
    run.model.dispose();
  });
});

describe('the words of a review', () => {
  it('label each step with the word it read, <pad> for padding and the typed word the vocabulary lacks', async () => {
    const template = lesson('text-sentiment.json');
    if (template.data?.kind !== 'text-class') throw new Error('the lesson reads reviews');
    const data = { ...template.data, examples: template.data.examples.slice(0, 8) };
    const run = await runTraining(tf, { graph: template.graph, data, settings: { ...template.training, epochs: 1 } });
    if (!run.ok) throw new Error('trains');
    const result = lookInside(tf, run.model, data, run.dataset, 'una película fatal, zzz', 'lstm');
    if (!result.ok) throw new Error(result.problem.en);
    // Ten steps, as the data pads every review to; "zzz" is no word of the vocabulary.
    const labels = result.look.steps?.labels ?? [];
    expect(labels).toHaveLength(10);
    expect(labels.filter((label) => label !== '<pad>')).toEqual(['una', 'película', 'fatal', 'zzz']);
    run.model.dispose();
  }, 60_000);
});

describe('inside a Bidirectional LSTM', () => {
  it('shows both directions with their gates; the backward one read the question from its end', async () => {
    const data = { kind: 'text-next-char' as const, text: 'abcabcabd', window: 4 };
    const graph = chain(
      layer('Input', 'input', { shape: [4, 4] }),
      layer('LSTM', 'lstm', { units: 3, bidirectional: true }),
      layer('Dense', 'dense', { units: 4, activation: 'softmax' }),
    );
    const run = await runTraining(tf, {
      graph,
      data,
      settings: { ...lesson('rnn-next-character.json').training, epochs: 2 },
    });
    if (!run.ok) throw new Error('trains');
    const result = lookInside(tf, run.model, data, run.dataset, 'abca', 'lstm');
    if (!result.ok) throw new Error(result.problem.en);
    const { look } = result;
    expect(look.shape).toEqual([6]);
    expect(look.steps?.labels).toEqual(['a', 'b', 'c', 'a']);
    const [forward, backward] = look.steps?.directions ?? [];
    expect(forward?.direction).toBe('forward');
    expect(backward?.direction).toBe('backward');
    expect(forward?.gates.map((gate) => gate.name)).toEqual(['input', 'forget', 'candidate', 'output']);
    // concat: the forward direction's last state, then the backward one's after it read back to "a".
    const ends = [...(forward?.states[3] ?? []), ...(backward?.states[3] ?? [])];
    ends.forEach((value, unit) => expect(value).toBeCloseTo(look.values[unit] ?? Number.NaN, 5));
    run.model.dispose();
  });
});
