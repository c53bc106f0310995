/**
 * A table's column of free text read as labelled texts (part of the table recipe, csv.ts): each
 * row's text becomes the indices of its last `length` words, in a vocabulary made from the
 * training rows alone (most frequent first, capped at `vocabulary` entries with the padding and
 * the unknown word), for an Embedding to read; the target column is its label. Words the test
 * split holds that training never saw read as unknown, as they would for a new text. Reads
 * nothing but its arguments.
 */
import { pythonString } from '../../vocabulary/python.js';
import { typescriptNumbers, typescriptString } from '../../vocabulary/typescript-literals.js';
import type { TensorData } from '../dataset.js';
import { pythonReadTable, typescriptReadTable, type QueryResult } from '../recipe.js';
import {
  encodeWords,
  paddingIndex,
  pythonWordsOf,
  textVocabulary,
  typescriptWordsOf,
  unknownIndex,
  wordsOf,
} from './text-class.js';

export interface TextsChoice {
  /** The column whose cells are the texts, by name. */
  column: string;
  /** Words read per text: longer texts keep their last words, shorter ones are padded in front. */
  length: number;
  /** Entries of the vocabulary, the padding and the unknown word among them. */
  vocabulary: number;
}

/** Whether a column's cells read as free text: four words or more a cell, on average. */
export function looksLikeText(cells: readonly string[]): boolean {
  const filled = cells.filter((cell) => cell.trim() !== '').slice(0, 500);
  if (filled.length === 0) return false;
  const words = filled.reduce((sum, cell) => sum + wordsOf(cell).length, 0);
  return words / filled.length >= 4;
}

/**
 * The choice LayerLab proposes for a text column: enough words to read nine texts in ten whole
 * (at most 200), and up to 10,000 words.
 */
export function proposedTexts(column: string, cells: readonly string[]): TextsChoice {
  const lengths = cells
    .filter((cell) => cell.trim() !== '')
    .map((cell) => wordsOf(cell).length)
    .sort((a, b) => a - b);
  const ninetieth = lengths[Math.floor(lengths.length * 0.9)] ?? 20;
  return { column, length: Math.min(Math.max(ninetieth, 4), 200), vocabulary: 10_000 };
}

/** The vocabulary by index, as the Embedding reads it: padding, unknown, then the training texts' words. */
export function textsWords(trainingTexts: readonly string[], size: number): string[] {
  return ['<pad>', '<unknown>', ...textVocabulary(trainingTexts).slice(0, Math.max(size - 2, 0))];
}

/** Texts as word indices, (texts, length), int32. */
export function encodeTexts(texts: readonly string[], words: readonly string[], length: number): TensorData {
  // '<pad>' and '<unknown>' are never a text's word: wordsOf keeps letters and digits alone.
  const index = new Map(words.map((word, position) => [word, position]));
  const values = new Int32Array(texts.length * length);
  texts.forEach((text, sample) => values.set(encodeWords(text, index, length), sample * length));
  return { values, shape: [texts.length, length], dtype: 'int32' };
}

/** A typed text, encoded as the rows were. */
export function encodeTextQuery(text: string, words: readonly string[], length: number): QueryResult {
  if (wordsOf(text).length === 0)
    return { ok: false, problem: { en: 'Type a text to classify.', es: 'Escribe un texto para clasificar.' } };
  const encoded = encodeTexts([text], words, length);
  return { ok: true, values: Float32Array.from(encoded.values), shape: [1, length] };
}

/** What the exported programs need to read the texts as the app did. */
export interface TextsCode {
  file: string;
  /** The table's text as LayerLab read it: the program refuses another (its fingerprint). */
  text: string;
  header: boolean;
  /** The text column's and the label column's index. */
  column: number;
  target: number;
  /** The rows read, by their number as a spreadsheet shows it, in the order dealt: the test split last. */
  rows: readonly number[];
  testCount: number;
  seed: number;
  words: readonly string[];
  length: number;
  labels: readonly string[];
  /** The network ends in one sigmoid unit (two labels). */
  oneUnit: boolean;
  /** Targets one-hot: the loss compares whole distributions (Python only; tf.js takes indices or one-hot alike). */
  oneHot: boolean;
  /** The targets as a column, (samples, 1): a one-unit output. */
  targetColumn: boolean;
  query: string;
}

