import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadProject } from '../shared/project/load';
import { backupPathOf } from '../node/atomic-write';
import { autosaveFileName, createProjectService, type ProjectDialogs } from './project-service';
import { createRecentStore, recentFileName } from './recent-store';

const v3 = readFileSync(path.join(__dirname, '..', 'shared', 'project', 'fixtures', 'v3.layerlab'), 'utf8');
const edited = v3.replace('"Mi primera RNN"', '"Mi primera RNN, editada"');

let root: string;
let documents: string;
let dataFolder: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'layerlab-projects-'));
  documents = path.join(root, 'Documents');
  dataFolder = path.join(root, 'userData');
  await mkdir(documents);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function setup() {
  const answers: { open: string | null; save: string | null } = { open: null, save: null };
  const dialogs: ProjectDialogs = {
    chooseFileToOpen: vi.fn(async () => answers.open),
    chooseFileToSave: vi.fn(async (_suggestedName: string) => answers.save),
  };
  const service = createProjectService({ dialogs, recent: createRecentStore(dataFolder), dataFolder });
  return { service, dialogs, answers };
}

const inDocuments = (name: string) => path.join(documents, name);

describe('open', () => {
  it('reads the chosen file, remembers it, and lets it be saved over', async () => {
    const { service, answers } = setup();
    await writeFile(inDocuments('rnn.layerlab'), v3);
    answers.open = inDocuments('rnn.layerlab');
    expect(await service.open()).toEqual({ name: 'rnn.layerlab', path: inDocuments('rnn.layerlab'), content: v3 });
    expect(await service.recent()).toEqual([{ name: 'rnn.layerlab', path: inDocuments('rnn.layerlab') }]);
    expect(await service.save({ path: inDocuments('rnn.layerlab'), content: edited })).toEqual({
      name: 'rnn.layerlab',
      path: inDocuments('rnn.layerlab'),
    });
    expect(await readFile(inDocuments('rnn.layerlab'), 'utf8')).toBe(edited);
    expect(await readFile(backupPathOf(inDocuments('rnn.layerlab')), 'utf8')).toBe(v3);
  });

  it('finds the table a project keeps outside itself beside it, and says so when it changed', async () => {
    const { service, answers } = setup();
    const table = 'sepal,petal,kind\n' + '5.1,1.4,a\n'.repeat(120_000);
    const reference = {
      name: 'flores.csv',
      path: path.join(root, 'gone', 'flores.csv'),
      bytes: Buffer.byteLength(table),
      sha256: createHash('sha256').update(table).digest('hex'),
    };
    const project = JSON.stringify({ ...JSON.parse(v3), dataFile: reference });
    await writeFile(inDocuments('flores.layerlab'), project);
    await writeFile(inDocuments('flores.csv'), table);
    answers.open = inDocuments('flores.layerlab');
    // The page is given the text only when it is the file saved, and where it was found.
    expect(await service.open()).toEqual({
      name: 'flores.layerlab',
      path: inDocuments('flores.layerlab'),
      content: project,
      data: { status: 'found', path: inDocuments('flores.csv'), text: table },
    });
    await writeFile(inDocuments('flores.csv'), table.replace('5.1', '5.2'));
    expect((await service.openRecent(inDocuments('flores.layerlab'))).data).toEqual({
      status: 'changed',
      path: inDocuments('flores.csv'),
      bytes: reference.bytes,
    });
  });

  it('answers null when the dialog is cancelled', async () => {
    expect(await setup().service.open()).toBeNull();
  });

  it('refuses a file too big before reading it', async () => {
    const { service, answers } = setup();
    answers.open = inDocuments('huge.layerlab');
    await writeFile(answers.open, '');
    // A sparse file: 200 MB long, nothing written.
    await (await import('node:fs/promises')).truncate(answers.open, 200 * 1024 * 1024);
    await expect(service.open()).rejects.toMatchObject({
      name: 'ProjectTooLarge',
      message: 'huge.layerlab is 200.0 MB; a LayerLab project is at most 192.0 MB.',
    });
    expect(await service.recent()).toEqual([]);
  });

  it('refuses a file that is not UTF-8, naming the byte', async () => {
    const { service, answers } = setup();
    answers.open = inDocuments('latin1.layerlab');
    await writeFile(answers.open, Buffer.from([0x7b, 0x22, 0x6e, 0xe9, 0x22, 0x7d]));
    await expect(service.open()).rejects.toMatchObject({
      name: 'NotUtf8',
      message: 'latin1.layerlab is not UTF-8 text: byte 0xE9 at offset 3 does not start a valid character.',
    });
  });

  it('refuses a folder', async () => {
    const { service, answers } = setup();
    answers.open = documents;
    await expect(service.open()).rejects.toMatchObject({ name: 'NotAProject' });
  });
});

