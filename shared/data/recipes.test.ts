import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../tests/helpers/graphs';
import { compileGraph } from '../graph/compile';
import { evaluateModel, suggestedThreshold, thresholdCounts, validationStart } from '../training/evaluate';
import { decodeAnswer, defaultQuery, encodeQuery } from '../training/predict';
import { buildDataset, type Dataset } from './build';
import { imageSet } from './images';
import { dataSpecSchema, type DataSpec } from './spec';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function built(spec: DataSpec): Dataset {
  const result = buildDataset(spec);
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.dataset;
}

describe('the shipped digits', () => {
  it('are the 1,797 images of scikit-learn’s load_digits, about 180 of each digit, ink in [0, 1]', () => {
    const set = imageSet('digits-8x8');
    expect(set.pixels.length).toBe(1797 * 64);
    expect(set.classes.length).toBe(1797);
    const counts = set.classNames.map((_, digit) => set.classes.filter((found) => found === digit).length);
    // load_digits' own counts per digit.
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(Math.min(...set.pixels)).toBe(0);
    expect(Math.max(...set.pixels)).toBe(1);
    // The first image is a 0: ink on the left and right of its middle rows, none in its centre.
    const first = Array.from(set.pixels.subarray(0, 64), (value) => value * 16);
    expect(first.slice(24, 32)).toEqual([0, 4, 12, 0, 0, 8, 8, 0]);
    expect(set.classes[0]).toBe(0);
  });
});

describe('an image recipe', () => {
  it('classifies: x is (n, 8, 8, 1), y the class index of each image', () => {
    const dataset = built({ kind: 'images', source: 'digits-8x8', task: 'classify' });
    expect(dataset.x.shape).toEqual([1797, 8, 8, 1]);
    expect(dataset.y.shape).toEqual([1797]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] });
    expect(Array.from(dataset.y.values.slice(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(dataset.images?.unusual).toBeNull();
  });

  it('keeps only the chosen classes, numbered among themselves, and a limit', () => {
    const dataset = built({ kind: 'images', source: 'digits-8x8', task: 'classify', classes: [3, 7], limit: 50 });
    expect(dataset.x.shape).toEqual([50, 8, 8, 1]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['3', '7'] });
    expect(new Set(dataset.y.values)).toEqual(new Set([0, 1]));
    expect(new Set(dataset.images?.sampleClasses)).toEqual(new Set(['3', '7']));
  });

  it('reconstructs: y is x, and the other classes are kept aside as the unusual images', () => {
    const dataset = built({ kind: 'images', source: 'digits-8x8', task: 'reconstruct', classes: [0, 1, 2, 3, 4] });
    expect(dataset.y.shape).toEqual(dataset.x.shape);
    expect(dataset.y.values).toEqual(dataset.x.values);
    expect(dataset.target).toEqual({ kind: 'image' });
    expect(dataset.x.shape[0]).toBe(178 + 182 + 177 + 183 + 181);
    expect(dataset.images?.unusual?.x.shape).toEqual([182 + 181 + 179 + 174 + 180, 8, 8, 1]);
    expect(new Set(dataset.images?.unusual?.classes)).toEqual(new Set(['5', '6', '7', '8', '9']));
  });

  it('skips the images another lesson took, and classifies into named groups of digits', () => {
    const even = [0, 2, 4, 6, 8];
    const spec: DataSpec = {
      kind: 'images',
      source: 'digits-8x8',
      task: 'classify',
      offset: 1000,
      groups: [
        { name: 'par', classes: even },
        { name: 'impar', classes: [1, 3, 5, 7, 9] },
      ],
    };
    const dataset = built(spec);
    const set = imageSet('digits-8x8');
    expect(dataset.x.shape).toEqual([797, 8, 8, 1]);
    expect(dataset.x.values).toEqual(set.pixels.subarray(1000 * 64));
    expect(dataset.target).toEqual({ kind: 'class', labels: ['par', 'impar'] });
    expect(Array.from(dataset.y.values)).toEqual(
      Array.from(set.classes.subarray(1000), (digit) => (even.includes(digit) ? 0 : 1)),
    );
    expect(dataset.preview[0]?.target).toBe(even.includes(set.classes[1000] ?? -1) ? 'par' : 'impar');
    // The playground opens on the last of these images.
    expect(defaultQuery(spec)).toBe('#797');
    expect(encodeQuery(spec, dataset, '#797').ok).toBe(true);
    // A group of some digits leaves the rest out; offset and limit count the images kept.
    const some = built({
      ...spec,
      offset: 10,
      limit: 20,
      groups: [
        { name: 'round', classes: [0, 6] },
        { name: 'straight', classes: [1, 7] },
      ],
    });
    const kept = [...set.classes.keys()].filter((image) => [0, 6, 1, 7].includes(set.classes[image] ?? -1));
    expect(some.x.values).toEqual(
      Float32Array.from(
        kept.slice(10, 30).flatMap((image) => Array.from(set.pixels.subarray(image * 64, image * 64 + 64))),
      ),
    );
  });

  it('says which field is wrong: overlapping groups, groups beside classes or to reconstruct, an offset past the end', () => {
    const base = { kind: 'images', source: 'digits-8x8', task: 'classify' } as const;
    const overlapping = buildDataset({
      ...base,
      groups: [
        { name: 'a', classes: [1, 2] },
        { name: 'b', classes: [2, 3] },
      ],
    });
    expect(overlapping).toMatchObject({
      ok: false,
      field: 'groups',
      problem: { en: expect.stringContaining('2 is in two groups, "a" and "b"') },
    });
    const both = buildDataset({
      ...base,
      classes: [1, 2],
      groups: [
        { name: 'a', classes: [1] },
        { name: 'b', classes: [2] },
      ],
    });
    expect(both).toMatchObject({ ok: false, field: 'groups' });
    const rebuilt = buildDataset({
      ...base,
      task: 'reconstruct',
      groups: [
        { name: 'a', classes: [1] },
        { name: 'b', classes: [2] },
      ],
    });
    expect(rebuilt).toMatchObject({ ok: false, field: 'groups' });
    const past = buildDataset({ ...base, offset: 1796 });
    expect(past).toMatchObject({
      ok: false,
      field: 'offset',
      problem: { en: expect.stringContaining('Only 1 image is left of the 1797 kept') },
    });
    expect(dataSpecSchema.safeParse({ ...base, groups: [{ name: 'alone', classes: [1] }] }).success).toBe(false);
  });

  it('refuses a limit under 10 images and an image set LayerLab does not ship', () => {
    const result = buildDataset({ kind: 'images', source: 'digits-8x8', task: 'classify', classes: [1], limit: 10 });
    expect(result.ok).toBe(true);
    const schema = dataSpecSchema.safeParse({ kind: 'images', source: 'digits-8x8', task: 'classify', limit: 1 });
    expect(schema.success).toBe(false);
    const unknown = dataSpecSchema.safeParse({ kind: 'images', source: 'mnist', task: 'classify' });
    expect(unknown.success).toBe(false);
  });
});

