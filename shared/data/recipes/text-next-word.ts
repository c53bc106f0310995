/**
 * Text, next word: every window of words of a text, and the word after it, as indices in a
 * vocabulary made from the part of the text trained on (most frequent first, capped; 0 pads and 1
 * is any other word), for an Embedding and a recurrent layer to read in order. The last tenth of
 * the windows, the end of the text, is the test split. The playground writes on from a typed
 * beginning, one sampled word at a time. Reads nothing but its arguments.
 */
import { z } from 'zod';
import { pythonString } from '../../vocabulary/python.js';
import { typescriptRanked } from '../../vocabulary/code-text.js';
import { typescriptString } from '../../vocabulary/typescript-literals.js';
import { paddingIndex, unknownIndex, type Dataset } from '../dataset.js';
import {
  maxRawLength,
  oneHotTargets,
  previewRows,
  textQuery,
  windowHeadings,
  textField,
  type RecipeDef,
} from '../recipe.js';
import { pythonWordsOf, textVocabulary, typescriptWordsOf, wordsOf } from './text-class.js';

export const textNextWordSpec = z
  .object({
    kind: z.literal('text-next-word'),
    /** The raw text; its words are read lower-cased, letters and digits, split at anything else. */
    text: z.string().min(1).max(maxRawLength),
    /** How many words the network reads before guessing the next one. */
    window: z.number().int().min(1).max(64),
    /** Entries of the vocabulary, the padding and the unknown word among them. */
    vocabulary: z.number().int().min(3).max(20_000),
  })
  .strict();
type Spec = z.infer<typeof textNextWordSpec>;

/** The share of the windows, from the end of the text, held out as the test split. */
const testShare = 0.1;
/** Fewer windows than this keep no test split: a tenth of them would say nothing. */
const fewestForTest = 50;

/** How many windows a text of `words` words makes, and how many of the last are the test split. */
function windowCounts(words: number, window: number): { count: number; testCount: number } {
  const count = Math.max(words - window, 0);
  return { count, testCount: count >= fewestForTest ? Math.floor(count * testShare) : 0 };
}

/**
 * The vocabulary by index: padding, unknown, then the words the training windows read or guess,
 * most frequent first, up to `size` entries in all. The test split's words are not looked at.
 */
export function nextWordVocabulary(words: readonly string[], window: number, size: number): string[] {
  const { count, testCount } = windowCounts(words.length, window);
  const trained = words.slice(0, count - testCount + window);
  return ['<pad>', '<unknown>', ...textVocabulary([trained.join(' ')]).slice(0, size - 2)];
}

const vocabularyOf = (dataset: Dataset) => dataset.words ?? [];

/** The proposed vocabulary: every word of a short text, the 2,000 most frequent of a long one. */
const proposedVocabulary = (text: string) => Math.min(new Set(wordsOf(text)).size + 2, 2_000);

const describe = (spec: Spec) =>
  `every window of ${spec.window} words of the text, and the word after it; the last tenth of the windows is the test split`;

