/**
 * The data and question steps of an exported program for labelled texts, in TypeScript and in
 * Python: the examples written out, and the words numbered as LayerLab numbers them (most frequent
 * first, 0 for padding, 1 for an unknown word), so the Embedding reads the same indices. Reads
 * nothing but its arguments.
 */
import type { DataSpec } from '../data/spec.js';
import { pythonString } from '../vocabulary/python.js';
import { pythonRanked, typescriptRanked } from '../vocabulary/code-text.js';
import { typescriptString } from '../vocabulary/typescript-literals.js';

type TextClassSpec = Extract<DataSpec, { kind: 'text-class' }>;

function describe(spec: TextClassSpec): string {
  return `${spec.examples.length} labelled texts; each becomes the indices of its last ${spec.length} words.`;
}

export function typescriptTextClassData(spec: TextClassSpec): string[] {
  return [
    `// 1. The data: ${describe(spec)}`,
    `const examples: [string, string][] = [`,
    ...spec.examples.map((example) => `  [${typescriptString(example.text)}, ${typescriptString(example.label)}],`),
    `];`,
    `const textLength = ${spec.length};`,
    `// A text's words: lower case, letters and digits, split at anything else.`,
    `const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) ?? [];`,
    `// The vocabulary: every word, most frequent first (ties in alphabetical order), numbered from 2;`,
    `// 0 pads a short text and 1 stands for a word the vocabulary does not hold.`,
    `const counts = new Map<string, number>();`,
    `for (const [text] of examples) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);`,
    `const vocabulary = [...counts]`,
    `  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))`,
    `  .map(([word]) => word);`,
    `const wordIndex = new Map(vocabulary.map((word, position) => [word, position + 2]));`,
    `const encode = (text: string): number[] => {`,
    `  const codes = wordsOf(text)`,
    `    .map((word) => wordIndex.get(word) ?? 1)`,
    `    .slice(-textLength);`,
    `  return [...new Array<number>(textLength - codes.length).fill(0), ...codes];`,
    `};`,
    `const labels = [...new Set(examples.map(([, label]) => label))].sort();`,
    `const sampleCount = examples.length;`,
    `// Inputs: word indices, int32, (samples, ${spec.length}); targets: each label's index, as float32.`,
    `const x = tf.tensor2d(examples.flatMap(([text]) => encode(text)), [sampleCount, textLength], 'int32');`,
    `const y = tf.tensor1d(examples.map(([, label]) => labels.indexOf(label)));`,
    'console.log(`Data: ${sampleCount} texts, ${vocabulary.length} words, labels ${labels.join(", ")}`);',
  ];
}

export function typescriptTextClassQuestion(text: string): string[] {
  return [
    `// 4. Ask the trained network, as LayerLab's playground does: which label does this text get?`,
    `const query = ${typescriptString(text)};`,
    `const output = model.predict(tf.tensor2d([encode(query)], [1, textLength], 'int32')) as tf.Tensor;`,
    ...typescriptRanked('labels', 'For ${JSON.stringify(query)}'),
  ];
}

export function pythonTextClassData(spec: TextClassSpec, oneHotTargets: boolean): string[] {
  return [
    `# 1. The data: ${describe(spec)}`,
    'examples = [',
    ...spec.examples.map((example) => `    (${pythonString(example.text)}, ${pythonString(example.label)}),`),
    ']',
    `text_length = ${spec.length}`,
    '',
    '',
    'def words_of(text):',
    `    """A text's words: lower case, letters and digits, split at anything else."""`,
    '    return "".join(character if character.isalnum() else " " for character in text.lower()).split()',
    '',
    '',
    '# The vocabulary: every word, most frequent first (ties in alphabetical order), numbered from 2;',
    '# 0 pads a short text and 1 stands for a word the vocabulary does not hold.',
    'counts = {}',
    'for text, _ in examples:',
    '    for word in words_of(text):',
    '        counts[word] = counts.get(word, 0) + 1',
    'vocabulary = sorted(counts, key=lambda word: (-counts[word], word))',
    'word_index = {word: position + 2 for position, word in enumerate(vocabulary)}',
    '',
    '',
    'def encode(text):',
    `    """A text as word indices: its last words, padded with 0 in front."""`,
    '    codes = [word_index.get(word, 1) for word in words_of(text)][-text_length:]',
    '    return [0] * (text_length - len(codes)) + codes',
    '',
    '',
    'labels = sorted({label for _, label in examples})',
    'sample_count = len(examples)',
    `# Inputs: word indices, (samples, ${spec.length}); targets: each label's index.`,
    'x = np.array([encode(text) for text, _ in examples], dtype="int64")',
    'y = np.array([labels.index(label) for _, label in examples], dtype="int64")',
    ...(oneHotTargets
      ? [
          '# categorical_crossentropy compares whole distributions: one-hot targets.',
          'y = np.eye(len(labels), dtype="float32")[y]',
        ]
      : []),
    'print(f"Data: {sample_count} texts, {len(vocabulary)} words, labels {\', \'.join(labels)}")',
  ];
}

export function pythonTextClassQuestion(text: string, predict: (input: string, output: string) => string[]): string[] {
  return [
    "# 4. Ask the trained network, as LayerLab's playground does: which label does this text get?",
    `query = ${pythonString(text)}`,
    'query_x = np.array([encode(query)], dtype="int64")',
    ...predict('query_x', 'probabilities'),
    ...pythonRanked('labels', 'For {query!r}'),
  ];
}
