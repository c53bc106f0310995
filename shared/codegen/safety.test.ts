/**
 * RELIABILITY.md item 26: a project someone shares cannot put code into an export. Every string
 * field of a project that reaches a program (its name, the source of carried weights, the text
 * and labels of its data, table columns, image groups, the playground's question; layer names
 * follow a rule of their own) is drawn by fast-check from arbitrary UTF-16, lone surrogates
 * included, mixed with payloads that try to leave a literal or a comment and call `CANARY`. For
 * every program of every exporter (TypeScript, Keras, PyTorch, plain and for several GPUs):
 * it parses (the TypeScript compiler; Python's `ast.parse` on Debian's python3), no `CANARY`
 * identifier is in its syntax tree, and its literals hold the text exactly. A few programs are
 * also type-checked with `tsc --strict` and run with tsx, with canaries that would print.
 */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chain, layer } from '../../tests/helpers/graphs';
import { buildDataset } from '../data/build';
import { vocabularyOf } from '../data/recipes/text-next-char';
import type { DataSpec } from '../data/spec';
import { layerNamePattern } from '../graph/naming';
import type { Graph, LayerNode } from '../graph/types';
import { encodeWeights } from '../vocabulary/weights';
import { defaultTrainingSettings, type TrainingSettings } from '../training/settings';
import { exportKeras } from './keras';
import type { ExportOptions, ExportSource } from './plan';
import { exportPytorch } from './pytorch';
import { exportTypeScript } from './typescript';

const run = promisify(execFile);
const root = process.cwd();

/** Text that tries to end a literal or a comment, in either language, and call CANARY. */
const payloads = [
  '"; CANARY(); "',
  "'); CANARY(); ('",
  '\nCANARY();\n',
  '\r\nCANARY() //',
  '\u2028CANARY();\u2029',
  '\u0085CANARY()',
  '*/ CANARY(); /*',
  '${CANARY()}',
  '`; CANARY(); `',
  '\\"; CANARY(); //',
  '"""\nCANARY()\n"""',
  "'''\nCANARY()\n'''",
  '\\\nCANARY()',
  '{CANARY()}',
  '#\nCANARY()',
  '\u0000CANARY()',
  '\u202eCANARY()\u202c',
  '\ud800CANARY()\udfff',
];

/** Arbitrary UTF-16 (lone surrogates too), payloads, and mixes of both. */
const hostile = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom(...payloads)), {
    minLength: 1,
    maxLength: 4,
  })
  .map((parts) => parts.join(''));

/** Names that follow the layer name rule, odd ones included (`1.a-b`). */
const layerName = fc.stringMatching(layerNamePattern).filter((name) => name.length <= 20);

/** A hostile string that is also non-empty and at most `max` characters, as the schema asks. */
const field = (max: number) => hostile.map((text) => `x${text}`.slice(0, max));

const settings = (loss: TrainingSettings['loss']): TrainingSettings => ({
  ...defaultTrainingSettings,
  loss,
  epochs: 1,
  batch_size: 8,
  metrics: ['accuracy'],
});

/** Zero weights shaped as a Dense layer of `inputs` → `units` holds them: kernel, then bias. */
function carriedDense(inputs: number, units: number, from: string) {
  return {
    from,
    weights: encodeWeights([
      { shape: [inputs, units], values: new Float32Array(inputs * units) },
      { shape: [units], values: new Float32Array(units) },
    ]),
  };
}

function named(node: LayerNode, name: string): LayerNode {
  return { ...node, name };
}

interface Case {
  family: string;
  source: ExportSource;
  query: string;
}

/** The character model of the course, with a carried and frozen output layer. */
const textCase = fc
  .record({ name: hostile, text: hostile, query: hostile, from: field(200), names: fc.tuple(layerName, layerName) })
  .map(({ name, text, query, from, names }): Case => {
    const data: DataSpec = { kind: 'text-next-char', text: `abcd${text}`, window: 3 };
    const size = vocabularyOf(data.text).length;
    const graph = chain(
      layer('Input', 'input', { shape: [3, size] }),
      named(layer('SimpleRNN', 'rnn', { units: 4 }), `r${names[0]}`),
      {
        ...named(layer('Dense', 'out', { units: size, activation: 'softmax' }), `d${names[1]}`),
        frozen: true,
        carried: carriedDense(4, size, from),
      },
    );
    return {
      family: 'text',
      source: { name, graph, data, training: settings('sparse_categorical_crossentropy') },
      query,
    };
  });

