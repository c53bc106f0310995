/**
 * Text, next character: every window of characters of a text, and the character after it, each
 * one-hot over the text's sorted characters (the course's character RNN). The playground writes on
 * from a typed beginning, one sampled character at a time.
 */
import { z } from 'zod';
import { pythonString } from '../../vocabulary/python.js';
import { typescriptRanked } from '../../vocabulary/code-text.js';
import { typescriptString } from '../../vocabulary/typescript-literals.js';
import type { Dataset } from '../dataset.js';
import {
  maxRawLength,
  oneHotTargets,
  previewRows,
  windowField,
  windowHeadings,
  textField,
  type RecipeDef,
} from '../recipe.js';

export const textNextCharSpec = z
  .object({
    kind: z.literal('text-next-char'),
    /** The raw text; its characters, sorted, are the vocabulary. */
    text: z.string().min(1).max(maxRawLength),
    /** How many characters the network sees before guessing the next one. */
    window: z.number().int().min(1).max(512),
  })
  .strict();
type Spec = z.infer<typeof textNextCharSpec>;

/** The sorted characters of `text`, as the course builds its vocabulary. */
export function vocabularyOf(text: string): string[] {
  return [...new Set(Array.from(text))].sort();
}

/** One window of characters, one-hot: a row per character, a 1 in its vocabulary column. */
export function oneHotWindow(characters: readonly string[], vocabulary: readonly string[]): Float32Array | null {
  const values = new Float32Array(characters.length * vocabulary.length);
  for (let step = 0; step < characters.length; step += 1) {
    const index = vocabulary.indexOf(characters[step] ?? '');
    if (index < 0) return null;
    values[step * vocabulary.length + index] = 1;
  }
  return values;
}

const labelsOf = (dataset: Dataset) => (dataset.target.kind === 'class' ? dataset.target.labels : []);

/** The most numbers the one-hot windows may hold: 200 MB of float32. */
export const maxOneHotValues = 50_000_000;

