/**
 * A table: named numeric inputs and a target per row, the target a class or a number (the
 * course's perceptron, XOR and regression lessons). The evaluation draws the decision boundary of
 * two inputs, or the fitted curve of one.
 */
import { z } from 'zod';
import { pythonNumber, pythonNumberList, pythonString } from '../../vocabulary/python.js';
import { typescriptNumbers, typescriptString } from '../../vocabulary/typescript-literals.js';
import type { Dataset } from '../dataset.js';
import { oneHotTargets, parseNumberList, previewRows, targetHeading, type RecipeDef } from '../recipe.js';

/** Most inputs a table may have, and most rows: a lesson's table, typed or pasted by hand. */
export const maxTableColumns = 16;
export const maxTableRows = 10_000;

export const tableSpec = z
  .object({
    kind: z.literal('table'),
    /** The inputs' names, one per column; each row holds these inputs, then the target. */
    columns: z.array(z.string().min(1).max(64)).min(1).max(maxTableColumns),
    /** Each row: the inputs in column order, then the target. Ragged rows are refused by the build. */
    rows: z
      .array(z.array(z.number().finite()).max(maxTableColumns + 1))
      .min(1)
      .max(maxTableRows),
    /** `class`: the targets' distinct values, sorted, are the classes; `value`: a number to predict. */
    target: z.enum(['class', 'value']),
  })
  .strict();
type Spec = z.infer<typeof tableSpec>;

/** The classes of a table's targets: the distinct values, sorted as numbers. */
export function tableClasses(targets: readonly number[]): number[] {
  return [...new Set(targets)].sort((a, b) => a - b);
}

/** The first row's inputs: the question a table's playground opens with. */
const firstInputs = (spec: Spec) => (spec.rows[0] ?? []).slice(0, spec.columns.length);

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

