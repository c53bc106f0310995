/**
 * Short labelled texts, classified word by word: each text becomes the indices of its words in a
 * vocabulary made from all the texts (most frequent first, 0 for padding, 1 for an unknown word),
 * for an Embedding to read. The exports number the words the same way.
 */
import { z } from 'zod';
import { pythonString } from '../../vocabulary/python.js';
import { pythonRanked, typescriptRanked } from '../../vocabulary/code-text.js';
import { typescriptString } from '../../vocabulary/typescript-literals.js';
import { oneHotTargets, previewRows, targetHeading, textQuery, type RecipeDef } from '../recipe.js';
import { paddingIndex, unknownIndex } from '../dataset.js';

export const textClassSpec = z
  .object({
    kind: z.literal('text-class'),
    examples: z
      .array(z.object({ text: z.string().min(1).max(2000), label: z.string().min(1).max(64) }).strict())
      .min(2)
      .max(10_000),
    /** Words read per text: longer texts keep their last words, shorter ones are padded with 0 in front. */
    length: z.number().int().min(1).max(500),
  })
  .strict();
type Spec = z.infer<typeof textClassSpec>;

export { paddingIndex, unknownIndex };

/** `wordsOf` as the exported TypeScript writes it, one line. */
export const typescriptWordsOf = `const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\\p{L}\\p{N}]+/gu) ?? [];`;

/** `wordsOf` as the exported Python writes it, a function between blank lines. */
export const pythonWordsOf = [
  '',
  '',
  'def words_of(text):',
  `    """A text's words: lower case, letters and digits, split at anything else."""`,
  '    return "".join(character if character.isalnum() else " " for character in text.lower()).split()',
  '',
  '',
];

/** A text's words as LayerLab reads them: lower case, letters and digits, split at anything else. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The vocabulary of a set of texts: every word, most frequent first (ties in alphabetical order),
 * numbered from 2 after the padding and the unknown word.
 */
export function textVocabulary(texts: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of wordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([word]) => word);
}

/** A text as `length` word indices: its last words, padded with 0 in front, unknown words as 1. */
export function encodeWords(text: string, index: ReadonlyMap<string, number>, length: number): number[] {
  const codes = wordsOf(text)
    .map((word) => index.get(word) ?? unknownIndex)
    .slice(-length);
  return [...Array.from({ length: length - codes.length }, () => paddingIndex), ...codes];
}

function describe(spec: Spec): string {
  return `${spec.examples.length} labelled texts; each becomes the indices of its last ${spec.length} words.`;
}