describe('asking about an image', () => {
  const spec: DataSpec = { kind: 'images', source: 'digits-8x8', task: 'classify' };
  const dataset = built(spec);

  it('opens on the last image, which is held out for validation', () => {
    expect(defaultQuery(spec)).toBe('#1797');
    expect(defaultQuery({ ...spec, classes: [0], limit: 20 })).toBe('#20');
  });

  it('reads #N as the data’s N-th image and 64 numbers from 0 to 16 as a drawing', () => {
    const numbered = encodeQuery(spec, dataset, '#1');
    expect(numbered).toEqual({ ok: true, values: dataset.x.values.slice(0, 64), shape: [1, 8, 8, 1] });
    const drawn = encodeQuery(spec, dataset, Array.from({ length: 64 }, (_, index) => (index % 2) * 16).join(' '));
    expect(drawn.ok && Array.from(drawn.values.slice(0, 4))).toEqual([0, 1, 0, 1]);
  });

  it('says what it takes when the image does not exist or the drawing is not 64 inks', () => {
    const missing = encodeQuery(spec, dataset, '#1798');
    expect(missing.ok === false && missing.problem.en).toBe(
      'There is no image #1798: the data holds images #1 to #1797.',
    );
    const short = encodeQuery(spec, dataset, '1 2 3');
    expect(short.ok === false && short.problem.en).toMatch(/^Draw a digit on the pad, or type #/);
    const tooMuchInk = encodeQuery(spec, dataset, Array.from({ length: 64 }, () => 17).join(' '));
    expect(tooMuchInk.ok).toBe(false);
  });

  it('an autoencoder’s answer is the image given back and its squared error', () => {
    const answer = decodeAnswer({ ...dataset, target: { kind: 'image' } }, [0.5, 0.5], [0, 1]);
    expect(answer).toEqual({ kind: 'image', input: [0, 1], output: [0.5, 0.5], error: 0.25 });
  });
});

describe('evaluating a network on the held-out data', () => {
  it('holds out the last samples, as training does', () => {
    expect(validationStart(100, 0.2)).toBe(80);
    expect(validationStart(1797, 0.2)).toBe(1438);
    expect(validationStart(10, 0)).toBe(10);
  });

  it('counts a confusion matrix over the validation images only', () => {
    const spec: DataSpec = { kind: 'images', source: 'digits-8x8', task: 'classify', classes: [0, 1], limit: 100 };
    const dataset = built(spec);
    // A network that always answers the second class: every 0 is taken for a 1.
    const compiled = compileGraph(
      chain(
        layer('Input', 'input1', { shape: [8, 8, 1] }),
        layer('Flatten', 'flatten2', {}),
        layer('Dense', 'dense3', { units: 2, activation: 'softmax', kernel_initializer: 'zeros' }),
      ),
      tf,
      { seed: 1 },
    );
    if (!compiled.ok) throw new Error('compile');
    const dense = compiled.model.layers.at(-1);
    dense?.setWeights([tf.zeros([64, 2]), tf.tensor1d([0, 5])]);
    const evaluation = evaluateModel(tf, compiled.model, spec, dataset, 0.2);
    compiled.model.dispose();
    expect(evaluation?.kind).toBe('confusion');
    if (evaluation?.kind !== 'confusion') return;
    const zeros = dataset.images?.sampleClasses.slice(80).filter((label) => label === '0').length ?? 0;
    expect(evaluation.total).toBe(20);
    expect(evaluation.samples).toBe('validation');
    expect(evaluation.matrix).toEqual([
      [0, zeros],
      [0, 20 - zeros],
    ]);
    expect(evaluation.correct).toBe(20 - zeros);
  });

  it('draws a forecast: each value predicted from the window before it', () => {
    const spec: DataSpec = { kind: 'sequence-next-value', values: [1, 2, 3, 4, 5, 6], window: 2, scale: 'none' };
    const dataset = built(spec);
    // A network that repeats the last value of its window.
    const compiled = compileGraph(
      chain(
        layer('Input', 'input4', { shape: [2, 1] }),
        layer('Flatten', 'flatten5', {}),
        layer('Dense', 'dense6', { units: 1 }),
      ),
      tf,
      { seed: 1 },
    );
    if (!compiled.ok) throw new Error('compile');
    compiled.model.layers.at(-1)?.setWeights([tf.tensor2d([[0], [1]]), tf.tensor1d([0])]);
    const evaluation = evaluateModel(tf, compiled.model, spec, dataset, 0.25);
    compiled.model.dispose();
    expect(evaluation).toEqual({
      kind: 'forecast',
      truth: [1, 2, 3, 4, 5, 6],
      predicted: [null, null, 2, 3, 4, 5],
      // 4 windows, the last one held out: the value it predicts is the series' 6th.
      validationFrom: 5,
    });
  });

  it('draws the fitted curve of a one-input table across the data’s range', () => {
    const spec: DataSpec = {
      kind: 'table',
      columns: ['x'],
      rows: [
        [-1, 0],
        [0, 1],
        [1, 2],
        [3, 1],
      ],
      target: 'value',
    };
    const dataset = built(spec);
    const compiled = compileGraph(
      chain(layer('Input', 'in', { shape: [1] }), layer('Dense', 'line', { units: 1 })),
      tf,
      {
        seed: 1,
      },
    );
    if (!compiled.ok) throw new Error('compile');
    compiled.model.layers.at(-1)?.setWeights([tf.tensor2d([[2]]), tf.tensor1d([1])]);
    const evaluation = evaluateModel(tf, compiled.model, spec, dataset, 0.25);
    compiled.model.dispose();
    if (evaluation?.kind !== 'fit') throw new Error('no fit');
    expect(evaluation.curve[0]).toEqual({ x: -1, y: -1 });
    expect(evaluation.curve.at(-1)).toEqual({ x: 3, y: 7 });
    expect(evaluation.points.map((point) => point.heldOut)).toEqual([false, false, false, true]);
  });

  it('scores reconstructions of ordinary and unusual images, and a threshold sorts them', () => {
    const spec: DataSpec = { kind: 'images', source: 'digits-8x8', task: 'reconstruct', classes: [1] };
    const dataset = built(spec);
    // A network that gives back a blank image: each error is the image's mean squared ink.
    const compiled = compileGraph(
      chain(
        layer('Input', 'input7', { shape: [8, 8, 1] }),
        layer('Flatten', 'flatten8', {}),
        layer('Dense', 'dense9', { units: 64, kernel_initializer: 'zeros' }),
        layer('Reshape', 'reshape10', { target_shape: [8, 8, 1] }),
      ),
      tf,
      { seed: 1 },
    );
    if (!compiled.ok) throw new Error('compile');
    const evaluation = evaluateModel(tf, compiled.model, spec, dataset, 0.2);
    compiled.model.dispose();
    if (evaluation?.kind !== 'reconstruction') throw new Error('no reconstructions');
    const usual = evaluation.items.filter((item) => !item.unusual);
    const unusual = evaluation.items.filter((item) => item.unusual);
    expect(usual).toHaveLength(182 - validationStart(182, 0.2));
    expect(unusual).toHaveLength(1797 - 182);
    const first = Array.from(dataset.x.values.subarray(validationStart(182, 0.2) * 64).slice(0, 64));
    expect(usual[0]?.error).toBeCloseTo(first.reduce((sum, value) => sum + value * value, 0) / 64, 6);
    expect(usual[0]?.input).toHaveLength(64);
    expect(evaluation.items.filter((item) => item.input).length).toBe(12);

    const threshold = suggestedThreshold(evaluation.items);
    const counts = thresholdCounts(evaluation.items, threshold);
    expect(counts.usual).toBe(usual.length);
    expect(counts.caught + counts.missed).toBe(unusual.length);
    // At the 95th percentile of the ordinary errors, about one ordinary image in twenty is flagged.
    expect(counts.falseAlarms).toBeLessThanOrEqual(Math.ceil(usual.length * 0.05));
    expect(thresholdCounts(evaluation.items, -1)).toEqual({
      caught: unusual.length,
      missed: 0,
      falseAlarms: usual.length,
      usual: usual.length,
    });
  });
});

describe('an adding recipe', () => {
  const spec: DataSpec = { kind: 'adding', length: 10, samples: 50, seed: 3 };

  it('draws numbers in [0, 1) from its seed, marks one step in each half, and the target is their sum', () => {
    const dataset = built(spec);
    expect(dataset.x.shape).toEqual([50, 10, 2]);
    expect(dataset.y.shape).toEqual([50, 1]);
    expect(dataset.target).toEqual({ kind: 'value', scale: 1 });
    for (let sample = 0; sample < 50; sample += 1) {
      const steps = Array.from({ length: 10 }, (_, step) => ({
        value: dataset.x.values[(sample * 10 + step) * 2] ?? -1,
        mark: dataset.x.values[(sample * 10 + step) * 2 + 1] ?? -1,
      }));
      const marked = steps.flatMap((entry, step) => (entry.mark === 1 ? [step] : []));
      expect(
        steps.every((entry) => entry.value >= 0 && entry.value < 1 && (entry.mark === 0 || entry.mark === 1)),
      ).toBe(true);
      expect(marked).toHaveLength(2);
      expect(marked[0]).toBeLessThan(5);
      expect(marked[1]).toBeGreaterThanOrEqual(5);
      const sum = marked.reduce((total, step) => total + (steps[step]?.value ?? 0), 0);
      expect(dataset.y.values[sample]).toBeCloseTo(sum, 6);
    }
    // The same seed draws the same sequences; another seed, others.
    expect(built(spec).x.values).toEqual(dataset.x.values);
    expect(built({ ...spec, seed: 4 }).x.values).not.toEqual(dataset.x.values);
    expect(dataset.preview[0]?.input.split(' ')).toHaveLength(10);
    expect(dataset.preview[0]?.input.match(/\*/g)).toHaveLength(2);
  });

  it('reads a typed sequence with two starred numbers, and says what it needs otherwise', () => {
    const dataset = built(spec);
    const asked = encodeQuery(spec, dataset, '0.1 0.5* 0.2 0.3 0.4 0.6 0.7 0.25* 0.8 0.9');
    expect(asked.ok).toBe(true);
    if (!asked.ok) return;
    expect(asked.shape).toEqual([1, 10, 2]);
    expect(Array.from(asked.values.slice(2, 4))).toEqual([0.5, 1]);
    expect(Array.from(asked.values.slice(14, 16))).toEqual([0.25, 1]);
    expect(encodeQuery(spec, dataset, defaultQuery(spec)).ok).toBe(true);
    const short = encodeQuery(spec, dataset, '0.1 0.5* 0.2*');
    expect(short).toMatchObject({ ok: false, problem: { en: expect.stringContaining('you typed 3, 2 marked') } });
    const oneMark = encodeQuery(spec, dataset, '0.1 0.5* 0.2 0.3 0.4 0.6 0.7 0.25 0.8 0.9');
    expect(oneMark).toMatchObject({ ok: false, problem: { en: expect.stringContaining('1 marked') } });
    const big = encodeQuery(spec, dataset, '0.1 5* 0.2 0.3 0.4 0.6 0.7 0.25* 0.8 0.9');
    expect(big).toMatchObject({
      ok: false,
      problem: { en: expect.stringContaining('“5*” is not a number from 0 to 1') },
    });
  });
});

describe('a recall recipe', () => {
  const spec: DataSpec = { kind: 'recall', length: 6, symbols: 3, samples: 50, seed: 7 };

  it('draws one-hot sequences from its seed; the target is the first symbol', () => {
    const dataset = built(spec);
    expect(dataset.x.shape).toEqual([50, 6, 3]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['A', 'B', 'C'] });
    for (let sample = 0; sample < 50; sample += 1) {
      const first = Array.from(dataset.x.values.subarray(sample * 18, sample * 18 + 3));
      expect(first.indexOf(1)).toBe(dataset.y.values[sample]);
    }
    expect(dataset.preview[0]?.input).toHaveLength(6);
    expect(dataset.preview[0]?.target).toBe(dataset.preview[0]?.input[0]);
    expect(built(spec).x.values).toEqual(dataset.x.values);
    expect(built({ ...spec, seed: 8 }).x.values).not.toEqual(dataset.x.values);
  });

  it('reads a typed sequence of the right length, and says what it needs otherwise', () => {
    const dataset = built(spec);
    expect(defaultQuery(spec)).toBe('ACBCBC');
    const asked = encodeQuery(spec, dataset, 'a b c a b c');
    expect(asked.ok && Array.from(asked.values.slice(0, 6))).toEqual([1, 0, 0, 0, 1, 0]);
    const short = encodeQuery(spec, dataset, 'ABC');
    expect(short.ok === false && short.problem.en).toBe(
      'Type 6 symbols, each one of A, B, C: the network reads sequences of 6 (you typed 3).',
    );
    expect(encodeQuery(spec, dataset, 'ABCABD').ok).toBe(false);
  });
});

