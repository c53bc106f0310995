/**
 * What every export checks first: a network with errors, a project without data or with data the
 * network does not fit, are refused with the problems a training run would report; the question
 * is the lesson's, or the playground's default.
 */
import { describe, expect, it } from 'vitest';
import { chain, layer, lessonGraph, wire } from '../../tests/helpers/graphs';
import { defaultTrainingSettings } from '../training/settings';
import { exportKeras } from './keras';
import { planExport, type ExportSource } from './plan';
import { exportPytorch } from './pytorch';
import { exportTypeScript } from './typescript';

const lesson: ExportSource = {
  name: 'lesson',
  graph: lessonGraph(),
  data: { kind: 'text-next-char', text: 'hello world', window: 3 },
  training: { ...defaultTrainingSettings, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
};

describe('planExport', () => {
  it('refuses a network with errors, in every target, with the problems the canvas shows', async () => {
    const broken = { ...lesson, graph: chain(layer('Input', 'input', { shape: [8] }), layer('LSTM', 'lstm')) };
    const refusals = [await exportTypeScript(broken), exportKeras(broken), exportPytorch(broken)];
    for (const refusal of refusals) {
      expect(refusal.ok).toBe(false);
      if (!refusal.ok) expect(refusal.problems.map((found) => found.code)).toEqual(['shape.needs-sequence']);
    }
  });

  it('refuses a project without data, and data the network does not fit', () => {
    const withoutData = planExport({ ...lesson, data: null });
    expect(withoutData.ok === false && withoutData.dataProblem?.problem.en).toMatch(/no data/);
    const misfit = planExport({ ...lesson, data: { kind: 'text-next-char', text: 'abc abd', window: 3 } });
    expect(misfit.ok === false && misfit.problems.map((found) => found.code)).toContain('data.input-shape');
  });

  it('refuses training settings their schema refuses (a hand-edited file)', () => {
    const edited = { ...lesson, training: { ...lesson.training, optimizer: 'adam"\nimport os' as 'adam' } };
    const planned = planExport(edited);
    expect(planned.ok === false && planned.settingsProblem?.en).toMatch(/not valid/);
  });

  it('asks the lesson’s question, or the playground’s: the first window of text, the last numbers', () => {
    const asked = planExport(lesson, { query: 'wor' });
    expect(asked.ok && asked.plan.query).toEqual({ kind: 'text', text: 'wor' });
    const unreadable = planExport(lesson, { query: 'xyz' });
    expect(unreadable.ok && unreadable.plan.query).toEqual({ kind: 'text', text: 'hel' });
    const numbers: ExportSource = {
      ...lesson,
      graph: chain(
        layer('Input', 'input', { shape: [3, 1] }),
        layer('SimpleRNN', 'rnn'),
        layer('Dense', 'dense', { units: 1 }),
      ),
      data: { kind: 'sequence-next-value', values: [1, 2, 3, 4, 5, 6], window: 3, scale: 'max' },
      training: { ...defaultTrainingSettings },
    };
    const last = planExport(numbers);
    expect(last.ok && last.plan.query).toEqual({ kind: 'numbers', values: [4, 5, 6] });
    const given = planExport(numbers, { query: '[7, 8, 9]' });
    expect(given.ok && given.plan.query).toEqual({ kind: 'numbers', values: [7, 8, 9] });
  });

  it('writes a chain as a Sequential model and branches with the functional API', () => {
    const chained = exportKeras(lesson);
    expect(chained.ok && chained.code).toContain('model = keras.Sequential(');
    const branched: ExportSource = {
      ...lesson,
      graph: {
        nodes: [
          layer('Input', 'input', { shape: [3, 8] }),
          layer('SimpleRNN', 'a', { units: 4 }),
          layer('SimpleRNN', 'b', { units: 4 }),
          layer('Concatenate', 'joined'),
          layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
        ],
        wires: [
          wire('input', 'a'),
          wire('input', 'b'),
          wire('a', 'joined'),
          wire('b', 'joined'),
          wire('joined', 'dense'),
        ],
      },
    };
    const functional = exportKeras(branched);
    expect(functional.ok && functional.code).toContain('simple_rnn_2 = layers.SimpleRNN(4, name="b")(inputs)');
    expect(functional.ok && functional.code).toContain(
      'concatenate = layers.Concatenate(name="joined")([simple_rnn, simple_rnn_2])',
    );
    expect(functional.ok && functional.code).toContain('model = keras.Model(inputs=inputs, outputs=dense)');
    const torch = exportPytorch(branched);
    expect(torch.ok && torch.code).toContain('def forward(self, inputs):');
    expect(torch.ok && torch.code).toContain('concatenate = torch.cat([simple_rnn, simple_rnn_2], dim=-1)');
  });
});