describe('save', () => {
  it('refuses a path the learner did not choose in this session', async () => {
    const { service } = setup();
    const target = inDocuments('other.layerlab');
    await writeFile(target, v3);
    for (const forged of [target, '/etc/passwd', path.join(dataFolder, recentFileName)]) {
      await expect(service.save({ path: forged, content: edited })).rejects.toMatchObject({ name: 'ForbiddenPath' });
    }
    expect(await readFile(target, 'utf8')).toBe(v3);
  });

  it('Save As writes where the dialog says, adding .layerlab, and the path may then be saved over', async () => {
    const { service, dialogs, answers } = setup();
    answers.save = inDocuments('mi-rnn');
    expect(await service.saveAs({ suggestedName: 'Mi primera RNN', content: v3 })).toEqual({
      name: 'mi-rnn.layerlab',
      path: inDocuments('mi-rnn.layerlab'),
    });
    expect(dialogs.chooseFileToSave).toHaveBeenCalledWith('Mi primera RNN.layerlab');
    expect(await readFile(inDocuments('mi-rnn.layerlab'), 'utf8')).toBe(v3);
    await service.save({ path: inDocuments('mi-rnn.layerlab'), content: edited });
    expect(loadProject(await readFile(inDocuments('mi-rnn.layerlab'))).ok).toBe(true);
    expect((await readdir(documents)).sort()).toEqual(['mi-rnn.layerlab', 'mi-rnn.layerlab.bak']);
  });

  it('Save As answers null when cancelled, and writes nothing', async () => {
    const { service } = setup();
    expect(await service.saveAs({ suggestedName: 'x', content: v3 })).toBeNull();
    expect(await readdir(documents)).toEqual([]);
  });

  it('never saves over a file made by a newer LayerLab', async () => {
    const { service, answers } = setup();
    const newer = v3.replace('"formatVersion": 3', '"formatVersion": 4');
    answers.open = inDocuments('newer.layerlab');
    await writeFile(answers.open, newer);
    await service.open();
    await expect(service.save({ path: answers.open, content: edited })).rejects.toMatchObject({
      name: 'NewerFormat',
      message: expect.stringContaining('newer.layerlab was made by a newer LayerLab (format 4)'),
    });
    answers.save = answers.open;
    await expect(service.saveAs({ suggestedName: 'x', content: edited })).rejects.toMatchObject({
      name: 'NewerFormat',
    });
    expect(await readFile(answers.open, 'utf8')).toBe(newer);
    expect(await readdir(documents)).toEqual(['newer.layerlab']);
  });

  it('refuses text that is not a project of the current format, and text past the size cap', async () => {
    const { service, answers } = setup();
    answers.save = inDocuments('a.layerlab');
    await expect(service.saveAs({ suggestedName: 'a', content: 'hello' })).rejects.toMatchObject({
      name: 'NotAProject',
    });
    const huge = `{"formatVersion": 3, "name": "${'€'.repeat(68_000_000)}"}`;
    await expect(service.saveAs({ suggestedName: 'a', content: huge })).rejects.toMatchObject({
      name: 'ProjectTooLarge',
    });
    expect(await readdir(documents)).toEqual([]);
  });

  it('keeps the last of several saves made at once, with a whole .bak', async () => {
    const { service, answers } = setup();
    answers.save = inDocuments('race.layerlab');
    await service.saveAs({ suggestedName: 'race', content: v3 });
    const versions = ['uno', 'dos', 'tres', 'cuatro'].map((name) => v3.replace('"Mi primera RNN"', `"${name}"`));
    await Promise.all(versions.map((content) => service.save({ path: inDocuments('race.layerlab'), content })));
    expect(await readFile(inDocuments('race.layerlab'), 'utf8')).toBe(versions[3]);
    expect(await readFile(backupPathOf(inDocuments('race.layerlab')), 'utf8')).toBe(versions[2]);
  });
});

