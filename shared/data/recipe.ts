/**
 * What a data recipe is: everything LayerLab knows about one kind of data, in the kind's own file
 * under `recipes/`. Its schema (saved in projects and lessons), how it builds the tensors a
 * network trains on, how the data panel shows and edits it, how the playground encodes a question,
 * what the evaluation plots, and the data code the exported programs write. Code outside a
 * recipe's file asks the registry (`recipes/index.ts`) and never names a kind.
 */
import { z } from 'zod';
import { createRandom } from '../math/random.js';
import type { Localized } from '../vocabulary/localized.js';
import type { Dataset, DatasetResult, OutputTargets } from './dataset.js';
import type { Pixels } from './pixels.js';
import { textFingerprint } from '../vocabulary/fingerprint.js';
import { pythonString } from '../vocabulary/python.js';
import { typescriptString } from '../vocabulary/typescript-literals.js';

/** What a playground question encodes to: one sample's values and shape, or why it cannot. */
export type QueryResult = { ok: true; values: Float32Array; shape: number[] } | { ok: false; problem: Localized };

/** The playground's question as an export writes it: the text or numbers it reads. */
export type PlannedQuery =
  | { kind: 'text'; text: string }
  | { kind: 'numbers'; values: number[] }
  /** One of the data's samples, by index from 0 (the playground writes it "#1"). */
  | { kind: 'sample'; index: number }
  /** A GAN's question: the seed of the noise its generator draws an image from. */
  | { kind: 'seed'; seed: number };

/**
 * One control of the data panel, for the spec it edits: `get` reads the value shown, `set` returns
 * the spec with the value changed. The renderer draws each widget (renderer/src/data/widgets.tsx);
 * a bad value is refused at its field and the spec keeps its last good value.
 */
export type PanelField<S> =
  /** Free text (a text area); an empty one is not taken. */
  | { widget: 'text'; label: Localized; get: (spec: S) => string; set: (spec: S, value: string) => S }
  /** Numbers separated by commas or spaces, at least two. */
  | { widget: 'numbers'; label: Localized; get: (spec: S) => number[]; set: (spec: S, value: number[]) => S }
  /** A whole number in [min, max]. */
  | {
      widget: 'whole';
      label: Localized;
      min: number;
      max: number;
      get: (spec: S) => number;
      set: (spec: S, value: number) => S;
    }
  /** A check box with its hint. */
  | {
      widget: 'toggle';
      label: Localized;
      hint: Localized;
      get: (spec: S) => boolean;
      set: (spec: S, value: boolean) => S;
    }
  /** One of a few choices. */
  | {
      widget: 'choice';
      label: Localized;
      options: { value: string; label: Localized }[];
      get: (spec: S) => string;
      set: (spec: S, value: string) => S;
    }
  /** A line of explanation. */
  | { widget: 'note'; text: Localized }
  /** A table shown as it is: the input columns by name, then the target. */
  | { widget: 'rows'; columns: readonly string[]; rows: readonly (readonly number[])[] }
  /** Labelled texts, one a line as `label: text`, at least two. */
  | {
      widget: 'labelled-lines';
      label: Localized;
      hint: Localized;
      get: (spec: S) => { label: string; text: string }[];
      set: (spec: S, value: { label: string; text: string }[]) => S;
    }
  /** Which classes to keep, a toggle each; at least one stays on, all of them reads `undefined`. */
  | {
      widget: 'class-toggles';
      label: Localized;
      hint: Localized;
      classes: readonly number[];
      get: (spec: S) => readonly number[] | undefined;
      set: (spec: S, value: number[] | undefined) => S;
    }
  /**
   * A button that opens a file of the learner's, as File → Open data does (the recipe that opens
   * it by its extension makes the spec); beside it, the name of the file the spec holds.
   */
  | { widget: 'file'; label: Localized; get: (spec: S) => string }
  /** Which of some named options are on, a toggle each; at least one stays on. */
  | {
      widget: 'toggles';
      label: Localized;
      hint: Localized;
      options: readonly string[];
      get: (spec: S) => readonly string[];
      set: (spec: S, value: string[]) => S;
    }
  /**
   * A button that opens a folder of images, a subfolder per class, as File → Open a folder of
   * images does; beside it, the name of the folder the spec holds.
   */
  | { widget: 'folder'; label: Localized; get: (spec: S) => string }
  /**
   * Each of `columns` to one of the network's Input nodes, by name (the panel lists the canvas'
   * Inputs); shown when the network has several. A column not in the map goes to the first Input.
   */
  /**
   * Each of the network's output nodes (the panel lists the canvas' outputs) to a column it
   * predicts, as a class or a number; shown when the network has several. The first entry is the
   * recipe's main target; `taskOf` proposes how a column is predicted.
   */
  | {
      widget: 'output-map';
      label: Localized;
      hint?: Localized;
      columns: readonly string[];
      /** How a column would be predicted, asked when the learner picks it. */
      taskOf: (column: string) => 'class' | 'value';
      get: (spec: S) => { output: string; column: string; task: 'class' | 'value' }[];
      set: (spec: S, value: { output: string; column: string; task: 'class' | 'value' }[]) => S;
    }
  | {
      widget: 'input-map';
      label: Localized;
      hint?: Localized;
      columns: readonly string[];
      get: (spec: S) => Record<string, string>;
      set: (spec: S, value: Record<string, string>) => S;
    }
  /** Each class's count and first images, at the size trained on (read only); classes left out dimmed. */
  | {
      widget: 'class-grid';
      label: Localized;
      classes: { name: string; count: number; kept: boolean; images: Float32Array[] }[];
      height: number;
      width: number;
      channels: number;
    }
  /** Named entries shown as a list (read only). */
  | { widget: 'list'; label: Localized; items: { name: string; value: string | Localized }[] };

