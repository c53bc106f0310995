/**
 * Numbers, next value: every window of a sequence of numbers, and the number after it (the
 * course's exercise of predicting a series). Optionally scaled by the largest value, with answers
 * scaled back. The evaluation draws the forecast over the whole series.
 */
import { z } from 'zod';
import { pythonNumber, pythonNumberList } from '../../vocabulary/python.js';
import { typescriptNumbers } from '../../vocabulary/typescript-literals.js';
import type { Dataset } from '../dataset.js';
import { maxRawLength, parseNumberList, previewRows, windowField, windowHeadings, type RecipeDef } from '../recipe.js';

export const sequenceNextValueSpec = z
  .object({
    kind: z.literal('sequence-next-value'),
    values: z.array(z.number().finite()).min(2).max(maxRawLength),
    window: z.number().int().min(1).max(512),
    /**
     * `none` feeds the numbers as they are (the course's exercise); `max` divides inputs and
     * targets by the largest absolute value, and predictions are scaled back.
     */
    scale: z.enum(['none', 'max']),
  })
  .strict();
type Spec = z.infer<typeof sequenceNextValueSpec>;

const lastWindow = (spec: Spec) => spec.values.slice(-spec.window);

export const sequenceNextValue: RecipeDef<Spec> = {
  kind: 'sequence-next-value',
  schema: sequenceNextValueSpec,
  defaultSpec: {
    kind: 'sequence-next-value',
    values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    window: 3,
    scale: 'none',
  },
  title: { en: 'Numbers: next value', es: 'Números: siguiente valor' },

  build(spec) {
    const count = spec.values.length - spec.window;
    if (count < 1) {
      return {
        ok: false,
        field: 'window',
        problem: {
          en: `The sequence has ${spec.values.length} numbers: a window of ${spec.window} leaves nothing to predict. Add numbers or shorten the window.`,
          es: `La secuencia tiene ${spec.values.length} números: una ventana de ${spec.window} no deja nada que predecir. Añade números o acorta la ventana.`,
        },
      };
    }
    const largest = Math.max(...spec.values.map((value) => Math.abs(value)));
    const scale = spec.scale === 'max' && largest > 0 ? largest : 1;
    const x = new Float32Array(count * spec.window);
    const y = new Float32Array(count);
    const preview: Dataset['preview'] = [];
    for (let sample = 0; sample < count; sample += 1) {
      for (let step = 0; step < spec.window; step += 1)
        x[sample * spec.window + step] = (spec.values[sample + step] ?? 0) / scale;
      y[sample] = (spec.values[sample + spec.window] ?? 0) / scale;
      if (sample < previewRows) {
        preview.push({
          input: spec.values.slice(sample, sample + spec.window).join(', '),
          target: String(spec.values[sample + spec.window]),
        });
      }
    }
    return {
      ok: true,
      dataset: {
        x: { values: x, shape: [count, spec.window, 1], dtype: 'float32' },
        y: { values: y, shape: [count, 1], dtype: 'float32' },
        target: { kind: 'value', scale },
        preview,
      },
    };
  },

  panel: () => [
    {
      widget: 'numbers',
      label: { en: 'values', es: 'valores' },
      get: (spec) => spec.values,
      set: (spec, values) => ({ ...spec, values }),
    },
    windowField(),
    {
      widget: 'toggle',
      label: { en: 'scale', es: 'escalar' },
      hint: {
        en: 'Divide by the largest value, so inputs are near 1 (answers are scaled back).',
        es: 'Divide por el mayor valor para que las entradas estén cerca de 1 (las respuestas se desescalan).',
      },
      get: (spec) => spec.scale === 'max',
      set: (spec, scaled) => ({ ...spec, scale: scaled ? 'max' : 'none' }),
    },
  ],
  preview: () => ({ labels: 'classes', headings: windowHeadings }),
  playground: () => ({ input: 'numbers' }),

  defaultQuery: (spec) => lastWindow(spec).join(', '),

  encodeQuery(spec, dataset, text) {
    const numbers = parseNumberList(text);
    if (numbers === null || numbers.length < spec.window) {
      return {
        ok: false,
        problem: {
          en: `Type ${spec.window} numbers separated by commas, e.g. ${lastWindow(spec).join(', ')}.`,
          es: `Escribe ${spec.window} números separados por comas, p. ej. ${lastWindow(spec).join(', ')}.`,
        },
      };
    }
    const scale = dataset.target.kind === 'value' ? dataset.target.scale : 1;
    return {
      ok: true,
      values: Float32Array.from(numbers.slice(-spec.window), (value) => value / scale),
      shape: [1, spec.window, 1],
    };
  },

  planQuery(spec, _dataset, query) {
    const numbers = query === undefined ? null : parseNumberList(query);
    const values = numbers !== null && numbers.length >= spec.window ? numbers : lastWindow(spec);
    return { kind: 'numbers', values: values.slice(-spec.window) };
  },

  plotted: (spec) => ({ kind: 'series', values: spec.values, window: spec.window }),

  typescript: {
    data: ({ spec }) => {
      const scaled = spec.scale === 'max';
      const divide = scaled ? ' / scale' : '';
      return [
        `// 1. The data: every window of ${spec.window} numbers of the sequence, and the number after it.`,
        `const values = ${typescriptNumbers(spec.values)};`,
        `const windowSize = ${spec.window};`,
        ...(scaled
          ? [
              `// Divide by the largest absolute value, so every number lies in [-1, 1]; answers are scaled back.`,
              `const scale = values.reduce((largest, value) => Math.max(largest, Math.abs(value)), 0) || 1;`,
            ]
          : []),
        `const sampleCount = values.length - windowSize;`,
        `// Inputs: one number per time step, (samples, ${spec.window}, 1); targets: (samples, 1).`,
        `const xValues = new Float32Array(sampleCount * windowSize);`,
        `const yValues = new Float32Array(sampleCount);`,
        `for (let sample = 0; sample < sampleCount; sample += 1) {`,
        `  for (let step = 0; step < windowSize; step += 1) {`,
        `    xValues[sample * windowSize + step] = values[sample + step]${divide};`,
        `  }`,
        `  yValues[sample] = values[sample + windowSize]${divide};`,
        `}`,
        `const x = tf.tensor3d(xValues, [sampleCount, windowSize, 1]);`,
        `const y = tf.tensor2d(yValues, [sampleCount, 1]);`,
        'console.log(`Data: ${sampleCount} windows of ${windowSize} numbers`);',
      ];
    },
    question: ({ spec, query }) => {
      const scaled = spec.scale === 'max';
      const values = query.kind === 'numbers' ? query.values : [];
      return [
        `// 4. Ask the trained network, as LayerLab's playground does: which number comes next?`,
        `const query = ${typescriptNumbers(values)};`,
        `const queryValues = Float32Array.from(query.slice(-windowSize)${scaled ? ', (value) => value / scale' : ''});`,
        `const output = model.predict(tf.tensor3d(queryValues, [1, windowSize, 1])) as tf.Tensor;`,
        `const answer = output.dataSync()[0]${scaled ? ' * scale' : ''};`,
        "console.log(`After ${query.join(', ')} comes ${answer.toFixed(3)}`);",
      ];
    },
  },

  python: {
    data: ({ spec }) => {
      const scaled = spec.scale === 'max';
      return [
        `# 1. The data: every window of ${spec.window} numbers of the sequence, and the number after it.`,
        `values = np.array(${pythonNumberList(spec.values)}, dtype="float64")`,
        `window = ${spec.window}`,
        ...(scaled
          ? [
              '# Divide by the largest absolute value, so every number lies in [-1, 1]; answers are scaled back.',
              'scale = float(np.abs(values).max()) or 1.0',
              'values = values / scale',
            ]
          : []),
        'sample_count = len(values) - window',
        `# Inputs: one number per time step, (samples, ${spec.window}, 1); targets: (samples, 1).`,
        'x = np.array([values[start : start + window] for start in range(sample_count)], dtype="float32")',
        'x = x.reshape(sample_count, window, 1)',
        'y = values[window:].astype("float32").reshape(sample_count, 1)',
        'print(f"Data: {sample_count} windows of {window} numbers")',
      ];
    },
    question: ({ spec, query, predict }) => {
      const scaled = spec.scale === 'max';
      return [
        "# 4. Ask the trained network, as LayerLab's playground does: which number comes next?",
        `query = [${(query.kind === 'numbers' ? query.values : []).map(pythonNumber).join(', ')}]`,
        `query_x = np.array(query[-window:], dtype="float32").reshape(1, window, 1)${scaled ? ' / scale' : ''}`,
        ...predict('query_x', 'prediction'),
        `answer = float(prediction[0])${scaled ? ' * scale' : ''}`,
        'print(f"After {\', \'.join(str(value) for value in query)} comes {answer:.3f}")',
      ];
    },
  },
};