describe('a labelled-text recipe', () => {
  const spec: DataSpec = {
    kind: 'text-class',
    examples: [
      { text: 'Muy buena, muy bonita', label: 'positiva' },
      { text: 'muy mala', label: 'negativa' },
      { text: 'Aburrida y mala: mala de verdad', label: 'negativa' },
    ],
    length: 4,
  };

  it('numbers words by frequency after padding and unknown, and keeps each text’s last words', () => {
    const dataset = built(spec);
    // mala ×3, muy ×3, then the rest once each, alphabetically.
    expect(dataset.words).toEqual([
      '<pad>',
      '<unknown>',
      'mala',
      'muy',
      'aburrida',
      'bonita',
      'buena',
      'de',
      'verdad',
      'y',
    ]);
    expect(dataset.x.dtype).toBe('int32');
    expect(Array.from(dataset.x.values)).toEqual([3, 6, 3, 5, 0, 0, 3, 2, 2, 2, 7, 8]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['negativa', 'positiva'] });
    expect(Array.from(dataset.y.values)).toEqual([1, 0, 0]);
  });

  it('reads a new text with its unknown words as 1, and refuses an empty one', () => {
    const dataset = built(spec);
    const asked = encodeQuery(spec, dataset, 'Una película muy buena');
    expect(asked.ok && Array.from(asked.values)).toEqual([1, 1, 3, 6]);
    expect(encodeQuery(spec, dataset, ' ¿? ').ok).toBe(false);
  });

  it('refuses examples that all carry one label', () => {
    const result = buildDataset({ ...spec, examples: spec.examples.map((example) => ({ ...example, label: 'x' })) });
    expect(result.ok === false && result.problem.en).toMatch(/a classifier needs at least two labels/);
  });
});