export const textNextWord: RecipeDef<Spec> = {
  kind: 'text-next-word',
  schema: textNextWordSpec,
  defaultSpec: {
    kind: 'text-next-word',
    text: 'the cat sat on the mat. the dog sat on the log. the cat saw the dog, and the dog saw the cat.',
    window: 3,
    vocabulary: 1_000,
  },
  title: { en: 'Text: next word', es: 'Texto: siguiente palabra' },

  build(spec) {
    const words = wordsOf(spec.text);
    const { count, testCount } = windowCounts(words.length, spec.window);
    if (count < 2) {
      return {
        ok: false,
        field: 'window',
        problem: {
          en: `The text has ${words.length} words: a window of ${spec.window} leaves ${count === 1 ? 'one word' : 'nothing'} to predict. Use a longer text or a shorter window.`,
          es: `El texto tiene ${words.length} palabras: una ventana de ${spec.window} deja ${count === 1 ? 'una sola palabra' : 'nada'} que predecir. Usa un texto más largo o una ventana menor.`,
        },
      };
    }
    const vocabulary = nextWordVocabulary(words, spec.window, spec.vocabulary);
    const index = new Map(vocabulary.map((word, position) => [word, position]));
    const codes = Int32Array.from(words, (word) => index.get(word) ?? unknownIndex);
    const tensors = (from: number, to: number) => {
      const x = new Int32Array((to - from) * spec.window);
      // Class indices as float32: tf.js' sparse cross-entropy floors its labels and takes floats only.
      const y = new Float32Array(to - from);
      for (let start = from; start < to; start += 1) {
        x.set(codes.subarray(start, start + spec.window), (start - from) * spec.window);
        y[start - from] = codes[start + spec.window] ?? unknownIndex;
      }
      return {
        x: { values: x, shape: [to - from, spec.window], dtype: 'int32' as const },
        y: { values: y, shape: [to - from], dtype: 'float32' as const },
      };
    };
    const trainCount = count - testCount;
    const preview: Dataset['preview'] = [];
    for (let start = 0; start < Math.min(previewRows, trainCount); start += 1) {
      preview.push({
        input: words.slice(start, start + spec.window).join(' '),
        target: words[start + spec.window] ?? '',
      });
    }
    return {
      ok: true,
      dataset: {
        ...tensors(0, trainCount),
        ...(testCount > 0 ? { test: tensors(trainCount, count) } : {}),
        target: { kind: 'class', labels: vocabulary },
        preview,
        words: vocabulary,
        readInOrder: true,
      },
    };
  },

  // A text file the command line asks to read word by word (`--words N`); the app opens a text
  // file by characters, and the Data tab's menu carries its text here.
  opens: {
    extensions: ['.txt', '.md'],
    maxBytes: maxRawLength,
    spec: (_name, text, choices) => ({
      kind: 'text-next-word',
      text,
      window: choices?.words ?? 5,
      vocabulary: proposedVocabulary(text),
    }),
    reopen: (spec, _name, text) => ({ ...spec, text }),
    // Never longer than a project keeps inside (maxRawLength), so never saved outside it.
    file: (spec) => ({ name: 'text.txt', text: spec.text }),
    claims: (choices) => choices.words !== undefined,
  },
  rawText: (spec) => spec.text,

  panel: (spec) => [
    textField(),
    {
      widget: 'whole',
      label: { en: 'words read before guessing', es: 'palabras leídas antes de adivinar' },
      min: 1,
      max: 64,
      get: (current) => current.window,
      set: (current, window) => ({ ...current, window }),
    },
    {
      widget: 'whole',
      label: { en: 'vocabulary (words kept)', es: 'vocabulario (palabras que se guardan)' },
      min: 3,
      max: 20_000,
      get: (current) => current.vocabulary,
      set: (current, vocabulary) => ({ ...current, vocabulary }),
    },
    {
      widget: 'note',
      text: {
        en: `Words are read in lower case, letters and digits. The vocabulary keeps at most the ${spec.vocabulary - 2} most frequent words of the part trained on; any other reads as <unknown>, and is never written. The last tenth of the windows, the end of the text, is the test split.`,
        es: `Las palabras se leen en minúsculas, letras y dígitos. El vocabulario guarda como mucho las ${spec.vocabulary - 2} palabras más frecuentes de la parte de entrenamiento; cualquier otra se lee como <unknown> y nunca se escribe. La última décima parte de las ventanas, el final del texto, es la división de prueba.`,
      },
    },
  ],
  preview: () => ({ labels: 'words', headings: windowHeadings }),
  playground: () => ({
    input: 'text',
    writes: 'words',
    label: { en: 'The words so far', es: 'Las palabras hasta ahora' },
  }),

  defaultQuery: (spec) => wordsOf(spec.text).slice(0, spec.window).join(' '),

  /** The last `window` words typed, as the vocabulary numbers them; a word it never kept is <unknown>. */
  encodeQuery(spec, dataset, text) {
    const words = wordsOf(text);
    if (words.length < spec.window) {
      return {
        ok: false,
        problem: {
          en: `Type at least ${spec.window} words: the network reads ${spec.window} at a time (${words.length} so far).`,
          es: `Escribe al menos ${spec.window} palabras: la red lee ${spec.window} cada vez (van ${words.length}).`,
        },
      };
    }
    const index = new Map(vocabularyOf(dataset).map((word, position) => [word, position]));
    const values = Float32Array.from(words.slice(-spec.window), (word) => index.get(word) ?? unknownIndex);
    return { ok: true, values, shape: [1, spec.window] };
  },

  planQuery: (spec, dataset, query) => textQuery(textNextWord, spec, dataset, query),

  typescript: {
    data: ({ spec, dataset }) => {
      const testCount = dataset.test?.x.shape[0] ?? 0;
      return [
        `// 1. The data: ${describe(spec)}.`,
        `const text = ${typescriptString(spec.text)};`,
        `const windowSize = ${spec.window};`,
        `// A text's words: lower case, letters and digits, split at anything else.`,
        typescriptWordsOf,
        `const words = wordsOf(text);`,
        `// The vocabulary LayerLab made from the part trained on, most frequent first: ${paddingIndex} pads, ${unknownIndex} is any other word.`,
        `const vocabulary = [${vocabularyOf(dataset).map(typescriptString).join(', ')}];`,
        `const wordIndex = new Map(vocabulary.map((word, position) => [word, position]));`,
        `const codes = words.map((word) => wordIndex.get(word) ?? ${unknownIndex});`,
        `const windows = codes.length - windowSize;`,
        `const testCount = ${testCount};`,
        `const sampleCount = windows - testCount;`,
        `const windowAt = (start: number) => codes.slice(start, start + windowSize);`,
        `const starts = Array.from({ length: windows }, (_, start) => start);`,
        `// Inputs: word indices, int32, (windows, ${spec.window}); targets: the next word's index, as float32.`,
        `const x = tf.tensor2d(starts.slice(0, sampleCount).flatMap(windowAt), [sampleCount, windowSize], 'int32');`,
        `const y = tf.tensor1d(starts.slice(0, sampleCount).map((start) => codes[start + windowSize]));`,
        `const xTest = tf.tensor2d(starts.slice(sampleCount).flatMap(windowAt), [testCount, windowSize], 'int32');`,
        `const yTest = starts.slice(sampleCount).map((start) => codes[start + windowSize]);`,
        'console.log(`Data: ${sampleCount} windows to train on, ${testCount} later ones held out to test, ${vocabulary.length} words`);',
      ];
    },
    question: ({ spec, query }) => [
      `// 4. The test split (the text's last windows, never trained on), measured once; then the playground's question.`,
      `if (testCount > 0) {`,
      `  const answers = (model.predict(xTest) as tf.Tensor).argMax(-1).dataSync();`,
      `  const right = yTest.filter((word, index) => answers[index] === word).length;`,
      'console.log(`test_accuracy ${(right / testCount).toFixed(4)}`);',
      `}`,
      `const query = ${typescriptString(query.kind === 'text' ? query.text : '')};`,
      `// Its last ${spec.window} words, numbered like the training windows.`,
      `const queryWords = wordsOf(query).slice(-windowSize);`,
      `const queryCodes = queryWords.map((word) => wordIndex.get(word) ?? ${unknownIndex});`,
      `const output = model.predict(tf.tensor2d([queryCodes], [1, windowSize], 'int32')) as tf.Tensor;`,
      ...typescriptRanked('vocabulary', 'After ${JSON.stringify(query)}'),
    ],
  },

  python: {
    data: (code) => [
      `# 1. The data: ${describe(code.spec)}.`,
      `text = ${pythonString(code.spec.text)}`,
      `WINDOW = ${code.spec.window}`,
      ...pythonWordsOf,
      `# The vocabulary LayerLab made from the part trained on, most frequent first: ${paddingIndex} pads, ${unknownIndex} is any other word.`,
      `VOCABULARY = [${vocabularyOf(code.dataset).map(pythonString).join(', ')}]`,
      `WORD_INDEX = {word: position for position, word in enumerate(VOCABULARY) if position > ${unknownIndex}}`,
      `codes = [WORD_INDEX.get(word, ${unknownIndex}) for word in words_of(text)]`,
      'windows = len(codes) - WINDOW',
      `TEST_COUNT = ${code.dataset.test?.x.shape[0] ?? 0}`,
      'sample_count = windows - TEST_COUNT',
      `# Inputs: word indices, (windows, ${code.spec.window}); targets: the next word's index.`,
      'all_x = np.array([codes[start : start + WINDOW] for start in range(windows)], dtype="int64").reshape(windows, WINDOW)',
      'all_y = np.array([codes[start + WINDOW] for start in range(windows)], dtype="int64")',
      'x, y = all_x[:sample_count], all_y[:sample_count]',
      'x_test, y_test = all_x[sample_count:], all_y[sample_count:]',
      ...(oneHotTargets(code)
        ? [
            '# categorical_crossentropy compares whole distributions: one-hot targets.',
            'y = np.eye(len(VOCABULARY), dtype="float32")[y]',
          ]
        : []),
      'print(f"Data: {sample_count} windows to train on, {TEST_COUNT} later ones held out to test, {len(VOCABULARY)} words")',
    ],
    question: ({ spec, query, predict }) => [
      "# 4. The test split (the text's last windows, never trained on), measured once; then the playground's question.",
      'right = 0',
      'for index in range(len(x_test)):',
      '    test_x = x_test[index : index + 1]',
      ...predict('test_x', 'test_output').map((line) => `    ${line}`),
      '    right += int(int(np.argmax(np.asarray(test_output).reshape(-1))) == int(y_test[index]))',
      'if len(x_test):',
      '    print(f"test_accuracy {right / len(x_test):.4f}")',
      `query = ${pythonString(query.kind === 'text' ? query.text : '')}`,
      `# Its last ${spec.window} words, numbered like the training windows.`,
      `query_x = np.array([[WORD_INDEX.get(word, ${unknownIndex}) for word in words_of(query)[-WINDOW:]]], dtype="int64")`,
      ...predict('query_x', 'probabilities'),
      'print(f"After {query!r} the network expects:")',
      'for index in np.argsort(probabilities)[::-1][:5]:',
      '    print(f"  {VOCABULARY[index]!r}  {probabilities[index]:.1%}")',
    ],
  },
};
