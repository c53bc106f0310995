/**
 * The learner's own table: a CSV or TSV file (any delimiter, with or without a header, read with
 * papaparse), a target column to predict and the other columns as inputs. Numeric inputs are
 * standardised or min-max scaled, words one-hot encoded, with the statistics of the training rows
 * kept so the playground and the exports encode a new row the same way. A bad row is reported by
 * row and column, and left out only when the learner says so. A seeded share of the rows is held
 * out as the test split, evaluated once after training. Or the target column alone read as a
 * time series, in windows, for a recurrent network (csv-series.ts). Or a column of free text read
 * as labelled texts, word by word, for an Embedding (csv-texts.ts).
 */
import Papa from 'papaparse';
import { maxKeptOutsideBytes } from '../data-file.js';
import { z } from 'zod';
import type { Localized } from '../../vocabulary/localized.js';
import { pythonNumberList, pythonString } from '../../vocabulary/python.js';
import { typescriptNumbers, typescriptString } from '../../vocabulary/typescript-literals.js';
import type { Dataset, DatasetResult, FeatureEncoding, TableFacts } from '../dataset.js';
import {
  encodeSeriesQuery,
  lastTrainingWindow,
  seriesPython,
  seriesTypescript,
  seriesCounts,
  seriesWindows,
  type SeriesChoice,
  type SeriesCode,
} from './csv-series.js';
import {
  encodeTextQuery,
  encodeTexts,
  looksLikeText,
  proposedTexts,
  textsPython,
  textsTypescript,
  textsWords,
  type TextsChoice,
  type TextsCode,
} from './csv-texts.js';
import { wordsOf } from './text-class.js';
import {
  dealtOrder,
  generatorSeed,
  oneHotTargets,
  type DataCode,
  type OpenChoices,
  type PanelField,
  type PlannedQuery,
  previewRows,
  type RecipeDef,
  testSplitCount,
  testSplitFields,
  textQuery,
  pythonReadTable,
  typescriptReadTable,
} from '../recipe.js';

/** The most text LayerLab reads of a table; past a million characters it is kept outside the project. */
export const maxCsvText = maxKeptOutsideBytes;
/** Rows with a bad cell listed by the data panel, the rest counted. */
const listedBadRows = 20;

const csvSpec = z
  .object({
    kind: z.literal('csv'),
    /** The file's name, as the learner opened it: the exported programs read a file of that name. */
    file: z.string().min(1).max(260),
    /**
     * The file's text, kept in the project; empty where the project keeps a large one outside
     * itself (shared/data/data-file.ts) and it has not been read again yet.
     */
    text: z.string().max(maxCsvText),
    /** Whether the first row names the columns. */
    header: z.boolean(),
    /** The column to predict, by name. */
    target: z.string().max(256),
    /** Columns that are not inputs (an id, a name), by name. */
    ignored: z.array(z.string().max(256)).max(1000),
    /**
     * For a network of several Inputs: the Input node, by name, that reads each input column. A
     * column not listed goes to the first listed one's Input; absent, the one Input reads them all.
     */
    feeds: z
      .array(z.object({ column: z.string().max(256), input: z.string().max(256) }).strict())
      .max(1000)
      .optional(),
    /** `class`: the target's distinct values are the classes; `value`: a number to predict. */
    task: z.enum(['class', 'value']),
    /**
     * More columns to predict, each by its own output node (by name), as a class or a number;
     * with them, `output` names the node that predicts `target`.
     */
    also: z
      .array(
        z
          .object({ column: z.string().max(256), task: z.enum(['class', 'value']), output: z.string().max(256) })
          .strict(),
      )
      .max(100)
      .optional(),
    output: z.string().max(256).optional(),
    /** How numeric inputs are brought to a common scale. */
    scaling: z.enum(['standard', 'minmax']),
    /** How words become numbers: a column per word, or the word's index (for an Embedding). */
    words: z.enum(['one-hot', 'index']).default('one-hot'),
    /** Leave out the rows with a bad cell instead of stopping at the first. */
    dropBadRows: z.boolean(),
    /** The share of rows held out as the test split, never trained on. */
    testFraction: z.number().min(0).max(0.5),
    seed: generatorSeed,
    /**
     * Read the target column as a time series: each window of `window` values predicts the value
     * `horizon` steps after it; the other columns are not read, and the test split is the last windows.
     */
    series: z
      .object({ window: z.number().int().min(1).max(512), horizon: z.number().int().min(1).max(512) })
      .strict()
      .optional(),
    /**
     * Read a column of free text as the input, word by word: its last `length` words as indices in
     * a vocabulary of at most `vocabulary` entries made from the training rows; the other columns
     * but the target are not read.
     */
    texts: z
      .object({
        column: z.string().max(256),
        length: z.number().int().min(1).max(500),
        vocabulary: z.number().int().min(10).max(50_000),
      })
      .strict()
      .optional(),
  })
  .strict();
type Spec = z.infer<typeof csvSpec>;

/** A number as a table writes it: `3`, `-0.5`, `1e-3`; anything else is a word. */
const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const isNumber = (cell: string) => numberPattern.test(cell.trim());

/** A cell or a name as a message shows it, quoted: “abc”. Messages only, never code. */
const shown = (text: string): string => `“${text}”`;

/**
 * A table's text read into columns, its header (or made-up names) apart. Each column keeps its
 * distinct cells once and each row's cell as an index into them, so a table of a few kinds of
 * values per column takes a byte or two a cell, not a string each (bench/open-table.ts).
 */
interface ReadTable {
  names: string[];
  /** How many data rows. */
  count: number;
  /** Each data row's number as a spreadsheet shows it (the header is row 1). */
  rowNumbers: Int32Array;
  /** How many cells each data row has: a row of another count than the names' is ragged. */
  widths: Int32Array;
  /** Each column read once: every option the learner changes after that reads these, not the text. */
  columns: ColumnCells[];
}

/** One column's cells, trimmed, each distinct one kept once; counted. */
interface ColumnCells {
  /** The row's cell ('' where the row has none). */
  cell(row: number): string;
  /** The row's cell as a number; NaN where it is empty or a word. */
  number(row: number): number;
  filled: number;
  /** Filled cells that are numbers. */
  numeric: number;
  distinct: number;
}

type Codes = Uint8Array | Uint16Array | Uint32Array;

/** `codes` in an array of `capacity` wide enough for `distinct` indices, the indices so far kept. */
function widened(codes: Codes, capacity: number, distinct: number): Codes {
  const grown =
    distinct <= 0x100
      ? new Uint8Array(capacity)
      : distinct <= 0x10000
        ? new Uint16Array(capacity)
        : new Uint32Array(capacity);
  grown.set(codes);
  return grown;
}

/** Each column's cells read as rows arrive (all at once, or a chunk at a time), then counted. */
class ColumnPass {
  /** Per column, each row's index: a byte each until a column has more distinct cells, then two, then four. */
  private codes: Codes[];
  /** Per column, each distinct cell's index; index 0 is the empty cell. */
  private readonly indices: Map<string, number>[];
  private readonly values: string[][];
  private readonly filled: number[];
  private readonly numeric: number[];
  private count = 0;

  /** `expected`: how many rows there will be, as well as can be told; more only cost a copy. */
  constructor(
    readonly width: number,
    expected: number,
  ) {
    this.codes = Array.from({ length: width }, () => new Uint8Array(Math.max(expected, 16)));
    this.indices = Array.from({ length: width }, () => new Map([['', 0]]));
    this.values = Array.from({ length: width }, () => ['']);
    this.filled = new Array<number>(width).fill(0);
    this.numeric = new Array<number>(width).fill(0);
  }

  add(rows: readonly string[][]): void {
    const needed = this.count + rows.length;
    if (needed > (this.codes[0]?.length ?? 0)) {
      const capacity = Math.max(needed, 2 * (this.codes[0]?.length ?? 0));
      this.codes = this.codes.map((old, column) => widened(old, capacity, this.values[column]?.length ?? 1));
    }
    for (let column = 0; column < this.width; column += 1) {
      let codes = this.codes[column] as Codes;
      const indices = this.indices[column] as Map<string, number>;
      const values = this.values[column] as string[];
      let filled = 0;
      let numeric = 0;
      rows.forEach((cells, offset) => {
        const cell = (cells[column] ?? '').trim();
        if (cell === '') return;
        filled += 1;
        let code = indices.get(cell);
        if (code === undefined) {
          code = values.length;
          indices.set(cell, code);
          values.push(cell);
          // One more distinct cell than the indices' width holds: widened once, the rest kept.
          if (code === 0x100 || code === 0x10000) {
            codes = widened(codes, codes.length, code + 1);
            this.codes[column] = codes;
          }
        }
        codes[this.count + offset] = code;
        if (numberPattern.test(cell)) numeric += 1;
      });
      this.filled[column] = (this.filled[column] ?? 0) + filled;
      this.numeric[column] = (this.numeric[column] ?? 0) + numeric;
    }
    this.count = needed;
  }

  /** The columns read; the maps that built them are let go. */
  finish(): ColumnCells[] {
    return this.codes.map((all, column) => {
      const values = this.values[column] ?? [''];
      const numbers = Float64Array.from(values, (value) => (numberPattern.test(value) ? Number(value) : Number.NaN));
      const codes = all.subarray(0, this.count);
      return {
        cell: (row: number) => values[codes[row] ?? 0] ?? '',
        number: (row: number) => numbers[codes[row] ?? 0] ?? Number.NaN,
        filled: this.filled[column] ?? 0,
        numeric: this.numeric[column] ?? 0,
        distinct: values.length - 1,
      };
    });
  }
}

