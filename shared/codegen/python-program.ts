/**
 * What the Keras and PyTorch programs share: the opening (docstring, command line, seed), the
 * data preparation in NumPy, rebuilt from the recipe as the course writes it, and the
 * playground's question. Reads nothing but its arguments.
 */
import type { ExportPlan } from './plan.js';
import { pythonImageData, pythonImageQuestion } from './images.js';
import { pythonNumber, pythonNumberList, pythonString } from '../vocabulary/python.js';
import { pythonAddingData, pythonAddingQuestion } from './adding.js';
import { pythonRecallData, pythonRecallQuestion } from './recall.js';
import { pythonTextClassData, pythonTextClassQuestion } from './text-class.js';

/** Lines of Python, indented by `depth` levels of four spaces. */
export function indent(lines: readonly string[], depth = 1): string[] {
  const pad = '    '.repeat(depth);
  return lines.map((line) => (line === '' ? '' : `${pad}${line}`));
}

/** The module docstring and the command line: `--epochs` shortens a run. */
export function pythonOpening(plan: ExportPlan, what: string, run: string, imports: readonly string[]): string[] {
  const settings = plan.source.training;
  return [
    `"""A network drawn in LayerLab, exported as ${what}.`,
    '',
    `Run it with: ${run}`,
    `"""`,
    '',
    ...imports,
    '',
    '# The project this program was exported from.',
    `PROJECT_NAME = ${pythonString(plan.source.name)}`,
    "# The run's seed, as in LayerLab (the numbers drawn from it differ from tf.js').",
    `SEED = ${settings.seed}`,
    '',
    'parser = argparse.ArgumentParser(description="Train the network exported from LayerLab.")',
    'parser.add_argument(',
    `    "--epochs", type=int, default=${settings.epochs}, help="passes over the data (the project's: ${settings.epochs})"`,
    ')',
    'args = parser.parse_args()',
    'print("Training", repr(PROJECT_NAME), "with seed", SEED)',
  ];
}

/** Step 1: `x` (samples, window, features) and `y` in NumPy, as LayerLab builds them. */
export function pythonData(plan: ExportPlan): string[] {
  const data = plan.data;
  const classes = plan.dataset.target.kind === 'class';
  const oneHotTargets = classes && plan.source.training.loss === 'categorical_crossentropy';
  if (data.kind === 'text-next-char') {
    return [
      `# 1. The data: every window of ${data.window} characters of the text, and the character after it.`,
      `text = ${pythonString(data.text)}`,
      `window = ${data.window}`,
      "# The vocabulary: the text's distinct characters, sorted.",
      'vocabulary = sorted(set(text))',
      'sample_count = len(text) - window',
      `# Inputs: each character one-hot encoded, (samples, ${data.window}, vocabulary size).`,
      'x = np.zeros((sample_count, window, len(vocabulary)), dtype="float32")',
      '# Targets: the index of the character after each window.',
      'y = np.zeros(sample_count, dtype="int64")',
      'for sample in range(sample_count):',
      '    for step, character in enumerate(text[sample : sample + window]):',
      '        x[sample, step, vocabulary.index(character)] = 1',
      '    y[sample] = vocabulary.index(text[sample + window])',
      ...(oneHotTargets
        ? [
            '# categorical_crossentropy compares whole distributions: one-hot targets.',
            'y = np.eye(len(vocabulary), dtype="float32")[y]',
          ]
        : []),
      'print(f"Data: {sample_count} windows of {window} characters, {len(vocabulary)} in the vocabulary")',
    ];
  }
  if (data.kind === 'table') return pythonTable(data, classes, oneHotTargets);
  if (data.kind === 'images') return pythonImageData(data, oneHotTargets);
  if (data.kind === 'recall') return pythonRecallData(data, oneHotTargets);
  if (data.kind === 'text-class') return pythonTextClassData(data, oneHotTargets);
  if (data.kind === 'adding') return pythonAddingData(data);
  const scaled = data.scale === 'max';
  return [
    `# 1. The data: every window of ${data.window} numbers of the sequence, and the number after it.`,
    `values = np.array(${pythonNumberList(data.values)}, dtype="float64")`,
    `window = ${data.window}`,
    ...(scaled
      ? [
          '# Divide by the largest absolute value, so every number lies in [-1, 1]; answers are scaled back.',
          'scale = float(np.abs(values).max()) or 1.0',
          'values = values / scale',
        ]
      : []),
    'sample_count = len(values) - window',
    `# Inputs: one number per time step, (samples, ${data.window}, 1); targets: (samples, 1).`,
    'x = np.array([values[start : start + window] for start in range(sample_count)], dtype="float32")',
    'x = x.reshape(sample_count, window, 1)',
    'y = values[window:].astype("float32").reshape(sample_count, 1)',
    'print(f"Data: {sample_count} windows of {window} numbers")',
  ];
}

/** The table written out row by row, one row a line, so it reads like the lesson's table. */
function pythonRows(rows: readonly (readonly number[])[]): string[] {
  return [
    'table = np.array(',
    '    [',
    ...rows.map((row) => `        ${pythonNumberList(row)},`),
    '    ],',
    '    dtype="float64",',
    ')',
  ];
}