/** How the data panel previews a built dataset. */
export interface PreviewView {
  /** What the target labels are called above their list: a vocabulary of characters or of words, or classes. */
  labels: 'vocabulary' | 'words' | 'classes';
  /** Headings of the preview table's two columns; `null` shows no table (images show themselves). */
  headings: { input: Localized; target: Localized } | null;
  /** Show the first window one-hot, a row per character. */
  oneHot?: boolean;
}

/** How the playground asks its question. */
export interface PlaygroundView {
  /** `line`: one line of numbers or words; `lines`: a long sequence over several lines; `image`: a sample or a drawing. */
  input: 'numbers' | 'text' | 'lines' | 'image';
  /** What the question field is called, when the input's usual name says too little. */
  label?: Localized;
  /** The question continues, a character or a word at a time, with a temperature (text generation). */
  writes?: 'characters' | 'words';
  /** A pad to draw the question on, this many pixels a side. */
  pad?: { width: number; height: number };
}

/** What the evaluation draws against the data itself, beyond a confusion matrix or reconstructions. */
export type Plotted =
  /** Two numeric inputs: the decision boundary over their plane. */
  | { kind: 'plane'; x: { name: string; values: number[] }; y: { name: string; values: number[] } }
  /** One numeric input and a numeric target: the fitted curve through the points. */
  | { kind: 'curve'; x: { name: string; values: number[] }; targets: number[] }
  /** A series read in windows: the forecast over it. */
  | { kind: 'series'; values: number[]; window: number };

/** What a recipe's export code reads from the plan, without the plan's other parts. */
export interface DataCode<S> {
  spec: S;
  dataset: Dataset;
  /** The run's loss: categorical cross-entropy wants one-hot targets. */
  loss: string;
  /** The network ends in one unit: two classes read from one sigmoid. */
  oneUnit: boolean;
  query: PlannedQuery;
  /** Several outputs, each predicting a column of a table, in the model's order; null for one. */
  outputs:
    | {
        name: string;
        column: string;
        target: OutputTargets['target'];
        /** The output's units: one sigmoid unit answers two classes. */
        units: number | null;
      }[]
    | null;
}

export interface TypeScriptDataCode<S> extends DataCode<S> {
  /** The program needs this helper function (written once, after the imports). */
  useHelper: (name: 'mulberry32') => void;
  /**
   * What the model is given for a tensor of rows: the rows themselves, or `feed(rows)`, the
   * columns of each Input, when a table is shared out among several.
   */
  fed: (rows: string) => string;
}

export interface PythonDataCode<S> extends DataCode<S> {
  /** Lines that set `output` to the network's answer for `input`, one sample (a NumPy array). */
  predict: (input: string, output: string) => string[];
}

