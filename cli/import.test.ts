/**
 * `layerlab export --to tfjs` and `layerlab import` as a terminal user meets them: each test runs
 * `node cli/bin.mjs ...` in a child process and reads what it prints, how it exits and what it
 * writes. Train, export, import gives the same network with the same weights, bit for bit.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProject, type Project } from '../shared/project/project';
import { defaultTrainingSettings } from '../shared/training/settings';
import { layerlab } from '../tests/helpers/layerlab-cli';

const execute = promisify(execFile);

async function readProject(file: string): Promise<Project> {
  const loaded = parseProject(await readFile(file, 'utf8'));
  if (!loaded.ok) throw new Error(loaded.message);
  return loaded.project;
}

let scratch = '';
let trained = '';
let exported = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-cli-import-'));
  trained = path.join(scratch, 'trained.layerlab');
  exported = path.join(scratch, 'tfjs');
  const train = await layerlab('train', 'cli/examples/hello-world.layerlab', '--epochs', '3', '--save', trained);
  expect(train.code).toBe(0);
  const run = await layerlab('export', trained, '--to', 'tfjs', '--out', exported);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout.trimEnd().split('\n')).toEqual([
    path.join(exported, 'model.json'),
    path.join(exported, 'weights.bin'),
  ]);
}, 120_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('layerlab export --to tfjs', () => {
  it('writes a layers model.json whose manifest names weights.bin', async () => {
    const json = JSON.parse(await readFile(path.join(exported, 'model.json'), 'utf8')) as {
      format: string;
      weightsManifest: { paths: string[]; weights: { name: string }[] }[];
    };
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0]?.paths).toEqual(['weights.bin']);
    expect(json.weightsManifest[0]?.weights.map((weight) => weight.name)).toEqual([
      'simple_rnn/kernel',
      'simple_rnn/recurrent_kernel',
      'simple_rnn/bias',
      'dense/kernel',
      'dense/bias',
    ]);
    // 3,358 float32 values.
    expect((await readFile(path.join(exported, 'weights.bin'))).byteLength).toBe(3358 * 4);
  });

  it('needs trained weights, and says how to get them', async () => {
    const out = path.join(scratch, 'never');
    const run = await layerlab('export', 'cli/examples/hello-world.layerlab', '--to', 'tfjs', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'layerlab: cli/examples/hello-world.layerlab has no trained weights to export: train it first with layerlab train cli/examples/hello-world.layerlab --save OUT, then export OUT\n',
    );
    await expect(readdir(out)).rejects.toThrow();
  });
});

describe('layerlab import', () => {
  it('makes the project back: same network, same weights, no data, default training', async () => {
    const out = path.join(scratch, 'imported.layerlab');
    const run = await layerlab('import', path.join(exported, 'model.json'), '--out', out, '--name', 'Hello again');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Model: "Hello again"');
    expect(run.stdout).toContain('simple_rnn (SimpleRNN)  (None, 50)    2,950    input');
    expect(run.stdout).toContain('Total params: 3,358');
    expect(run.stdout).toContain(`Saved the imported project to ${out}`);

    const original = await readProject(trained);
    const imported = await readProject(out);
    expect(imported.name).toBe('Hello again');
    expect(imported.data).toBeNull();
    expect(imported.training).toEqual(defaultTrainingSettings);
    const outline = (project: Project) =>
      project.graph.nodes.map((node) => ({ name: node.name, kind: node.kind, params: node.params }));
    expect(outline(imported)).toEqual(outline(original));
    expect(imported.graph.wires.map((wire) => [wire.source, wire.target])).toEqual([
      ['input', 'simple_rnn'],
      ['simple_rnn', 'dense'],
    ]);
    expect(imported.trained?.weights).toEqual(original.trained?.weights);

    const check = await layerlab('check', out);
    expect(check.code).toBe(0);
  });

  it('exports the imported model, which has no data, as programs that load its weights and answer one input', async () => {
    const project = path.join(scratch, 'to-export.layerlab');
    expect((await layerlab('import', path.join(exported, 'model.json'), '--out', project)).code).toBe(0);
    const out = path.join(scratch, 'model-only');
    for (const target of ['ts', 'keras', 'pytorch']) {
      const run = await layerlab('export', project, '--to', target, '--out', out);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(path.join(out, 'weights.bin'));
    }
    expect((await readdir(out)).sort()).toEqual([
      'model.py',
      'model.ts',
      'model_torch.py',
      'package.json',
      'weights.bin',
    ]);
    expect((await readFile(path.join(out, 'weights.bin'))).byteLength).toBe(3358 * 4);
    const { stdout } = await execute('/usr/bin/python3', ['model_torch.py'], { cwd: out });
    const line = stdout.split('\n').find((entry) => entry.startsWith('OUTPUT ')) ?? '';
    const probabilities = JSON.parse(line.slice('OUTPUT '.length)) as number[];
    // The next character's 8 probabilities, from the trained network: they add up to 1.
    expect(probabilities).toHaveLength(8);
    expect(probabilities.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 5);
    // PyTorch's RNN keeps two biases where Keras keeps one: 50 more parameters.
    expect(stdout).toContain('Parameters: 3408');
  }, 60_000);

  it('refuses a weight file a link leads out of the folder, naming it', async () => {
    const folder = path.join(scratch, 'linked');
    await mkdir(folder);
    const text = await readFile(path.join(exported, 'model.json'), 'utf8');
    await writeFile(path.join(folder, 'model.json'), text.replace('"weights.bin"', '"outside.bin"'));
    await symlink(path.join(exported, 'weights.bin'), path.join(folder, 'outside.bin'));
    const run = await layerlab('import', path.join(folder, 'model.json'), '--out', path.join(scratch, 'no.layerlab'));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `layerlab: ${path.join(folder, 'model.json')} cannot be imported: weight file 'outside.bin' leads out of the model.json's folder through a link\n`,
    );
  });

  it('refuses what the importer refuses, with its message: a path out of the folder, a missing file', async () => {
    const folder = path.join(scratch, 'escape');
    await mkdir(folder);
    const text = await readFile(path.join(exported, 'model.json'), 'utf8');
    await writeFile(path.join(folder, 'model.json'), text.replace('"weights.bin"', '"../tfjs/weights.bin"'));
    const escape = await layerlab(
      'import',
      path.join(folder, 'model.json'),
      '--out',
      path.join(scratch, 'no.layerlab'),
    );
    expect(escape.code).toBe(2);
    expect(escape.stderr).toContain(
      `weight file path "../tfjs/weights.bin" is refused: it leaves the folder through '..'`,
    );

    await copyFile(path.join(exported, 'model.json'), path.join(folder, 'alone.json'));
    const missing = await layerlab(
      'import',
      path.join(folder, 'alone.json'),
      '--out',
      path.join(scratch, 'no.layerlab'),
    );
    expect(missing.stderr).toContain("weight file 'weights.bin' is missing from the model.json's folder");
    await expect(readFile(path.join(scratch, 'no.layerlab'))).rejects.toThrow();
  });

  it('refuses a file that is not JSON, or too deep, before reading it as a model', async () => {
    const notJson = path.join(scratch, 'not.json');
    await writeFile(notJson, '{"format": ');
    const run = await layerlab('import', notJson, '--out', path.join(scratch, 'no.layerlab'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^layerlab: .*not\.json is not JSON: /);

    const deep = path.join(scratch, 'deep.json');
    await writeFile(deep, `${'['.repeat(100)}${']'.repeat(100)}`);
    const tooDeep = await layerlab('import', deep, '--out', path.join(scratch, 'no.layerlab'));
    expect(tooDeep.code).toBe(2);
    expect(tooDeep.stderr).toContain('deep.json is not JSON:');
  });

  it('says what is missing from the command line, exit 2', async () => {
    const noOut = await layerlab('import', path.join(exported, 'model.json'));
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toContain('import needs --out PROJECT, the .layerlab file to write');
    const noFile = await layerlab('import', '--out', 'x.layerlab');
    expect(noFile.stderr).toContain('import needs MODEL, the model.json to read');
  });
});