/** A table whose columns the learner named. */
const tableCase = fc
  .record({ name: hostile, columns: fc.uniqueArray(field(64), { minLength: 1, maxLength: 3 }), query: hostile })
  .map(({ name, columns, query }): Case => {
    const row = (target: number) => [...columns.map((_, index) => index + target), target];
    const graph = chain(
      layer('Input', 'input', { shape: [columns.length] }),
      layer('Dense', 'out', { units: 2, activation: 'softmax' }),
    );
    return {
      family: 'table',
      source: {
        name,
        graph,
        data: { kind: 'table', columns, rows: [row(0), row(1), row(0), row(1)], target: 'class' },
        training: settings('sparse_categorical_crossentropy'),
      },
      query,
    };
  });

/** Labelled texts, their words looked up by an Embedding. */
const textClassCase = fc
  .record({
    name: hostile,
    texts: fc.array(field(200), { minLength: 2, maxLength: 4 }),
    labels: fc.uniqueArray(field(64), { minLength: 2, maxLength: 3 }),
    query: hostile,
  })
  .map(({ name, texts, labels, query }): Case => {
    const data: DataSpec = {
      kind: 'text-class',
      examples: texts.map((text, index) => ({ text: `word ${text}`, label: labels[index % labels.length] ?? 'a' })),
      length: 4,
    };
    const built = buildDataset(data);
    const words = built.ok ? (built.dataset.words?.length ?? 2) : 2;
    const classes = new Set(data.examples.map((example) => example.label)).size;
    const graph = chain(
      layer('Input', 'input', { shape: [4], dtype: 'int32' }),
      layer('Embedding', 'embedding', { input_dim: words, output_dim: 4 }),
      layer('GlobalAveragePooling1D', 'pool'),
      layer('Dense', 'out', { units: classes, activation: 'softmax' }),
    );
    return {
      family: 'text-class',
      source: { name, graph, data, training: settings('sparse_categorical_crossentropy') },
      query,
    };
  });

/** Digits classified into groups the learner named. */
const groupsCase = fc
  .record({ name: hostile, groups: fc.uniqueArray(field(32), { minLength: 2, maxLength: 2 }) })
  .map(({ name, groups }): Case => {
    const graph = chain(
      layer('Input', 'input', { shape: [8, 8, 1] }),
      layer('Flatten', 'flatten'),
      layer('Dense', 'out', { units: 2, activation: 'softmax' }),
    );
    const data: DataSpec = {
      kind: 'images',
      source: 'digits-8x8',
      task: 'classify',
      limit: 20,
      groups: [
        { name: groups[0] ?? 'a', classes: [0, 1] },
        { name: groups[1] ?? 'b', classes: [2, 3] },
      ],
    };
    return {
      family: 'groups',
      source: { name, graph, data, training: settings('sparse_categorical_crossentropy') },
      query: '',
    };
  });

/** A GAN whose generator ends at an oddly named layer, its discriminator's output carried. */
const ganCase = fc
  .record({ name: hostile, from: field(200), end: layerName, query: hostile })
  .map(({ name, from, end, query }): Case => {
    const graph: Graph = chain(
      layer('Input', 'noise', { shape: [4] }),
      layer('Dense', 'pixels', { units: 64, activation: 'sigmoid' }),
      { ...named(layer('Reshape', 'image', { target_shape: [8, 8, 1] }), `g${end}`), generatorEnd: true },
      layer('Flatten', 'flatten'),
      {
        ...layer('Dense', 'judge', { units: 1, activation: 'sigmoid' }),
        frozen: true,
        carried: carriedDense(64, 1, from),
      },
    );
    const data: DataSpec = { kind: 'images', source: 'digits-8x8', task: 'generate', classes: [0], limit: 20 };
    return { family: 'gan', source: { name, graph, data, training: settings('binary_crossentropy') }, query };
  });