export const textClass: RecipeDef<Spec> = {
  kind: 'text-class',
  schema: textClassSpec,
  defaultSpec: {
    kind: 'text-class',
    examples: [
      { text: 'a wonderful film', label: 'positive' },
      { text: 'a dull and boring film', label: 'negative' },
    ],
    length: 8,
  },
  title: { en: 'Texts: classify by label', es: 'Textos: clasificar por etiqueta' },

  build(spec) {
    const vocabulary = textVocabulary(spec.examples.map((example) => example.text));
    const index = new Map(vocabulary.map((word, position) => [word, position + 2]));
    const labels = [...new Set(spec.examples.map((example) => example.label))].sort();
    if (labels.length < 2) {
      return {
        ok: false,
        field: 'examples',
        problem: {
          en: `Every example has the label “${labels[0] ?? ''}”: a classifier needs at least two labels.`,
          es: `Todos los ejemplos tienen la etiqueta «${labels[0] ?? ''}»: un clasificador necesita al menos dos.`,
        },
      };
    }
    const count = spec.examples.length;
    const x = new Int32Array(count * spec.length);
    const y = new Float32Array(count);
    spec.examples.forEach((example, sample) => {
      x.set(encodeWords(example.text, index, spec.length), sample * spec.length);
      y[sample] = labels.indexOf(example.label);
    });
    return {
      ok: true,
      dataset: {
        x: { values: x, shape: [count, spec.length], dtype: 'int32' },
        y: { values: y, shape: [count], dtype: 'float32' },
        target: { kind: 'class', labels },
        preview: spec.examples.slice(0, previewRows).map((example) => ({ input: example.text, target: example.label })),
        words: ['<pad>', '<unknown>', ...vocabulary],
      },
    };
  },

  panel: (spec) => [
    {
      widget: 'labelled-lines',
      label: { en: 'examples', es: 'ejemplos' },
      hint: {
        en: `One example a line, as label: text. ${spec.examples.length} examples.`,
        es: `Un ejemplo por línea, como etiqueta: texto. ${spec.examples.length} ejemplos.`,
      },
      get: (current) => current.examples,
      set: (current, examples) => ({ ...current, examples }),
    },
    {
      widget: 'whole',
      label: { en: 'words read per text', es: 'palabras leídas por texto' },
      min: 1,
      max: 500,
      get: (current) => current.length,
      set: (current, length) => ({ ...current, length }),
    },
  ],
  preview: () => ({ labels: 'classes', headings: { input: { en: 'text', es: 'texto' }, target: targetHeading } }),
  playground: () => ({ input: 'text' }),

  defaultQuery: (spec) => spec.examples.at(-1)?.text ?? '',

  /** A text to classify: its words as the vocabulary numbers them; words it never saw count as unknown. */
  encodeQuery(spec, dataset, text) {
    if (wordsOf(text).length === 0) {
      return {
        ok: false,
        problem: { en: 'Type a sentence to classify.', es: 'Escribe una frase para clasificar.' },
      };
    }
    const index = new Map((dataset.words ?? []).map((word, position) => [word, position]));
    const codes = encodeWords(text, index, spec.length);
    return { ok: true, values: Float32Array.from(codes), shape: [1, spec.length] };
  },

  planQuery: (spec, dataset, query) => textQuery(textClass, spec, dataset, query),

  typescript: {
    data: ({ spec }) => [
      `// 1. The data: ${describe(spec)}`,
      `const examples: [string, string][] = [`,
      ...spec.examples.map((example) => `  [${typescriptString(example.text)}, ${typescriptString(example.label)}],`),
      `];`,
      `const textLength = ${spec.length};`,
      `// A text's words: lower case, letters and digits, split at anything else.`,
      typescriptWordsOf,
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
    ],
    question: ({ query }) => [
      `// 4. Ask the trained network, as LayerLab's playground does: which label does this text get?`,
      `const query = ${typescriptString(query.kind === 'text' ? query.text : '')};`,
      `const output = model.predict(tf.tensor2d([encode(query)], [1, textLength], 'int32')) as tf.Tensor;`,
      ...typescriptRanked('labels', 'For ${JSON.stringify(query)}'),
    ],
  },

  python: {
    data: (code) => [
      `# 1. The data: ${describe(code.spec)}`,
      'examples = [',
      ...code.spec.examples.map((example) => `    (${pythonString(example.text)}, ${pythonString(example.label)}),`),
      ']',
      `text_length = ${code.spec.length}`,
      ...pythonWordsOf,
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
      `# Inputs: word indices, (samples, ${code.spec.length}); targets: each label's index.`,
      'x = np.array([encode(text) for text, _ in examples], dtype="int64")',
      'y = np.array([labels.index(label) for _, label in examples], dtype="int64")',
      ...(oneHotTargets(code)
        ? [
            '# categorical_crossentropy compares whole distributions: one-hot targets.',
            'y = np.eye(len(labels), dtype="float32")[y]',
          ]
        : []),
      'print(f"Data: {sample_count} texts, {len(vocabulary)} words, labels {\', \'.join(labels)}")',
    ],
    question: ({ query, predict }) => [
      "# 4. Ask the trained network, as LayerLab's playground does: which label does this text get?",
      `query = ${pythonString(query.kind === 'text' ? query.text : '')}`,
      'query_x = np.array([encode(query)], dtype="int64")',
      ...predict('query_x', 'probabilities'),
      ...pythonRanked('labels', 'For {query!r}'),
    ],
  },
};
