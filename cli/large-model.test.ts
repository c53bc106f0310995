/**
 * SLOW (about a minute): one size policy, end to end, on a 25-million-parameter text model as
 * tf.js saves it (a 100 MB weights file): `layerlab import` takes it, the project file holds it,
 * `check` passes it, `export --to tfjs` gives the same weights back byte for byte, and the PyTorch
 * export (without data: weights.bin beside it) answers as tf.js does. Each step runs the command
 * line in a child process, as a terminal user would.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxProjectBytes, maxProjectWeights } from '../shared/vocabulary/project-format';
import { layerlab } from '../tests/helpers/layerlab-cli';

const execute = promisify(execFile);

/** Words in the vocabulary and the size of each one's vector: 25,000,000 weights in the Embedding. */
const vocabulary = 100_000;
const width = 250;
const total = vocabulary * width + width * 4 + 4;

let scratch = '';
let original = '';
/** tf.js' answer for the made-up sample every export makes: token i × 37 mod vocabulary. */
let answer: number[] = [];
beforeAll(async () => {
  await tf.setBackend('cpu');
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-large-'));
  original = path.join(scratch, 'original');
  await mkdir(original);
  const model = tf.sequential({
    name: 'big_text',
    layers: [
      tf.layers.embedding({ inputDim: vocabulary, outputDim: width, inputLength: 10, batchInputShape: [null, 10] }),
      tf.layers.globalAveragePooling1d({}),
      tf.layers.dense({ units: 4, activation: 'softmax' }),
    ],
  });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const manifest = [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }];
      await writeFile(
        path.join(original, 'model.json'),
        JSON.stringify({ format: 'layers-model', modelTopology: artifacts.modelTopology, weightsManifest: manifest }),
      );
      await writeFile(path.join(original, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const sample = tf.tensor2d([Array.from({ length: 10 }, (_, i) => (i * 37) % vocabulary)], [1, 10], 'int32');
  answer = [...(model.predict(sample) as tf.Tensor).dataSync()];
  model.dispose();
}, 120_000);
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('a 25-million-parameter model, under the one size limit', () => {
  const project = () => path.join(scratch, 'big.layerlab');

  it('is within what a project holds, and its weights file is 100 MB', async () => {
    expect(total).toBeLessThanOrEqual(maxProjectWeights);
    expect((await stat(path.join(original, 'weights.bin'))).size).toBe(total * 4);
  });

  it('imports into a project file that check then passes', async () => {
    const run = await layerlab('import', path.join(original, 'model.json'), '--out', project());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Total params: 25,001,004');
    const size = (await stat(project())).size;
    expect(size).toBeGreaterThan(total * 4);
    expect(size).toBeLessThan(maxProjectBytes);
    const check = await layerlab('check', project());
    expect(check.stdout).toContain('Total params: 25,001,004');
    expect(check.code).toBe(0);
  }, 120_000);

  it('exports back to tf.js with the same weights, byte for byte', async () => {
    const out = path.join(scratch, 'back');
    const run = await layerlab('export', project(), '--to', 'tfjs', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [before, after] = await Promise.all([
      readFile(path.join(original, 'weights.bin')),
      readFile(path.join(out, 'weights.bin')),
    ]);
    expect(after.equals(before)).toBe(true);
  }, 120_000);

  it('exports without data to PyTorch, whose program answers as tf.js does', async () => {
    const out = path.join(scratch, 'torch');
    const run = await layerlab('export', project(), '--to', 'pytorch', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await stat(path.join(out, 'weights.bin'))).size).toBe(total * 4);
    const { stdout } = await execute('/usr/bin/python3', ['model_torch.py'], { cwd: out, timeout: 120_000 });
    const line = stdout.split('\n').find((entry) => entry.startsWith('OUTPUT ')) ?? '';
    const theirs = JSON.parse(line.slice('OUTPUT '.length)) as number[];
    expect(theirs).toHaveLength(4);
    theirs.forEach((value, index) => expect(value).toBeCloseTo(answer[index] ?? Number.NaN, 5));
  }, 180_000);
});
