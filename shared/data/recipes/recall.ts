/**
 * Remember the first symbol: sequences of random symbols, and the target is the one they started
 * with. The longer the sequence, the further back the network must carry it: a long-range
 * dependency, generated from a seed. The exported TypeScript draws its sequences with the same
 * generator and seed as LayerLab, so it trains on the same data; NumPy's generator draws
 * different sequences of the same task.
 */
import { z } from 'zod';
import { createRandom } from '../../math/random.js';
import { pythonString } from '../../vocabulary/python.js';
import { pythonRanked, typescriptRanked } from '../../vocabulary/code-text.js';
import { typescriptString } from '../../vocabulary/typescript-literals.js';
import type { Dataset } from '../dataset.js';
import {
  generatedSamples,
  generatorSeed,
  oneHotTargets,
  previewRows,
  sequenceCountField,
  sequenceHeadings,
  sequenceLengthField,
  type RecipeDef,
} from '../recipe.js';
import { oneHotWindow } from './text-next-char.js';

export const recallSpec = z
  .object({
    kind: z.literal('recall'),
    /** Steps per sequence; the symbol to remember is the first. */
    length: z.number().int().min(2).max(200),
    /** How many different symbols: A, B, C… */
    symbols: z.number().int().min(2).max(10),
    samples: generatedSamples,
    seed: generatorSeed,
  })
  .strict();
type Spec = z.infer<typeof recallSpec>;

/** The letters a recall recipe's symbols are written with. */
export function recallSymbols(count: number): string[] {
  return Array.from({ length: count }, (_, index) => String.fromCharCode(65 + index));
}

function describe(spec: Spec): string {
  const letters = recallSymbols(spec.symbols);
  return `${spec.samples} sequences of ${spec.length} random symbols (${letters[0]} to ${letters.at(-1)}); the target is the symbol each one starts with.`;
}

const typed = (text: string) => Array.from(text.replace(/[\s,]/g, '').toUpperCase());