const families = [textCase, tableCase, textClassCase, groupsCase, ganCase];

interface Programs {
  typescript: string;
  python: string[];
}

/** Every program of every exporter for `example`, which must not be refused. */
async function exportAll(example: Case): Promise<Programs> {
  const options: ExportOptions = { query: example.query };
  const typescript = await exportTypeScript(example.source, options);
  if (!typescript.ok) throw new Error(`${example.family}: TypeScript refused ${JSON.stringify(typescript)}`);
  const python: string[] = [];
  for (const distributed of example.family === 'gan' ? [false] : [false, true]) {
    for (const exporter of [exportKeras, exportPytorch]) {
      const exported = exporter(example.source, { ...options, distributed });
      if (!exported.ok) throw new Error(`${example.family}: Python refused ${JSON.stringify(exported)}`);
      python.push(exported.code);
    }
  }
  return { typescript: typescript.files['model.ts'], python };
}

/** The program's string literals; fails on any parse error or any CANARY identifier. */
function checkTypeScript(code: string): string[] {
  const source = ts.createSourceFile('model.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const diagnostics = (source as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  expect(diagnostics.map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))).toEqual([]);
  const strings: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) expect(node.text).not.toBe('CANARY');
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) strings.push(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return strings;
}

/** Each program parsed by Python: its string constants and whether any name is CANARY. */
const pythonCheck = `
import ast, json, sys
found = []
for code in json.loads(sys.stdin.read()):
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError) as error:
        found.append({"error": repr(error)})
        continue
    strings = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    canaries = [n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "CANARY"]
    found.append({"strings": strings, "canaries": len(canaries)})
print(json.dumps(found))
`;

