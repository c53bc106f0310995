/**
 * Data kept outside the project (RELIABILITY.md item 32): a table of more than a million
 * characters is saved as where it was, its size and its hash; on open it is read from there or
 * from beside the project, and a moved-and-changed or missing file is said so, never trained on.
 * Iris (Debian's python3-sklearn) repeated past the threshold stands for a learner's large table.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDataChars, type DataFile } from '../shared/data/data-file';
import { csvSpecFor } from '../shared/data/recipes/csv';
import { buildDataset } from '../shared/data/build';
import { loadProject, saveProject } from '../shared/project/load';
import { emptyProject, type Project } from '../shared/project/project';
import { knowFingerprint, textFingerprint } from '../shared/vocabulary/fingerprint';
import { findDataFile } from '../node/data-files';
import { layerlab, summaryOf } from './helpers/layerlab-cli';

const sklearnData = '/usr/lib/python3/dist-packages/sklearn/datasets/data';
const iris = readFileSync(`${sklearnData}/iris.csv`, 'utf8').trimEnd();
const irisRows = iris.split('\n').slice(1).join('\n');
/** Iris' rows repeated past the threshold, under iris' own header. */
const large = `${[iris, ...Array.from({ length: 400 }, () => irisRows)].join('\n')}\n`;
const small = `${iris}\n`;

const projectWith = (text: string, dataFile: DataFile | null = null): Project => ({
  ...emptyProject('flores'),
  data: csvSpecFor('flores.csv', text),
  dataFile,
});
const referenceTo = (text: string, where: string | null): DataFile => ({
  name: 'flores.csv',
  path: where,
  bytes: Buffer.byteLength(text),
  sha256: textFingerprint(text),
});
const textOf = (project: Project) => (project.data?.kind === 'csv' ? project.data.text : null);

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-outside-'));
});
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('saving a project whose table is large', () => {
  it('keeps the table outside: the file is small and says where the table was, its size and hash', () => {
    expect(large.length).toBeGreaterThan(embeddedDataChars);
    const reference = referenceTo(large, '/home/ana/flores.csv');
    const saved = saveProject(projectWith(large, reference));
    expect(saved.length).toBeLessThan(10_000);
    const loaded = loadProject(saved);
    if (!loaded.ok) throw new Error(loaded.message);
    expect(textOf(loaded.project)).toBe('');
    expect(loaded.project.dataFile).toEqual(reference);
    // Until the file is read again the data says why it cannot be built, at the file's field.
    const built = loaded.project.data && buildDataset(loaded.project.data);
    expect(built).toMatchObject({ ok: false, field: 'file' });
    expect(built && !built.ok && built.problem.en).toContain('point to it again in the Data tab');
    // Saved again without being found: the reference stays, nothing is lost.
    expect(saveProject(loaded.project)).toBe(saved);
  });

  it('works out the size and hash itself when the project does not say where the table came from', () => {
    const loaded = loadProject(saveProject(projectWith(large)));
    expect(loaded.ok && loaded.project.dataFile).toEqual(referenceTo(large, null));
  });

  it('keeps a small table inside, with no reference, and an autosave keeps even a large one inside', () => {
    const inside = loadProject(saveProject(projectWith(small, referenceTo(small, '/home/ana/flores.csv'))));
    expect(inside.ok && [textOf(inside.project), inside.project.dataFile]).toEqual([small, null]);
    const reference = referenceTo(large, '/home/ana/flores.csv');
    const autosaved = loadProject(saveProject(projectWith(large, reference), { dataInside: true }));
    expect(autosaved.ok && [textOf(autosaved.project), autosaved.project.dataFile]).toEqual([large, reference]);
  });

  it('refuses a file whose table has no text and no reference to read it from', () => {
    const saved = JSON.parse(saveProject(projectWith(large))) as Record<string, unknown>;
    const loaded = loadProject(JSON.stringify({ ...saved, dataFile: null }));
    expect(loaded.ok || loaded.message).toContain('dataFile: the data keeps no text and names no file to read it from');
  });
});

