/**
 * What the Keras and PyTorch programs share: the opening (docstring, command line, seed), the
 * data preparation in NumPy, rebuilt from the recipe as the course writes it, and the
 * playground's question. Reads nothing but its arguments.
 */
import {
  dataCodeOf,
  fedInputs,
  storedWeightsFile,
  type ExportPlan,
  type ModelOnlyPlan,
  type SampleInput,
} from './plan.js';
import { pythonComment, pythonString, pythonTuple } from '../vocabulary/python.js';
import type { PythonDataCode } from '../data/recipe.js';
import { recipeOf, type DataSpec } from '../data/recipes/index.js';

/** Lines of Python, indented by `depth` levels of four spaces. */
export function indent(lines: readonly string[], depth = 1): string[] {
  const pad = '    '.repeat(depth);
  return lines.map((line) => (line === '' ? '' : `${pad}${line}`));
}

/** A program's docstring (its first lines, then how to run it), its imports and PROJECT_NAME. */
function programHead(
  summary: readonly string[],
  run: string,
  imports: readonly string[],
  projectName: string,
): string[] {
  return [
    ...summary.map((line, index) => (index === 0 ? `"""${line}` : line)),
    '',
    `Run it with: ${run}`,
    `"""`,
    '',
    ...imports,
    '',
    '# The project this program was exported from.',
    `PROJECT_NAME = ${pythonString(projectName)}`,
  ];
}

/** The module docstring and the command line: `--epochs` shortens a run. */
export function pythonOpening(plan: ExportPlan, what: string, run: string, imports: readonly string[]): string[] {
  const settings = plan.source.training;
  return [
    ...programHead([`A network drawn in LayerLab, exported as ${what}.`], run, imports, plan.source.name),
    "# The run's seed, as in LayerLab (the numbers drawn from it differ from tf.js').",
    `SEED = ${settings.seed}`,
    '',
    'parser = argparse.ArgumentParser(description="Train the network exported from LayerLab.")',
    'parser.add_argument(',
    `    "--epochs", type=int, default=${settings.epochs}, help="passes over the data (the project's: ${settings.epochs})"`,
    ')',
    ...(recipeOf(plan.data).python.arguments ?? []),
    'args = parser.parse_args()',
    'print("Training", repr(PROJECT_NAME), "with seed", SEED)',
  ];
}

/** What the recipe's data and question steps read, with how the network answers one sample. */
function dataCode(
  plan: ExportPlan,
  predict: (input: string, output: string) => string[] = () => [],
): PythonDataCode<DataSpec> {
  return { ...dataCodeOf(plan), predict };
}

/** Step 1: `x` (samples, window, features) and `y` in NumPy, as LayerLab builds them. */
export function pythonData(plan: ExportPlan): string[] {
  return recipeOf(plan.data).python.data(dataCode(plan));
}

/**
 * Step 4, the question: `query_x` encoded like the training samples; `predict(input, output)`
 * writes the lines that set `output` to the network's answer for that one sample (a NumPy
 * array), read back in the data's terms.
 */
export function pythonQuestion(plan: ExportPlan, predict: (input: string, output: string) => string[]): string[] {
  return recipeOf(plan.data).python.question(dataCode(plan, predict));
}

/**
 * A table shared out among several Inputs: `feed(rows)` gives each Input its columns (NumPy
 * arrays and torch tensors alike). No lines when one Input reads all of x.
 */
export function pythonFeed(plan: ExportPlan): string[] {
  const shared = fedInputs(plan);
  if (!shared) return [];
  return [
    `# The network has ${shared.length} Inputs, each given its own columns of a row: ${shared.map((input) => pythonComment(input.name)).join(', ')}.`,
    `NETWORK_INPUTS = [${shared.map((input) => `[${input.columns.join(', ')}]`).join(', ')}]`,
    '',
    '',
    'def feed(rows):',
    '    return [rows[:, columns] for columns in NETWORK_INPUTS]',
  ];
}