/** What a learner may choose when opening a data file from the command line, over the guesses. */
export interface OpenChoices {
  /** The column (or part) to predict. */
  target?: string;
  task?: 'class' | 'value';
  /** Leave out the rows that cannot be read, listed, instead of refusing the file. */
  dropBadRows?: boolean;
  /** Read the target as a time series: windows of `window` values predict the one `horizon` steps on. */
  series?: { window: number; horizon: number };
  /** Read this column's free text as the input, word by word, to classify by the target. */
  texts?: string;
  /** Read a text word by word, windows of this many words predicting the next one. */
  words?: number;
}

/** One image of a folder as the caller decoded it, at most `opensFolder.sideFor(count)` a side, RGBA or fewer channels. */
export interface DecodedImage {
  /** The subfolder it came from. */
  className: string;
  file: string;
  pixels: Pixels;
}

/** A file of a folder that was not read, and why. */
export interface SkippedImage {
  file: string;
  reason: Localized;
}

export interface RecipeDef<S extends { kind: string }> {
  kind: S['kind'];
  /** The zod schema a project's `data` is checked with; strict, with `kind` its literal. */
  schema: z.ZodType<S> & z.core.$ZodTypeDiscriminable;
  /** What a new recipe of this kind starts from when chosen in the data panel. */
  defaultSpec: S;
  /** Its name in the data panel's menu. */
  title: Localized;
  /** The values the network trains on, or the field at fault and why. */
  build: (spec: S) => DatasetResult;
  /** The data panel's controls for this spec. */
  panel: (spec: S) => PanelField<S>[];
  /** How the data panel previews what this spec built. */
  preview: (spec: S) => PreviewView;
  playground: (spec: S) => PlaygroundView;
  /** The question the playground opens with. */
  defaultQuery: (spec: S) => string;
  /** A typed question, encoded as the dataset encodes its samples. */
  encodeQuery: (spec: S, dataset: Dataset, text: string) => QueryResult;
  /** The question an export ends with: `query` where the network can read it, else the default. */
  planQuery: (spec: S, dataset: Dataset, query: string | undefined) => PlannedQuery;
  /**
   * The one text the data is read from, for recipes that read a text file: switching the Data tab
   * to another recipe that reads one (`opens.spec`) carries the text over.
   */
  rawText?: (spec: S) => string;
  /** What the evaluation plots against the data, if anything. */
  plotted?: (spec: S, dataset: Dataset) => Plotted | null;
  /**
   * Files the learner can open as this kind of data (File → Open data, the data panel, or dropped
   * on the window), by extension, at most `maxBytes`, read as UTF-8 text, and the spec for one.
   */
  opens?: {
    extensions: readonly string[];
    maxBytes: number;
    /** The spec for a file; `choices` are what a command line chose instead of the guesses. */
    spec: (name: string, text: string, choices?: OpenChoices) => S;
    /** `spec` with another file of the same kind, every choice the learner made kept. */
    reopen: (spec: S, name: string, text: string) => S;
    /**
     * The file's name and text the spec holds: a text longer than `embeddedDataChars` is saved
     * outside the project (data-file.ts), `reopen` with no text standing for it until it is read again.
     */
    file: (spec: S) => { name: string; text: string };
    /**
     * Where several recipes open the same extensions, the one whose `claims` accepts the command
     * line's choices opens the file (`--words`); without choices, the first recipe with no `claims`.
     */
    claims?: (choices: OpenChoices) => boolean;
    /**
     * Reads what building `spec` needs (a large table's rows) in steps that each leave the
     * window free, saying how far it got, so that the build that follows is quick; resolves
     * false when `stopped` says to stop. The app runs it before a file it opened becomes the data.
     * `pieces`: the file's text as it was read, whose concatenation is the text the spec holds
     * (a large text is never joined into one string on the window: that alone is a long task).
     */
    prepare?: (
      spec: S,
      progress: (fraction: number) => void,
      stopped: () => boolean,
      pieces?: readonly string[],
    ) => Promise<boolean>;
  };
  /**
   * Folders the learner can open as this kind of data, a subfolder per class: the caller decodes
   * each file of these extensions (off the window's thread) to at most `side` × `side` pixels and
   * passes the images, and the files it could not read with why.
   */
  opensFolder?: {
    extensions: readonly string[];
    maxImages: number;
    /** The side one image the learner brings is decoded at (the playground's question). */
    side: number;
    /**
     * The side a folder of `count` images is decoded at: the most so many may be stored at, so
     * that a large folder is never held at a size it will not keep.
     */
    sideFor: (count: number) => number;
    spec: (folder: string, images: readonly DecodedImage[], skipped: readonly SkippedImage[]) => S;
    /** The playground's question for one image file the learner brings, decoded as the folder's were. */
    queryOf: (pixels: Pixels) => string;
    /** `spec` with another folder of the same kind, every choice the learner made kept. */
    reopen: (spec: S, folder: string, images: readonly DecodedImage[], skipped: readonly SkippedImage[]) => S;
  };
  /** Step 1 and step 4 of the exported programs: the data, and the playground's question. */
  typescript: {
    data: (code: TypeScriptDataCode<S>) => string[];
    question: (code: TypeScriptDataCode<S>) => string[];
    /** Import lines the data step needs beside tf.js (a file reader, a CSV parser). */
    imports?: readonly string[];
    /** The packages those imports come from, and their types, for the program's package.json. */
    packages?: { dependencies: Readonly<Record<string, string>>; devDependencies: Readonly<Record<string, string>> };
  };
  python: {
    data: (code: PythonDataCode<S>) => string[];
    question: (code: PythonDataCode<S>) => string[];
    /** `parser.add_argument(...)` lines of the program's command line (the data file's path). */
    arguments?: readonly string[];
  };
}

