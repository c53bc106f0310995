/**
 * A user's text (layer names, the project's name, the training text) reaches the exported
 * programs only as escaped literals: a program made from hostile text has the same structure as
 * one made from plain text, and its literals hold the text exactly. TypeScript is parsed with the
 * TypeScript compiler, Python with `ast.parse` on Debian's python3.
 */
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { chain, layer } from '../../tests/helpers/graphs';
import { vocabularyOf } from '../data/build';
import { defaultTrainingSettings } from '../training/settings';
import { exportKeras } from './keras';
import type { ExportSource } from './plan';
import { exportPytorch } from './pytorch';
import { exportTypeScript } from './typescript';

const hostileNames = [
  '"""\nimport os',
  "'); process.exit(1); //",
  '\\"; import os #',
  '*/ import os /*',
  'a\u2028b\u202ec',
];

function project(name: string, text: string, layerName: string): ExportSource {
  const size = vocabularyOf(text).length;
  return {
    name,
    graph: chain(
      layer('Input', 'input', { shape: [3, size] }),
      layer('LSTM', layerName, { units: 4, bidirectional: true }),
      layer('Dense', 'dense', { units: size, activation: 'softmax' }),
    ),
    data: { kind: 'text-next-char', text, window: 3 },
    training: {
      ...defaultTrainingSettings,
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
      validation_split: 0.25,
      early_stopping: true,
    },
  };
}

const plain = project('plain', 'hello world', 'lstm');
const hostile = (name: string) => project(name, `hello ${name} world`, name);

/** The program's syntax tree with every literal's text left out: its structure. */
function typescriptStructure(code: string): { statements: number; shape: string[]; identifiers: Set<string> } {
  const source = ts.createSourceFile('model.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const shape: string[] = [];
  const identifiers = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node)) identifiers.add(node.text);
    shape.push(ts.isIdentifier(node) ? `id:${node.text}` : ts.SyntaxKind[node.kind]);
    ts.forEachChild(node, visit);
  };
  visit(source);
  const diagnostics = (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics;
  expect(diagnostics).toEqual([]);
  return { statements: source.statements.length, shape, identifiers };
}

/** Statement count, the tree with literals blanked, and every string literal, from Python's ast. */
const pythonStructure = `
import ast, json, sys
programs = json.loads(sys.stdin.read())
found = []
for code in programs:
    tree = ast.parse(code)
    strings = [node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant):
            node.value = None
    imports = sorted(alias.name for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom)) for alias in node.names)
    found.append({"body": len(tree.body), "dump": ast.dump(tree), "strings": strings, "imports": imports})
print(json.dumps(found))
`;

interface PythonTree {
  body: number;
  dump: string;
  strings: string[];
  imports: string[];
}

function parsePython(programs: string[]): PythonTree[] {
  const output = execFileSync('/usr/bin/python3', ['-c', pythonStructure], {
    input: JSON.stringify(programs),
    encoding: 'utf8',
  });
  return JSON.parse(output) as PythonTree[];
}

describe('user text in the exports', () => {
  it.each(hostileNames)('TypeScript: %j changes no statement and is kept exactly', async (name) => {
    const reference = await exportTypeScript(plain);
    const attacked = await exportTypeScript(hostile(name));
    if (!reference.ok || !attacked.ok) throw new Error('refused');
    const before = typescriptStructure(reference.files['model.ts']);
    const after = typescriptStructure(attacked.files['model.ts']);
    expect(after.statements).toBe(before.statements);
    expect(after.shape).toEqual(before.shape);
    expect(after.identifiers.has('os')).toBe(false);
    expect(after.identifiers.has('process')).toBe(false);
    // The literals hold the text itself: the layer's name and the project's.
    const strings: string[] = [];
    const collect = (node: ts.Node) => {
      if (ts.isStringLiteral(node)) strings.push(node.text);
      ts.forEachChild(node, collect);
    };
    collect(ts.createSourceFile('model.ts', attacked.files['model.ts'], ts.ScriptTarget.ES2022, true));
    expect(strings).toContain(name);
    expect(strings).toContain(`hello ${name} world`);
  });

  it('Python, Keras and PyTorch, plain and distributed: every hostile name leaves the tree as it was', () => {
    const programs: string[] = [];
    const variants = [{}, { distributed: true }];
    for (const source of [plain, ...hostileNames.map(hostile)]) {
      for (const options of variants) {
        const keras = exportKeras(source, options);
        const pytorch = exportPytorch(source, options);
        if (!keras.ok || !pytorch.ok) throw new Error('refused');
        programs.push(keras.code, pytorch.code);
      }
    }
    const trees = parsePython(programs);
    const perProject = 2 * variants.length;
    const reference = trees.slice(0, perProject);
    hostileNames.forEach((name, index) => {
      const attacked = trees.slice((index + 1) * perProject, (index + 2) * perProject);
      attacked.forEach((tree, program) => {
        const expected = reference[program];
        expect(tree.body).toBe(expected?.body);
        expect(tree.dump).toBe(expected?.dump);
        expect(tree.imports).toEqual(expected?.imports);
        expect(tree.strings).toContain(name);
        expect(tree.strings).toContain(`hello ${name} world`);
      });
    });
    // Only the distributed PyTorch program reads the environment (torchrun's LOCAL_RANK).
    expect(reference.map((tree) => tree.imports.includes('os'))).toEqual([false, false, false, true]);
  });
});