export function textsTypescript(code: TextsCode): { data: string[]; question: string[] } {
  return {
    data: [
      `// 1. The data: column ${code.column + 1} of the table ${typescriptString(code.file)} holds texts, column ${code.target + 1} their`,
      `// labels, read with papaparse. Run the program with the file's path as its argument; it reads a file of that name beside it otherwise.`,
      ...typescriptReadTable(code.file, code.text),
      `const rowByNumber = (row: number) => table[row - 1] ?? [];`,
      `// The rows in the order LayerLab dealt them from seed ${code.seed}, by their number as a spreadsheet shows it${code.header ? ' (the header is row 1)' : ''};`,
      `// the last ${code.testCount} are the test split.`,
      `const order = ${typescriptNumbers(code.rows)};`,
      `const testCount = ${code.testCount};`,
      `// The vocabulary LayerLab made from the training rows, most frequent first: 0 pads a short text, 1 is any other word.`,
      `const vocabulary = [${code.words.map(typescriptString).join(', ')}];`,
      `const wordIndex = new Map(vocabulary.map((word, position) => [word, position]));`,
      `const textLength = ${code.length};`,
      `// A text's words: lower case, letters and digits, split at anything else; its last ${code.length}, padded in front.`,
      typescriptWordsOf,
      `const encode = (text: string): number[] => {`,
      `  const codes = wordsOf(text)`,
      `    .map((word) => wordIndex.get(word) ?? ${unknownIndex})`,
      `    .slice(-textLength);`,
      `  return [...new Array<number>(textLength - codes.length).fill(${paddingIndex}), ...codes];`,
      `};`,
      `const classes = [${code.labels.map(typescriptString).join(', ')}];`,
      `const targetOf = (cells: string[]) => classes.indexOf((cells[${code.target}] ?? '').trim());`,
      `const textOf = (cells: string[]) => cells[${code.column}] ?? '';`,
      `const trainRows = order.slice(0, order.length - testCount).map(rowByNumber);`,
      `const testRows = order.slice(order.length - testCount).map(rowByNumber);`,
      `const sampleCount = trainRows.length;`,
      `// Inputs: word indices, int32, (texts, ${code.length}); targets: each label's index.`,
      `const x = tf.tensor2d(trainRows.flatMap((cells) => encode(textOf(cells))), [sampleCount, textLength], 'int32');`,
      code.targetColumn
        ? `const y = tf.tensor2d(trainRows.map(targetOf), [sampleCount, 1]);`
        : `const y = tf.tensor1d(trainRows.map(targetOf));`,
      `const xTest = tf.tensor2d(testRows.flatMap((cells) => encode(textOf(cells))), [testRows.length, textLength], 'int32');`,
      `const yTest = testRows.map(targetOf);`,
      'console.log(`Data: ${sampleCount} texts to train on, ${testRows.length} held out to test, ${vocabulary.length} words`);',
    ],
    question: [
      `// 4. The test split, never trained on, measured once; then the playground's question, a text.`,
      `if (testRows.length > 0) {`,
      `  const predicted = (model.predict(xTest) as tf.Tensor).arraySync() as number[][];`,
      code.oneUnit
        ? `  const right = predicted.filter((row, index) => (row[0] > 0.5 ? 1 : 0) === yTest[index]).length;`
        : `  const right = predicted.filter((row, index) => row.indexOf(Math.max(...row)) === yTest[index]).length;`,
      'console.log(`test_accuracy ${(right / testRows.length).toFixed(4)}`);',
      `}`,
      `const query = ${typescriptString(code.query)};`,
      `const output = (model.predict(tf.tensor2d([encode(query)], [1, textLength], 'int32')) as tf.Tensor).dataSync();`,
      code.oneUnit ? `const probabilities = [1 - output[0], output[0]];` : `const probabilities = Array.from(output);`,
      `const best = probabilities.indexOf(Math.max(...probabilities));`,
      'console.log(`For ${JSON.stringify(query)} the network expects ${classes[best]} (${(probabilities[best] * 100).toFixed(1)}%)`);',
    ],
  };
}