/** A question typed as `query` if it encodes, else the recipe's default: for recipes read as text. */
export function textQuery<S extends { kind: string }>(
  recipe: Pick<RecipeDef<S>, 'encodeQuery' | 'defaultQuery'>,
  spec: S,
  dataset: Dataset,
  query: string | undefined,
): PlannedQuery {
  const readable = query !== undefined && recipe.encodeQuery(spec, dataset, query).ok;
  return { kind: 'text', text: readable ? query : recipe.defaultQuery(spec) };
}

/** Parses "7, 8, 9", "7 8 9" or "[7, 8, 9]". */
export function parseNumberList(text: string): number[] | null {
  const trimmed = text.trim().replace(/^\[/, '').replace(/\]$/, '');
  if (trimmed === '') return [];
  const parts = trimmed.split(/[\s,;]+/).filter((part) => part !== '');
  const values = parts.map((part) =>
    /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(part) ? Number(part) : Number.NaN,
  );
  return values.every(Number.isFinite) ? values : null;
}

/** Rows of the preview a data panel shows. */
export const previewRows = 8;

/** Whether the exported Python one-hot encodes class targets: categorical cross-entropy compares distributions. */
export function oneHotTargets(code: DataCode<unknown>): boolean {
  return code.dataset.target.kind === 'class' && code.loss === 'categorical_crossentropy';
}

/** The window a recipe read in windows has: how many steps the network sees before it answers. */
export function windowField<S extends { window: number }>(): PanelField<S> {
  return {
    widget: 'whole',
    label: { en: 'window', es: 'ventana' },
    min: 1,
    max: 512,
    get: (spec) => spec.window,
    set: (spec, window) => ({ ...spec, window }),
  };
}

/** The text a recipe reads from (a text file's), edited whole. */
export function textField<S extends { text: string }>(): PanelField<S> {
  return {
    widget: 'text',
    label: { en: 'text', es: 'texto' },
    get: (spec) => spec.text,
    set: (spec, text) => ({ ...spec, text }),
  };
}

/** The preview's headings for a recipe read in windows. */
export const windowHeadings = {
  input: { en: 'input window', es: 'ventana de entrada' },
  target: { en: 'next', es: 'siguiente' },
} as const;

/** The preview's heading of a target column. */
export const targetHeading: Localized = { en: 'target', es: 'objetivo' };

/** Longest text or sequence a recipe may hold: beyond this a project file stops being small. */
export const maxRawLength = 1_000_000;

/** The seed of a generated recipe: the same seed draws the same data. */
export const generatorSeed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

/** How many sequences a generated recipe draws. */
export const generatedSamples = z.number().int().min(10).max(10_000);

/** The preview's headings of a generated sequence recipe. */
export const sequenceHeadings = { input: { en: 'sequence', es: 'secuencia' }, target: targetHeading } as const;

