/**
 * SLOW (about a minute): every lesson template exported and run as a user would run it, in child
 * processes. TypeScript: type-checked with `tsc --strict`, run with tsx, its final loss and
 * metrics equal to LayerLab's own run of the template on the same backend (tf.js' CPU) within
 * 1e-6, relatively (they come out identical: same seeds, same shuffle, same kernels). Keras:
 * parsed with Python's ast. PyTorch: trained for a few epochs on Debian's python3-torch, its
 * loss falling and its parameter count the one LayerLab computes for PyTorch.
 */
import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKeras } from '../shared/codegen/keras';
import { planExport, type ExportOptions, type ExportSource } from '../shared/codegen/plan';
import { exportPytorch, pytorchParameterCount } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import type { DataSpec } from '../shared/data/spec';
import type { Graph } from '../shared/graph/types';
import type { TrainingSettings } from '../shared/training/settings';
import { carryInto, parseTemplate, type Template } from '../shared/templates/template';
import { compileGraph } from '../shared/graph/compile';
import { createRandom } from '../shared/math/random';
import { encodeWeights } from '../shared/vocabulary/weights';
import { defaultTrainingSettings } from '../shared/training/settings';
import { askGan } from '../shared/training/gan';
import { checkMetrics } from '../shared/templates/expectation';
import { runTraining } from '../shared/training/run';
import { carriedLayers } from './helpers/carried-layers';
import { decodeAnswer, encodeQuery, predictOne } from '../shared/training/predict';
import { chain, layer, wire } from './helpers/graphs';
import { vocabularyOf } from '../shared/data/recipes/text-next-char';
import { describeProblem } from '../shared/vocabulary/problems';

const run = promisify(execFile);
const root = process.cwd();
const binary = (name: string) => path.join(root, 'node_modules', '.bin', name);
const python = '/usr/bin/python3';
const templateFiles = readdirSync(path.join(root, 'templates')).filter((file) => file.endsWith('.json'));

/** Relative tolerance between the exported program's final logs and the app's. */
const tolerance = 1e-6;