describe('recent files', () => {
  it('lists the latest first, each once, at most ten, and survives a restart', async () => {
    const { service, answers } = setup();
    for (let index = 0; index < 12; index += 1) {
      answers.save = inDocuments(`p${index}.layerlab`);
      await service.saveAs({ suggestedName: 'p', content: v3 });
    }
    answers.open = inDocuments('p3.layerlab');
    await service.open();
    const names = (await setup().service.recent()).map((entry) => entry.name);
    expect(names).toEqual(['p3', 'p11', 'p10', 'p9', 'p8', 'p7', 'p6', 'p5', 'p4', 'p2'].map((n) => `${n}.layerlab`));
  });

  it('reopens a file of the list, and lets it be saved over in the next session', async () => {
    const first = setup();
    first.answers.save = inDocuments('rnn.layerlab');
    await first.service.saveAs({ suggestedName: 'rnn', content: v3 });
    const { service } = setup();
    await expect(service.save({ path: inDocuments('rnn.layerlab'), content: edited })).rejects.toMatchObject({
      name: 'ForbiddenPath',
    });
    expect(await service.openRecent(inDocuments('rnn.layerlab'))).toMatchObject({ content: v3 });
    await service.save({ path: inDocuments('rnn.layerlab'), content: edited });
    expect(await readFile(inDocuments('rnn.layerlab'), 'utf8')).toBe(edited);
  });

  it('refuses to read a path that is not on the list', async () => {
    const { service } = setup();
    await expect(service.openRecent('/etc/passwd')).rejects.toMatchObject({ name: 'ForbiddenPath' });
  });

  it('drops a file that is gone, saying so', async () => {
    const { service, answers } = setup();
    answers.save = inDocuments('gone.layerlab');
    await service.saveAs({ suggestedName: 'gone', content: v3 });
    await rm(inDocuments('gone.layerlab'));
    await expect(service.openRecent(inDocuments('gone.layerlab'))).rejects.toMatchObject({
      name: 'NotFound',
      message: 'gone.layerlab is no longer there.',
    });
    expect(await service.recent()).toEqual([]);
  });
});

describe('autosave', () => {
  it('writes to the data folder, reads back with the time, and is cleared', async () => {
    const { service } = setup();
    expect(await service.readAutosave()).toBeNull();
    await service.writeAutosave(edited);
    const file = path.join(dataFolder, autosaveFileName);
    const saved = await service.readAutosave();
    expect(saved).toEqual({ content: edited, savedAt: (await stat(file)).mtimeMs });
    await service.writeAutosave(v3);
    expect((await service.readAutosave())?.content).toBe(v3);
    // No .bak for autosave: it is a backup itself.
    expect((await readdir(dataFolder)).sort()).toEqual([autosaveFileName]);
    await service.clearAutosave();
    expect(await service.readAutosave()).toBeNull();
    await service.clearAutosave();
  });

  it('offers nothing for an autosave that cannot be read back', async () => {
    const { service } = setup();
    await mkdir(dataFolder);
    await writeFile(path.join(dataFolder, autosaveFileName), Buffer.from([0xff, 0xfe]));
    expect(await service.readAutosave()).toBeNull();
  });

  it('refuses unsaved work past the size cap', async () => {
    await expect(setup().service.writeAutosave('€'.repeat(68_000_000))).rejects.toMatchObject({
      name: 'ProjectTooLarge',
    });
  });
});