describe('the fingerprint of the table the app opened', () => {
  it('is the one the worker that read it worked out; any other text is hashed as it is', () => {
    const opened = 'a,b\n1,2\n';
    const other = 'a,b\n1,3\n';
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(textFingerprint(opened)).toBe(sha(opened));
    // The window is told the hash the open worker made (here one that shows it is taken as told),
    // and never hashes that text itself: 200 MB would be a second or two of its thread.
    const told = 'f'.repeat(64);
    knowFingerprint(opened, told);
    expect(textFingerprint(opened)).toBe(told);
    // Another text of the same length is not mistaken for it.
    expect(textFingerprint(other)).toBe(sha(other));
    knowFingerprint(opened, sha(opened));
  });
});

describe('finding a table kept outside', () => {
  it('reads it where it was, then beside the project; a changed or missing one is said, never read as the data', async () => {
    const folder = path.join(scratch, 'find');
    await mkdir(path.join(folder, 'moved'), { recursive: true });
    const where = path.join(folder, 'flores.csv');
    await writeFile(where, large);
    const reference = referenceTo(large, where);
    const project = path.join(folder, 'moved', 'flores.layerlab');

    expect(await findDataFile(reference, project)).toEqual({ status: 'found', path: where, text: large });
    // The learner moved the project and the table together.
    await rename(where, path.join(folder, 'moved', 'flores.csv'));
    expect(await findDataFile(reference, project)).toMatchObject({
      status: 'found',
      path: path.join(folder, 'moved', 'flores.csv'),
    });
    // Edited in a spreadsheet: one value changed, the same size.
    await writeFile(path.join(folder, 'moved', 'flores.csv'), large.replace('5.1,3.5', '5.1,3.6'));
    expect(await findDataFile(reference, project)).toEqual({
      status: 'changed',
      path: path.join(folder, 'moved', 'flores.csv'),
      bytes: reference.bytes,
    });
    await writeFile(path.join(folder, 'moved', 'flores.csv'), small);
    expect(await findDataFile(reference, project)).toMatchObject({ status: 'changed', bytes: small.length });
    await rm(path.join(folder, 'moved', 'flores.csv'));
    await mkdir(where);
    expect(await findDataFile(reference, project)).toEqual({
      status: 'missing',
      why: 'not-found',
      looked: [where, path.join(folder, 'moved', 'flores.csv')],
    });
    // A path a hostile project names relatively is not looked at.
    expect(await findDataFile({ ...reference, path: '../../etc/flores.csv' }, null)).toEqual({
      status: 'missing',
      why: 'not-found',
      looked: [],
    });
  });
});

describe('the command line, on a project whose table is kept outside', () => {
  it('makes, trains and reopens it from where the table is; refuses a changed or missing one with what to do', async () => {
    const folder = path.join(scratch, 'cli');
    await mkdir(path.join(folder, 'elsewhere'), { recursive: true });
    const table = path.join(folder, 'elsewhere', 'flores.csv');
    await writeFile(table, large);
    const project = path.join(folder, 'flores.layerlab');
    const made = await layerlab('new', '--data', table, '--out', project);
    expect(made.code, made.stderr).toBe(0);
    const saved = await readFile(project, 'utf8');
    expect(saved.length).toBeLessThan(20_000);
    expect(JSON.parse(saved)).toMatchObject({ dataFile: { name: 'flores.csv', path: table, bytes: large.length } });

    const trained = await layerlab('train', project, '--epochs', '1', '--json');
    expect(trained.code, trained.stderr).toBe(0);
    expect(summaryOf(trained)['test_accuracy']).toBeGreaterThan(0);

    // Moved beside the project: found there.
    await rename(table, path.join(folder, 'flores.csv'));
    expect((await layerlab('check', project)).code).toBe(0);

    await writeFile(path.join(folder, 'flores.csv'), large.replace('5.1,3.5', '9.9,9.9'));
    const changed = await layerlab('train', project, '--epochs', '1');
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain(
      `flores.csv" at "${path.join(folder, 'flores.csv')}" has changed since the project was saved (the same size, other contents); put it back, or give the file with --data FILE`,
    );
    // Given as --data, the changed table is the learner's choice: it trains.
    const given = await layerlab(
      'train',
      project,
      '--data',
      path.join(folder, 'flores.csv'),
      '--epochs',
      '1',
      '--json',
    );
    expect(given.code, given.stderr).toBe(0);

    await rm(path.join(folder, 'flores.csv'));
    const missing = await layerlab('export', project, '--to', 'ts', '--out', path.join(folder, 'out'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      `and it was not found (looked at "${table}", "${path.join(folder, 'flores.csv')}")`,
    );
  }, 120_000);
});