function loadTemplate(file: string): Template {
  const loaded = parseTemplate(file, readFileSync(path.join(root, 'templates', file), 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.template;
}

/**
 * Epochs an exported program is compared over. The comparison is of arithmetic: the program and
 * the app must agree to the last digit, which shows from the first epoch; that each lesson reaches
 * its result in full is `templates.test.ts`'s to check. Running twenty lessons twice in full here
 * cost more than all the other unit tests together.
 */
const comparedEpochs = 4;

/**
 * The lesson as its learner exports it, cut to `comparedEpochs`: a lesson that carries a base
 * lesson's layers has them (frozen layers of random weights would leave nothing to learn).
 */
async function sourceOf(template: Template): Promise<ExportSource> {
  const epochs = Math.min(template.training.epochs, comparedEpochs);
  const allTemplates = templateFiles.map(loadTemplate);
  return {
    name: template.title.en,
    graph: carryInto(template.graph, await carriedLayers(template, allTemplates)),
    data: template.data,
    training: { ...template.training, epochs },
  };
}

/** The `FINAL {...}` line every exported program ends its training with. */
function finalLogs(output: string): Record<string, number> {
  const line = output.split('\n').find((candidate) => candidate.startsWith('FINAL '));
  if (line === undefined) throw new Error(`no FINAL line in:\n${output}`);
  return JSON.parse(line.slice('FINAL '.length)) as Record<string, number>;
}

/**
 * Writes the TypeScript export of `source` into `folder`, type-checks it strictly, runs it, and
 * checks its final logs against LayerLab's own run of the same project; returns what it printed.
 */
async function expectSameRun(source: ExportSource, options: ExportOptions, folder: string): Promise<string> {
  const exported = await exportTypeScript(source, options);
  if (!exported.ok) throw new Error('refused');
  for (const [name, content] of Object.entries(exported.files)) await writeFile(path.join(folder, name), content);
  const manifest = JSON.parse(exported.files['package.json']) as { dependencies: Record<string, string> };
  expect(manifest.dependencies).toEqual({ '@tensorflow/tfjs': '4.22.0' });

  const strict = ['--strict', '--noEmit', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
  await run(binary('tsc'), [...strict, '--target', 'es2022', '--skipLibCheck', 'model.ts'], { cwd: folder });
  const { stdout } = await run(binary('tsx'), ['model.ts'], { cwd: folder, timeout: 120_000 });
  const theirs = finalLogs(stdout);

  if (source.data === null) throw new Error('no data');
  const ours = await runTraining(tf, { graph: source.graph, data: source.data, settings: source.training });
  if (!ours.ok) throw new Error('LayerLab refused the project');
  // The program's answer to its question is the app's answer with the same weights.
  const query = options.query === undefined ? null : encodeQuery(source.data, ours.dataset, options.query);
  const answer =
    query?.ok === true
      ? decodeAnswer(ours.dataset, predictOne(tf, ours.model, ours.dataset, query.values, query.shape), query.values)
      : null;
  ours.model.dispose();
  if (answer?.kind === 'classes') {
    expect(stdout).toContain(`expects:\n  ${JSON.stringify(answer.top[0]?.label)}`);
  }
  expect(Object.keys(theirs).sort()).toEqual(Object.keys(ours.outcome.finalLogs).sort());
  for (const [name, value] of Object.entries(ours.outcome.finalLogs)) {
    expect(Math.abs((theirs[name] ?? Number.NaN) - value)).toBeLessThanOrEqual(
      tolerance * Math.max(1, Math.abs(value)),
    );
  }
  return stdout;
}

/**
 * "Trained" weights for layer `name` of `graph`, drawn from `seed` in the shapes LayerLab builds,
 * large enough that a layout mistake changes what the network outputs.
 */
function seededWeights(graph: Graph, name: string, seed: number, scale = 1) {
  const built = compileGraph(graph, tf, { seed: 1 });
  if (!built.ok) throw new Error('the network does not compile');
  const shapes = built.model.getLayer(name).weights.map((weight) => weight.shape as number[]);
  built.model.dispose();
  const random = createRandom(seed);
  return encodeWeights(
    shapes.map((shape) => ({
      shape,
      values: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => (random() - 0.5) * 2 * scale),
    })),
  );
}

/** A scratch folder that resolves @tensorflow/tfjs, typescript and tsx from this checkout. */
async function scratchFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'layerlab-export-'));
  await symlink(path.join(root, 'node_modules'), path.join(folder, 'node_modules'), 'dir');
  return folder;
}

/**
 * The lesson as `sourceOf` exports it, and a scratch folder for its programs: made before the
 * tests of the describe that calls this, and removed after them.
 */
