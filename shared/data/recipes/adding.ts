/**
 * The adding problem (Hochreiter and Schmidhuber, 1997): sequences of random numbers in [0, 1),
 * two of them marked, one in each half; the target is the sum of the two marked numbers. The
 * network must keep the first marked number through every step after it: a long-range
 * dependency that a plain RNN forgets and gated cells keep. Generated from a seed; the exported
 * TypeScript draws the same sequences, NumPy other sequences of the same task.
 */
import { z } from 'zod';
import { createRandom } from '../../math/random.js';
import { pythonString } from '../../vocabulary/python.js';
import { typescriptString } from '../../vocabulary/typescript-literals.js';
import type { Dataset } from '../dataset.js';
import {
  generatedSamples,
  generatorSeed,
  previewRows,
  sequenceCountField,
  sequenceHeadings,
  sequenceLengthField,
  textQuery,
  type RecipeDef,
} from '../recipe.js';

export const addingSpec = z
  .object({
    kind: z.literal('adding'),
    /** Steps per sequence. */
    length: z.number().int().min(4).max(200),
    samples: generatedSamples,
    seed: generatorSeed,
  })
  .strict();
type Spec = z.infer<typeof addingSpec>;

/** The steps an adding sequence marks: one in its first half, one in its second. */
export function addingMarks(length: number, random: () => number): [number, number] {
  const half = Math.floor(length / 2);
  return [Math.floor(random() * half), half + Math.floor(random() * (length - half))];
}

/** An adding sequence as the playground writes it: each number, the marked ones with a star. */
export function writeAddingSequence(values: readonly number[], marks: readonly number[]): string {
  return values.map((value, step) => `${value.toFixed(2)}${marks.includes(step) ? '*' : ''}`).join(' ');
}

function describe(spec: Spec): string {
  return `${spec.samples} sequences of ${spec.length} random numbers in [0, 1), two of them marked (one in each half); the target is the sum of the two marked numbers.`;
}