export const textNextChar: RecipeDef<Spec> = {
  kind: 'text-next-char',
  schema: textNextCharSpec,
  defaultSpec: { kind: 'text-next-char', text: 'hello world', window: 3 },
  title: { en: 'Text: next character', es: 'Texto: siguiente carácter' },

  build(spec) {
    const characters = Array.from(spec.text);
    const count = characters.length - spec.window;
    if (count < 1) {
      return {
        ok: false,
        field: 'window',
        problem: {
          en: `The text has ${characters.length} characters: a window of ${spec.window} leaves nothing to predict. Use a longer text or a shorter window.`,
          es: `El texto tiene ${characters.length} caracteres: una ventana de ${spec.window} no deja nada que predecir. Usa un texto más largo o una ventana menor.`,
        },
      };
    }
    const vocabulary = vocabularyOf(spec.text);
    const size = vocabulary.length;
    // Every window one-hot: a long text of many characters would ask for gigabytes; refuse it first.
    const values = count * spec.window * size;
    if (values > maxOneHotValues) {
      const shown = (value: number) => value.toLocaleString('en-US');
      return {
        ok: false,
        field: 'text',
        problem: {
          en: `${shown(count)} windows of ${spec.window} characters, one-hot over ${size} characters, are ${shown(values)} numbers: more than the ${shown(maxOneHotValues)} LayerLab keeps in memory. Use a shorter text or window.`,
          es: `${shown(count)} ventanas de ${spec.window} caracteres, en one-hot sobre ${size} caracteres, son ${shown(values)} números: más de los ${shown(maxOneHotValues)} que LayerLab guarda en memoria. Usa un texto o una ventana más cortos.`,
        },
      };
    }
    // A map, not indexOf: a long text has a million characters to look up.
    const indexOf = new Map(vocabulary.map((character, index) => [character, index]));
    const x = new Float32Array(count * spec.window * size);
    // Class indices as float32: tf.js' sparse cross-entropy floors its labels and takes floats only.
    const y = new Float32Array(count);
    const preview: Dataset['preview'] = [];
    for (let sample = 0; sample < count; sample += 1) {
      for (let step = 0; step < spec.window; step += 1) {
        x[(sample * spec.window + step) * size + (indexOf.get(characters[sample + step] ?? '') ?? 0)] = 1;
      }
      y[sample] = indexOf.get(characters[sample + spec.window] ?? '') ?? 0;
      if (sample < previewRows) {
        preview.push({
          input: characters.slice(sample, sample + spec.window).join(''),
          target: characters[sample + spec.window] ?? '',
        });
      }
    }
    return {
      ok: true,
      dataset: {
        x: { values: x, shape: [count, spec.window, size], dtype: 'float32' },
        y: { values: y, shape: [count], dtype: 'float32' },
        target: { kind: 'class', labels: vocabulary },
        preview,
      },
    };
  },

  // A text file the learner opens: its text, read in windows of the default size.
  opens: {
    extensions: ['.txt', '.md'],
    maxBytes: maxRawLength,
    spec: (_name, text) => ({ kind: 'text-next-char', text, window: 10 }),
    reopen: (spec, _name, text) => ({ ...spec, text }),
    // Never longer than a project keeps inside (maxRawLength), so never saved outside it.
    file: (spec) => ({ name: 'text.txt', text: spec.text }),
  },

  panel: () => [
    textField(),
    windowField(),
    {
      widget: 'note',
      text: {
        en: 'To guess whole words instead, choose “Text: next word” as the data source: the text comes along.',
        es: 'Para adivinar palabras enteras, elige «Texto: siguiente palabra» como fuente de datos: el texto se conserva.',
      },
    },
  ],
  preview: () => ({ labels: 'vocabulary', headings: windowHeadings, oneHot: true }),
  playground: () => ({ input: 'text', writes: 'characters' }),
  rawText: (spec) => spec.text,

  defaultQuery: (spec) => Array.from(spec.text).slice(0, spec.window).join(''),

  encodeQuery(spec, dataset, text) {
    const labels = labelsOf(dataset);
    const characters = Array.from(text);
    if (characters.length < spec.window) {
      return {
        ok: false,
        problem: {
          en: `Type at least ${spec.window} characters: the network reads ${spec.window} at a time.`,
          es: `Escribe al menos ${spec.window} caracteres: la red lee ${spec.window} cada vez.`,
        },
      };
    }
    const window = characters.slice(-spec.window);
    const values = oneHotWindow(window, labels);
    if (values) return { ok: true, values, shape: [1, spec.window, labels.length] };
    const unknown = window.find((character) => !labels.includes(character)) ?? '';
    // Quoted for the playground's message, which React escapes: not generated code.
    // eslint-disable-next-line no-restricted-syntax
    const known = labels.map((label) => JSON.stringify(label)).join(' ');
    return {
      ok: false,
      problem: {
        en: `“${unknown}” never appears in the training text, so the network has no input for it. It knows: ${known}.`,
        es: `«${unknown}» no aparece en el texto de entrenamiento, así que la red no tiene entrada para él. Conoce: ${known}.`,
      },
    };
  },

  planQuery(spec, dataset, query) {
    const labels = labelsOf(dataset);
    const characters = Array.from(query ?? '');
    const readable = characters.length >= spec.window && characters.every((character) => labels.includes(character));
    return { kind: 'text', text: readable && query !== undefined ? query : textNextChar.defaultQuery(spec) };
  },

  typescript: {
    data: ({ spec }) => [
      `// 1. The data: every window of ${spec.window} characters of the text, and the character after it.`,
      `const text = ${typescriptString(spec.text)};`,
      `const windowSize = ${spec.window};`,
      `const characters = Array.from(text);`,
      `// The vocabulary: the text's distinct characters, sorted.`,
      `const vocabulary = [...new Set(characters)].sort();`,
      `const sampleCount = characters.length - windowSize;`,
      `// Inputs: each character one-hot encoded, (samples, ${spec.window}, vocabulary size).`,
      `const xValues = new Float32Array(sampleCount * windowSize * vocabulary.length);`,
      `// Targets: the index of the next character, as float32, which tf.js' losses take.`,
      `const yValues = new Float32Array(sampleCount);`,
      `for (let sample = 0; sample < sampleCount; sample += 1) {`,
      `  for (let step = 0; step < windowSize; step += 1) {`,
      `    const index = vocabulary.indexOf(characters[sample + step]);`,
      `    xValues[(sample * windowSize + step) * vocabulary.length + index] = 1;`,
      `  }`,
      `  yValues[sample] = vocabulary.indexOf(characters[sample + windowSize]);`,
      `}`,
      `const x = tf.tensor3d(xValues, [sampleCount, windowSize, vocabulary.length]);`,
      `const y = tf.tensor1d(yValues);`,
      'console.log(`Data: ${sampleCount} windows of ${windowSize} characters, ${vocabulary.length} characters in the vocabulary`);',
    ],
    question: ({ spec, query }) => [
      `// 4. Ask the trained network, as LayerLab's playground does: which character comes next?`,
      `const query = ${typescriptString(query.kind === 'text' ? query.text : '')};`,
      `// Its last ${spec.window} characters, one-hot encoded like the training windows.`,
      `const queryValues = new Float32Array(windowSize * vocabulary.length);`,
      `Array.from(query)`,
      `  .slice(-windowSize)`,
      `  .forEach((character, step) => {`,
      `    queryValues[step * vocabulary.length + vocabulary.indexOf(character)] = 1;`,
      `  });`,
      `const output = model.predict(tf.tensor3d(queryValues, [1, windowSize, vocabulary.length])) as tf.Tensor;`,
      ...typescriptRanked('vocabulary', 'After ${JSON.stringify(query)}'),
    ],
  },

  python: {
    data: (code) => [
      `# 1. The data: every window of ${code.spec.window} characters of the text, and the character after it.`,
      `text = ${pythonString(code.spec.text)}`,
      `window = ${code.spec.window}`,
      "# The vocabulary: the text's distinct characters, sorted.",
      'vocabulary = sorted(set(text))',
      'sample_count = len(text) - window',
      `# Inputs: each character one-hot encoded, (samples, ${code.spec.window}, vocabulary size).`,
      'x = np.zeros((sample_count, window, len(vocabulary)), dtype="float32")',
      '# Targets: the index of the character after each window.',
      'y = np.zeros(sample_count, dtype="int64")',
      'for sample in range(sample_count):',
      '    for step, character in enumerate(text[sample : sample + window]):',
      '        x[sample, step, vocabulary.index(character)] = 1',
      '    y[sample] = vocabulary.index(text[sample + window])',
      ...(oneHotTargets(code)
        ? [
            '# categorical_crossentropy compares whole distributions: one-hot targets.',
            'y = np.eye(len(vocabulary), dtype="float32")[y]',
          ]
        : []),
      'print(f"Data: {sample_count} windows of {window} characters, {len(vocabulary)} in the vocabulary")',
    ],
    question: ({ spec, query, predict }) => [
      "# 4. Ask the trained network, as LayerLab's playground does: which character comes next?",
      `query = ${pythonString(query.kind === 'text' ? query.text : '')}`,
      `# Its last ${spec.window} characters, one-hot encoded like the training windows.`,
      'query_x = np.zeros((1, window, len(vocabulary)), dtype="float32")',
      'for step, character in enumerate(query[-window:]):',
      '    query_x[0, step, vocabulary.index(character)] = 1',
      ...predict('query_x', 'probabilities'),
      'print(f"After {query!r} the network expects:")',
      'for index in np.argsort(probabilities)[::-1][:5]:',
      '    print(f"  {vocabulary[index]!r}  {probabilities[index]:.1%}")',
    ],
  },
};