/** What the model is given for `rows`: the rows, or `feed(rows)` when a table is shared out. */
export function pythonFed(plan: ExportPlan, rows: string): string {
  return fedInputs(plan) ? `feed(${rows})` : rows;
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

/** The opening of a program without data: docstring, imports, and `--input`, the sample it answers. */
export function pythonModelOnlyOpening(
  plan: ModelOnlyPlan,
  what: string,
  run: string,
  imports: readonly string[],
): string[] {
  const several = plan.samples.length > 1;
  const loads = plan.weightsFile ? `loads its trained weights from ${storedWeightsFile} and ` : '';
  return [
    ...programHead(
      [`A network drawn in LayerLab, exported as ${what}: it builds the network,`, `${loads}answers one input.`],
      run,
      imports,
      plan.source.name,
    ),
    '',
    'parser = argparse.ArgumentParser(description="Build the network exported from LayerLab and answer one input.")',
    'parser.add_argument(',
    '    "--input",',
    several
      ? `    help="a JSON file with one sample for each of the ${plan.samples.length} Inputs, in a list; made-up ones by default",`
      : '    help="a JSON file with one sample, numbers nested as the Input\'s shape (or flat); a made-up one by default",',
    ')',
    'args = parser.parse_args()',
  ];
}

/**
 * The sample the program answers: the one `--input` names, checked against each Input's shape,
 * or a made-up one, the same in every exported language. Sets `x` (a list for several Inputs).
 */
export function pythonSampleLines(samples: readonly SampleInput[]): string[] {
  const made = (sample: SampleInput) =>
    `made_up(${pythonTuple(sample.shape)}${sample.below === null ? '' : `, below=${sample.below}`})`;
  // The Input's own shape, None where it takes any size.
  const declared = (sample: SampleInput) =>
    `(${sample.declared.map((size) => (size === null ? 'None' : String(size))).join(', ')}${sample.declared.length === 1 ? ',' : ''})`;
  const given = (sample: SampleInput, value: string) =>
    `given(${value}, ${declared(sample)}, ${pythonString(sample.dtype)}, ${pythonString(sample.name)})`;
  const several = samples.length > 1;
  const list = (parts: string[]) => (several ? `[${parts.join(', ')}]` : (parts[0] ?? ''));
  return [
    'def made_up(shape, below=None):',
    `    """A sample no data gave: position i holds (i * 37 mod 101) / 100, or i * 37 mod below for`,
    `    token indices; the TypeScript and PyTorch exports make the same one."""`,
    '    positions = np.arange(int(np.prod(shape))) * 37',
    '    if below is not None:',
    '        return (positions % below).reshape((1, *shape)).astype("int32")',
    '    return ((positions % 101) / 100).reshape((1, *shape)).astype("float32")',
    '',
    '',
    'def given(sample, shape, dtype, name):',
    `    """A sample from the --input file, as a batch of one, its size held to the Input's shape (None: any)."""`,
    '    values = np.asarray(sample, dtype=dtype)',
    '    known = int(np.prod([size for size in shape if size is not None]))',
    '    if values.size == 0 or values.size % known != 0 or (None not in shape and values.size != known):',
    '        raise SystemExit(f"--input: {name} takes numbers of shape {shape}, the file gives {values.size}")',
    '    return values.reshape((1, *[-1 if size is None else size for size in shape]))',
    '',
    '',
    '# 3. One input: the sample in the file --input names, else a made-up one.',
    'if args.input:',
    '    with open(args.input, encoding="utf-8") as file:',
    '        sample = json.load(file)',
    ...(several
      ? [
          `    if not isinstance(sample, list) or len(sample) != ${samples.length}:`,
          `        raise SystemExit("--input: give a list of ${samples.length} samples, one for each Input")`,
        ]
      : []),
    `    x = ${list(samples.map((entry, index) => given(entry, several ? `sample[${index}]` : 'sample')))}`,
    'else:',
    `    x = ${list(samples.map(made))}`,
  ];
}

/** Prints the answer: `answer` is a list of one NumPy array per output, for the batch of one. */
export function pythonAnswerLines(outputs: number): string[] {
  return [
    '# One line a script can read: the answer for the sample, without the batch axis.',
    outputs > 1
      ? 'print("OUTPUT", json.dumps([part[0].tolist() for part in answer]))'
      : 'print("OUTPUT", json.dumps(answer[0][0].tolist()))',
    'for part in answer:',
    '    if part[0].ndim == 1 and part[0].size > 1:',
    '        print(f"Largest at index {int(np.argmax(part[0]))}: {float(np.max(part[0])):.6g}")',
  ];
}
