/**
 * What the Keras and PyTorch programs share: the opening (docstring, command line, seed), the
 * data preparation in NumPy, rebuilt from the recipe as the course writes it, and the
 * playground's question. Reads nothing but its arguments.
 */
import { dataCodeOf, fedInputs, type ExportPlan } from './plan.js';
import { pythonComment, pythonString } from '../vocabulary/python.js';
import type { PythonDataCode } from '../data/recipe.js';
import { recipeOf, type DataSpec } from '../data/recipes/index.js';

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
