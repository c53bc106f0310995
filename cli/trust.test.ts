/**
 * The command line keeps the app's promises about files and runs (RELIABILITY.md items 8, 9, 11,
 * 12, 19, 22, 24, 25, 33), each finding of an attacker's and a careless user's afternoon with it
 * reproduced: files measured before they are read, strict UTF-8, `--save` as safe as the app's
 * Save, a variant's own layers, names and sizes checked before training, no control characters
 * from a project on the terminal, NaN weights and duplicate ids refused, a diverging run that says
 * what to try, and a reader that goes away.
 */
import { execFile } from 'node:child_process';
import { chmod, lstat, mkdtemp, readdir, readFile, rm, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProject, encodeWeights, loadProject, serializeProject, type Project } from '../shared/project/project';
import { chain, layer, lessonGraph } from '../tests/helpers/graphs';
import { layerlab, layerlabWith } from '../tests/helpers/layerlab-cli';

const lesson = 'cli/examples/hello-world.layerlab';
const longRange = 'templates/lstm-gru-long-range.json';

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-trust-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const at = (name: string) => path.join(scratch, name);

async function project(name: string, content: Project): Promise<string> {
  await writeFile(at(name), serializeProject(content));
  return at(name);
}

/** The hello-world lesson with `change` made to it. */
async function lessonProject(name: string, change: (project: Project) => Project): Promise<string> {
  const loaded = loadProject(await readFile(lesson));
  if (!loaded.ok) throw new Error(loaded.message);
  return project(name, change(loaded.project));
}

/** Characters a terminal would act on: C0 controls but tab and newline, DEL, C1 controls. */
// eslint-disable-next-line no-control-regex
const terminalControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('reading a file', () => {
  it('measures it before reading a byte: a 300 MB project is refused at once, in a little memory', async () => {
    const big = at('big.layerlab');
    await writeFile(big, '{"formatVersion": 2, "name": "');
    await truncate(big, 300 * 1024 * 1024);
    const started = performance.now();
    // Reading 300 MB as text would take more than this heap.
    const run = await layerlabWith({ NODE_OPTIONS: '--max-old-space-size=200' }, 'check', big);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `layerlab: cannot read ${big}: big.layerlab is 300.0 MB; a LayerLab project is at most 192.0 MB.\n`,
    );
    expect(performance.now() - started).toBeLessThan(30_000);
    await rm(big);
  });

  it('refuses bytes that are not UTF-8, as the app does, with the offset of the first bad one', async () => {
    const file = at('latin1.layerlab');
    await writeFile(
      file,
      Buffer.concat([Buffer.from('{"formatVersion": 2, "name": "Espa'), Buffer.from([0xf1]), Buffer.from('a"}')]),
    );
    const run = await layerlab('check', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^layerlab: cannot read .*latin1\.layerlab: latin1\.layerlab is not UTF-8 text: byte 0xF1 at offset 34 /,
    );
  });

  it('refuses a second layer or wire with a taken id, and NaN in stored weights', async () => {
    const graph = lessonGraph();
    const twin = await project('twin.layerlab', {
      ...emptyProject('Twins'),
      graph: { ...graph, wires: [...graph.wires, { ...(graph.wires[0] ?? { id: '', source: '', target: '' }) }] },
    });
    const twins = await layerlab('check', twin);
    expect(twins.code).toBe(2);
    expect(twins.stderr).toContain('graph.wires.2.id: a second wire with the id "input->simple_rnn"');

    const nan = await lessonProject('nan.layerlab', (loaded) => ({
      ...loaded,
      trained: {
        weights: encodeWeights([{ shape: [3], values: [0, Number.NaN, 1] }]),
        epochs: 1,
        logs: {},
        backend: 'cpu',
      },
    }));
    const predicted = await layerlab('predict', nan, '--input', 'hel');
    expect(predicted.code).toBe(2);
    expect(predicted.stderr).toContain('trained.weights.0.values: value 1 is NaN; weights must be finite numbers');
    expect(predicted.stdout).toBe('');
  });
});