function checkPython(programs: string[]): { strings: string[] }[] {
  const output = execFileSync('/usr/bin/python3', ['-c', pythonCheck], {
    input: JSON.stringify(programs),
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const trees = JSON.parse(output) as { error?: string; strings: string[]; canaries: number }[];
  for (const tree of trees) {
    expect(tree.error).toBeUndefined();
    expect(tree.canaries).toBe(0);
  }
  return trees;
}

/** The texts a program must hold exactly, each in a literal of its own. */
function textsOf(example: Case): string[] {
  const data = example.source.data;
  const texts = [example.source.name];
  if (data?.kind === 'text-next-char') texts.push(data.text);
  if (data?.kind === 'table') texts.push(...data.columns);
  if (data?.kind === 'text-class') texts.push(...data.examples.flatMap((example) => [example.text, example.label]));
  if (data?.kind === 'images') texts.push(...(data.groups ?? []).map((group) => group.name));
  return texts;
}

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-safety-'));
  await symlink(path.join(root, 'node_modules'), path.join(scratch, 'node_modules'), 'dir');
  // The exported package.json's: the programs are ES modules (top-level await).
  await writeFile(path.join(scratch, 'package.json'), JSON.stringify({ type: 'module' }));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('no shared project can put code into an export', () => {
  it.each(families.map((family, index) => [index, family] as const))(
    'family %i: every string field arbitrary, every program parses, no CANARY is code, the text is kept',
    async (index, family) => {
      const examples = fc.sample(family, { numRuns: 12, seed: 2026_1205 + index });
      const python: string[] = [];
      const expected: string[][] = [];
      for (const example of examples) {
        const programs = await exportAll(example);
        const strings = checkTypeScript(programs.typescript);
        for (const text of textsOf(example)) expect(strings).toContain(text);
        python.push(...programs.python);
        for (const _ of programs.python) expected.push(textsOf(example));
      }
      const trees = checkPython(python);
      trees.forEach((tree, program) => {
        for (const text of expected[program] ?? []) expect(tree.strings).toContain(text);
      });
    },
    120_000,
  );

  it('a layer name outside the rule never reaches a program: the export is refused at that layer', async () => {
    const names = fc.sample(fc.string({ unit: 'binary', minLength: 1, maxLength: 64 }), { numRuns: 200, seed: 14 });
    const [base] = fc.sample(textCase, { numRuns: 1, seed: 1 });
    if (!base) throw new Error('no case');
    for (const name of names) {
      const graph = {
        ...base.source.graph,
        nodes: base.source.graph.nodes.map((node) => (node.id === 'rnn' ? { ...node, name } : node)),
      };
      const exported = exportKeras({ ...base.source, graph });
      if (layerNamePattern.test(name)) {
        expect(exported.ok).toBe(true);
      } else {
        expect(exported.ok).toBe(false);
        if (!exported.ok) {
          expect(exported.problems.map((problem) => [problem.code, problem.nodeId])).toContainEqual([
            'graph.bad-name',
            'rnn',
          ]);
        }
      }
    }
    const typescript = await exportTypeScript({
      ...base.source,
      graph: { ...base.source.graph, nodes: base.source.graph.nodes.map((node) => ({ ...node, name: 'a"b' })) },
    });
    expect(typescript.ok).toBe(false);
  });

  it('type-checks strictly, runs, and no canary hidden in any string ever runs', async () => {
    // Canaries that print when they run; the text they hide in prints differently.
    const canary = [
      '\nconsole.log("CANARY" + "-RAN");\n',
      "'); console.log('CANARY' + '-RAN'); ('",
      '"; console.log("CANARY" + "-RAN"); "',
      '*/ console.log("CANARY" + "-RAN"); /*',
      '\u2028console.log("CANARY" + "-RAN");',
      '${console.log("CANARY" + "-RAN")}',
    ].join('');
    const poisoned = (example: Case): Case => {
      const data = example.source.data;
      const source: ExportSource = {
        ...example.source,
        name: canary,
        graph: {
          ...example.source.graph,
          nodes: example.source.graph.nodes.map((node) =>
            node.carried ? { ...node, carried: { ...node.carried, from: canary.slice(0, 200) } } : node,
          ),
        },
        data:
          data?.kind === 'table'
            ? { ...data, columns: [canary.slice(0, 64)] }
            : data?.kind === 'text-class'
              ? {
                  ...data,
                  examples: data.examples.map((example, index) => ({ ...example, text: `w ${canary}${index}` })),
                }
              : data,
      };
      return { ...example, source, query: canary };
    };
    const picks = [textCase, tableCase, textClassCase, ganCase].map(
      (family, index) => fc.sample(family, { numRuns: 1, seed: 99 + index })[0],
    );
    const files: string[] = [];
    for (const [index, pick] of picks.entries()) {
      if (!pick) throw new Error('no case');
      const example = poisoned(pick);
      if (example.source.data?.kind === 'table') {
        example.source = {
          ...example.source,
          graph: chain(
            layer('Input', 'input', { shape: [1] }),
            layer('Dense', 'out', { units: 2, activation: 'softmax' }),
          ),
          data: {
            ...example.source.data,
            rows: [
              [0, 0],
              [1, 1],
              [0, 0],
              [1, 1],
            ],
          },
        };
      }
      const exported = await exportTypeScript(example.source, { query: example.query });
      if (!exported.ok) throw new Error(`refused: ${JSON.stringify(exported)}`);
      const file = `model-${index}.ts`;
      await writeFile(path.join(scratch, file), exported.files['model.ts']);
      files.push(file);
    }
    const strict = ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    await run(
      path.join(root, 'node_modules', '.bin', 'tsc'),
      [...strict, '--target', 'es2022', '--skipLibCheck', ...files],
      {
        cwd: scratch,
      },
    );
    for (const file of files) {
      const { stdout, stderr } = await run(path.join(root, 'node_modules', '.bin', 'tsx'), [file], {
        cwd: scratch,
        timeout: 120_000,
      });
      expect(stdout + stderr).not.toContain('CANARY-RAN');
      expect(stdout).toMatch(/^FINAL \{/m);
    }
  }, 240_000);
});