export const adding: RecipeDef<Spec> = {
  kind: 'adding',
  schema: addingSpec,
  defaultSpec: { kind: 'adding', length: 25, samples: 1000, seed: 7 },
  title: { en: 'Sequences: add the two marked numbers', es: 'Secuencias: sumar los dos números marcados' },

  build(spec) {
    const random = createRandom(spec.seed);
    const x = new Float32Array(spec.samples * spec.length * 2);
    const y = new Float32Array(spec.samples);
    const preview: Dataset['preview'] = [];
    for (let sample = 0; sample < spec.samples; sample += 1) {
      const values: number[] = [];
      for (let step = 0; step < spec.length; step += 1) {
        const value = random();
        values.push(value);
        x[(sample * spec.length + step) * 2] = value;
      }
      const marks = addingMarks(spec.length, random);
      for (const step of marks) x[(sample * spec.length + step) * 2 + 1] = 1;
      y[sample] = marks.reduce((sum, step) => sum + (values[step] ?? 0), 0);
      if (sample < previewRows) {
        preview.push({ input: writeAddingSequence(values, marks), target: (y[sample] ?? 0).toFixed(3) });
      }
    }
    return {
      ok: true,
      dataset: {
        x: { values: x, shape: [spec.samples, spec.length, 2], dtype: 'float32' },
        y: { values: y, shape: [spec.samples, 1], dtype: 'float32' },
        target: { kind: 'value', scale: 1 },
        preview,
      },
    };
  },

  panel: () => [
    {
      widget: 'note',
      text: {
        en: 'Sequences of random numbers from 0 to 1; two are marked, one in each half, and the target is their sum. The network must keep the first marked number through every step after it.',
        es: 'Secuencias de números aleatorios de 0 a 1; dos están marcados, uno en cada mitad, y el objetivo es su suma. La red tiene que guardar el primer número marcado durante todos los pasos que le siguen.',
      },
    },
    sequenceLengthField(4),
    sequenceCountField(),
  ],
  preview: () => ({ labels: 'classes', headings: sequenceHeadings }),
  // 25 numbers and their stars: wrapped over lines so all of them can be read and changed.
  playground: () => ({
    input: 'lines',
    label: {
      en: 'Sequence: numbers from 0 to 1, the two to add starred',
      es: 'Secuencia: números de 0 a 1, con estrella los dos que se suman',
    },
  }),

  /** A sequence to ask about: the same numbers every time, 0.50 and 0.30 marked, so the sum is 0.80. */
  defaultQuery(spec) {
    const values = Array.from({ length: spec.length }, (_, step) => ((step * 37) % 100) / 100);
    const half = Math.floor(spec.length / 2);
    const marks = [Math.floor(half / 3), half + Math.floor((spec.length - half) / 2)];
    values[marks[0] ?? 0] = 0.5;
    values[marks[1] ?? 0] = 0.3;
    return writeAddingSequence(values, marks);
  },

  /**
   * An adding query: as many numbers as the sequences have, two of them marked with a star
   * (`0.12 0.50* 0.93 …`); each step becomes the number and its mark.
   */
  encodeQuery(spec, _dataset, text) {
    const tokens = text.split(/[\s,]+/).filter((token) => token !== '');
    const read = tokens.map((token) => /^(-?\d*\.?\d+)(\*?)$/.exec(token));
    const marks = read.filter((match) => match?.[2] === '*').length;
    const bad = tokens.find((_, index) => {
      const value = Number(read[index]?.[1]);
      return !read[index] || !(value >= 0 && value <= 1);
    });
    if (tokens.length !== spec.length || marks !== 2 || bad !== undefined) {
      const found =
        bad !== undefined
          ? { en: `“${bad}” is not a number from 0 to 1`, es: `«${bad}» no es un número de 0 a 1` }
          : {
              en: `you typed ${tokens.length}, ${marks} marked`,
              es: `has escrito ${tokens.length}, ${marks} con estrella`,
            };
      return {
        ok: false,
        problem: {
          en: `Type ${spec.length} numbers from 0 to 1 and mark the two to add with a star, e.g. 0.50* (${found.en}).`,
          es: `Escribe ${spec.length} números de 0 a 1 y marca con una estrella los dos que hay que sumar, p. ej. 0.50* (${found.es}).`,
        },
      };
    }
    const values = new Float32Array(spec.length * 2);
    read.forEach((match, step) => {
      values[step * 2] = Number(match?.[1]);
      values[step * 2 + 1] = match?.[2] === '*' ? 1 : 0;
    });
    return { ok: true, values, shape: [1, spec.length, 2] };
  },

  planQuery: (spec, dataset, query) => textQuery(adding, spec, dataset, query),

  typescript: {
    data: ({ spec, useHelper }) => {
      useHelper('mulberry32');
      return [
        `// 1. The data: ${describe(spec)}`,
        `// Drawn with mulberry32 from the recipe's seed, as LayerLab draws them.`,
        `const sequenceLength = ${spec.length};`,
        `const sampleCount = ${spec.samples};`,
        `const dataRandom = mulberry32(${spec.seed});`,
        `// Inputs: each step's number and its mark (1 on the two to add), (samples, ${spec.length}, 2); targets: the sum, (samples, 1).`,
        `const xValues = new Float32Array(sampleCount * sequenceLength * 2);`,
        `const yValues = new Float32Array(sampleCount);`,
        `const half = Math.floor(sequenceLength / 2);`,
        `for (let sample = 0; sample < sampleCount; sample += 1) {`,
        `  const numbers: number[] = [];`,
        `  for (let step = 0; step < sequenceLength; step += 1) {`,
        `    numbers.push(dataRandom());`,
        `    xValues[(sample * sequenceLength + step) * 2] = numbers[step];`,
        `  }`,
        `  const marks = [Math.floor(dataRandom() * half), half + Math.floor(dataRandom() * (sequenceLength - half))];`,
        `  for (const step of marks) xValues[(sample * sequenceLength + step) * 2 + 1] = 1;`,
        `  yValues[sample] = numbers[marks[0]] + numbers[marks[1]];`,
        `}`,
        `const x = tf.tensor3d(xValues, [sampleCount, sequenceLength, 2]);`,
        `const y = tf.tensor2d(yValues, [sampleCount, 1]);`,
        'console.log(`Data: ${sampleCount} sequences of ${sequenceLength} numbers, two marked in each`);',
      ];
    },
    question: ({ query }) => [
      `// 4. Ask the trained network, as LayerLab's playground does: what do the two starred numbers add up to?`,
      `const query = ${typescriptString(query.kind === 'text' ? query.text : '')};`,
      `const tokens = query.split(/[\\s,]+/).filter((token) => token !== '');`,
      `const queryValues = new Float32Array(sequenceLength * 2);`,
      `tokens.forEach((token, step) => {`,
      `  queryValues[step * 2] = parseFloat(token);`,
      `  queryValues[step * 2 + 1] = token.endsWith('*') ? 1 : 0;`,
      `});`,
      `const marked = tokens.filter((token) => token.endsWith('*')).map((token) => parseFloat(token));`,
      `const output = model.predict(tf.tensor3d(queryValues, [1, sequenceLength, 2])) as tf.Tensor;`,
      'console.log(`The marked numbers ${marked.join(" and ")} add up to ${(marked[0] + marked[1]).toFixed(3)}; the network answers ${output.dataSync()[0].toFixed(3)}`);',
    ],
  },

  python: {
    data: ({ spec }) => [
      `# 1. The data: ${describe(spec)}`,
      "# Drawn with NumPy from the recipe's seed: other sequences than LayerLab's, the same task.",
      `sequence_length = ${spec.length}`,
      `sample_count = ${spec.samples}`,
      `rng = np.random.default_rng(${spec.seed})`,
      `# Inputs: each step's number and its mark (1 on the two to add), (samples, ${spec.length}, 2); targets: the sum, (samples, 1).`,
      'x = np.zeros((sample_count, sequence_length, 2), dtype="float32")',
      'x[:, :, 0] = rng.random((sample_count, sequence_length))',
      'half = sequence_length // 2',
      'rows = np.arange(sample_count)',
      'first, second = rng.integers(0, half, sample_count), rng.integers(half, sequence_length, sample_count)',
      'x[rows, first, 1] = 1',
      'x[rows, second, 1] = 1',
      'y = (x[rows, first, 0] + x[rows, second, 0]).reshape(sample_count, 1)',
      'print(f"Data: {sample_count} sequences of {sequence_length} numbers, two marked in each")',
    ],
    question: ({ query, predict }) => [
      "# 4. Ask the trained network, as LayerLab's playground does: what do the two starred numbers add up to?",
      `query = ${pythonString(query.kind === 'text' ? query.text : '')}`,
      'tokens = query.replace(",", " ").split()',
      'query_x = np.array([[float(token.rstrip("*")), 1.0 if token.endswith("*") else 0.0] for token in tokens], dtype="float32")[None]',
      'marked = [float(token.rstrip("*")) for token in tokens if token.endswith("*")]',
      ...predict('query_x', 'prediction'),
      'print(f"The marked numbers {marked[0]} and {marked[1]} add up to {sum(marked):.3f}; the network answers {float(prediction[0]):.3f}")',
    ],
  },
};
