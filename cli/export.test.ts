/**
 * `layerlab export` as a terminal user meets it: each test runs `node cli/bin.mjs export ...` in a
 * child process and reads what it prints, how it exits and what it writes.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProject, serializeProject } from '../shared/project/project';
import { chain, layer } from '../tests/helpers/graphs';
import { layerlab } from '../tests/helpers/layerlab-cli';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-cli-export-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('layerlab export', () => {
  it('writes model.ts and package.json for --to ts, and prints their paths', async () => {
    const out = path.join(scratch, 'ts');
    const run = await layerlab('export', 'templates/rnn-next-character.json', '--to', 'ts', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n')).toEqual([path.join(out, 'model.ts'), path.join(out, 'package.json')]);
    const program = await readFile(path.join(out, 'model.ts'), 'utf8');
    expect(program).toContain("import * as tf from '@tensorflow/tfjs';");
    // The lesson's question.
    expect(program).toContain("const query = 'hel';");
  });

  it('writes model.py for --to keras and model_torch.py for --to pytorch, distributed when asked', async () => {
    const out = path.join(scratch, 'python');
    const keras = await layerlab('export', 'cli/examples/next-number.layerlab', '--to', 'keras', '--out', out);
    expect(keras.code).toBe(0);
    expect(keras.stdout).toBe(`${path.join(out, 'model.py')}\n`);
    const torch = await layerlab(
      'export',
      'templates/rnn-next-number.json',
      '--to=pytorch',
      '--distributed',
      '--out',
      out,
    );
    expect(torch.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(['model.py', 'model_torch.py']);
    expect(await readFile(path.join(out, 'model_torch.py'), 'utf8')).toContain('DistributedDataParallel(');
  });

  it('refuses a network with errors, listing them, and writes nothing', async () => {
    const broken = path.join(scratch, 'broken.layerlab');
    const graph = chain(layer('Input', 'input', { shape: [8] }), layer('LSTM', 'lstm'), layer('Dense', 'dense'));
    await writeFile(broken, serializeProject({ ...emptyProject('Broken'), graph }));
    const out = path.join(scratch, 'never');
    const run = await layerlab('export', broken, '--to', 'keras', '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('lstm: LSTM needs a sequence (batch, time, features); it gets (None, 8).');
    expect(run.stderr).toContain('cannot be exported until these are fixed');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('says what is missing from the command line, exit 2', async () => {
    const noTarget = await layerlab('export', 'templates/rnn-next-character.json', '--out', scratch);
    expect(noTarget.code).toBe(2);
    expect(noTarget.stderr).toContain('export needs --to ts, keras, pytorch or tfjs');
    const noFolder = await layerlab('export', 'templates/rnn-next-character.json', '--to', 'keras');
    expect(noFolder.stderr).toContain('export needs --out DIR');
    const badTarget = await layerlab('export', 'templates/rnn-next-character.json', '--to', 'julia', '--out', scratch);
    expect(badTarget.stderr).toContain("--to must be ts or keras or pytorch or tfjs; got 'julia'");
    const distributedTs = await layerlab(
      'export',
      'templates/rnn-next-character.json',
      '--to',
      'ts',
      '--distributed',
      '--out',
      scratch,
    );
    expect(distributedTs.code).toBe(2);
    expect(distributedTs.stderr).toContain('--distributed applies to --to keras and --to pytorch');
  });
});