function lessonUnderTest(template: Template): { source: ExportSource; folder: string } {
  const lesson = { source: undefined as unknown as ExportSource, folder: '' };
  beforeAll(async () => {
    lesson.folder = await scratchFolder();
    lesson.source = await sourceOf(template);
  }, 60_000);
  afterAll(async () => {
    await rm(lesson.folder, { recursive: true, force: true });
  });
  return lesson;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/**
 * Lessons whose network is a GAN: each program trains its two networks in turns. TypeScript's is
 * the app's run to the last digit; PyTorch's draws other random numbers, and must reach the
 * lesson's result itself. Their loop is written for one device: several GPUs are refused.
 */
const ganFiles = templateFiles.filter((file) => {
  const data = loadTemplate(file).data;
  return data.kind === 'images' && data.task === 'generate';
});

describe.each(ganFiles)('the exports of %s, a GAN', (file) => {
  const template = loadTemplate(file);
  const lesson = lessonUnderTest(template);

  it('TypeScript trains generator and discriminator in turns and ends where LayerLab’s own run ends', async () => {
    const stdout = await expectSameRun(lesson.source, { query: template.expected.input }, lesson.folder);
    const epochs = lesson.source.training.epochs;
    expect(stdout).toMatch(new RegExp(`^Epoch ${epochs}/${epochs}: d_loss \\d.*, sample_classes \\d`, 'm'));
    // The lesson's seed, drawn as the playground draws it.
    const asked = await runTraining(tf, {
      graph: lesson.source.graph,
      data: template.data,
      settings: lesson.source.training,
    });
    if (!asked.ok) throw new Error('LayerLab refused the lesson');
    const answer = askGan(tf, asked.model, asked.checked, asked.dataset, template.expected.input);
    asked.model.dispose();
    if (!answer.ok || answer.answer.kind !== 'sample') throw new Error('no sample');
    expect(stdout).toContain(
      `nearest real image: a ${answer.answer.nearest.label} (mean squared difference ${answer.answer.nearest.distance.toFixed(4)})`,
    );
  }, 120_000);

  it('Keras parses with Python’s ast, with its own loop of two optimisers', () => {
    const exported = exportKeras(lesson.source, { query: template.expected.input });
    if (!exported.ok) throw new Error('refused');
    expect(exported.code).toContain('def train_step(real, noise_for_d, noise_for_g):');
    // The step takes its gradients with tf.GradientTape: TensorFlow itself is imported.
    expect(exported.code).toMatch(/^import tensorflow as tf$/m);
    expect(exported.code).toContain('generator = keras.Model(model.inputs, model.get_layer("fake_image").output)');
    const script = 'import ast, sys\nprint(len(ast.parse(sys.stdin.read()).body))';
    const output = execFileSync(python, ['-c', script], { input: exported.code, encoding: 'utf8' });
    expect(Number(output)).toBeGreaterThan(10);
  });

  it('PyTorch trains the lesson in full and reaches the lesson’s result', async () => {
    const exported = exportPytorch(lesson.source, { query: template.expected.input });
    const planned = planExport(lesson.source, {});
    if (!exported.ok || !planned.ok) throw new Error('refused');
    await writeFile(path.join(lesson.folder, 'gan_torch.py'), exported.code);
    const epochs = template.training.epochs;
    const { stdout } = await run(python, ['gan_torch.py', '--epochs', String(epochs)], {
      cwd: lesson.folder,
      timeout: 120_000,
    });
    expect(stdout).toMatch(new RegExp(`^Epoch ${epochs}/${epochs}: d_loss \\d`, 'm'));
    expect(Number(/^Parameters: (\d+)$/m.exec(stdout)?.[1])).toBe(pytorchParameterCount(planned.plan));
    const logs = finalLogs(stdout);
    expect(Object.keys(logs).sort()).toEqual(['d_accuracy', 'd_loss', 'g_loss', 'sample_classes', 'sample_distance']);
    // PyTorch draws other random numbers than tf.js, so its run is not the app's; its result must still hold.
    const check = checkMetrics(template.expected, logs);
    expect(check.details.join(', ')).not.toMatch(/misses/);
    expect(check.details.length).toBeGreaterThan(0);
    expect(check.met).toBe(true);
    expect(stdout).toMatch(/^Seed 1: real, says the discriminator: [\d.]+; nearest real image: a \d/m);
  }, 120_000);

  it('for several GPUs, Keras and PyTorch are refused, pinned to the layer where the generator ends', () => {
    const end = template.graph.nodes.find((node) => node.generatorEnd === true);
    expect(end).toBeDefined();
    for (const exported of [
      exportKeras(lesson.source, { distributed: true }),
      exportPytorch(lesson.source, { distributed: true }),
    ]) {
      expect(exported.ok).toBe(false);
      if (exported.ok) continue;
      expect(exported.problems).toEqual([expect.objectContaining({ code: 'export.gan-distributed', nodeId: end?.id })]);
    }
  });
});

const exportedFiles = templateFiles.filter((file) => !ganFiles.includes(file));

describe.each(exportedFiles)('the exports of %s', (file) => {
  const template = loadTemplate(file);
  const lesson = lessonUnderTest(template);
  const options = { query: template.expected.input };

  it('TypeScript type-checks strictly, runs, and ends where LayerLab’s own CPU run ends', async () => {
    const stdout = await expectSameRun(lesson.source, options, lesson.folder);
    // Every epoch is reported, with the loss (after the validation figures when there are any).
    const epochs = lesson.source.training.epochs;
    expect(stdout).toMatch(new RegExp(`^Epoch ${epochs}/${epochs}: .*\\bloss \\d`, 'm'));
  }, 120_000);

  it('Keras parses with Python’s ast, alone and under MirroredStrategy', () => {
    const programs = [
      exportKeras(lesson.source, options),
      exportKeras(lesson.source, { ...options, distributed: true }),
    ];
    const script =
      'import ast, json, sys\nprint(json.dumps([len(ast.parse(code).body) for code in json.loads(sys.stdin.read())]))';
    const codes = programs.map((program) => (program.ok ? program.code : ''));
    expect(codes[0]).toContain('model = keras.Sequential(');
    expect(codes[1]).toContain('with strategy.scope():');
    const output = execFileSync(python, ['-c', script], { input: JSON.stringify(codes), encoding: 'utf8' });
    const bodies = JSON.parse(output) as number[];
    expect(bodies.every((count) => count > 10)).toBe(true);
  }, 60_000);

  it('PyTorch trains for 5 epochs, its loss falls, and it counts the parameters LayerLab computes', async () => {
    const exported = exportPytorch(lesson.source, options);
    const planned = planExport(lesson.source, options);
    if (!exported.ok || !planned.ok) throw new Error('refused');
    await writeFile(path.join(lesson.folder, 'model_torch.py'), exported.code);
    const { stdout } = await run(python, ['model_torch.py', '--epochs', '5'], { cwd: lesson.folder, timeout: 120_000 });
    const losses = [...stdout.matchAll(/^Epoch \d+\/5: loss ([\d.]+)/gm)].map((match) => Number(match[1]));
    expect(losses).toHaveLength(5);
    expect(losses[4]).toBeLessThan(losses[0] ?? 0);
    expect(finalLogs(stdout).loss).toBeCloseTo(losses[4] ?? Number.NaN, 3);
    const counted = /^Parameters: (\d+)$/m.exec(stdout)?.[1];
    expect(Number(counted)).toBe(pytorchParameterCount(planned.plan));
  }, 120_000);

  it('PyTorch runs under DistributedDataParallel, as one process of torchrun would', async () => {
    const exported = exportPytorch(lesson.source, { ...options, distributed: true });
    if (!exported.ok) throw new Error('refused');
    await writeFile(path.join(lesson.folder, 'model_torch_ddp.py'), exported.code);
    const port = String(20_000 + Math.floor(Math.random() * 20_000));
    const env = {
      ...process.env,
      MASTER_ADDR: '127.0.0.1',
      MASTER_PORT: port,
      RANK: '0',
      WORLD_SIZE: '1',
      LOCAL_RANK: '0',
    };
    const { stdout } = await run(python, ['model_torch_ddp.py', '--epochs', '2'], {
      cwd: lesson.folder,
      env,
      timeout: 120_000,
    });
    expect(stdout).toMatch(/^Epoch 2\/2: loss/m);
    expect(Object.keys(finalLogs(stdout))).toContain('loss');
  }, 120_000);
});

describe('a recall project, which no lesson uses yet', () => {
  // Sequences drawn from a seed: the TypeScript must draw the very same ones to end on the same loss.
  const source: ExportSource = {
    name: 'Remember the first symbol',
    graph: chain(
      layer('Input', 'input', { shape: [6, 3] }),
      layer('SimpleRNN', 'simple_rnn', { units: 8 }),
      layer('Dense', 'dense', { units: 3, activation: 'softmax' }),
    ),
    data: { kind: 'recall', length: 6, symbols: 3, samples: 60, seed: 11 },
    training: {
      ...defaultTrainingSettings,
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
      epochs: 3,
      batch_size: 16,
    },
  };
  let folder = '';
  beforeAll(async () => {
    folder = await scratchFolder();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript draws the same sequences and ends where LayerLab’s own CPU run ends', async () => {
    const stdout = await expectSameRun(source, { query: 'abcabc' }, folder);
    expect(stdout).toContain('For ABCABC the network expects:');
  }, 120_000);

  it('PyTorch draws its own sequences of the same task and trains', async () => {
    const exported = exportPytorch(source, { query: 'ABCABC' });
    if (!exported.ok) throw new Error('refused');
    await writeFile(path.join(folder, 'recall_torch.py'), exported.code);
    const { stdout } = await run(python, ['recall_torch.py', '--epochs', '2'], { cwd: folder, timeout: 120_000 });
    expect(stdout).toContain('Data: 60 sequences of 6 symbols');
    expect(stdout).toMatch(/^ {2}"[ABC]" {2}\d/m);
  }, 120_000);
});

describe("tf.js' hard sigmoid gates (an LSTM saved by tf.js, opened as it is)", () => {
  const source: ExportSource = {
    name: 'Remember the first symbol, hard sigmoid gates',
    graph: chain(
      layer('Input', 'input', { shape: [6, 3] }),
      layer('LSTM', 'lstm', { units: 6, recurrent_activation: 'hard_sigmoid' }),
      layer('Dense', 'dense', { units: 3, activation: 'softmax' }),
    ),
    data: { kind: 'recall', length: 6, symbols: 3, samples: 60, seed: 11 },
    training: {
      ...defaultTrainingSettings,
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
      epochs: 3,
      batch_size: 16,
    },
  };
  let folder = '';
  beforeAll(async () => {
    folder = await scratchFolder();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript builds the gates as tf.js names them and ends where LayerLab’s own CPU run ends', async () => {
    const exported = await exportTypeScript(source, { query: 'abcabc' });
    expect(exported.ok && exported.files['model.ts']).toContain("recurrentActivation: 'hardSigmoid'");
    await expectSameRun(source, { query: 'abcabc' }, folder);
  }, 120_000);

  it("Keras writes tf.js' function out (Keras 3's hard_sigmoid differs) and parses", () => {
    const exported = exportKeras(source, { query: 'abcabc' });
    const code = exported.ok ? exported.code : '';
    expect(code).toContain('def tfjs_hard_sigmoid(x):');
    expect(code).toContain('return tf.clip_by_value(0.2 * x + 0.5, 0.0, 1.0)');
    expect(code).toContain('recurrent_activation=tfjs_hard_sigmoid');
    expect(code).toContain('import tensorflow as tf');
    execFileSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
  });

  it('PyTorch says its LSTM keeps sigmoid gates', () => {
    const exported = exportPytorch(source, { query: 'ABCABC' });
    expect(exported.ok && exported.code).toContain('nn.LSTM always uses sigmoid gates, where Keras uses hard_sigmoid.');
  });
});

describe("Keras' go_backwards: sequences read from their last step, alone and under Bidirectional", () => {
  // Seeded "trained" weights and SGD at 1e-9: each program's validation loss is the carried
  // network's own, equal only if every program reads the steps in the order Keras does.
  const graph = chain(
    layer('Input', 'input', { shape: [6, 10] }),
    layer('LSTM', 'backwards', { units: 5, go_backwards: true, return_sequences: true }),
    layer('LSTM', 'both', { units: 4, go_backwards: true, bidirectional: true }),
    layer('Dense', 'dense', { units: 10, activation: 'softmax' }),
  );
  const carried = Object.fromEntries(
    ['backwards', 'both', 'dense'].map((name, index) => [
      name,
      { from: 'a test', weights: seededWeights(graph, name, 21 + index) },
    ]),
  );
  const source: ExportSource = {
    name: 'Read backwards',
    graph: carryInto(graph, carried),
    // Data both programs build alike: the windows of a text, each followed by its next character.
    data: { kind: 'text-next-char', text: 'hello world, hello wide world, held low', window: 6 },
    training: {
      ...defaultTrainingSettings,
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
      optimizer: 'sgd',
      learning_rate: 1e-9,
      epochs: 1,
      batch_size: 16,
      validation_split: 0.2,
    },
  };
  let folder = '';
  let valLoss = Number.NaN;
  beforeAll(async () => {
    folder = await scratchFolder();
    if (!source.data) throw new Error('no data');
    const trained = await runTraining(tf, { graph: source.graph, data: source.data, settings: source.training });
    if (!trained.ok) throw new Error('LayerLab refused the project');
    valLoss = trained.outcome.finalLogs.val_loss ?? Number.NaN;
    trained.model.dispose();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript ends where LayerLab’s own CPU run ends', async () => {
    await expectSameRun(source, { query: 'hello ' }, folder);
  }, 120_000);

  it('Keras says go_backwards=True on both layers, and parses', () => {
    const exported = exportKeras(source, { query: 'hello ' });
    const code = exported.ok ? exported.code : '';
    expect(code.match(/go_backwards=True/g)).toHaveLength(2);
    execFileSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
  });

  it('PyTorch flips the steps: the same validation loss as LayerLab', async () => {
    const exported = exportPytorch(source, { query: 'hello ' });
    if (!exported.ok) throw new Error('refused');
    expect(exported.code).toContain('torch.flip(');
    await writeFile(path.join(folder, 'backwards_torch.py'), exported.code);
    const { stdout } = await run(python, ['backwards_torch.py'], { cwd: folder, timeout: 120_000 });
    expect(finalLogs(stdout).val_loss).toBeCloseTo(valLoss, 4);
  }, 120_000);
});

describe('a network that carries trained layers, some frozen (transfer learning)', () => {
  // The transfer lesson with every weighted layer carrying seeded "trained" weights and the base
  // frozen. SGD at a rate of 1e-9 leaves the weights as they came, so each program's validation
  // loss is the carried network's own: it agrees only if the weights were loaded in the right layout.
  const lesson = loadTemplate('transfer-parity.json');
  const carried = Object.fromEntries(
    ['conv1', 'conv2', 'features', 'digit', 'parity'].map((name, index) => [
      name,
      { from: 'a test', weights: seededWeights(lesson.graph, name, 5 + index) },
    ]),
  );
  const source: ExportSource = {
    name: 'Transfer',
    graph: carryInto(lesson.graph, carried),
    data: lesson.data,
    training: { ...lesson.training, optimizer: 'sgd', learning_rate: 1e-9, epochs: 1 },
  };
  const options = { query: '#3' };
  let folder = '';
  let ours: { valLoss: number; top: string; percent: string } | null = null;
  beforeAll(async () => {
    folder = await scratchFolder();
    if (!source.data) throw new Error('no data');
    const trained = await runTraining(tf, { graph: source.graph, data: source.data, settings: source.training });
    if (!trained.ok) throw new Error('LayerLab refused the project');
    const query = encodeQuery(source.data, trained.dataset, '#3');
    if (!query.ok) throw new Error('no query');
    const answer = decodeAnswer(
      trained.dataset,
      predictOne(tf, trained.model, trained.dataset, query.values, query.shape),
      query.values,
    );
    trained.model.dispose();
    if (answer.kind !== 'classes' || !answer.top[0]) throw new Error('not a class answer');
    ours = {
      valLoss: trained.outcome.finalLogs.val_loss ?? Number.NaN,
      top: answer.top[0].label,
      percent: (answer.top[0].probability * 100).toFixed(1),
    };
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript loads the weights and freezes the base: it ends where LayerLab’s run ends', async () => {
    const stdout = await expectSameRun(source, options, folder);
    expect(stdout).toContain('answers par, impar');
  }, 120_000);

  it('Keras sets the weights and freezes the base before compiling, and parses', () => {
    const exported = exportKeras(source, options);
    if (!exported.ok) throw new Error('refused');
    const code = exported.code;
    expect(code).toContain('model.get_layer("conv1").set_weights(');
    expect(code).toContain('model.get_layer("digit").trainable = False');
    expect(code).not.toContain('model.get_layer("parity").trainable = False');
    expect(code.indexOf('.trainable = False')).toBeLessThan(code.indexOf('model.compile('));
    execFileSync(python, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
  });

  it('PyTorch turns the weights into its layout: the same validation loss and the same answer', async () => {
    const exported = exportPytorch(source, options);
    if (!exported.ok) throw new Error('refused');
    await writeFile(path.join(folder, 'transfer_torch.py'), exported.code);
    const { stdout } = await run(python, ['transfer_torch.py'], { cwd: folder, timeout: 120_000 });
    if (!ours) throw new Error('LayerLab did not run');
    expect(finalLogs(stdout).val_loss).toBeCloseTo(ours.valLoss, 4);
    expect(stdout).toContain(`expects:\n  ${JSON.stringify(ours.top)}  ${ours.percent}%`);
    // Only the new layer learns: PyTorch's frozen parameters have no gradient.
    expect(exported.code).toContain('parameter.requires_grad_(False)');
  }, 120_000);

  it('PyTorch refuses, at the layer, weights it cannot load yet', () => {
    const recurrent: ExportSource = {
      name: 'Carried GRU',
      graph: chain(
        layer('Input', 'input', { shape: [3, 8] }),
        layer('GRU', 'gru', { units: 4 }),
        layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
      ),
      data: { kind: 'text-next-char', text: 'hello world', window: 3 },
      training: { ...defaultTrainingSettings, loss: 'sparse_categorical_crossentropy', metrics: ['accuracy'] },
    };
    const weights = seededWeights(recurrent.graph, 'gru', 1);
    const graph = carryInto(recurrent.graph, { gru: { from: 'a test', weights } });
    const refused = exportPytorch({ ...recurrent, graph });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.problems).toEqual([
      expect.objectContaining({
        code: 'export.pytorch-carried',
        nodeId: 'gru',
        fix: { kind: 'drop-carried', nodeId: 'gru' },
      }),
    ]);
    // The learner reads which kinds it does load, as the layers' own code says.
    const refusal = refused.problems[0];
    if (!refusal) return;
    expect(describeProblem(refusal, 'en')).toContain(
      'cannot load those of a GRU yet (it loads Dense, Embedding, PReLU, SimpleRNN, LSTM, Conv1D, Conv2D, DepthwiseConv2D, SeparableConv2D, BatchNormalization, and LayerNormalization)',
    );
    expect(describeProblem(refusal, 'es')).toContain(
      '(carga Dense, Embedding, PReLU, SimpleRNN, LSTM, Conv1D, Conv2D, DepthwiseConv2D, SeparableConv2D, BatchNormalization y LayerNormalization)',
    );
    // Keras and TypeScript load any layer's weights.
    expect(exportKeras({ ...recurrent, graph }).ok).toBe(true);
  });
});

describe.each([
  ['an LSTM', layer('LSTM', 'memory', { units: 6 })],
  ['a Bidirectional SimpleRNN', layer('SimpleRNN', 'memory', { units: 5, bidirectional: true })],
])('%s that carries trained weights, in PyTorch', (_, memory) => {
  // Keras keeps one bias per gate and its kernels transposed; PyTorch's two biases and (out, in)
  // matrices must give the same network: the same validation loss after a step of 1e-9.
  const text = 'hello world, hello there, hello again';
  const vocabulary = vocabularyOf(text).length;
  const plain: Graph = chain(
    layer('Input', 'input', { shape: [4, vocabulary] }),
    memory,
    layer('Dense', 'dense', { units: vocabulary, activation: 'softmax' }),
  );
  const graph = carryInto(plain, {
    memory: { from: 'a test', weights: seededWeights(plain, 'memory', 2, 2) },
    dense: { from: 'a test', weights: seededWeights(plain, 'dense', 3, 4) },
  });
  const source: ExportSource = {
    name: 'Carried recurrent',
    graph,
    data: { kind: 'text-next-char', text, window: 4 },
    training: {
      ...defaultTrainingSettings,
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
      optimizer: 'sgd',
      learning_rate: 1e-9,
      epochs: 1,
      validation_split: 0.5,
    },
  };

  it('gives the validation loss LayerLab gives', async () => {
    if (!source.data) throw new Error('no data');
    const ours = await runTraining(tf, { graph, data: source.data, settings: source.training });
    if (!ours.ok) throw new Error('LayerLab refused the project');
    ours.model.dispose();
    const loss = ours.outcome.finalLogs.val_loss ?? Number.NaN;
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error('refused');
    const folder = await mkdtemp(path.join(tmpdir(), 'layerlab-carried-'));
    try {
      await writeFile(path.join(folder, 'carried_torch.py'), exported.code);
      const { stdout } = await run(python, ['carried_torch.py'], { cwd: folder, timeout: 120_000 });
      expect(finalLogs(stdout).val_loss).toBeCloseTo(loss, 4);
      // Far from what untrained weights give: the weights were loaded.
      expect(Math.abs(loss - Math.log(vocabulary))).toBeGreaterThan(0.1);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a network that uses the rest of the training loop', () => {
  // Branches and a merge, a Bidirectional GRU, Dropout; RMSprop, a validation tail, early stopping.
  const text = 'hello world, hello there';
  const size = vocabularyOf(text).length;
  const graph: Graph = {
    nodes: [
      layer('Input', 'input', { shape: [4, size] }),
      layer('Conv1D', 'conv1d', { filters: 6, kernel_size: 2, padding: 'same', activation: 'relu' }),
      layer('GRU', 'gru', { units: 5, bidirectional: true, return_sequences: true, merge_mode: 'sum' }),
      layer('Concatenate', 'concatenate'),
      layer('GlobalMaxPooling1D', 'global_max_pooling1d'),
      layer('Dropout', 'dropout', { rate: 0.2 }),
      layer('Dense', 'dense', { units: size, activation: 'softmax' }),
    ],
    wires: [
      wire('input', 'conv1d'),
      wire('conv1d', 'gru'),
      wire('conv1d', 'concatenate'),
      wire('gru', 'concatenate'),
      wire('concatenate', 'global_max_pooling1d'),
      wire('global_max_pooling1d', 'dropout'),
      wire('dropout', 'dense'),
    ],
  };
  const source: ExportSource = {
    name: 'Everything at once',
    graph,
    data: { kind: 'text-next-char', text, window: 4 },
    training: {
      ...defaultTrainingSettings,
      optimizer: 'rmsprop',
      learning_rate: 0.01,
      loss: 'sparse_categorical_crossentropy',
      metrics: ['accuracy'],
      epochs: 40,
      batch_size: 4,
      validation_split: 0.25,
      early_stopping: true,
      patience: 3,
    },
  };
  let folder = '';
  beforeAll(async () => {
    folder = await scratchFolder();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('TypeScript ends where LayerLab’s own CPU run ends', async () => {
    const stdout = await expectSameRun(source, {}, folder);
    expect(stdout).toMatch(/val_loss/);
  }, 120_000);
});

describe('the rest of the training options', () => {
  // Scaled numbers into an LSTM; SGD with momentum and no shuffling; Adagrad with a validation
  // tail and early stopping that keeps the last weights.
  const graph = chain(
    layer('Input', 'input', { shape: [3, 1] }),
    layer('LSTM', 'lstm', { units: 8 }),
    layer('Dense', 'dense', { units: 1 }),
  );
  const data: DataSpec = {
    kind: 'sequence-next-value',
    values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    window: 3,
    scale: 'max',
  };
  const variants: [string, TrainingSettings][] = [
    [
      'sgd with momentum, unshuffled, two metrics',
      {
        ...defaultTrainingSettings,
        optimizer: 'sgd',
        momentum: 0.9,
        shuffle: false,
        epochs: 20,
        metrics: ['mae', 'mse'],
      },
    ],
    [
      'adagrad, validation tail, early stopping without restoring',
      {
        ...defaultTrainingSettings,
        optimizer: 'adagrad',
        learning_rate: 0.05,
        epochs: 20,
        validation_split: 0.3,
        early_stopping: true,
        patience: 2,
        restore_best_weights: false,
      },
    ],
  ];
  let folder = '';
  beforeAll(async () => {
    folder = await scratchFolder();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it.each(variants)(
    '%s: TypeScript ends where LayerLab’s own CPU run ends',
    async (_label, training) => {
      const stdout = await expectSameRun({ name: 'options', graph, data, training }, {}, folder);
      expect(stdout).toMatch(/^After 8, 9, 10 comes -?\d/m);
    },
    120_000,
  );
});
