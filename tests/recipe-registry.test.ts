/**
 * Data recipes are one registry: each kind is one file under shared/data/recipes/, and nothing
 * else names a kind. A kind LayerLab does not have (tests/fixtures/parity-recipe.ts), added with
 * one registry line, is then saved in projects, built, checked against the network, trained,
 * asked in the playground, evaluated and exported in all three languages, with no other change.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it, vi } from 'vitest';
import type * as Registry from '../shared/data/recipes/index.js';
import { parity } from './fixtures/parity-recipe';

// The one registry line: the registry as it is, and the new kind after it.
vi.mock('../shared/data/recipes/index.js', async (importOriginal) =>
  (await import('./fixtures/parity-recipe')).registryWithParity(await importOriginal()),
);

const { recipes } = await import('../shared/data/recipes/index.js');
const { dataSpecSchema, defaultDataSpecs } = await import('../shared/data/spec');
const { buildDataset } = await import('../shared/data/build');
const { projectSchema } = await import('../shared/project/schema');
const { planExport } = await import('../shared/codegen/plan');
const { exportTypeScript } = await import('../shared/codegen/typescript');
const { exportKeras } = await import('../shared/codegen/keras');
const { exportPytorch } = await import('../shared/codegen/pytorch');
const { runTraining } = await import('../shared/training/run');
const { defaultQuery, encodeQuery, decodeAnswer, predictOne } = await import('../shared/training/predict');
const { evaluateModel } = await import('../shared/training/evaluate');
const { defaultTrainingSettings } = await import('../shared/training/settings');
const { chain, layer } = await import('./helpers/graphs');

const root = process.cwd();

/** Every source file of the app (tests aside): where a kind's name must not appear. */
function sources(folder: string): string[] {
  return readdirSync(path.join(root, folder)).flatMap((entry) => {
    const relative = path.join(folder, entry);
    if (statSync(path.join(root, relative)).isDirectory()) return sources(relative);
    return /\.tsx?$/.test(entry) && !/\.test\.tsx?$/.test(entry) ? [relative] : [];
  });
}

describe('the recipe registry', () => {
  it('is the only place a kind is named: no file outside a recipe’s own names one', async () => {
    const { recipes: shipped } = await vi.importActual<typeof Registry>('../shared/data/recipes/index.js');
    const files = ['shared', 'renderer/src', 'cli', 'node', 'electron'].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const recipe of shipped) {
      const own = path.join('shared', 'data', 'recipes', `${recipe.kind}.ts`);
      expect(files, `${recipe.kind} has its own file`).toContain(own);
      const literal = new RegExp(`(['"\`])${recipe.kind}\\1`);
      for (const file of files) {
        if (file === own) continue;
        readFileSync(path.join(root, file), 'utf8')
          .split('\n')
          .forEach((line, index) => {
            if (literal.test(line)) found.push(`${file}:${index + 1} names ${recipe.kind}: ${line.trim()}`);
          });
      }
    }
    expect(found).toEqual([]);
  });

  it('takes a new kind from one file and one line: saved, built, trained, asked, evaluated', async () => {
    expect(recipes.map((recipe) => recipe.kind)).toContain('parity');
    const spec = { kind: 'parity', length: 6, samples: 64, seed: 3 } as const;
    // Projects and lessons save it, and refuse it bad, at its field.
    expect(dataSpecSchema.safeParse(spec).success).toBe(true);
    expect(dataSpecSchema.safeParse({ ...spec, length: 0 }).success).toBe(false);
    expect(defaultDataSpecs).toHaveProperty('parity', parity.defaultSpec);
    const built = buildDataset(spec as never);
    expect(built.ok && built.dataset.x.shape).toEqual([64, 6, 1]);

    const graph = chain(
      layer('Input', 'bits', { shape: [6, 1] }),
      layer('SimpleRNN', 'reader', { units: 8 }),
      layer('Dense', 'answer', { units: 2, activation: 'softmax' }),
    );
    const settings = {
      ...defaultTrainingSettings,
      loss: 'sparse_categorical_crossentropy' as const,
      epochs: 2,
      batch_size: 16,
    };
    const project = projectSchema.safeParse({
      formatVersion: 3,
      createdWith: 'LayerLab test',
      lesson: null,
      name: 'parity',
      graph,
      data: spec,
      dataFile: null,
      training: settings,
    });
    expect(project.success, JSON.stringify(project.error?.issues[0])).toBe(true);

    await tf.setBackend('cpu');
    const run = await runTraining(tf, { graph, data: spec as never, settings });
    if (!run.ok) throw new Error(`the parity project did not train: ${JSON.stringify(run)}`);
    expect(run.outcome.epochsCompleted).toBe(2);

    // The playground asks its question and reads the answer as the recipe's classes.
    const question = defaultQuery(spec as never);
    expect(question).toBe('101010');
    const query = encodeQuery(spec as never, run.dataset, question);
    if (!query.ok) throw new Error('the default question did not encode');
    const answer = decodeAnswer(run.dataset, predictOne(tf, run.model, run.dataset, query.values, query.shape));
    expect(answer.kind === 'classes' && answer.top.map((entry) => entry.label).sort()).toEqual(['even', 'odd']);
    const refused = encodeQuery(spec as never, run.dataset, '12');
    expect(refused.ok || refused.problem.en).toBe('Type 6 bits, 0 or 1.');
    const evaluation = evaluateModel(tf, run.model, spec as never, run.dataset, settings.validation_split);
    expect(evaluation?.kind).toBe('confusion');
  });

  it('exports a new kind in TypeScript, Keras and PyTorch with its own data and question code', async () => {
    const spec = { kind: 'parity', length: 6, samples: 64, seed: 3 };
    const source = {
      name: 'parity',
      graph: chain(
        layer('Input', 'bits', { shape: [6, 1] }),
        layer('LSTM', 'reader', { units: 8 }),
        layer('Dense', 'answer', { units: 2, activation: 'softmax' }),
      ),
      data: spec as never,
      training: { ...defaultTrainingSettings, loss: 'sparse_categorical_crossentropy' as const },
    };
    const planned = planExport(source, { query: '111000' });
    expect(planned.ok && planned.plan.query).toEqual({ kind: 'text', text: '111000' });
    const typescript = await exportTypeScript(source, { query: '111000' });
    if (!typescript.ok) throw new Error('no TypeScript export');
    const program = typescript.files['model.ts'];
    expect(program).toContain('const bitCount = 6;');
    expect(program).toContain("const query = '111000';");
    // The helper the recipe asked for is written once.
    expect(program.match(/function mulberry32/g)).toHaveLength(1);
    for (const exported of [exportKeras(source, { query: '111000' }), exportPytorch(source, { query: '111000' })]) {
      if (!exported.ok) throw new Error('no Python export');
      const python = exported.code;
      expect(python).toContain('x = rng.integers(0, 2, size=(64, 6, 1)).astype("float32")');
      expect(python).toContain('query = "111000"');
      // Python reads the whole program.
      execFileSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: python });
    }
  });
});

