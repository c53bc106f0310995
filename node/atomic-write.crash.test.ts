/**
 * The crash test of RELIABILITY.md item 8: a Node process saves a project in a loop with
 * writeFileAtomic and is killed (SIGKILL, no chance to clean up) at a random moment, 300 times
 * over the same files (three side by side). After every kill the file must load as the old version or the new one, and
 * so must its .bak. A killed process leaves the page cache intact, so this tests the protocol
 * (temporary file, rename), not the disk's behaviour on power loss, which fsync covers.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProject, saveProject } from '../shared/project/load';
import { encodeWeights } from '../shared/vocabulary/weights';
import { backupPathOf, isTemporaryFor } from './atomic-write';

const kills = 300;
const lanes = 3;
const seed = 20_250_708;

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'layerlab-crash-'));
  // The child runs plain Node: writeFileAtomic bundled to one ES module beside its script.
  await build({
    entryPoints: [path.join(__dirname, 'atomic-write.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: path.join(folder, 'atomic-write.mjs'),
    logLevel: 'silent',
  });
  await writeFile(
    path.join(folder, 'saver.mjs'),
    [
      "import { readFileSync } from 'node:fs';",
      "import { writeFileAtomic } from './atomic-write.mjs';",
      'const [target, first, second, start] = process.argv.slice(2);',
      'const versions = [readFileSync(first), readFileSync(second)];',
      'let next = Number(start);',
      "process.stdout.write('saving\\n');",
      'for (;;) {',
      '  await writeFileAtomic(target, versions[next], { backup: true });',
      '  next = 1 - next;',
      '}',
    ].join('\n'),
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const fixture = loadProject(readFileSync(path.join(__dirname, '..', 'shared', 'project', 'fixtures', 'v3.layerlab')));

/** A project of the lesson with `values` trained weights: sizes vary so kills land everywhere. */
function lessonText(name: string, values: number): string {
  const weights = encodeWeights([{ shape: [values], values: Float32Array.from({ length: values }, (_, i) => i / 7) }]);
  return saveProject({
    formatVersion: 3,
    createdWith: 'LayerLab crash test',
    name,
    lesson: { templateId: 'rnn-next-character', step: 1, variant: null },
    graph: { nodes: [], wires: [] },
    data: { kind: 'text-next-char', text: 'hello world', window: 3 },
    training: fixture.ok ? fixture.project.training : ({} as never),
    trained: { weights, epochs: 3, logs: { loss: 0.5 }, backend: 'cpu' },
  });
}

/** Starts the saver, waits until it is saving, lets it run `delay` ms and kills it. */
function saveAndKill(target: string, first: string, second: string, start: number, delay: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(folder, 'saver.mjs'), target, first, second, String(start)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', () => resolve());
    child.stdout.once('data', () => {
      setTimeout(() => child.kill('SIGKILL'), delay);
    });
  });
}

describe('a saving process killed at random moments', () => {
  it(`always leaves a file that loads as the old or the new version (${kills} kills, seed ${seed})`, async () => {
    const versions = [lessonText('Versión A', 20_000), lessonText('Version B', 150_000)];
    const sources = versions.map((_, index) => path.join(folder, `source-${index}.layerlab`));
    await Promise.all(sources.map((source, index) => writeFile(source, versions[index] ?? '')));

    const plan = fc.sample(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 30 })), {
      numRuns: kills,
      seed,
    });
    const outcomes = { fileA: 0, fileB: 0, backupA: 0, backupB: 0, noBackup: 0, killedMidSave: 0 };

    /** One file, saved and killed over and over; lanes run side by side to share the start-up time. */
    async function lane(index: number, runs: (readonly [number, number])[]): Promise<void> {
      const laneFolder = path.join(folder, `lane-${index}`);
      await mkdir(laneFolder);
      const target = path.join(laneFolder, 'lesson.layerlab');
      await writeFile(target, versions[0] ?? '');
      let backupMade = false;
      for (const [start, delay] of runs) {
        await saveAndKill(target, sources[0] ?? '', sources[1] ?? '', start, delay);

        const text = await readFile(target, 'utf8');
        expect(versions).toContain(text);
        expect(loadProject(text).ok).toBe(true);
        if (text === versions[0]) outcomes.fileA += 1;
        else outcomes.fileB += 1;

        const backup = await readFile(backupPathOf(target), 'utf8').catch(() => null);
        if (backup === null) {
          // A lane has no .bak until a save gets as far as making one (several first saves in a
          // row may be killed before that); once made, a .bak is only ever replaced, by a rename.
          expect(backupMade, 'a .bak, once made, is never lost').toBe(false);
          outcomes.noBackup += 1;
        } else {
          backupMade = true;
          expect(versions).toContain(backup);
          if (backup === versions[0]) outcomes.backupA += 1;
          else outcomes.backupB += 1;
        }

        // A temporary file left behind means the kill came in the middle of a save. The next
        // save sweeps it away: what is left is at most the last killed process's two.
        const leftovers = (await readdir(laneFolder)).filter((name) => isTemporaryFor(target, name));
        if (leftovers.length > 0) outcomes.killedMidSave += 1;
        expect(leftovers.length, leftovers.join(', ')).toBeLessThanOrEqual(2);
      }
    }
    await Promise.all(
      Array.from({ length: lanes }, (_, index) =>
        lane(
          index,
          plan.filter((_, run) => run % lanes === index),
        ),
      ),
    );

    console.info(`crash test: ${kills} kills, outcomes ${JSON.stringify(outcomes)}`);
    expect(outcomes.fileA + outcomes.fileB).toBe(kills);
    // The kills must really land in the middle of saves, or the test shows nothing.
    expect(outcomes.killedMidSave).toBeGreaterThan(kills / 4);
    expect(outcomes.fileA).toBeGreaterThan(0);
    expect(outcomes.fileB).toBeGreaterThan(0);
  }, 120_000);
});