export const table: RecipeDef<Spec> = {
  kind: 'table',
  schema: tableSpec,
  defaultSpec: {
    kind: 'table',
    columns: ['x1', 'x2'],
    rows: [
      [0, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [1, 1, 1],
    ],
    target: 'class',
  },
  title: { en: 'Table: inputs and a target', es: 'Tabla: entradas y un objetivo' },

  build(spec) {
    const inputs = spec.columns.length;
    const width = inputs + 1;
    const ragged = spec.rows.findIndex((row) => row.length !== width);
    if (ragged >= 0) {
      const found = spec.rows[ragged]?.length ?? 0;
      const number = ragged + 1;
      return {
        ok: false,
        field: 'rows',
        problem: {
          en: `row ${number} has ${found} ${found === 1 ? 'number' : 'numbers'}; every row needs ${width} (${inputs} ${inputs === 1 ? 'input' : 'inputs'} and the target)`,
          es: `la fila ${number} tiene ${found} ${found === 1 ? 'número' : 'números'}; cada fila necesita ${width} (${inputs} ${inputs === 1 ? 'entrada' : 'entradas'} y el objetivo)`,
        },
      };
    }
    const count = spec.rows.length;
    const targets = spec.rows.map((row) => row[inputs] ?? 0);
    const classes = spec.target === 'class' ? tableClasses(targets) : [];
    const x = new Float32Array(count * inputs);
    // Class indices as float32, as for text: tf.js' sparse cross-entropy takes floats only.
    const y = new Float32Array(count);
    const preview: Dataset['preview'] = [];
    spec.rows.forEach((row, sample) => {
      for (let column = 0; column < inputs; column += 1) x[sample * inputs + column] = row[column] ?? 0;
      const target = targets[sample] ?? 0;
      y[sample] = spec.target === 'class' ? classes.indexOf(target) : target;
      if (sample < previewRows) {
        preview.push({ input: row.slice(0, inputs).join(', '), target: String(target) });
      }
    });
    return {
      ok: true,
      dataset: {
        x: { values: x, shape: [count, inputs], dtype: 'float32' },
        y: { values: y, shape: spec.target === 'class' ? [count] : [count, 1], dtype: 'float32' },
        target: spec.target === 'class' ? { kind: 'class', labels: classes.map(String) } : { kind: 'value', scale: 1 },
        preview,
      },
    };
  },

  panel: (spec) => [
    {
      widget: 'choice',
      label: { en: 'The target is', es: 'El objetivo es' },
      options: [
        { value: 'class', label: { en: 'a class', es: 'una clase' } },
        { value: 'value', label: { en: 'a number', es: 'un número' } },
      ],
      get: (current) => current.target,
      set: (current, value) => ({ ...current, target: value === 'value' ? 'value' : 'class' }),
    },
    { widget: 'rows', columns: spec.columns, rows: spec.rows },
  ],
  preview: (spec) => {
    const columns = spec.columns.join(', ');
    return { labels: 'classes', headings: { input: { en: columns, es: columns }, target: targetHeading } };
  },
  playground: () => ({ input: 'numbers' }),

  defaultQuery: (spec) => firstInputs(spec).join(', '),

  encodeQuery(spec, _dataset, text) {
    const inputs = spec.columns.length;
    const numbers = parseNumberList(text);
    if (numbers === null || numbers.length !== inputs) {
      const example = firstInputs(spec).join(', ');
      const names = spec.columns.join(', ');
      return {
        ok: false,
        problem: {
          en: `Type ${inputs} ${inputs === 1 ? 'number' : 'numbers separated by commas'}, one for each input (${names}), e.g. ${example}.`,
          es: `Escribe ${inputs} ${inputs === 1 ? 'número' : 'números separados por comas'}, uno por entrada (${names}), p. ej. ${example}.`,
        },
      };
    }
    return { ok: true, values: Float32Array.from(numbers), shape: [1, inputs] };
  },

  planQuery(spec, _dataset, query) {
    // One number per input column, as the playground reads a table's question.
    const numbers = query === undefined ? null : parseNumberList(query);
    const values = numbers !== null && numbers.length === spec.columns.length ? numbers : firstInputs(spec);
    return { kind: 'numbers', values };
  },

  plotted(spec, dataset: Dataset) {
    const column = (index: number) => ({
      name: spec.columns[index] ?? (index === 0 ? 'x' : 'y'),
      values: spec.rows.map((row) => row[index] ?? 0),
    });
    if (dataset.target.kind === 'class' && spec.columns.length === 2)
      return { kind: 'plane', x: column(0), y: column(1) };
    if (dataset.target.kind === 'value' && spec.columns.length === 1)
      return { kind: 'curve', x: column(0), targets: spec.rows.map((row) => row[1] ?? 0) };
    return null;
  },

  typescript: {
    data: ({ spec, loss }) => {
      const inputs = spec.columns.length;
      const classes = spec.target === 'class';
      // As LayerLab trains: binary cross-entropy takes class indices as a column, like values.
      const column = !classes || loss === 'binary_crossentropy';
      return [
        `// 1. The data: a table of ${spec.rows.length} rows; each row holds ${inputs === 1 ? 'the input' : `the ${inputs} inputs`}, then the target.`,
        `const columns = [${spec.columns.map(typescriptString).join(', ')}];`,
        `const rows: number[][] = [`,
        ...spec.rows.map((row) => `  ${typescriptNumbers(row)},`),
        `];`,
        `const inputCount = columns.length;`,
        `const sampleCount = rows.length;`,
        `// Inputs: the first ${inputs === 1 ? 'column' : `${inputs} columns`}, (samples, ${inputs}).`,
        `const xValues = Float32Array.from(rows.flatMap((row) => row.slice(0, inputCount)));`,
        ...(classes
          ? [
              `// The classes: the target column's distinct values, sorted; y holds each row's class index,`,
              `// as float32, which tf.js' losses take.`,
              `const classes = [...new Set(rows.map((row) => row[inputCount]))].sort((a, b) => a - b);`,
              `const yValues = Float32Array.from(rows, (row) => classes.indexOf(row[inputCount]));`,
            ]
          : [
              `// Targets: the last column, a number per row.`,
              `const yValues = Float32Array.from(rows, (row) => row[inputCount]);`,
            ]),
        `const x = tf.tensor2d(xValues, [sampleCount, inputCount]);`,
        ...(column
          ? [
              ...(classes
                ? [`// One sigmoid unit per row: binary cross-entropy takes the targets as a column, (samples, 1).`]
                : []),
              `const y = tf.tensor2d(yValues, [sampleCount, 1]);`,
            ]
          : [`const y = tf.tensor1d(yValues);`]),
        classes
          ? 'console.log(`Data: ${sampleCount} rows of ${inputCount} inputs, ${classes.length} classes`);'
          : 'console.log(`Data: ${sampleCount} rows of ${inputCount} inputs`);',
      ];
    },
    question: ({ dataset, oneUnit, query }) => {
      const lines = [
        `const query = ${typescriptNumbers(query.kind === 'numbers' ? query.values : [])};`,
        `const output = model.predict(tf.tensor2d([query], [1, inputCount])) as tf.Tensor;`,
      ];
      if (dataset.target.kind !== 'class') {
        return [
          `// 4. Ask the trained network, as LayerLab's playground does: what does it answer for these inputs?`,
          ...lines,
          `const answer = output.dataSync()[0];`,
          "console.log(`For ${query.join(', ')} the network answers ${answer.toFixed(3)}`);",
        ];
      }
      return [
        `// 4. Ask the trained network, as LayerLab's playground does: which class do these inputs belong to?`,
        ...lines,
        ...(oneUnit
          ? [
              `// One sigmoid unit: its output is the second class' probability, the first's is the rest.`,
              `const second = output.dataSync()[0];`,
              `const probabilities = [1 - second, second];`,
            ]
          : [`const probabilities = Array.from(output.dataSync());`]),
        `const ranked = probabilities`,
        `  .map((probability, index) => ({ label: String(classes[index]), probability }))`,
        `  .sort((a, b) => b.probability - a.probability)`,
        `  .slice(0, 5);`,
        "console.log(`For ${query.join(', ')} the network expects:`);",
        `for (const { label, probability } of ranked) {`,
        '  console.log(`  ${JSON.stringify(label)}  ${(probability * 100).toFixed(1)}%`);',
        `}`,
      ];
    },
  },

  python: {
    data: (code) => {
      const { spec } = code;
      const inputs = spec.columns.length;
      return [
        `# 1. The data: a table of ${spec.rows.length} rows; each row holds ${inputs === 1 ? 'the input' : `the ${inputs} inputs`}, then the target.`,
        `columns = [${spec.columns.map(pythonString).join(', ')}]`,
        ...pythonRows(spec.rows),
        'input_count = len(columns)',
        'sample_count = len(table)',
        `# Inputs: the first ${inputs === 1 ? 'column' : `${inputs} columns`}, (samples, ${inputs}).`,
        'x = table[:, :input_count].astype("float32")',
        ...(code.dataset.target.kind === 'class'
          ? [
              "# The classes: the target column's distinct values, sorted; y holds each row's class index.",
              'classes = np.unique(table[:, input_count])',
              'y = np.searchsorted(classes, table[:, input_count]).astype("int64")',
              ...(oneHotTargets(code)
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
    },
    question: ({ dataset, oneUnit, query, predict }) => {
      const values = query.kind === 'numbers' ? query.values : [];
      const asked = [
        `query = [${values.map(pythonNumber).join(', ')}]`,
        'query_x = np.array([query], dtype="float32")',
      ];
      const shown = `{', '.join(str(value) for value in query)}`;
      if (dataset.target.kind !== 'class') {
        return [
          "# 4. Ask the trained network, as LayerLab's playground does: what does it answer for these inputs?",
          ...asked,
          ...predict('query_x', 'prediction'),
          'answer = float(prediction[0])',
          `print(f"For ${shown} the network answers {answer:.3f}")`,
        ];
      }
      return [
        "# 4. Ask the trained network, as LayerLab's playground does: which class do these inputs belong to?",
        ...asked,
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
    },
  },
};
