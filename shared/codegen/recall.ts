/**
 * The data and question steps of an exported program for a recall recipe (remember the first
 * symbol), in TypeScript and in Python. The TypeScript draws its sequences with the same
 * generator and seed as LayerLab, so it trains on the same data; NumPy's generator draws
 * different sequences of the same task. Reads nothing but its arguments.
 */
import { recallSymbols } from '../data/build.js';
import type { DataSpec } from '../data/spec.js';
import { pythonString } from '../vocabulary/python.js';
import { pythonRanked, typescriptRanked } from '../vocabulary/code-text.js';
import { typescriptString } from '../vocabulary/typescript-literals.js';

type RecallSpec = Extract<DataSpec, { kind: 'recall' }>;

function describe(spec: RecallSpec): string {
  const letters = recallSymbols(spec.symbols);
  return `${spec.samples} sequences of ${spec.length} random symbols (${letters[0]} to ${letters.at(-1)}); the target is the symbol each one starts with.`;
}

export function typescriptRecallData(spec: RecallSpec): string[] {
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
}

export function typescriptRecallQuestion(text: string): string[] {
  return [
    `// 4. Ask the trained network, as LayerLab's playground does: which symbol did this sequence start with?`,
    `const query = ${typescriptString(text)};`,
    `const queryValues = new Float32Array(sequenceLength * symbols.length);`,
    `Array.from(query).forEach((symbol, step) => {`,
    `  queryValues[step * symbols.length + symbols.indexOf(symbol)] = 1;`,
    `});`,
    `const output = model.predict(tf.tensor3d(queryValues, [1, sequenceLength, symbols.length])) as tf.Tensor;`,
    ...typescriptRanked('symbols', 'For ${query}'),
  ];
}

export function pythonRecallData(spec: RecallSpec, oneHotTargets: boolean): string[] {
  return [
    `# 1. The data: ${describe(spec)}`,
    "# Drawn with NumPy from the recipe's seed: other sequences than LayerLab's, the same task.",
    `sequence_length = ${spec.length}`,
    `symbols = [${recallSymbols(spec.symbols).map(pythonString).join(', ')}]`,
    `sample_count = ${spec.samples}`,
    `rng = np.random.default_rng(${spec.seed})`,
    'codes = rng.integers(0, len(symbols), size=(sample_count, sequence_length))',
    `# Inputs: each symbol one-hot, (samples, ${spec.length}, ${spec.symbols}); targets: the first symbol's index.`,
    'x = np.eye(len(symbols), dtype="float32")[codes]',
    'y = codes[:, 0].astype("int64")',
    ...(oneHotTargets
      ? [
          '# categorical_crossentropy compares whole distributions: one-hot targets.',
          'y = np.eye(len(symbols), dtype="float32")[y]',
        ]
      : []),
    'print(f"Data: {sample_count} sequences of {sequence_length} symbols")',
  ];
}

export function pythonRecallQuestion(text: string, predict: (input: string, output: string) => string[]): string[] {
  return [
    "# 4. Ask the trained network, as LayerLab's playground does: which symbol did this sequence start with?",
    `query = ${pythonString(text)}`,
    'query_x = np.eye(len(symbols), dtype="float32")[[symbols.index(symbol) for symbol in query]][None]',
    ...predict('query_x', 'probabilities'),
    ...pythonRanked('symbols', 'For {query}'),
  ];
}
