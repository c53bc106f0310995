/**
 * `layerlab new --data` on real tables (Debian's python3-sklearn files), then `train --json` and
 * `predict` as a terminal user runs them; and every hostile file refused with one clear line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { open, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layerlab } from '../tests/helpers/layerlab-cli';

const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-cli-new-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('layerlab new --data', () => {
  it('starts a project for iris.csv that trains, reports its test split last, and answers a raw row', async () => {
    const project = path.join(scratch, 'iris.layerlab');
    const made = await layerlab('new', '--data', `${sklearnData}/iris.csv`, '--out', project);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('class (Dense)     (None, 3)');
    expect(made.stdout).toContain(
      'Data: 120 samples to train and validate on, 30 held out to test; loss sparse_categorical_crossentropy.',
    );

    const trained = path.join(scratch, 'iris-trained.layerlab');
    const train = await layerlab('train', project, '--json', '--save', trained);
    expect(train.code).toBe(0);
    const summary = JSON.parse(train.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(summary['type']).toBe('summary');
    expect(summary['test_accuracy']).toBeGreaterThan(0.8);

    const asked = await layerlab('predict', trained, '--input', '6.3,3.3,6.0,2.5', '--json');
    expect(asked.code).toBe(0);
    const answer = JSON.parse(asked.stdout) as { kind: string; top: { label: string }[] };
    expect([answer.kind, answer.top[0]?.label]).toEqual(['classes', '2']);
    const wrong = await layerlab('predict', trained, '--input', '6.3,x,6.0,2.5');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe('layerlab: 4: “x” is not a number.\n');
  }, 120_000);

  it('trains the project on another file of the same table with --data, the choices kept', async () => {
    const project = path.join(scratch, 'iris-again.layerlab');
    expect((await layerlab('new', '--data', `${sklearnData}/iris.csv`, '--out', project)).code).toBe(0);
    // The first 130 flowers of the file, under the same first row: all three classes still.
    const lines = readFileSync(`${sklearnData}/iris.csv`, 'utf8').split('\n');
    const fewer = path.join(scratch, 'iris-130.csv');
    await writeFile(fewer, lines.slice(0, 131).join('\n'));
    const train = await layerlab('train', project, '--data', fewer, '--epochs', '5', '--json');
    expect(train.stderr).toBe('');
    expect(train.code).toBe(0);
    expect(JSON.parse(train.stdout.trim().split('\n').at(-1) ?? '{}')).toMatchObject({ type: 'summary', epochs: 5 });
    // The first 100 hold two classes: the three-unit output no longer fits, and is pinned as such.
    const two = path.join(scratch, 'iris-100.csv');
    await writeFile(two, lines.slice(0, 101).join('\n'));
    const refused = await layerlab('train', project, '--data', two);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'class: The targets are 2 classes, so the output needs 2 units (one probability each); class gives (None, 3).',
    );
    const text = path.join(scratch, 'notes.txt');
    await writeFile(text, 'hello world, hello there');
    const wrong = await layerlab('train', project, '--data', text);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe(`layerlab: ${text} is not the kind of data this project trains on\n`);
  }, 120_000);

  it('predicts a number: the wine’s alcohol, with the test split’s errors in its units', async () => {
    const project = path.join(scratch, 'wine.layerlab');
    const refused = await layerlab(
      'new',
      '--data',
      `${sklearnData}/wine_data.csv`,
      '--target',
      'column 1',
      '--out',
      project,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'layerlab: data.dropBadRows: row 1 has 5 values; the table has 14 columns. Correct the file, or leave the bad rows out. (--drop-bad-rows)\n',
    );
    const made = await layerlab(
      'new',
      '--data',
      `${sklearnData}/wine_data.csv`,
      '--target',
      'column 1',
      '--drop-bad-rows',
      '--out',
      project,
    );
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('loss mean_squared_error');
    const train = await layerlab('train', project, '--json');
    const summary = JSON.parse(train.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    expect(summary['test_mae']).toBeLessThan(0.6);
    expect(summary['test_rmse']).toBeGreaterThanOrEqual(summary['test_mae'] ?? 0);
  }, 120_000);

  it('refuses, in one line each, what is not a table it can read', async () => {
    const write = async (name: string, content: string | Uint8Array) => {
      const file = path.join(scratch, name);
      await writeFile(file, content);
      return file;
    };
    const out = path.join(scratch, 'never.layerlab');
    const line = async (file: string) => (await layerlab('new', '--data', file, '--out', out)).stderr;
    expect(await line(await write('empty.csv', ''))).toBe('layerlab: "empty.csv" is empty.\n');
    expect(await line(await write('header.csv', 'a,b,c\n'))).toBe(
      'layerlab: data.file: only 1 good row: a network needs more to learn from\n',
    );
    expect(await line(await write('garbage.csv', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0, 9])))).toMatch(
      /^layerlab: "garbage\.csv" is not a text file \(it holds binary data\)/,
    );
    expect(await line(await write('latin1.csv', Uint8Array.from([0x61, 0x2c, 0x62, 0x0a, 0xe9, 0x2c, 0x31])))).toMatch(
      /^layerlab: "latin1\.csv" is not UTF-8 text/,
    );
    expect(await line(await write('ragged.csv', 'a,b,label\n1,2,x\n3,y\n5,6,y\n7,8,x\n'))).toBe(
      'layerlab: data.dropBadRows: row 3 has 2 values; the table has 3 columns. Correct the file, or leave the bad rows out. (--drop-bad-rows)\n',
    );
    expect(await line(await write('photo.png', 'PNG'))).toBe(
      'layerlab: ' + path.join(scratch, 'photo.png') + ': LayerLab opens these files as data: .txt,.md,.csv,.tsv\n',
    );
    // A 1 GB file, sparse on disk: refused by its size before a byte is read.
    const huge = path.join(scratch, 'huge.csv');
    const handle = await open(huge, 'w');
    await handle.truncate(1024 ** 3);
    await handle.close();
    expect(await line(huge)).toBe(
      'layerlab: "huge.csv" is 1073.7 MB: LayerLab opens at most 256.0 MB of such a file. Use a part of it.\n',
    );
    // A link to itself: not a file it can read.
    const loop = path.join(scratch, 'loop.csv');
    await symlink(loop, loop);
    expect(await line(loop)).toMatch(/^layerlab: cannot read .*loop\.csv: /);
    expect(existsNot(out)).toBe(true);
  }, 60_000);
});

function existsNot(file: string): boolean {
  return !existsSync(file);
}