/** The steps per sequence of a generated recipe, from `shortest` to 200. */
export function sequenceLengthField<S extends { length: number }>(shortest: number): PanelField<S> {
  return {
    widget: 'whole',
    label: { en: 'sequence length', es: 'longitud de la secuencia' },
    min: shortest,
    max: 200,
    get: (spec) => spec.length,
    set: (spec, length) => ({ ...spec, length }),
  };
}

/** How many sequences a generated recipe draws, as a field. */
export function sequenceCountField<S extends { samples: number }>(): PanelField<S> {
  return {
    widget: 'whole',
    label: { en: 'sequences', es: 'secuencias' },
    min: 10,
    max: 10000,
    get: (spec) => spec.samples,
    set: (spec, samples) => ({ ...spec, samples }),
  };
}

/**
 * The order a learner's samples are dealt in, from the seed (Fisher–Yates): the last of them are
 * the test split, and the exports write the same order.
 */
export function dealtOrder(count: number, seed: number): number[] {
  const random = createRandom(seed);
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index -= 1) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  return order;
}

/** How many of `count` samples the test split holds: its share, leaving at least two to train on. */
export function testSplitCount(count: number, fraction: number): number {
  return Math.max(Math.min(Math.round(count * fraction), count - 2), 0);
}

/** The panel's fields of a seeded test split: its share of the `samples` (rows, images), and the seed. */
export function testSplitFields<S extends { testFraction: number; seed: number }>(samples: Localized): PanelField<S>[] {
  return [
    {
      widget: 'whole',
      label: { en: `test split (% of ${samples.en})`, es: `división de prueba (% de ${samples.es})` },
      min: 0,
      max: 50,
      get: (spec) => Math.round(spec.testFraction * 100),
      set: (spec, percent) => ({ ...spec, testFraction: percent / 100 }),
    },
    {
      widget: 'whole',
      label: { en: 'seed of the split', es: 'semilla de la división' },
      min: 0,
      max: 2 ** 31 - 1,
      get: (spec) => spec.seed,
      set: (spec, seed) => ({ ...spec, seed }),
    },
  ];
}

/** What a program says, and how it stops, when the table it is given is not the one LayerLab opened. */
const notTheTable =
  'is not the table LayerLab opened (its SHA-256 differs): the rows are dealt by their numbers in that table. Open this file in LayerLab and export again.';

/**
 * TypeScript lines that read a learner's CSV file with papaparse, its non-blank rows as lists of
 * cells: the path given as the program's argument, or the file of that name beside it. A file
 * whose text is not the one LayerLab opened (`text`, by its SHA-256) is refused: the rows are dealt
 * by their numbers in it. Every CSV recipe's export starts so (it imports `createHash`).
 */
export function typescriptReadTable(file: string, text: string): string[] {
  return [
    `const dataFile = process.argv[2] ?? ${typescriptString(file)};`,
    `const tableText = readFileSync(dataFile, 'utf8').replace(/^\\uFEFF/, '');`,
    `if (createHash('sha256').update(tableText).digest('hex') !== ${typescriptString(textFingerprint(text))}) {`,
    `  console.error(\`\${dataFile} ${notTheTable}\`);`,
    `  process.exit(1);`,
    `}`,
    `const table = Papa.parse<string[]>(tableText, { skipEmptyLines: 'greedy' }).data;`,
  ];
}

/**
 * Python lines that read a learner's CSV file, its non-blank rows as lists of cells, with the csv module,
 * the delimiter sniffed as papaparse guesses it: from `--data`, or the file of that name beside the
 * program. A file whose text is not the one LayerLab opened (`text`, by its SHA-256) is refused.
 * Every CSV recipe's export starts so.
 */
export function pythonReadTable(file: string, text: string): string[] {
  return [
    'import csv',
    'import hashlib',
    'import io',
    'import sys',
    `data_file = args.data or ${pythonString(file)}`,
    'with open(data_file, newline="", encoding="utf-8-sig") as handle:',
    '    table_text = handle.read()',
    `if hashlib.sha256(table_text.encode("utf-8")).hexdigest() != ${pythonString(textFingerprint(text))}:`,
    `    sys.exit(f"{data_file} ${notTheTable}")`,
    'dialect = csv.Sniffer().sniff(table_text[:65536], delimiters=",;\\t|")',
    'table = [row for row in csv.reader(io.StringIO(table_text, newline=""), dialect) if any(cell.strip() for cell in row)]',
  ];
}