describe('the training modes', () => {
  /** Where each mode's machinery is defined and the one file that may reach it: the mode's own. */
  const machinery = [
    { names: ['trainModel'], defined: 'shared/training/train.ts', mode: 'shared/training/modes/ordinary.ts' },
    { names: ['trainGan', 'askGan'], defined: 'shared/training/gan.ts', mode: 'shared/training/modes/gan.ts' },
    { names: ['checkOrdinaryFit'], defined: 'shared/training/fit-check.ts', mode: 'shared/training/modes/ordinary.ts' },
    { names: ['checkGanFit'], defined: 'shared/training/fit-check.ts', mode: 'shared/training/modes/gan.ts' },
  ];

  it('are reached only through their registry: no run path, worker or command picks a loop itself', () => {
    const files = ['shared', 'renderer/src', 'cli', 'node', 'electron'].flatMap(sources);
    const found: string[] = [];
    for (const { names, defined, mode } of machinery) {
      const called = new RegExp(`\\b(${names.join('|')})\\b`);
      for (const file of files) {
        if (file === defined || file === mode) continue;
        readFileSync(path.join(root, file), 'utf8')
          .split('\n')
          .forEach((line, index) => {
            // Comments may name a loop; code may not call it.
            if (called.test(line.replace(/\/\/.*$|\/\*.*?\*\/|^\s*\*.*$/g, '')))
              found.push(`${file}:${index + 1}: ${line.trim()}`);
          });
      }
    }
    expect(found).toEqual([]);
  });

  it('pick the GAN for a generator and its real images, the ordinary mode for the rest', async () => {
    const { modeOf } = await import('../shared/training/modes/index.js');
    const digits = buildDataset({ kind: 'images', source: 'digits-8x8', task: 'generate', limit: 20 });
    const classify = buildDataset({ kind: 'images', source: 'digits-8x8', task: 'classify', limit: 20 });
    if (!digits.ok || !classify.ok) throw new Error('the digits did not build');
    const plain = chain(layer('Input', 'noise', { shape: [16] }), layer('Dense', 'out', { units: 64 }));
    expect(modeOf(plain, digits.dataset).id).toBe('gan');
    expect(modeOf(plain, classify.dataset).id).toBe('ordinary');
    const marked = {
      ...plain,
      nodes: plain.nodes.map((node) => (node.id === 'out' ? { ...node, generatorEnd: true } : node)),
    };
    // A marked generator without real images to imitate: the GAN's checks say what is wrong.
    expect(modeOf(marked as never, classify.dataset).id).toBe('gan');
  });
});