export function textsPython(
  code: TextsCode,
  predict: (input: string, output: string) => string[],
): { data: string[]; question: string[] } {
  return {
    data: [
      `# 1. The data: column ${code.column + 1} of the table ${pythonString(code.file).slice(1, -1)} holds texts, column ${code.target + 1}`,
      '# their labels, read with the csv module. Pass its path with --data; a file of that name beside the',
      '# program is read otherwise.',
      ...pythonReadTable(code.file, code.text),
      `# The rows in the order LayerLab dealt them from seed ${code.seed}, by their number as a spreadsheet`,
      `# shows it${code.header ? ' (the header is row 1)' : ''}; the last ${code.testCount} are the test split.`,
      `ORDER = [${code.rows.join(', ')}]`,
      `TEST_COUNT = ${code.testCount}`,
      '# The vocabulary LayerLab made from the training rows, most frequent first: 0 pads a short text,',
      '# 1 is any other word.',
      `VOCABULARY = [${code.words.map(pythonString).join(', ')}]`,
      'WORD_INDEX = {word: position for position, word in enumerate(VOCABULARY) if position > 1}',
      `TEXT_LENGTH = ${code.length}`,
      `CLASSES = [${code.labels.map(pythonString).join(', ')}]`,
      `TEXT_COLUMN, LABEL_COLUMN = ${code.column}, ${code.target}`,
      ...pythonWordsOf,
      'def encode(text):',
      `    """A text as word indices: its last words, padded with 0 in front, unknown words as 1."""`,
      '    codes = [WORD_INDEX.get(word, 1) for word in words_of(text)][-TEXT_LENGTH:]',
      '    return [0] * (TEXT_LENGTH - len(codes)) + codes',
      '',
      '',
      'rows = [table[number - 1] for number in ORDER]',
      'all_x = np.array([encode(row[TEXT_COLUMN]) for row in rows], dtype="int64")',
      'all_y = np.array([CLASSES.index(row[LABEL_COLUMN].strip()) for row in rows], dtype="int64")',
      'sample_count = len(rows) - TEST_COUNT',
      'x, y = all_x[:sample_count], all_y[:sample_count]',
      'x_test, y_test = all_x[sample_count:], all_y[sample_count:]',
      ...(code.oneHot
        ? [
            '# categorical_crossentropy compares whole distributions: one-hot targets.',
            'y = np.eye(len(CLASSES), dtype="float32")[y]',
          ]
        : []),
      'print(f"Data: {sample_count} texts to train on, {TEST_COUNT} held out to test, {len(VOCABULARY)} words")',
    ],
    question: [
      "# 4. The test split, never trained on, measured once; then the playground's question, a text.",
      'right = 0',
      'for index in range(len(x_test)):',
      '    test_x = x_test[index : index + 1]',
      ...predict('test_x', 'test_output').map((line) => `    ${line}`),
      '    test_output = np.asarray(test_output).reshape(-1)',
      code.oneUnit
        ? '    right += int((1 if test_output[0] > 0.5 else 0) == int(y_test[index]))'
        : '    right += int(int(np.argmax(test_output)) == int(y_test[index]))',
      'if len(x_test):',
      '    print(f"test_accuracy {right / len(x_test):.4f}")',
      `query = ${pythonString(code.query)}`,
      'query_x = np.array([encode(query)], dtype="int64")',
      ...predict('query_x', 'output'),
      'output = np.asarray(output).reshape(-1)',
      code.oneUnit ? 'probabilities = np.array([1 - output[0], output[0]])' : 'probabilities = output',
      'best = int(np.argmax(probabilities))',
      'print(f"For {json.dumps(query)} the network expects {CLASSES[best]} ({probabilities[best]:.1%})")',
    ],
  };
}