describe('train --save', () => {
  it('saves as the app saves: .bak kept, through a link, permissions kept, what a killed save left swept', async () => {
    const target = await lessonProject('private.layerlab', (loaded) => ({ ...loaded, name: 'Before' }));
    const before = await readFile(target);
    await chmod(target, 0o600);
    const link = at('link.layerlab');
    await symlink(target, link);
    // What a save killed before it finished leaves beside the file (a process id none has).
    const leftover = `.private.layerlab.${2 ** 22 + 3}-0123456789ab.new.tmp`;
    await writeFile(at(leftover), 'half a save');

    const run = await layerlab('train', lesson, '--epochs', '2', '--save', link);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Saved the trained project to ${link}`);
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
    expect(await readFile(`${target}.bak`)).toEqual(before);
    const saved = loadProject(await readFile(target));
    expect(saved.ok && saved.project.trained?.epochs).toBe(2);
    expect((await readdir(scratch)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('never saves over a file of a newer LayerLab: refused with a reason, the file byte-identical', async () => {
    const newer = at('newer.layerlab');
    const text = `${JSON.stringify({ formatVersion: 4, name: 'From the future', graph: { nodes: [], wires: [] } })}\n`;
    await writeFile(newer, text);
    const run = await layerlab('train', lesson, '--epochs', '1', '--save', newer);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `layerlab: cannot write ${newer}: newer.layerlab was made by a newer LayerLab (format 4); LayerLab will not save over it.`,
    );
    expect(await readFile(newer, 'utf8')).toBe(text);
  });
});

describe('--variant', () => {
  it("checks, trains and exports the variant's own layers", async () => {
    const checked = await layerlab('check', longRange, '--variant', 'lstm');
    expect(checked.stdout).toMatch(/memory \(LSTM\)/);
    expect(checked.stdout).not.toContain('(SimpleRNN)');

    const out = at('long-range-gru');
    const exported = await layerlab('export', longRange, '--variant', 'gru', '--to', 'keras', '--out', out);
    expect(exported.code).toBe(0);
    const program = await readFile(path.join(out, 'model.py'), 'utf8');
    expect(program).toContain('layers.GRU(');
    expect(program).not.toContain('layers.SimpleRNN(');

    const saved = at('long-range-lstm.layerlab');
    const trained = await layerlab('train', longRange, '--variant', 'lstm', '--epochs', '1', '--save', saved);
    expect(trained.code).toBe(0);
    const project = loadProject(await readFile(saved));
    expect(project.ok && project.project.graph.nodes.map((node) => node.kind)).toEqual(['Input', 'LSTM', 'Dense']);
  }, 90_000);
});

describe('names and sizes are checked before training', () => {
  it('a name tf.js refuses is pinned with its rename, and no control character reaches the terminal', async () => {
    const file = await lessonProject('names.layerlab', (loaded) => ({
      ...loaded,
      name: 'Hola\u001b]0;pwned\u0007\u001b[2J\u009b31m',
      graph: {
        ...loaded.graph,
        nodes: loaded.graph.nodes.map((node) =>
          node.kind === 'SimpleRNN' ? { ...node, name: 'capa oculta\u001b[31m' } : node,
        ),
      },
    }));
    const checked = await layerlab('check', file);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain('The name "capa oculta\\u001b[31m" cannot be used');
    expect(checked.stdout).toContain('to capa_oculta31m for instance');
    const trained = await layerlab('train', file, '--epochs', '1');
    expect(trained.code).toBe(1);
    expect(trained.stderr).toContain('cannot be used');
    expect(trained.stderr).not.toContain('bug');
    for (const output of [checked.stdout, checked.stderr, trained.stdout, trained.stderr]) {
      expect(output).not.toMatch(terminalControls);
    }
    // Shown, escaped, rather than acted on.
    expect(trained.stderr).toContain('Training "Hola\\u001b]0;pwned\\u0007\\u001b[2J\\x9b31m"');
  });

  it('a network of a trillion weights is refused by check and by train, with the numbers', async () => {
    const file = await project('trillion.layerlab', {
      ...emptyProject('Huge'),
      graph: chain(
        layer('Input', 'input', { shape: [1_000_000] }),
        layer('Dense', 'huge', { units: 1_000_000 }),
        layer('Dense', 'out', { units: 1 }),
      ),
      data: { kind: 'table', columns: ['x'], rows: [[1, 2]], target: 'value' },
    });
    const message = 'huge: The network has 1,000,002,000,001 weights; LayerLab trains up to 32,000,000';
    const checked = await layerlab('check', file);
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(message);
    const trained = await layerlab('train', file);
    expect(trained.code).toBe(1);
    expect(trained.stderr).toContain(message);
    expect(trained.stderr).not.toContain('bug');
  });
});

describe('a run and its reader', () => {
  it('a diverging run says what to try', async () => {
    const file = await project('diverges.layerlab', {
      ...emptyProject('Diverges'),
      graph: chain(
        layer('Input', 'input', { shape: [3, 1] }),
        layer('SimpleRNN', 'rnn', { units: 4 }),
        layer('Dense', 'out', { units: 1 }),
      ),
      data: { kind: 'sequence-next-value', values: [1, 2, 3, 1e30, 5, 6, 7, 8], window: 3, scale: 'none' },
      training: { ...emptyProject().training, learning_rate: 5, batch_size: 1, epochs: 20 },
    });
    const run = await layerlab('train', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Try a learning rate ten times lower (0.5 instead of 5), or scale the data');
  });

  it('ends quietly, with status 0, when the reader of its output goes away', async () => {
    const { stdout } = await promisify(execFile)('bash', [
      '-c',
      `set -o pipefail; node cli/bin.mjs train ${lesson} --json | head -1; echo "status $?"`,
    ]);
    const lines = stdout.trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ type: 'epoch', epoch: 1 });
    expect(lines.at(-1)).toBe('status 0');
  });
});
