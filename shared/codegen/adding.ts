/**
 * The data and question steps of an exported program for the adding problem, in TypeScript and
 * in Python. The TypeScript draws its sequences with the same generator and seed as LayerLab, so
 * it trains on the same data; NumPy's generator draws different sequences of the same task.
 * Reads nothing but its arguments.
 */
import type { DataSpec } from '../data/spec.js';
import { pythonString } from '../vocabulary/python.js';
import { typescriptString } from '../vocabulary/typescript-literals.js';

type AddingSpec = Extract<DataSpec, { kind: 'adding' }>;

function describe(spec: AddingSpec): string {
  return `${spec.samples} sequences of ${spec.length} random numbers in [0, 1), two of them marked (one in each half); the target is the sum of the two marked numbers.`;
}

export function typescriptAddingData(spec: AddingSpec): string[] {
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
}

export function typescriptAddingQuestion(text: string): string[] {
  return [
    `// 4. Ask the trained network, as LayerLab's playground does: what do the two starred numbers add up to?`,
    `const query = ${typescriptString(text)};`,
    `const tokens = query.split(/[\\s,]+/).filter((token) => token !== '');`,
    `const queryValues = new Float32Array(sequenceLength * 2);`,
    `tokens.forEach((token, step) => {`,
    `  queryValues[step * 2] = parseFloat(token);`,
    `  queryValues[step * 2 + 1] = token.endsWith('*') ? 1 : 0;`,
    `});`,
    `const marked = tokens.filter((token) => token.endsWith('*')).map((token) => parseFloat(token));`,
    `const output = model.predict(tf.tensor3d(queryValues, [1, sequenceLength, 2])) as tf.Tensor;`,
    'console.log(`The marked numbers ${marked.join(" and ")} add up to ${(marked[0] + marked[1]).toFixed(3)}; the network answers ${output.dataSync()[0].toFixed(3)}`);',
  ];
}

export function pythonAddingData(spec: AddingSpec): string[] {
  return [
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
  ];
}

export function pythonAddingQuestion(text: string, predict: (input: string, output: string) => string[]): string[] {
  return [
    "# 4. Ask the trained network, as LayerLab's playground does: what do the two starred numbers add up to?",
    `query = ${pythonString(text)}`,
    'tokens = query.replace(",", " ").split()',
    'query_x = np.array([[float(token.rstrip("*")), 1.0 if token.endswith("*") else 0.0] for token in tokens], dtype="float32")[None]',
    'marked = [float(token.rstrip("*")) for token in tokens if token.endswith("*")]',
    ...predict('query_x', 'prediction'),
    'print(f"The marked numbers {marked[0]} and {marked[1]} add up to {sum(marked):.3f}; the network answers {float(prediction[0]):.3f}")',
  ];
}