export const recall: RecipeDef<Spec> = {
  kind: 'recall',
  schema: recallSpec,
  defaultSpec: { kind: 'recall', length: 20, symbols: 4, samples: 800, seed: 7 },
  title: { en: 'Sequences: remember the first symbol', es: 'Secuencias: recordar el primer símbolo' },

  build(spec) {
    const random = createRandom(spec.seed);
    const labels = recallSymbols(spec.symbols);
    const x = new Float32Array(spec.samples * spec.length * spec.symbols);
    const y = new Float32Array(spec.samples);
    const preview: Dataset['preview'] = [];
    for (let sample = 0; sample < spec.samples; sample += 1) {
      let written = '';
      for (let step = 0; step < spec.length; step += 1) {
        const symbol = Math.floor(random() * spec.symbols);
        x[(sample * spec.length + step) * spec.symbols + symbol] = 1;
        if (step === 0) y[sample] = symbol;
        written += labels[symbol] ?? '';
      }
      if (sample < previewRows) preview.push({ input: written, target: labels[y[sample] ?? 0] ?? '' });
    }
    return {
      ok: true,
      dataset: {
        x: { values: x, shape: [spec.samples, spec.length, spec.symbols], dtype: 'float32' },
        y: { values: y, shape: [spec.samples], dtype: 'float32' },
        target: { kind: 'class', labels },
        preview,
      },
    };
  },

  panel: () => [
    {
      widget: 'note',
      text: {
        en: 'Random sequences of symbols A, B, C…; the target is the symbol each starts with. The longer the sequence, the further back the network must remember.',
        es: 'Secuencias aleatorias de símbolos A, B, C…; el objetivo es el símbolo con que empieza cada una. Cuanto más larga la secuencia, más atrás tiene que recordar la red.',
      },
    },
    sequenceLengthField(2),
    {
      widget: 'whole',
      label: { en: 'symbols', es: 'símbolos' },
      min: 2,
      max: 10,
      get: (spec) => spec.symbols,
      set: (spec, symbols) => ({ ...spec, symbols }),
    },
    sequenceCountField(),
  ],
  preview: () => ({ labels: 'vocabulary', headings: sequenceHeadings }),
  playground: () => ({ input: 'text' }),

  /** A sequence to ask about: an A, then B and C over and over, as long as the recipe's sequences. */
  defaultQuery(spec) {
    const letters = recallSymbols(spec.symbols);
    return Array.from({ length: spec.length }, (_, step) =>
      step === 0 ? 'A' : (letters[1 + (step % (spec.symbols - 1))] ?? 'B'),
    ).join('');
  },

  /** A recall query: exactly as many symbols as the sequences have, in capitals or not. */
  encodeQuery(spec, _dataset, text) {
    const letters = recallSymbols(spec.symbols);
    const symbols = typed(text);
    const values = symbols.length === spec.length ? oneHotWindow(symbols, letters) : null;
    if (values) return { ok: true, values, shape: [1, spec.length, spec.symbols] };
    const known = letters.join(', ');
    return {
      ok: false,
      problem: {
        en: `Type ${spec.length} symbols, each one of ${known}: the network reads sequences of ${spec.length} (you typed ${symbols.length}).`,
        es: `Escribe ${spec.length} símbolos, cada uno de ${known}: la red lee secuencias de ${spec.length} (has escrito ${symbols.length}).`,
      },
    };
  },

  planQuery(spec, dataset, query) {
    const readable = query !== undefined && recall.encodeQuery(spec, dataset, query).ok;
    return { kind: 'text', text: readable ? typed(query).join('') : recall.defaultQuery(spec) };
  },

  typescript: {
    data: ({ spec, useHelper }) => {
      useHelper('mulberry32');
      return [
        `// 1. The data: ${describe(spec)}`,
        `// Drawn with mulberry32 from the recipe's seed, as LayerLab draws them.`,
        `const sequenceLength = ${spec.length};`,
        `const symbols = [${recallSymbols(spec.symbols).map(typescriptString).join(', ')}];`,
        `const sampleCount = ${spec.samples};`,
        `const dataRandom = mulberry32(${spec.seed});`,
        `// Inputs: each symbol one-hot, (samples, ${spec.length}, ${spec.symbols}); targets: the first symbol's index.`,
        `const xValues = new Float32Array(sampleCount * sequenceLength * symbols.length);`,
        `const yValues = new Float32Array(sampleCount);`,
        `for (let sample = 0; sample < sampleCount; sample += 1) {`,
        `  for (let step = 0; step < sequenceLength; step += 1) {`,
        `    const symbol = Math.floor(dataRandom() * symbols.length);`,
        `    xValues[(sample * sequenceLength + step) * symbols.length + symbol] = 1;`,
        `    if (step === 0) yValues[sample] = symbol;`,
        `  }`,
        `}`,
        `const x = tf.tensor3d(xValues, [sampleCount, sequenceLength, symbols.length]);`,
        `const y = tf.tensor1d(yValues);`,
        'console.log(`Data: ${sampleCount} sequences of ${sequenceLength} symbols`);',
      ];
    },
    question: ({ query }) => [
      `// 4. Ask the trained network, as LayerLab's playground does: which symbol did this sequence start with?`,
      `const query = ${typescriptString(query.kind === 'text' ? query.text : '')};`,
      `const queryValues = new Float32Array(sequenceLength * symbols.length);`,
      `Array.from(query).forEach((symbol, step) => {`,
      `  queryValues[step * symbols.length + symbols.indexOf(symbol)] = 1;`,
      `});`,
      `const output = model.predict(tf.tensor3d(queryValues, [1, sequenceLength, symbols.length])) as tf.Tensor;`,
      ...typescriptRanked('symbols', 'For ${query}'),
    ],
  },

  python: {
    data: (code) => [
      `# 1. The data: ${describe(code.spec)}`,
      "# Drawn with NumPy from the recipe's seed: other sequences than LayerLab's, the same task.",
      `sequence_length = ${code.spec.length}`,
      `symbols = [${recallSymbols(code.spec.symbols).map(pythonString).join(', ')}]`,
      `sample_count = ${code.spec.samples}`,
      `rng = np.random.default_rng(${code.spec.seed})`,
      'codes = rng.integers(0, len(symbols), size=(sample_count, sequence_length))',
      `# Inputs: each symbol one-hot, (samples, ${code.spec.length}, ${code.spec.symbols}); targets: the first symbol's index.`,
      'x = np.eye(len(symbols), dtype="float32")[codes]',
      'y = codes[:, 0].astype("int64")',
      ...(oneHotTargets(code)
        ? [
            '# categorical_crossentropy compares whole distributions: one-hot targets.',
            'y = np.eye(len(symbols), dtype="float32")[y]',
          ]
        : []),
      'print(f"Data: {sample_count} sequences of {sequence_length} symbols")',
    ],
    question: ({ query, predict }) => [
      "# 4. Ask the trained network, as LayerLab's playground does: which symbol did this sequence start with?",
      `query = ${pythonString(query.kind === 'text' ? query.text : '')}`,
      'query_x = np.eye(len(symbols), dtype="float32")[[symbols.index(symbol) for symbol in query]][None]',
      ...predict('query_x', 'probabilities'),
      ...pythonRanked('symbols', 'For {query}'),
    ],
  },
};