/** Column names, made unique and never empty. */
function columnNames(first: readonly string[], header: boolean): string[] {
  const seen = new Map<string, number>();
  return first.map((cell, index) => {
    const base = header && cell.trim() !== '' ? cell.trim() : `column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return count === 1 ? base : `${base} (${count})`;
  });
}

/** How many cells most rows have: the table's width, whatever a stray row holds. */
function modalWidth(rows: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const row of rows.slice(0, 1000)) counts.set(row.length, (counts.get(row.length) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

let lastRead: { text: string; header: boolean; table: ReadTable | Localized } | null = null;

/** Rows of a width not yet known: the commonest among this many first data rows decides it. */
const widthSample = 1000;

/**
 * A table's parsed rows read as they come, all at once or a chunk at a time, into the same
 * `ReadTable`: the columns are read as soon as the width is known, so no step reads them all,
 * and the parsed rows are let go once read.
 */
class TableReading {
  /** Rows parsed before the width is known (the first data rows), then none. */
  private waiting: string[][] = [];
  /** The file's first row: the header, or the first data row. */
  private first: string[] | null = null;
  /** Rows of the file parsed so far, the header among them. */
  private parsed = 0;
  private rowNumbers = new Int32Array(1024);
  private widths = new Int32Array(1024);
  private rows = 0;
  private pass: ColumnPass | null = null;

  constructor(private readonly header: boolean) {}

  /** Data rows into the column pass, numbered as a spreadsheet shows them. */
  private take(rows: readonly string[][], firstNumber: number): void {
    const needed = this.rows + rows.length;
    if (needed > this.rowNumbers.length) {
      const capacity = Math.max(needed, 2 * this.rowNumbers.length);
      const numbers = new Int32Array(capacity);
      numbers.set(this.rowNumbers);
      this.rowNumbers = numbers;
      const widths = new Int32Array(capacity);
      widths.set(this.widths);
      this.widths = widths;
    }
    rows.forEach((cells, index) => {
      this.rowNumbers[this.rows + index] = firstNumber + index;
      this.widths[this.rows + index] = cells.length;
    });
    this.rows = needed;
    this.pass?.add(rows);
  }

  /** `read`: the share of the text parsed so far, which tells how many rows are to come. */
  add(parsed: readonly unknown[], read = 1): void {
    const rows = parsed.filter((row): row is string[] => Array.isArray(row));
    if (rows.length === 0) return;
    let data = rows;
    let number = this.parsed + 1;
    this.parsed += rows.length;
    if (this.first === null) {
      this.first = rows[0] ?? [];
      if (this.header) {
        data = rows.slice(1);
        number += 1;
      }
    }
    if (!this.pass) {
      // Only the first rows wait for the width; the rest go on as they came (a whole read is one step).
      const room = widthSample - this.waiting.length;
      for (const row of data.slice(0, room)) this.waiting.push(row);
      if (this.waiting.length < widthSample) return;
      this.start(read);
      data = data.slice(room);
      number += room;
    }
    this.take(data, number);
  }

  private start(read: number): void {
    const width = modalWidth(this.waiting);
    // The rows to come, from the rows parsed so far and the share of the text they took (the
    // whole first chunk, not the rows that waited), and a margin: a short guess costs a copy of
    // every column, a fifth of a second at a million rows.
    const expected = Math.ceil((this.parsed / Math.max(read, 1e-6)) * 1.05) + 64;
    this.pass = new ColumnPass(width, read >= 1 ? this.waiting.length : expected);
    const waiting = this.waiting;
    this.waiting = [];
    this.take(waiting, this.header ? 2 : 1);
  }

  finish(): ReadTable | Localized {
    const { first, header } = this;
    if (first === null || (this.parsed === 1 && first.length <= 1 && (first[0] ?? '').trim() === ''))
      return { en: 'the file holds no rows', es: 'el archivo no tiene filas' };
    if (header && this.parsed === 1)
      return {
        en: 'the file holds the header row alone: no data under it',
        es: 'el archivo solo tiene la fila de cabecera: no hay datos debajo',
      };
    if (!this.pass) this.start(1);
    const width = this.pass?.width ?? 0;
    if (header && first.length !== width)
      return {
        en: `the first row has ${first.length} cells but the rows under it have ${width}: it does not name the columns. Untick “The first row names the columns”.`,
        es: `la primera fila tiene ${first.length} celdas pero las de debajo tienen ${width}: no nombra las columnas. Desmarca “La primera fila nombra las columnas”.`,
      };
    return {
      names: header ? columnNames(first, true) : columnNames(new Array<string>(width).fill(''), false),
      count: this.rows,
      rowNumbers: this.rowNumbers.subarray(0, this.rows),
      widths: this.widths.subarray(0, this.rows),
      columns: this.pass?.finish() ?? [],
    };
  }
}

/** The table in `text`, or why it cannot be read. The last one read is kept: the panel asks often. */
function readTable(text: string, header: boolean): ReadTable | Localized {
  if (lastRead?.text === text && lastRead.header === header) return lastRead.table;
  const reading = new TableReading(header);
  reading.add(Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' }).data);
  const table = reading.finish();
  lastRead = { text, header, table };
  return table;
}

/** Characters of the text parsed per step of `readTableInSteps`: a few tens of milliseconds each. */
const stepCharacters = 256 * 1024;

/**
 * Papaparse's parser of a text that comes a chunk at a time (what its own streamers use, not in
 * its types): with `ignoreLastRow` it stops before a row the chunk may have cut, and its `cursor`
 * says where; it guesses the delimiter and line ending on the first chunk and keeps them.
 */
interface ChunkParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): Papa.ParseResult<string[]>;
}
const { ParserHandle } = Papa as unknown as { ParserHandle: new (config: Papa.ParseConfig) => ChunkParser };

/**
 * Reads the table in `text` as `readTable` does, a chunk at a time with the window free between
 * chunks, and keeps it for the build that follows. Resolves false when `stopped` says to stop.
 * `pieces`: the text as it was read, whose concatenation `text` is: a large file's text joined
 * into one string is half a second of the window's thread (200 MB), so it is kept as the pieces
 * joined lazily, and read here piece by piece, never as one.
 */
export function readTableInSteps(
  text: string,
  header: boolean,
  progress: (fraction: number) => void,
  stopped: () => boolean,
  { characters = stepCharacters, pieces = [text] }: { characters?: number; pieces?: readonly string[] } = {},
): Promise<boolean> {
  if (lastRead?.text === text && lastRead.header === header) return Promise.resolve(true);
  const reading = new TableReading(header);
  const parser = new ParserHandle({ skipEmptyLines: 'greedy' });
  let piece = 0;
  let at = 0;
  // The row the last chunk cut, and where it begins in the text.
  let partial = '';
  let base = 0;
  const step = (resolve: (read: boolean) => void) => {
    if (stopped()) {
      resolve(false);
      return;
    }
    const current = pieces[piece] ?? '';
    let chunk = current.substring(at, at + characters);
    if (piece === 0 && at === 0 && chunk.startsWith('\ufeff')) chunk = chunk.slice(1);
    at += characters;
    while (piece < pieces.length && at >= (pieces[piece] ?? '').length) {
      piece += 1;
      at = 0;
    }
    const last = piece >= pieces.length;
    const aggregate = partial + chunk;
    const results = parser.parse(aggregate, base, !last);
    if (!last) {
      partial = aggregate.substring(results.meta.cursor - base);
      base = results.meta.cursor;
    }
    const read = last ? 1 : Math.min(base / Math.max(text.length, 1), 1);
    reading.add(results.data, read);
    progress(read);
    if (!last) {
      setTimeout(() => step(resolve), 0);
      return;
    }
    lastRead = { text, header, table: reading.finish() };
    resolve(true);
  };
  return new Promise((resolve) => step(resolve));
}

const isTable = (read: ReadTable | Localized): read is ReadTable => 'names' in read;

/** The names of the table's columns, none when it cannot be read. */
function columnsOf(spec: Spec): string[] {
  const read = readTable(spec.text, spec.header);
  return isTable(read) ? read.names : [];
}

/** The columns of words, not numbers, that could be read as texts: all but the target. */
function wordColumns(spec: Spec): string[] {
  const read = readTable(spec.text, spec.header);
  if (!isTable(read)) return [];
  const numeric = numericColumns(read);
  return read.names.filter((name, index) => name !== spec.target && numeric[index] !== true);
}

/** The columns the network reads: all but the target and those left out. */
const inputNamesOf = (spec: Spec, names: readonly string[] = columnsOf(spec)) =>
  names.filter((name) => name !== spec.target && !spec.ignored.includes(name) && !alsoPredicted(spec, name));

/** Whether a column holds numbers: three in four of its filled cells at least (the rest are bad cells). */
function numericColumns(table: ReadTable): boolean[] {
  return table.columns.map((column) => column.filled > 0 && column.numeric >= 0.75 * column.filled);
}

/** Whether the first row of `text` looks like names: a word above a column of numbers or of free text. */
export function looksLikeHeader(text: string): boolean {
  const parsed = Papa.parse<string[]>(text.slice(0, 100_000), { skipEmptyLines: 'greedy', preview: 6 });
  const [first, ...rest] = parsed.data;
  // Rows as long as the first: a stray ragged row says nothing, a first row of another length is no header.
  const alike = rest.filter((row) => row.length === (first?.length ?? -1));
  if (!first || alike.length === 0) return false;
  // A name above numbers, or a name of a word or two above free text (a column of reviews).
  return first.some(
    (cell, column) =>
      !isNumber(cell) &&
      (alike.every((row) => isNumber(row[column] ?? '')) ||
        (wordsOf(cell).length <= 2 && looksLikeText(alike.map((row) => row[column] ?? '')))),
  );
}

/**
 * A new table recipe for a file the learner opened: the header guessed, the last column the
 * target, a class when it holds words or a few whole numbers, a number otherwise.
 */
export function csvSpecFor(file: string, text: string, choices: OpenChoices = {}): Spec {
  const header = looksLikeHeader(text);
  const read = readTable(text, header);
  const names = isTable(read) ? read.names : [];
  const target = choices.target ?? names.at(-1) ?? '';
  const task = isTable(read) ? proposedTask(read, names.indexOf(target)) : 'class';
  const texts = choices.series || !isTable(read) ? undefined : proposedTextsOf(read, target, choices.texts);
  return {
    kind: 'csv',
    file,
    text,
    header,
    target,
    ignored: [],
    task: choices.series ? 'value' : texts ? 'class' : (choices.task ?? task),
    scaling: 'standard',
    words: 'one-hot',
    dropBadRows: choices.dropBadRows ?? false,
    testFraction: 0.2,
    seed: 1,
    ...(choices.series ? { series: choices.series } : {}),
    ...(texts ? { texts } : {}),
  };
}

/** How a column is predicted: a number when it holds numbers, more than ten or not whole; else a class. */
function proposedTask(read: ReadTable, column: number): Spec['task'] {
  if (column < 0 || numericColumns(read)[column] !== true) return 'class';
  const cells = read.columns[column];
  const numbers = Array.from({ length: read.count }, (_, row) => cells?.number(row) ?? Number.NaN).filter(
    Number.isFinite,
  );
  const distinct = new Set(numbers);
  return distinct.size > 10 || numbers.some((value) => !Number.isInteger(value)) ? 'value' : 'class';
}

/** A column's cells, trimmed, in file order. */
const cellsOf = (read: ReadTable, column: number) =>
  Array.from({ length: read.count }, (_, row) => read.columns[column]?.cell(row) ?? '');

/**
 * The texts a new table is read as: the column a command line named, else the first column of
 * words (not the target) that reads as free text; none when no column does.
 */
function proposedTextsOf(read: ReadTable, target: string, named: string | undefined) {
  const numeric = numericColumns(read);
  const column =
    named !== undefined
      ? read.names.indexOf(named)
      : read.names.findIndex(
          (name, index) => name !== target && numeric[index] !== true && looksLikeText(cellsOf(read, index)),
        );
  const name = read.names[column];
  // A column named that the table lacks is kept, so the build says so at the texts field.
  if (name === undefined) return named === undefined ? undefined : { column: named, length: 20, vocabulary: 10_000 };
  return proposedTexts(name, cellsOf(read, column));
}

/** A cell's fault, as the learner reads it: "row 17, column age: 'abc' is not a number". */
function badCell(row: number, column: string, cell: string): Localized {
  if (cell.trim() === '')
    return {
      en: `row ${row}, column ${column}: the value is missing`,
      es: `fila ${row}, columna ${column}: falta el valor`,
    };
  return {
    en: `row ${row}, column ${column}: ${shown(cell)} is not a number`,
    es: `fila ${row}, columna ${column}: ${shown(cell)} no es un número`,
  };
}

/** Sorts class labels as numbers when they all are, else as words. */
function sortLabels(labels: Iterable<string>): string[] {
  const list = [...labels];
  return list.every(isNumber) ? list.sort((a, b) => Number(a) - Number(b)) : list.sort((a, b) => a.localeCompare(b));
}

/** How each input column is encoded, from the training rows (indices into the table's rows). */
function encodingsOf(
  spec: Spec,
  table: ReadTable,
  numeric: readonly boolean[],
  inputs: readonly number[],
  training: readonly number[],
): FeatureEncoding[] {
  return inputs.map((column) => {
    const name = table.names[column] ?? '';
    if (!numeric[column]) {
      const words = new Set(training.map((row) => table.columns[column]?.cell(row) ?? ''));
      return { name, kind: 'category', categories: sortLabels(words), oneHot: spec.words === 'one-hot' };
    }
    const cells = table.columns[column];
    const numberAt = (row: number) => cells?.number(row) ?? 0;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (const row of training) {
      const value = numberAt(row);
      if (value < low) low = value;
      if (value > high) high = value;
      sum += value;
    }
    if (spec.scaling === 'minmax') {
      const range = high - low;
      return { name, kind: 'number', center: low, scale: range > 0 ? range : 1 };
    }
    const mean = sum / Math.max(training.length, 1);
    let squares = 0;
    for (const row of training) squares += (numberAt(row) - mean) ** 2;
    const variance = squares / Math.max(training.length, 1);
    return { name, kind: 'number', center: mean, scale: variance > 0 ? Math.sqrt(variance) : 1 };
  });
}

/** Values one input column gives a row: one per number, one per category (one-hot) or one index. */
const encodedWidth = (encoding: FeatureEncoding) =>
  encoding.kind === 'category' && encoding.oneHot ? encoding.categories.length : 1;

/** Values per row the encodings give. */
const widthOf = (encodings: readonly FeatureEncoding[]) =>
  encodings.reduce((width, encoding) => width + encodedWidth(encoding), 0);

/** A column to predict, read: what its targets are, and the rows' targets as a tensor. */
interface TargetColumn {
  ok: true;
  target: { kind: 'class'; labels: string[] } | { kind: 'value'; scale: number; center: number };
  encode: (rows: readonly number[]) => { values: Float32Array; shape: number[]; dtype: 'float32' };
}

/**
 * A column to predict: a class (its distinct values among the good rows, sorted) or a number,
 * trained on standardised (mean 0, deviation 1 over the training rows) so that a small spread
 * around a large value is learned as fast as any; answers are read back.
 */
function targetsOf(
  table: ReadTable,
  column: number,
  task: 'class' | 'value',
  good: readonly number[],
  training: readonly number[],
): TargetColumn | { ok: false; problem: Localized } {
  const name = table.names[column] ?? '';
  const cells = table.columns[column];
  const cellOf = (row: number) => cells?.cell(row) ?? '';
  const numberAt = (row: number) => cells?.number(row) ?? 0;
  if (task === 'class') {
    const labels = sortLabels(new Set(good.map(cellOf)));
    if (labels.length < 2)
      return {
        ok: false,
        problem: {
          en: `the target column ${name} holds one value alone: there is nothing to tell apart`,
          es: `la columna objetivo ${name} tiene un solo valor: no hay nada que distinguir`,
        },
      };
    const labelIndex = new Map(labels.map((label, index) => [label, index]));
    return {
      ok: true,
      target: { kind: 'class', labels },
      encode: (rows) => ({
        values: Float32Array.from(rows, (row) => labelIndex.get(cellOf(row)) ?? 0),
        shape: [rows.length],
        dtype: 'float32',
      }),
    };
  }
  const targets = training.map(numberAt);
  const center = targets.length > 0 ? targets.reduce((sum, value) => sum + value, 0) / targets.length : 0;
  const spread = Math.sqrt(
    targets.reduce((sum, value) => sum + (value - center) ** 2, 0) / Math.max(targets.length, 1),
  );
  const scale = spread > 0 ? spread : 1;
  return {
    ok: true,
    target: { kind: 'value', scale, center },
    encode: (rows) => ({
      values: Float32Array.from(rows, (row) => (numberAt(row) - center) / scale),
      shape: [rows.length, 1],
      dtype: 'float32',
    }),
  };
}

/** The Input a column goes to: as listed, else the first listed one's; none when nothing is listed. */
function feedOfColumn(spec: Spec, column: string): string | undefined {
  const feeds = spec.feeds ?? [];
  return (feeds.find((feed) => feed.column === column) ?? feeds[0])?.input;
}

/**
 * The input columns shared out among several Input nodes (`spec.feeds`): the columns of x each
 * reads, in the order the Inputs are first named. Null when one Input reads them all.
 */
function sharedInputs(
  spec: Spec,
  encodings: readonly FeatureEncoding[],
  offsets: readonly number[],
): Dataset['inputs'] | null {
  if (!spec.feeds || spec.feeds.length === 0) return null;
  const inputs: NonNullable<Dataset['inputs']> = [];
  encodings.forEach((encoding, index) => {
    const name = feedOfColumn(spec, encoding.name) ?? '';
    const width = encodedWidth(encoding);
    const start = offsets[index] ?? 0;
    let input = inputs.find((entry) => entry.name === name);
    if (!input) {
      input = { name, columns: [], from: [] };
      inputs.push(input);
    }
    input.columns.push(...Array.from({ length: width }, (_, at) => start + at));
    input.from.push(encoding.name);
  });
  return inputs;
}

/** One row's raw input cells, encoded; null when a number is not one or a word is unknown. */
function encodeRow(
  encodings: readonly FeatureEncoding[],
  cells: readonly string[],
): { ok: true; values: number[] } | { ok: false; index: number; cell: string } {
  const values: number[] = [];
  for (const [index, encoding] of encodings.entries()) {
    const cell = (cells[index] ?? '').trim();
    if (encoding.kind === 'number') {
      if (!isNumber(cell)) return { ok: false, index, cell };
      values.push((Number(cell) - encoding.center) / encoding.scale);
    } else {
      const at = encoding.categories.indexOf(cell);
      if (at < 0) return { ok: false, index, cell };
      if (encoding.oneHot) values.push(...encoding.categories.map((_, position) => (position === at ? 1 : 0)));
      else values.push(at);
    }
  }
  return { ok: true, values };
}

/** The rows read and checked: which are kept (indices into the table's rows), which are bad and why. */
function checkRows(spec: Spec, table: ReadTable) {
  const { names } = table;
  const numeric = numericColumns(table);
  const target = names.indexOf(spec.target);
  const inputs = spec.series
    ? []
    : spec.texts
      ? [names.indexOf(spec.texts.column)].filter((column) => column >= 0)
      : names
          .map((_, index) => index)
          .filter(
            (index) =>
              index !== target &&
              !spec.ignored.includes(names[index] ?? '') &&
              !alsoPredicted(spec, names[index] ?? ''),
          );
  const more = spec.series || spec.texts ? [] : (spec.also ?? []).map((also) => names.indexOf(also.column));
  const used = [...inputs, target, ...more].filter((column) => column >= 0);
  const good: number[] = [];
  const bad: Localized[] = [];
  // Each row's first bad cell, in the order of `used`: found column by column, a plain loop over
  // the rows each (a table of 50,000 rows of 65 columns is read on the window's thread).
  const faults = new Int32Array(table.count).fill(-1);
  for (const column of used) {
    const cells = table.columns[column];
    if (!cells) continue;
    const isNumeric = numeric[column] === true;
    for (let index = 0; index < faults.length; index += 1) {
      if (faults[index] !== -1) continue;
      const missing = isNumeric ? Number.isNaN(cells.number(index)) : cells.cell(index) === '';
      if (missing) faults[index] = column;
    }
  }
  for (let index = 0; index < table.count; index += 1) {
    const row = table.rowNumbers[index] ?? 0;
    const width = table.widths[index] ?? 0;
    if (width !== names.length) {
      bad.push({
        en: `row ${row} has ${width} values; the table has ${names.length} columns`,
        es: `la fila ${row} tiene ${width} valores; la tabla tiene ${names.length} columnas`,
      });
      continue;
    }
    const fault = faults[index] ?? -1;
    if (fault === -1) good.push(index);
    else bad.push(badCell(row, names[fault] ?? '', table.columns[fault]?.cell(index) ?? ''));
  }
  return { numeric, target, inputs, good, bad };
}

/** Whether a column is one of the further columns predicted (`spec.also`). */
const alsoPredicted = (spec: Spec, name: string) => (spec.also ?? []).some((also) => also.column === name);

/** The output node that predicts a column, when several are predicted; undefined for any other column. */
const outputOf = (spec: Spec, name: string): string | undefined =>
  name === spec.target ? (spec.output ?? '') : spec.also?.find((also) => also.column === name)?.output;

/** The facts of each column the data panel shows: its type, missing cells, distinct values, role. */
function columnFacts(spec: Spec, table: ReadTable, numeric: readonly boolean[]): TableFacts['columns'] {
  return table.names.map((name, column) => ({
    name,
    type: numeric[column] ? 'number' : 'words',
    missing: table.count - (table.columns[column]?.filled ?? 0),
    distinct: table.columns[column]?.distinct ?? 0,
    role:
      name === spec.target || alsoPredicted(spec, name)
        ? 'target'
        : spec.texts
          ? name === spec.texts.column
            ? 'input'
            : 'ignored'
          : spec.series || spec.ignored.includes(name)
            ? 'ignored'
            : 'input',
    // The Input node that reads it, when the columns are shared out among several.
    ...(spec.feeds?.length &&
    !spec.series &&
    !spec.texts &&
    name !== spec.target &&
    !alsoPredicted(spec, name) &&
    !spec.ignored.includes(name)
      ? { input: feedOfColumn(spec, name) ?? '' }
      : {}),
    // The output node that predicts it, when several columns are predicted.
    ...(spec.also?.length && !spec.series && !spec.texts && outputOf(spec, name) !== undefined
      ? { output: outputOf(spec, name) ?? '' }
      : {}),
  }));
}

const sample: Spec = {
  kind: 'csv',
  file: 'iris-sample.csv',
  text: [
    'sepal_length,sepal_width,petal_length,petal_width,species',
    '5.1,3.5,1.4,0.2,setosa',
    '4.9,3.0,1.4,0.2,setosa',
    '4.7,3.2,1.3,0.2,setosa',
    '5.0,3.6,1.4,0.2,setosa',
    '5.4,3.9,1.7,0.4,setosa',
    '7.0,3.2,4.7,1.4,versicolor',
    '6.4,3.2,4.5,1.5,versicolor',
    '6.9,3.1,4.9,1.5,versicolor',
    '5.5,2.3,4.0,1.3,versicolor',
    '6.5,2.8,4.6,1.5,versicolor',
    '6.3,3.3,6.0,2.5,virginica',
    '5.8,2.7,5.1,1.9,virginica',
    '7.1,3.0,5.9,2.1,virginica',
    '6.3,2.9,5.6,1.8,virginica',
    '6.5,3.0,5.8,2.2,virginica',
    '',
  ].join('\n'),
  header: true,
  target: 'species',
  ignored: [],
  task: 'class',
  scaling: 'standard',
  words: 'one-hot',
  dropBadRows: false,
  testFraction: 0.2,
  seed: 1,
};

/** The table's facts as the build kept them: the panel's columns and the encodings of a new row. */
const factsOf = (dataset: Dataset) => dataset.table;

/** The first kept row's input cells, as the playground asks them. */
function firstRow(spec: Spec): string {
  const read = readTable(spec.text, spec.header);
  if (!isTable(read)) return '';
  const { inputs, good, target } = checkRows(spec, read);
  if (spec.series) {
    // A series is asked with its last training window: what comes next?
    const values = seriesValues(read, target, good);
    const { trainCount } = seriesCounts(values.length, spec.series, spec.testFraction);
    return lastTrainingWindow(values, spec.series, trainCount);
  }
  const first = good[0] ?? -1;
  const cellOf = (column: number) => read.columns[column]?.cell(first) ?? '';
  if (spec.texts) return cellOf(inputs[0] ?? -1);
  return inputs.map(cellOf).join(', ');
}

/** The target column's numbers, in file order, of the rows kept. */
function seriesValues(read: ReadTable, target: number, good: readonly number[]): number[] {
  const cells = read.columns[target];
  return good.map((row) => cells?.number(row) ?? 0);
}

/** The table's target column as a time series, in windows: see csv-series.ts. */
function buildSeries(
  spec: Spec,
  choice: SeriesChoice,
  read: ReadTable,
  { numeric, target, good, bad }: { numeric: boolean[]; target: number; good: number[]; bad: Localized[] },
): DatasetResult {
  if (!numeric[target])
    return {
      ok: false,
      field: 'series',
      problem: {
        en: `the column ${spec.target} holds words, not numbers: a time series is a column of numbers`,
        es: `la columna ${spec.target} tiene palabras, no números: una serie temporal es una columna de números`,
      },
    };
  if (bad.length > 0 && !spec.dropBadRows) {
    const first = bad[0] ?? { en: '', es: '' };
    return {
      ok: false,
      field: 'dropBadRows',
      problem: {
        en: `${first.en}. Correct the file, or leave the bad rows out (the series then skips them).`,
        es: `${first.es}. Corrige el archivo, o deja fuera las filas malas (la serie se las salta).`,
      },
    };
  }
  const values = seriesValues(read, target, good);
  const built = seriesWindows(values, choice, spec.testFraction);
  if (!built.ok) return built;
  const { windows } = built;
  return {
    ok: true,
    dataset: {
      ...windows.train,
      target: { kind: 'value', scale: windows.scale, center: windows.center },
      preview: windows.preview,
      table: {
        columns: columnFacts(spec, read, numeric),
        rows: read.count,
        bad: bad.slice(0, listedBadRows),
        badCount: bad.length,
        encodings: [],
        order: Int32Array.from(good, (row) => read.rowNumbers[row] ?? 0),
        testRows: windows.testCount,
        windows: true,
      },
      ...(windows.test ? { test: windows.test } : {}),
    },
  };
}

/** How a column of free text is read: see csv-texts.ts. */
function buildTexts(
  spec: Spec,
  choice: TextsChoice,
  read: ReadTable,
  rows: {
    numeric: boolean[];
    target: number;
    good: number[];
    bad: Localized[];
    dealtRows: number[];
    trainRows: number[];
    testRows: number[];
  },
): DatasetResult {
  const column = read.names.indexOf(choice.column);
  const cellOf = (row: number, at: number) => read.columns[at]?.cell(row) ?? '';
  const labels = sortLabels(new Set(rows.good.map((row) => cellOf(row, rows.target))));
  if (labels.length < 2)
    return {
      ok: false,
      field: 'target',
      problem: {
        en: `the target column ${spec.target} holds one value alone: there is nothing to tell apart`,
        es: `la columna objetivo ${spec.target} tiene un solo valor: no hay nada que distinguir`,
      },
    };
  const textsOf = (list: readonly number[]) => list.map((row) => cellOf(row, column));
  const words = textsWords(textsOf(rows.trainRows), choice.vocabulary);
  const labelIndex = new Map(labels.map((label, index) => [label, index]));
  const encode = (list: readonly number[]) => ({
    x: encodeTexts(textsOf(list), words, choice.length),
    y: {
      values: Float32Array.from(list, (row) => labelIndex.get(cellOf(row, rows.target)) ?? 0),
      shape: [list.length],
      dtype: 'float32' as const,
    },
  });
  const clipped = (text: string) => (text.length > 120 ? `${text.slice(0, 119)}…` : text);
  return {
    ok: true,
    dataset: {
      ...encode(rows.trainRows),
      target: { kind: 'class', labels },
      preview: rows.trainRows
        .slice(0, previewRows)
        .map((row) => ({ input: clipped(cellOf(row, column)), target: cellOf(row, rows.target) })),
      table: {
        columns: columnFacts(spec, read, rows.numeric),
        rows: read.count,
        bad: rows.bad.slice(0, listedBadRows),
        badCount: rows.bad.length,
        encodings: [],
        order: Int32Array.from(rows.dealtRows, (row) => read.rowNumbers[row] ?? 0),
        testRows: rows.testRows.length,
      },
      words,
      ...(rows.testRows.length > 0 ? { test: encode(rows.testRows) } : {}),
    },
  };
}

/** What the exported programs need to read the texts as the app did. */
function textsCode(
  spec: Spec,
  dataset: Dataset,
  loss: string,
  oneUnit: boolean,
  query: PlannedQuery,
): TextsCode | null {
  const facts = factsOf(dataset);
  if (!spec.texts || !facts || dataset.target.kind !== 'class') return null;
  const names = columnsOf(spec);
  return {
    file: spec.file,
    text: spec.text,
    header: spec.header,
    column: names.indexOf(spec.texts.column),
    target: names.indexOf(spec.target),
    rows: Array.from(facts.order),
    testCount: facts.testRows,
    seed: spec.seed,
    words: dataset.words ?? [],
    length: spec.texts.length,
    labels: dataset.target.labels,
    oneUnit,
    oneHot: loss === 'categorical_crossentropy',
    targetColumn: loss === 'binary_crossentropy',
    query: query.kind === 'text' ? query.text : firstRow(spec),
  };
}

/** What the exported programs need to read a series as the app did. */
function seriesCode(spec: Spec, dataset: Dataset, query: PlannedQuery): SeriesCode | null {
  const facts = factsOf(dataset);
  if (!spec.series || !facts || dataset.target.kind !== 'value') return null;
  return {
    file: spec.file,
    text: spec.text,
    header: spec.header,
    column: columnsOf(spec).indexOf(spec.target),
    rows: Array.from(facts.order),
    choice: spec.series,
    testCount: facts.testRows,
    center: dataset.target.center ?? 0,
    scale: dataset.target.scale,
    query: query.kind === 'text' ? query.text : firstRow(spec),
  };
}

/** The columns several outputs predict, as a TypeScript program reads them into `y` (one tensor each) and `yTest`. */
function severalTargetsTypescript(outputs: NonNullable<DataCode<Spec>['outputs']>, names: readonly string[]): string[] {
  return [
    `// The columns to predict, one per output in the model's order: a class (one sigmoid unit for two), or a`,
    `// number trained on standardised over the training rows, its answers read back.`,
    `type Predicted =`,
    `  | { name: string; column: number; classes: string[]; oneUnit: boolean }`,
    `  | { name: string; column: number; center: number; scale: number };`,
    `const predicted: Predicted[] = [`,
    ...outputs.map((output) => {
      const column = names.indexOf(output.column);
      return output.target.kind === 'class'
        ? `  { name: ${typescriptString(output.name)}, column: ${column}, classes: [${output.target.labels.map(typescriptString).join(', ')}], oneUnit: ${String(output.units === 1)} },`
        : `  { name: ${typescriptString(output.name)}, column: ${column}, center: ${output.target.center}, scale: ${output.target.scale} },`;
    }),
    `];`,
    `const targetOf = (output: Predicted, cells: string[]) =>`,
    `  'classes' in output`,
    `    ? output.classes.indexOf((cells[output.column] ?? '').trim())`,
    `    : (Number(cells[output.column]) - output.center) / output.scale;`,
    `const y = predicted.map((output) =>`,
    `  'classes' in output && !output.oneUnit`,
    `    ? tf.tensor1d(trainRows.map((cells) => targetOf(output, cells)))`,
    `    : tf.tensor2d(trainRows.map((cells) => targetOf(output, cells)), [sampleCount, 1]),`,
    `);`,
    `const yTest = predicted.map((output) => testRows.map((cells) => targetOf(output, cells)));`,
  ];
}

/** The test split and the playground's question, each output measured and answering on its own column. */
function severalQuestionTypescript(queryLines: readonly string[], fed: (rows: string) => string): string[] {
  return [
    `// 4. The test split, never trained on, measured once per output; then the playground's question, a row of raw values.`,
    `if (testRows.length > 0) {`,
    `  const answers = model.predict(${fed('xTest')}) as tf.Tensor[];`,
    `  predicted.forEach((output, index) => {`,
    `    const rows = answers[index].arraySync() as number[][];`,
    `    if ('classes' in output) {`,
    `      const chosen = rows.map((row) => (output.oneUnit ? (row[0] > 0.5 ? 1 : 0) : row.indexOf(Math.max(...row))));`,
    `      const right = chosen.filter((answer, sample) => answer === yTest[index][sample]).length;`,
    '      console.log(`test_${output.name}_accuracy ${(right / testRows.length).toFixed(4)}`);',
    `    } else {`,
    `      const errors = rows.map((row, sample) => Math.abs((row[0] - yTest[index][sample]) * output.scale));`,
    '      console.log(`test_${output.name}_mae ${(errors.reduce((sum, error) => sum + error, 0) / errors.length).toFixed(4)}`);',
    `    }`,
    `  });`,
    `}`,
    ...queryLines,
    `const queryAnswers = model.predict(${fed('tf.tensor2d([encodeRow(queryRow)], [1, inputCount])')}) as tf.Tensor[];`,
    `predicted.forEach((output, index) => {`,
    `  const values = Array.from(queryAnswers[index].dataSync());`,
    `  if ('classes' in output) {`,
    `    const probabilities = output.oneUnit ? [1 - values[0], values[0]] : values;`,
    `    const best = probabilities.indexOf(Math.max(...probabilities));`,
    '    console.log(`For ${query} ${output.name} expects ${output.classes[best]} (${(probabilities[best] * 100).toFixed(1)}%)`);',
    `  } else {`,
    '    console.log(`For ${query} ${output.name} answers ${(values[0] * output.scale + output.center).toFixed(3)}`);',
    `  }`,
    `});`,
  ];
}

/** The columns several outputs predict, as a Python program reads them into `y` and `y_test` (a NumPy array each). */
function severalTargetsPython(outputs: NonNullable<DataCode<Spec>['outputs']>, names: readonly string[]): string[] {
  return [
    "# The columns to predict, one per output in the model's order: a class (one sigmoid unit for two), or a",
    '# number trained on standardised over the training rows, its answers read back.',
    'PREDICTED = [',
    ...outputs.map((output) => {
      const column = names.indexOf(output.column);
      return output.target.kind === 'class'
        ? `    {"name": ${pythonString(output.name)}, "column": ${column}, "classes": [${output.target.labels.map(pythonString).join(', ')}], "one_unit": ${output.units === 1 ? 'True' : 'False'}},`
        : `    {"name": ${pythonString(output.name)}, "column": ${column}, "center": ${output.target.center}, "scale": ${output.target.scale}},`;
    }),
    ']',
    '',
    '',
    'def targets_of(output, rows):',
    '    cells = [row[output["column"]].strip() for row in rows]',
    '    if "classes" not in output:',
    '        values = [(float(cell) - output["center"]) / output["scale"] for cell in cells]',
    '        return np.array(values, dtype="float32").reshape(-1, 1)',
    '    values = [output["classes"].index(cell) for cell in cells]',
    '    return np.array(values, dtype="float32").reshape(-1, 1) if output["one_unit"] else np.array(values, dtype="int64")',
    '',
    '',
    'y = [targets_of(output, train_rows) for output in PREDICTED]',
    'y_test = [targets_of(output, test_rows) for output in PREDICTED]',
  ];
}

/** The test split and the playground's question, each output measured and answering on its own column. */
function severalQuestionPython(
  queryLines: readonly string[],
  predict: (input: string, output: string) => string[],
): string[] {
  return [
    "# 4. The test split, never trained on, measured once per output; then the playground's question, a row of raw values.",
    '# The network answers each test row as the playground answers one: one answer per output.',
    'test_outputs = []',
    'for index in range(len(test_rows)):',
    '    test_row = x_test[index : index + 1]',
    ...predict('test_row', 'test_output').map((line) => `    ${line}`),
    '    test_outputs.append([np.asarray(part).reshape(-1) for part in test_output])',
    'if test_outputs:',
    '    for position, output in enumerate(PREDICTED):',
    '        answers = np.stack([answer[position] for answer in test_outputs])',
    '        truth = y_test[position].reshape(-1)',
    '        if "classes" in output:',
    '            chosen = (answers[:, 0] > 0.5).astype("int64") if output["one_unit"] else answers.argmax(axis=1)',
    '            print(f"test_{output[\'name\']}_accuracy {float((chosen == truth).mean()):.4f}")',
    '        else:',
    '            error = (answers[:, 0] - truth) * output["scale"]',
    '            print(f"test_{output[\'name\']}_mae {float(np.abs(error).mean()):.4f}")',
    ...queryLines,
    ...predict('query_x', 'query_output'),
    'for position, output in enumerate(PREDICTED):',
    '    values = np.asarray(query_output[position]).reshape(-1)',
    '    if "classes" in output:',
    '        probabilities = np.array([1 - values[0], values[0]]) if output["one_unit"] else values',
    '        best = int(np.argmax(probabilities))',
    "        print(f\"For {query} {output['name']} expects {output['classes'][best]} ({probabilities[best]:.1%})\")",
    '    else:',
    "        print(f\"For {query} {output['name']} answers {float(values[0]) * output['scale'] + output['center']:.3f}\")",
  ];
}

export const csv: RecipeDef<Spec> = {
  kind: 'csv',
  schema: csvSpec,
  defaultSpec: sample,
  title: { en: 'Your table (CSV file)', es: 'Tu tabla (archivo CSV)' },

  build(spec) {
    const read = readTable(spec.text, spec.header);
    if (!isTable(read)) return { ok: false, field: 'file', problem: read };
    const { numeric, target, inputs, good, bad } = checkRows(spec, read);
    if (target < 0)
      return {
        ok: false,
        field: 'target',
        problem: {
          en: `the table has no column ${shown(spec.target)}: choose the column to predict`,
          es: `la tabla no tiene la columna ${shown(spec.target)}: elige la columna que predecir`,
        },
      };
    if (spec.series) return buildSeries(spec, spec.series, read, { numeric, target, good, bad });
    if (spec.texts) {
      const column = read.names.indexOf(spec.texts.column);
      const fault: Localized | null =
        column < 0
          ? {
              en: `the table has no column ${shown(spec.texts.column)}: choose the column of texts`,
              es: `la tabla no tiene la columna ${shown(spec.texts.column)}: elige la columna de textos`,
            }
          : column === target
            ? {
                en: `the column ${spec.target} is both the texts and what to predict: choose another column to predict`,
                es: `la columna ${spec.target} es a la vez los textos y lo que predecir: elige otra columna que predecir`,
              }
            : spec.task === 'value'
              ? {
                  en: 'texts are read to be classified: predict the target as a class',
                  es: 'los textos se leen para clasificarlos: predice el objetivo como una clase',
                }
              : null;
      if (fault) return { ok: false, field: 'texts', problem: fault };
    }
    if (inputs.length === 0)
      return {
        ok: false,
        field: 'ignored',
        problem: {
          en: 'every column but the target is left out: keep at least one as an input',
          es: 'todas las columnas salvo el objetivo están fuera: deja al menos una como entrada',
        },
      };
    if (spec.task === 'value' && !numeric[target])
      return {
        ok: false,
        field: 'task',
        problem: {
          en: `the target column ${spec.target} holds words, not numbers: predict it as a class`,
          es: `la columna objetivo ${spec.target} tiene palabras, no números: predícela como una clase`,
        },
      };
    if (bad.length > 0 && !spec.dropBadRows) {
      const first = bad[0] ?? { en: '', es: '' };
      const more = bad.length - 1;
      return {
        ok: false,
        field: 'dropBadRows',
        problem: {
          en: `${first.en}${more > 0 ? ` (and ${more} more ${more === 1 ? 'row' : 'rows'} like it)` : ''}. Correct the file, or leave the bad rows out.`,
          es: `${first.es}${more > 0 ? ` (y ${more} ${more === 1 ? 'fila más' : 'filas más'} así)` : ''}. Corrige el archivo, o deja fuera las filas malas.`,
        },
      };
    }
    const order = dealtOrder(good.length, spec.seed);
    const testCount = testSplitCount(good.length, spec.testFraction);
    // Indices into the table's rows, in the order dealt.
    const dealtRows = order.map((index) => good[index] ?? 0);
    const trainRows = dealtRows.slice(0, good.length - testCount);
    const testRows = dealtRows.slice(good.length - testCount);
    if (trainRows.length < 2)
      return {
        ok: false,
        field: 'file',
        problem: {
          en: `only ${good.length} good ${good.length === 1 ? 'row' : 'rows'}: a network needs more to learn from`,
          es: `solo ${good.length} ${good.length === 1 ? 'fila buena' : 'filas buenas'}: una red necesita más para aprender`,
        },
      };
    const cellOf = (row: number, column: number) => read.columns[column]?.cell(row) ?? '';
    if (spec.texts)
      return buildTexts(spec, spec.texts, read, { numeric, target, good, bad, dealtRows, trainRows, testRows });
    const encodings = encodingsOf(spec, read, numeric, inputs, trainRows);
    const width = widthOf(encodings);
    const predicted = targetsOf(read, target, spec.task, good, trainRows);
    if (!predicted.ok) return { ok: false, field: 'target', problem: predicted.problem };
    const more: { output: string; column: string; targets: TargetColumn }[] = [];
    for (const also of spec.also ?? []) {
      const column = read.names.indexOf(also.column);
      if (column >= 0 && also.task === 'value' && !numeric[column])
        return {
          ok: false,
          field: 'also',
          problem: {
            en: `the column ${also.column} holds words, not numbers: predict it as a class`,
            es: `la columna ${also.column} tiene palabras, no números: predícela como una clase`,
          },
        };
      const targets = column < 0 ? null : targetsOf(read, column, also.task, good, trainRows);
      if (!targets?.ok)
        return {
          ok: false,
          field: 'also',
          problem: targets?.problem ?? {
            en: `the table has no column ${shown(also.column)} to predict`,
            es: `la tabla no tiene la columna ${shown(also.column)} que predecir`,
          },
        };
      more.push({ output: also.output, column: also.column, targets });
    }
    const slots = encodings.map((encoding) =>
      encoding.kind === 'category' ? new Map(encoding.categories.map((category, index) => [category, index])) : null,
    );
    /** The rows' encoded inputs and targets, written straight into their tensors. */
    // Where each input's values start in a row of x.
    const offsets: number[] = [];
    encodings.reduce((at, encoding) => {
      offsets.push(at);
      return at + encodedWidth(encoding);
    }, 0);
    const encode = (rows: readonly number[]) => {
      const x = new Float32Array(rows.length * width);
      // Column by column, each a plain loop over the rows: a table of 50,000 rows of 64 numbers is
      // 3.2 million values, written on the window's thread whenever an option changes.
      encodings.forEach((encoding, index) => {
        const column = inputs[index] ?? 0;
        const offset = offsets[index] ?? 0;
        if (encoding.kind === 'number') {
          const cells = read.columns[column];
          if (!cells) return;
          const { center, scale } = encoding;
          for (let sample = 0; sample < rows.length; sample += 1)
            x[sample * width + offset] = (cells.number(rows[sample] ?? 0) - center) / scale;
          return;
        }
        for (let sample = 0; sample < rows.length; sample += 1) {
          // A word of the test split the training rows never had: its one-hot is all zeros, its index -1.
          const slot = slots[index]?.get(cellOf(rows[sample] ?? 0, column));
          const at = sample * width + offset;
          if (!encoding.oneHot) x[at] = slot ?? -1;
          else if (slot !== undefined) x[at + slot] = 1;
        }
      });
      return { x: { values: x, shape: [rows.length, width], dtype: 'float32' as const }, y: predicted.encode(rows) };
    };
    const shared = sharedInputs(spec, encodings, offsets);
    const facts: TableFacts = {
      columns: columnFacts(spec, read, numeric),
      rows: read.count,
      bad: bad.slice(0, listedBadRows),
      badCount: bad.length,
      encodings,
      order: Int32Array.from(dealtRows, (row) => read.rowNumbers[row] ?? 0),
      testRows: testRows.length,
    };
    return {
      ok: true,
      dataset: {
        ...encode(trainRows),
        target: predicted.target,
        ...(more.length > 0
          ? {
              outputs: [{ output: spec.output ?? '', column: spec.target, targets: predicted }, ...more].map(
                ({ output, column, targets }) => ({
                  name: output,
                  column,
                  target: targets.target,
                  y: targets.encode(trainRows),
                  ...(testRows.length > 0 ? { test: targets.encode(testRows) } : {}),
                }),
              ),
            }
          : {}),
        preview: trainRows.slice(0, previewRows).map((row) => ({
          input: inputs.map((column) => read.columns[column]?.cell(row) ?? '').join(', '),
          target: read.columns[target]?.cell(row) ?? '',
        })),
        table: facts,
        ...(shared ? { inputs: shared } : {}),
        ...(testRows.length > 0 ? { test: encode(testRows) } : {}),
      },
    };
  },

  panel: (spec) => {
    const names = columnsOf(spec);
    const fields: PanelField<Spec>[] = [
      {
        widget: 'file',
        label: { en: 'Open a CSV file…', es: 'Abrir un archivo CSV…' },
        get: (current) => current.file,
      },
      {
        widget: 'toggle',
        label: { en: 'The first row names the columns', es: 'La primera fila nombra las columnas' },
        hint: {
          en: 'Off: the first row is data, and the columns are numbered.',
          es: 'Desactivado: la primera fila son datos y las columnas se numeran.',
        },
        get: (current) => current.header,
        set: (current, header) => {
          const { feeds: _feeds, ...rest } = current;
          return { ...rest, header, target: '', ignored: [] };
        },
      },
      {
        widget: 'choice',
        label: { en: 'Column to predict', es: 'Columna que predecir' },
        options: names.map((name) => ({ value: name, label: { en: name, es: name } })),
        get: (current) => current.target,
        set: (current, target) => {
          // A column is predicted once: chosen here, it leaves the further columns predicted.
          const also = current.also?.filter((entry) => entry.column !== target);
          const { also: _also, output: _output, ...rest } = current;
          const chosen = { ...rest, target, ignored: current.ignored.filter((name) => name !== target) };
          return also?.length
            ? { ...chosen, also, ...(current.output !== undefined ? { output: current.output } : {}) }
            : chosen;
        },
      },
      {
        widget: 'choice',
        label: { en: 'It is', es: 'Es' },
        options: [
          { value: 'class', label: { en: 'a class (classification)', es: 'una clase (clasificación)' } },
          { value: 'value', label: { en: 'a number (regression)', es: 'un número (regresión)' } },
        ],
        get: (current) => current.task,
        set: (current, task) => {
          const { series: _series, texts: _texts, ...rest } = current;
          return task === 'value' ? { ...current, texts: undefined, task: 'value' } : { ...rest, task: 'class' };
        },
      },
      {
        widget: 'toggle',
        label: { en: 'Read it as a time series', es: 'Leerla como una serie temporal' },
        hint: {
          en: 'Each window of its values predicts a later one, for a recurrent network; the other columns are not read, and the test split is the last windows.',
          es: 'Cada ventana de sus valores predice uno posterior, para una red recurrente; las demás columnas no se leen y la división de prueba son las últimas ventanas.',
        },
        get: (current) => current.series !== undefined,
        set: (current, on) => {
          const { series: _series, texts: _texts, ...rest } = current;
          return on ? { ...rest, task: 'value', series: { window: 12, horizon: 1 } } : rest;
        },
      },
      {
        widget: 'choice',
        label: { en: 'Texts to classify', es: 'Textos que clasificar' },
        options: [
          { value: '', label: { en: 'none: the columns are values', es: 'ninguno: las columnas son valores' } },
          ...wordColumns(spec).map((name) => ({
            value: name,
            label: { en: `column ${name}, word by word`, es: `columna ${name}, palabra a palabra` },
          })),
        ],
        get: (current) => current.texts?.column ?? '',
        set: (current, column) => {
          const { texts: _texts, series: _series, ...rest } = current;
          const read = readTable(current.text, current.header);
          const at = isTable(read) ? read.names.indexOf(column) : -1;
          if (!isTable(read) || at < 0) return rest;
          return { ...rest, task: 'class', texts: proposedTexts(column, cellsOf(read, at)) };
        },
      },
      ...(spec.texts
        ? ([
            {
              widget: 'whole',
              label: { en: 'words read per text', es: 'palabras leídas por texto' },
              min: 1,
              max: 500,
              get: (current) => current.texts?.length ?? 20,
              set: (current, length) => (current.texts ? { ...current, texts: { ...current.texts, length } } : current),
            },
            {
              widget: 'whole',
              label: { en: 'vocabulary (words kept)', es: 'vocabulario (palabras que se guardan)' },
              min: 10,
              max: 50_000,
              get: (current) => current.texts?.vocabulary ?? 10_000,
              set: (current, vocabulary) =>
                current.texts ? { ...current, texts: { ...current.texts, vocabulary } } : current,
            },
          ] satisfies PanelField<Spec>[])
        : []),
      ...(spec.series
        ? ([
            {
              widget: 'whole',
              label: { en: 'window (values read)', es: 'ventana (valores leídos)' },
              min: 1,
              max: 512,
              get: (current) => current.series?.window ?? 12,
              set: (current, window) => ({ ...current, series: { horizon: 1, ...current.series, window } }),
            },
            {
              widget: 'whole',
              label: { en: 'horizon (steps ahead)', es: 'horizonte (pasos adelante)' },
              min: 1,
              max: 512,
              get: (current) => current.series?.horizon ?? 1,
              set: (current, horizon) => ({ ...current, series: { window: 12, ...current.series, horizon } }),
            },
          ] satisfies PanelField<Spec>[])
        : []),
      {
        widget: 'toggles',
        label: { en: 'Inputs', es: 'Entradas' },
        hint: {
          en: 'The columns the network reads; untick an id or a name.',
          es: 'Las columnas que lee la red; desmarca un id o un nombre.',
        },
        options: names.filter((name) => name !== spec.target && !alsoPredicted(spec, name)),
        get: (current) => inputNamesOf(current, names),
        set: (current, kept) => ({
          ...current,
          ignored: names.filter(
            (name) => name !== current.target && !alsoPredicted(current, name) && !kept.includes(name),
          ),
        }),
      },
      {
        widget: 'output-map',
        label: { en: 'What each output predicts', es: 'Qué predice cada salida' },
        hint: {
          en: 'A network with several outputs predicts several columns: choose each output’s column, as a class or a number.',
          es: 'Una red con varias salidas predice varias columnas: elige la columna de cada salida, como clase o como número.',
        },
        columns: names,
        taskOf: (column) => {
          const read = readTable(spec.text, spec.header);
          return isTable(read) ? proposedTask(read, read.names.indexOf(column)) : 'class';
        },
        get: (current) => [
          { output: current.output ?? '', column: current.target, task: current.task },
          ...(current.also ?? []),
        ],
        set: (current, list) => {
          const [first, ...rest] = list;
          const { also: _also, output: _output, series: _series, texts: _texts, ...one } = current;
          if (!first) return one;
          const chosen = new Set(list.map((entry) => entry.column));
          const base = {
            ...one,
            target: first.column,
            task: first.task,
            ignored: current.ignored.filter((name) => !chosen.has(name)),
            feeds: current.feeds?.filter((feed) => !chosen.has(feed.column)),
          };
          if (!base.feeds?.length) delete base.feeds;
          return rest.length > 0 ? { ...base, output: first.output, also: rest } : base;
        },
      },
      {
        widget: 'input-map',
        label: { en: 'Which Input reads each column', es: 'Qué Input lee cada columna' },
        hint: {
          en: 'A network with several Input nodes reads the table in parts: each column goes to the Input chosen here.',
          es: 'Una red con varios nodos Input lee la tabla por partes: cada columna va al Input elegido aquí.',
        },
        columns: inputNamesOf(spec, names),
        get: (current) => Object.fromEntries((current.feeds ?? []).map((feed) => [feed.column, feed.input])),
        set: (current, map) => {
          const feeds = Object.entries(map).map(([column, input]) => ({ column, input }));
          const { feeds: _feeds, ...rest } = current;
          return feeds.length > 0 ? { ...rest, feeds } : rest;
        },
      },
      {
        widget: 'choice',
        label: { en: 'Numbers are scaled', es: 'Los números se escalan' },
        options: [
          { value: 'standard', label: { en: 'to mean 0, deviation 1', es: 'a media 0, desviación 1' } },
          { value: 'minmax', label: { en: 'to between 0 and 1', es: 'a entre 0 y 1' } },
        ],
        get: (current) => current.scaling,
        set: (current, scaling) => ({ ...current, scaling: scaling === 'minmax' ? 'minmax' : 'standard' }),
      },
      {
        widget: 'choice',
        label: { en: 'Words become', es: 'Las palabras se vuelven' },
        options: [
          { value: 'one-hot', label: { en: 'a column each (one-hot)', es: 'una columna cada una (one-hot)' } },
          { value: 'index', label: { en: 'their index (for an Embedding)', es: 'su índice (para un Embedding)' } },
        ],
        get: (current) => current.words,
        set: (current, words) => ({ ...current, words: words === 'index' ? 'index' : 'one-hot' }),
      },
      {
        widget: 'toggle',
        label: { en: 'Leave bad rows out', es: 'Dejar fuera las filas malas' },
        hint: {
          en: 'A row with a missing value, a word where a number goes, or too few values is left out, and listed.',
          es: 'Una fila con un valor que falta, una palabra donde va un número o pocos valores se deja fuera, y se lista.',
        },
        get: (current) => current.dropBadRows,
        set: (current, dropBadRows) => ({ ...current, dropBadRows }),
      },
      ...testSplitFields<Spec>({ en: 'rows', es: 'filas' }),
    ];
    // A series or texts read one column (in time order, or word by word): no inputs to choose, share
    // out among Inputs or predict beside it, nothing scaled or encoded; a series deals nothing, texts
    // are no series.
    const oneColumn = [
      'Inputs',
      'Which Input reads each column',
      'What each output predicts',
      'Numbers are scaled',
      'Words become',
    ];
    const left = new Set(
      spec.series
        ? [...oneColumn, 'seed of the split', 'Texts to classify']
        : spec.texts
          ? [...oneColumn, 'Read it as a time series']
          : [],
    );
    return fields.filter((field) => !('label' in field) || !left.has(field.label.en));
  },
  preview: (spec) => {
    if (spec.series) {
      const window = {
        en: `${spec.target}: ${spec.series.window} values`,
        es: `${spec.target}: ${spec.series.window} valores`,
      };
      const later = { en: `${spec.series.horizon} later`, es: `${spec.series.horizon} después` };
      return { labels: 'classes', headings: { input: window, target: later } };
    }
    if (spec.texts)
      return {
        labels: 'classes',
        headings: {
          input: { en: spec.texts.column, es: spec.texts.column },
          target: { en: spec.target, es: spec.target },
        },
      };
    const inputs = inputNamesOf(spec).join(', ');
    return {
      labels: 'classes',
      headings: { input: { en: inputs, es: inputs }, target: { en: spec.target, es: spec.target } },
    };
  },
  playground: (spec) => {
    if (spec.series)
      return {
        input: 'numbers',
        label: {
          en: `The last ${spec.series.window} values of ${spec.target}, oldest first`,
          es: `Los últimos ${spec.series.window} valores de ${spec.target}, del más antiguo al más reciente`,
        },
      };
    if (spec.texts)
      return {
        input: 'text',
        label: {
          en: `A text, as in column ${spec.texts.column}`,
          es: `Un texto, como en la columna ${spec.texts.column}`,
        },
      };
    const inputs = inputNamesOf(spec).join(', ');
    return {
      input: 'text',
      label: {
        en: `A row, its values as in the file: ${inputs}`,
        es: `Una fila, con sus valores como en el archivo: ${inputs}`,
      },
    };
  },

  defaultQuery: firstRow,
  opens: {
    extensions: ['.csv', '.tsv'],
    maxBytes: maxCsvText,
    spec: csvSpecFor,
    reopen: (spec, file, text) => ({ ...spec, file, text }),
    file: (spec) => ({ name: spec.file, text: spec.text }),
    // The worker that opened the file read the table for its proposal; the window reads it again
    // a chunk at a time, for the build: handing over the parsed cells cost a long task itself.
    prepare: (spec, progress, stopped, pieces) =>
      readTableInSteps(spec.text, spec.header, progress, stopped, pieces ? { pieces } : {}),
  },

  encodeQuery(spec, dataset, text) {
    const facts = factsOf(dataset);
    if (!facts) return { ok: false, problem: { en: 'Build the data first.', es: 'Construye primero los datos.' } };
    if (spec.series && dataset.target.kind === 'value')
      return encodeSeriesQuery(text, spec.series.window, dataset.target.center ?? 0, dataset.target.scale);
    if (spec.texts) return encodeTextQuery(text, dataset.words ?? [], spec.texts.length);
    const cells = Papa.parse<string[]>(text.trim(), { delimiter: text.includes('\t') ? '\t' : ',' }).data[0] ?? [];
    const { encodings } = facts;
    const names = encodings.map((encoding) => encoding.name).join(', ');
    if (cells.length !== encodings.length)
      return {
        ok: false,
        problem: {
          en: `Type ${encodings.length} values separated by commas, one for each input (${names}), e.g. ${firstRow(spec)}.`,
          es: `Escribe ${encodings.length} valores separados por comas, uno por entrada (${names}), p. ej. ${firstRow(spec)}.`,
        },
      };
    const encoded = encodeRow(encodings, cells);
    if (!encoded.ok) {
      const encoding = encodings[encoded.index];
      const where = `${encoding?.name ?? ''}`;
      return {
        ok: false,
        problem:
          encoding?.kind === 'category'
            ? {
                en: `${where}: ${shown(encoded.cell)} is none of ${encoding.categories.join(', ')}.`,
                es: `${where}: ${shown(encoded.cell)} no es ninguno de ${encoding.categories.join(', ')}.`,
              }
            : {
                en: `${where}: ${shown(encoded.cell)} is not a number.`,
                es: `${where}: ${shown(encoded.cell)} no es un número.`,
              },
      };
    }
    return { ok: true, values: Float32Array.from(encoded.values), shape: [1, encoded.values.length] };
  },

  planQuery(spec, dataset, query) {
    return textQuery(csv, spec, dataset, query);
  },

  /** A series read one step ahead is drawn with the forecast over it, as lesson 4's airline series is. */
  plotted(spec) {
    if (spec.series?.horizon !== 1) return null;
    const read = readTable(spec.text, spec.header);
    if (!isTable(read)) return null;
    const { target, good } = checkRows(spec, read);
    const values = seriesValues(read, target, good);
    const { trainCount } = seriesCounts(values.length, spec.series, spec.testFraction);
    return { kind: 'series', values: values.slice(0, trainCount + spec.series.window), window: spec.series.window };
  },

  typescript: {
    imports: [
      `import { createHash } from 'node:crypto';`,
      `import { readFileSync } from 'node:fs';`,
      `import Papa from 'papaparse';`,
    ],
    packages: {
      dependencies: { papaparse: '^5.4.1' },
      devDependencies: { '@types/node': '^20.0.0', '@types/papaparse': '^5.3.0' },
    },
    data: (code) => {
      const { spec, dataset, loss, oneUnit, query } = code;
      const series = seriesCode(spec, dataset, query);
      if (series) return seriesTypescript(series).data;
      const texts = textsCode(spec, dataset, loss, oneUnit, query);
      if (texts) return textsTypescript(texts).data;
      const facts = factsOf(dataset);
      if (!facts) return [];
      const classes = dataset.target.kind === 'class';
      const column = !classes || loss === 'binary_crossentropy';
      const names = columnsOf(spec);
      const inputColumns = facts.encodings.map((encoding) => names.indexOf(encoding.name));
      const target = names.indexOf(spec.target);
      // The rows read, dealt as LayerLab dealt them: the inputs in x.
      const rowLines = [
        `const trainRows = order.slice(0, order.length - testCount).map(rowByNumber);`,
        `const testRows = order.slice(order.length - testCount).map(rowByNumber);`,
        `const sampleCount = trainRows.length;`,
        `const x = tf.tensor2d(trainRows.flatMap(encodeRow), [sampleCount, inputCount]);`,
      ];
      const xTestLine = `const xTest = tf.tensor2d(testRows.flatMap(encodeRow), [testRows.length, inputCount]);`;
      // One column predicted: its classes or its scale, y and yTest.
      const singleTarget = [
        classes
          ? `const classes = [${dataset.target.kind === 'class' ? dataset.target.labels.map(typescriptString).join(', ') : ''}];`
          : `// The target: column ${target + 1}, a number per row.`,
        ...(classes
          ? []
          : [
              `// Trained on standardised over the training rows; answers are read back.`,
              `const targetCenter = ${dataset.target.kind === 'value' ? (dataset.target.center ?? 0) : 0};`,
              `const targetScale = ${dataset.target.kind === 'value' ? dataset.target.scale : 1};`,
            ]),
        `const targetOf = (cells: string[]) => ${classes ? `classes.indexOf((cells[${target}] ?? '').trim())` : `(Number(cells[${target}]) - targetCenter) / targetScale`};`,
        ...rowLines,
        column
          ? `const y = tf.tensor2d(trainRows.map(targetOf), [sampleCount, 1]);`
          : `const y = tf.tensor1d(trainRows.map(targetOf));`,
        xTestLine,
        `const yTest = testRows.map(targetOf);`,
      ];
      return [
        `// 1. The data: the table ${typescriptString(spec.file)}, read with papaparse. Run the program with the file's`,
        `// path as its argument; it reads a file of that name beside it otherwise.`,
        ...typescriptReadTable(spec.file, spec.text),
        `// Each row by its number as a spreadsheet shows it${spec.header ? ' (the header is row 1)' : ''}.`,
        `const rowByNumber = (row: number) => table[row - 1] ?? [];`,
        `// The rows in the order LayerLab dealt them from seed ${spec.seed}; the last ${facts.testRows} are the test split.`,
        `const order = ${typescriptNumbers(Array.from(facts.order))};`,
        `const testCount = ${facts.testRows};`,
        `// How LayerLab encodes each input, from the training rows: numbers scaled, words one-hot or by index.`,
        `const inputColumns = ${typescriptNumbers(inputColumns)};`,
        `const encodings: ({ center: number; scale: number } | { categories: string[]; oneHot: boolean })[] = [`,
        ...facts.encodings.map((encoding) =>
          encoding.kind === 'number'
            ? `  { center: ${encoding.center}, scale: ${encoding.scale} },`
            : `  { categories: [${encoding.categories.map(typescriptString).join(', ')}], oneHot: ${String(encoding.oneHot)} },`,
        ),
        `];`,
        `const encodeRow = (cells: string[]) =>`,
        `  encodings.flatMap((encoding, index) => {`,
        `    const cell = (cells[inputColumns[index]] ?? '').trim();`,
        `    return 'center' in encoding`,
        `      ? [(Number(cell) - encoding.center) / encoding.scale]`,
        `      : encoding.oneHot`,
        `        ? encoding.categories.map((category) => (category === cell ? 1 : 0))`,
        `        : [encoding.categories.indexOf(cell)];`,
        `  });`,
        `const inputCount = ${widthOf(facts.encodings)};`,
        ...(code.outputs ? [...rowLines, xTestLine, ...severalTargetsTypescript(code.outputs, names)] : singleTarget),
        'console.log(`Data: ${sampleCount} rows to train on, ${testRows.length} held out to test`);',
      ];
    },
    question: ({ spec, dataset, loss, oneUnit, query, fed, outputs }) => {
      const series = seriesCode(spec, dataset, query);
      if (series) return seriesTypescript(series).question;
      const texts = textsCode(spec, dataset, loss, oneUnit, query);
      if (texts) return textsTypescript(texts).question;
      const classes = dataset.target.kind === 'class';
      const text = query.kind === 'text' ? query.text : '';
      const queryLines = [
        `const query = ${typescriptString(text)};`,
        `const queryCells = Papa.parse<string[]>(query).data[0] ?? [];`,
        `const queryRow: string[] = [];`,
        `inputColumns.forEach((column, index) => (queryRow[column] = queryCells[index] ?? ''));`,
      ];
      if (outputs) return severalQuestionTypescript(queryLines, fed);
      return [
        `// 4. The test split, never trained on, measured once; then the playground's question, a row of raw values.`,
        `if (testRows.length > 0) {`,
        `  const predicted = (model.predict(${fed('xTest')}) as tf.Tensor).arraySync() as number[][];`,
        ...(classes
          ? [
              oneUnit
                ? `  const right = predicted.filter((row, index) => (row[0] > 0.5 ? 1 : 0) === yTest[index]).length;`
                : `  const right = predicted.filter((row, index) => row.indexOf(Math.max(...row)) === yTest[index]).length;`,
              'console.log(`test_accuracy ${(right / testRows.length).toFixed(4)}`);',
            ]
          : [
              `  const errors = predicted.map((row, index) => (row[0] - yTest[index]) * targetScale);`,
              `  const mae = errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length;`,
              'console.log(`test_mae ${mae.toFixed(4)}`);',
            ]),
        `}`,
        ...queryLines,
        `const output = (model.predict(${fed('tf.tensor2d([encodeRow(queryRow)], [1, inputCount])')}) as tf.Tensor).dataSync();`,
        ...(classes
          ? [
              oneUnit
                ? `const probabilities = [1 - output[0], output[0]];`
                : `const probabilities = Array.from(output);`,
              `const best = probabilities.indexOf(Math.max(...probabilities));`,
              'console.log(`For ${query} the network expects ${classes[best]} (${(probabilities[best] * 100).toFixed(1)}%)`);',
            ]
          : [
              'console.log(`For ${query} the network answers ${(output[0] * targetScale + targetCenter).toFixed(3)}`);',
            ]),
      ];
    },
  },
  python: {
    arguments: [
      'parser.add_argument("--data", help="the table\'s path (a file of the name LayerLab opened, beside the program, otherwise)")',
    ],
    data: (code) => {
      const { spec, dataset } = code;
      const series = seriesCode(spec, dataset, code.query);
      if (series) return seriesPython(series, code.predict).data;
      const texts = textsCode(spec, dataset, code.loss, code.oneUnit, code.query);
      if (texts) return textsPython(texts, code.predict).data;
      const facts = factsOf(dataset);
      if (!facts) return [];
      const classes = dataset.target.kind === 'class';
      const names = columnsOf(spec);
      const inputColumns = facts.encodings.map((encoding) => names.indexOf(encoding.name));
      const target = names.indexOf(spec.target);
      return [
        `# 1. The data: the table ${pythonString(spec.file).slice(1, -1)}, read with the csv module. Pass its path with`,
        '# --data; a file of that name beside the program is read otherwise.',
        ...pythonReadTable(spec.file, spec.text),
        `# The rows in the order LayerLab dealt them from seed ${spec.seed}, by their number as a spreadsheet`,
        `# shows it${spec.header ? ' (the header is row 1)' : ''}; the last ${facts.testRows} are the test split.`,
        `ORDER = ${pythonNumberList(Array.from(facts.order))}`,
        `TEST_COUNT = ${facts.testRows}`,
        '# How LayerLab encodes each input, from the training rows: numbers scaled, words one-hot or by index.',
        `INPUT_COLUMNS = [${inputColumns.join(', ')}]`,
        'ENCODINGS = [',
        ...facts.encodings.map((encoding) =>
          encoding.kind === 'number'
            ? `    {"center": ${encoding.center}, "scale": ${encoding.scale}},`
            : `    {"categories": [${encoding.categories.map(pythonString).join(', ')}], "one_hot": ${encoding.oneHot ? 'True' : 'False'}},`,
        ),
        ']',
        '',
        '',
        'def encode_row(cells):',
        '    values = []',
        '    for column, encoding in zip(INPUT_COLUMNS, ENCODINGS):',
        '        cell = cells[column].strip() if column < len(cells) else ""',
        '        if "center" in encoding:',
        '            values.append((float(cell) - encoding["center"]) / encoding["scale"])',
        '        elif encoding["one_hot"]:',
        '            values.extend(1.0 if category == cell else 0.0 for category in encoding["categories"])',
        '        else:',
        '            values.append(float(encoding["categories"].index(cell)) if cell in encoding["categories"] else -1.0)',
        '    return values',
        '',
        '',
        ...(classes && !code.outputs
          ? [`classes = [${dataset.target.kind === 'class' ? dataset.target.labels.map(pythonString).join(', ') : ''}]`]
          : []),
        'rows = [table[number - 1] for number in ORDER]',
        'train_rows, test_rows = rows[: len(rows) - TEST_COUNT], rows[len(rows) - TEST_COUNT :]',
        'x = np.array([encode_row(row) for row in train_rows], dtype="float32")',
        'x_test = np.array([encode_row(row) for row in test_rows], dtype="float32").reshape(len(test_rows), x.shape[1])',
        ...(code.outputs
          ? severalTargetsPython(code.outputs, names)
          : classes
            ? [
                `y = np.array([classes.index(row[${target}].strip()) for row in train_rows], dtype="int64")`,
                `y_test = np.array([classes.index(row[${target}].strip()) for row in test_rows], dtype="int64")`,
                ...(oneHotTargets(code)
                  ? [
                      '# categorical_crossentropy compares whole distributions: one-hot targets.',
                      'y = np.eye(len(classes), dtype="float32")[y]',
                    ]
                  : []),
              ]
            : [
                '# Trained on standardised over the training rows; answers are read back.',
                `TARGET_CENTER = ${dataset.target.kind === 'value' ? (dataset.target.center ?? 0) : 0}`,
                `TARGET_SCALE = ${dataset.target.kind === 'value' ? dataset.target.scale : 1}`,
                `y = (np.array([float(row[${target}]) for row in train_rows], dtype="float32").reshape(-1, 1) - TARGET_CENTER) / TARGET_SCALE`,
                `y_test = (np.array([float(row[${target}]) for row in test_rows], dtype="float32").reshape(-1, 1) - TARGET_CENTER) / TARGET_SCALE`,
              ]),
        'sample_count = len(x)',
        'print(f"Data: {sample_count} rows to train on, {len(test_rows)} held out to test")',
      ];
    },
    question: ({ spec, dataset, loss, oneUnit, query, predict, outputs }) => {
      const series = seriesCode(spec, dataset, query);
      if (series) return seriesPython(series, predict).question;
      const texts = textsCode(spec, dataset, loss, oneUnit, query);
      if (texts) return textsPython(texts, predict).question;
      const classes = dataset.target.kind === 'class';
      const text = query.kind === 'text' ? query.text : '';
      const queryLines = [
        `query = ${pythonString(text)}`,
        'query_cells = next(csv.reader([query]))',
        'query_row = [""] * (max(INPUT_COLUMNS) + 1)',
        'for column, cell in zip(INPUT_COLUMNS, query_cells):',
        '    query_row[column] = cell',
        'query_x = np.array([encode_row(query_row)], dtype="float32")',
      ];
      if (outputs) return severalQuestionPython(queryLines, predict);
      return [
        "# 4. The test split, never trained on, measured once; then the playground's question, a row of raw values.",
        '# The network answers each test row as the playground answers one.',
        'test_outputs = []',
        'for index in range(len(test_rows)):',
        '    test_row = x_test[index : index + 1]',
        ...predict('test_row', 'test_output').map((line) => `    ${line}`),
        '    test_outputs.append(np.asarray(test_output).reshape(-1))',
        'if test_outputs:',
        '    test_outputs = np.stack(test_outputs)',
        ...(classes
          ? [
              oneUnit
                ? '    test_predicted = (test_outputs[:, 0] > 0.5).astype("int64")'
                : '    test_predicted = test_outputs.argmax(axis=1)',
              '    print(f"test_accuracy {float((test_predicted == y_test.reshape(-1)).mean()):.4f}")',
            ]
          : [
              '    test_error = (test_outputs[:, 0] - y_test.reshape(-1)) * TARGET_SCALE',
              '    print(f"test_mae {float(np.abs(test_error).mean()):.4f}")',
            ]),
        ...queryLines,
        ...predict('query_x', 'output'),
        ...(classes
          ? [
              ...(oneUnit
                ? ['probabilities = np.array([1 - output[0], output[0]])']
                : ['probabilities = np.asarray(output).reshape(-1)']),
              'best = int(np.argmax(probabilities))',
              'print(f"For {query} the network expects {classes[best]} ({probabilities[best]:.1%})")',
            ]
          : [
              'print(f"For {query} the network answers {float(np.asarray(output).reshape(-1)[0]) * TARGET_SCALE + TARGET_CENTER:.3f}")',
            ]),
      ];
    },
  },
};