function pythonTable(
  data: Extract<ExportPlan['data'], { kind: 'table' }>,
  classes: boolean,
  oneHotTargets: boolean,
): string[] {
  const inputs = data.columns.length;
  return [
    `# 1. The data: a table of ${data.rows.length} rows; each row holds ${inputs === 1 ? 'the input' : `the ${inputs} inputs`}, then the target.`,
    `columns = [${data.columns.map(pythonString).join(', ')}]`,
    ...pythonRows(data.rows),
    'input_count = len(columns)',
    'sample_count = len(table)',
    `# Inputs: the first ${inputs === 1 ? 'column' : `${inputs} columns`}, (samples, ${inputs}).`,
    'x = table[:, :input_count].astype("float32")',
    ...(classes
      ? [
          "# The classes: the target column's distinct values, sorted; y holds each row's class index.",
          'classes = np.unique(table[:, input_count])',
          'y = np.searchsorted(classes, table[:, input_count]).astype("int64")',
          ...(oneHotTargets
            ? [
                '# categorical_crossentropy compares whole distributions: one-hot targets.',
                'y = np.eye(len(classes), dtype="float32")[y]',
              ]
            : []),
          'print(f"Data: {sample_count} rows of {input_count} inputs, {len(classes)} classes")',
        ]
      : [
          '# Targets: the last column, a number per row, (samples, 1).',
          'y = table[:, input_count].astype("float32").reshape(sample_count, 1)',
          'print(f"Data: {sample_count} rows of {input_count} inputs")',
        ]),
  ];
}

/** Step 4 for a table: the network's answer for one row of inputs. */
function pythonTableQuestion(
  plan: ExportPlan,
  values: readonly number[],
  predict: (input: string, output: string) => string[],
): string[] {
  const query = [`query = [${values.map(pythonNumber).join(', ')}]`, 'query_x = np.array([query], dtype="float32")'];
  const shown = `{', '.join(str(value) for value in query)}`;
  if (plan.dataset.target.kind !== 'class') {
    return [
      "# 4. Ask the trained network, as LayerLab's playground does: what does it answer for these inputs?",
      ...query,
      ...predict('query_x', 'prediction'),
      'answer = float(prediction[0])',
      `print(f"For ${shown} the network answers {answer:.3f}")`,
    ];
  }
  const oneUnit = plan.outputs[0]?.output.at(-1) === 1;
  return [
    "# 4. Ask the trained network, as LayerLab's playground does: which class do these inputs belong to?",
    ...query,
    ...predict('query_x', 'probabilities'),
    ...(oneUnit
      ? [
          "# One sigmoid unit: its output is the second class' probability, the first's is the rest.",
          'probabilities = np.array([1 - probabilities[0], probabilities[0]])',
        ]
      : []),
    `print(f"For ${shown} the network expects:")`,
    'for index in np.argsort(probabilities)[::-1][:5]:',
    '    print(f"  {classes[index]:g}  {probabilities[index]:.1%}")',
  ];
}

/**
 * Step 4, the question: `query_x` encoded like the training windows; `predict(input, output)`
 * writes the lines that set `output` to the network's answer for that one sample (a NumPy
 * array), read back here as characters or a number.
 */
export function pythonQuestion(plan: ExportPlan, predict: (input: string, output: string) => string[]): string[] {
  const query = plan.query;
  if (plan.data.kind === 'table')
    return pythonTableQuestion(plan, query.kind === 'numbers' ? query.values : [], predict);
  if (query.kind === 'sample') return pythonImageQuestion(plan, query.index, predict);
  if (plan.data.kind === 'text-class') return pythonTextClassQuestion(query.kind === 'text' ? query.text : '', predict);
  if (plan.data.kind === 'recall') return pythonRecallQuestion(query.kind === 'text' ? query.text : '', predict);
  if (plan.data.kind === 'adding') return pythonAddingQuestion(query.kind === 'text' ? query.text : '', predict);
  if (plan.data.kind !== 'sequence-next-value' && plan.data.kind !== 'text-next-char') return [];
  if (query.kind === 'text') {
    return [
      "# 4. Ask the trained network, as LayerLab's playground does: which character comes next?",
      `query = ${pythonString(query.text)}`,
      `# Its last ${plan.data.window} characters, one-hot encoded like the training windows.`,
      'query_x = np.zeros((1, window, len(vocabulary)), dtype="float32")',
      'for step, character in enumerate(query[-window:]):',
      '    query_x[0, step, vocabulary.index(character)] = 1',
      ...predict('query_x', 'probabilities'),
      'print(f"After {query!r} the network expects:")',
      'for index in np.argsort(probabilities)[::-1][:5]:',
      '    print(f"  {vocabulary[index]!r}  {probabilities[index]:.1%}")',
    ];
  }
  const scaled = plan.data.kind === 'sequence-next-value' && plan.data.scale === 'max';
  return [
    "# 4. Ask the trained network, as LayerLab's playground does: which number comes next?",
    `query = [${(query.kind === 'numbers' ? query.values : []).map(pythonNumber).join(', ')}]`,
    `query_x = np.array(query[-window:], dtype="float32").reshape(1, window, 1)${scaled ? ' / scale' : ''}`,
    ...predict('query_x', 'prediction'),
    `answer = float(prediction[0])${scaled ? ' * scale' : ''}`,
    'print(f"After {\', \'.join(str(value) for value in query)} comes {answer:.3f}")',
  ];
}

/** Whether a section defines a class or a function (its comments aside). */
function defines(lines: readonly string[]): boolean {
  const first = lines.find((line) => !line.startsWith('#'));
  return first !== undefined && /^(class|def) /.test(first);
}

/** Joins sections with a blank line, two around definitions (PEP 8). */
export function pythonProgram(sections: readonly (readonly string[])[]): string {
  let text = '';
  sections.forEach((lines, index) => {
    const previous = sections[index - 1];
    if (previous !== undefined) text += defines(lines) || defines(previous) ? '\n\n\n' : '\n\n';
    text += lines.join('\n');
  });
  return `${text}\n`;
}
