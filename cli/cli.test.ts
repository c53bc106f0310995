/**
 * The command line as a terminal user meets it: each test runs `node cli/bin.mjs ...` in a child
 * process and reads what it prints and how it exits.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyProject, serializeProject } from '../shared/project/project';
import { chain, layer } from '../tests/helpers/graphs';
import { layerlab, type Run } from '../tests/helpers/layerlab-cli';

const lesson = 'cli/examples/hello-world.layerlab';
const nextNumber = 'cli/examples/next-number.layerlab';
const characterTemplate = 'templates/rnn-next-character.json';
const numberTemplate = 'templates/rnn-next-number.json';

const jsonLines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let scratch = '';
beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'layerlab-cli-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('layerlab check', () => {
  it('prints the lesson’s Keras summary', async () => {
    const run = await layerlab('check', lesson);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('simple_rnn (SimpleRNN)  (None, 50)    2,950    input');
    expect(run.stdout).toContain('Total params: 3,358');
    expect(run.stdout).toContain('Data: 8 samples of (None, 3, 8), 8 classes');
  });

  it('pins a problem to its layer, in English or Spanish, and exits 1', async () => {
    const broken = path.join(scratch, 'broken.layerlab');
    const graph = chain(layer('Input', 'input', { shape: [8] }), layer('LSTM', 'lstm'), layer('Dense', 'dense'));
    await writeFile(broken, serializeProject({ ...emptyProject('Broken'), graph }));

    const english = await layerlab('check', broken);
    expect(english.code).toBe(1);
    expect(english.stdout).toContain('lstm: LSTM needs a sequence (batch, time, features); it gets (None, 8).');
    expect(english.stdout).not.toContain('Total params');

    const spanish = await layerlab('check', broken, '--lang', 'es');
    expect(spanish.stdout).toContain(
      'lstm: LSTM necesita una secuencia (lote, tiempo, características); recibe (None, 8).',
    );
  });
});

describe('layerlab train and predict', () => {
  it('learns the lesson on WASM: 100 epoch lines, then a summary, all JSON; the saved project answers "l" after "hel"', async () => {
    const saved = path.join(scratch, 'hello-trained.layerlab');
    const run = await layerlab('train', lesson, '--json', '--backend', 'wasm', '--save', saved);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = jsonLines(run.stdout);
    expect(lines).toHaveLength(101);
    expect(lines.slice(0, 100).map((line) => [line.type, line.epoch])).toEqual(
      Array.from({ length: 100 }, (_, index) => ['epoch', index + 1]),
    );
    expect(lines[0]).toEqual(expect.objectContaining({ loss: expect.any(Number), accuracy: expect.any(Number) }));
    expect(lines[100]).toEqual(
      expect.objectContaining({
        type: 'summary',
        status: 'completed',
        epochs: 100,
        backend: 'wasm',
        accuracy: 1,
        saved,
      }),
    );

    const answer = await layerlab('predict', saved, '--input', 'hel');
    expect(answer.code).toBe(0);
    expect(answer.stdout.split('\n')[0]).toMatch(/^l {2}0\.\d\d/);
  }, 60_000);

  it('trains for --epochs instead of the project’s setting', async () => {
    const run = await layerlab('train', lesson, '--json', '--epochs', '3');
    const lines = jsonLines(run.stdout);
    expect(lines.filter((line) => line.type === 'epoch')).toHaveLength(3);
    expect(lines.at(-1)).toEqual(expect.objectContaining({ type: 'summary', epochs: 3 }));
  }, 60_000);

  it('predicts the next number of a sequence', async () => {
    const saved = path.join(scratch, 'numbers-trained.layerlab');
    expect((await layerlab('train', nextNumber, '--json', '--epochs', '20', '--save', saved)).code).toBe(0);
    const answer = await layerlab('predict', saved, '--input', '7,8,9');
    expect(answer.code).toBe(0);
    expect(answer.stdout).toMatch(/^-?\d+\.\d{3}\n$/);
  }, 60_000);

  it('says how to train an untrained project before predicting', async () => {
    const run = await layerlab('predict', lesson, '--input', 'hel');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`train it first with layerlab train ${lesson} --save OUT`);
  });
});

describe('layerlab inspect', () => {
  it('shows the lesson’s SimpleRNN step by step after "hel": one row a character, the last its output', async () => {
    const saved = path.join(scratch, 'hello-inspected.layerlab');
    expect((await layerlab('train', lesson, '--json', '--save', saved)).code).toBe(0);

    const text = await layerlab('inspect', saved, '--input', 'hel', '--layer', 'simple_rnn', '--units', '4');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('simple_rnn (SimpleRNN): output [50]');
    expect(text.stdout).toContain('state after each step (units 1–4 of 50; --units N or --json for more):');
    expect(text.stdout).toMatch(/ {4}1 {2}h {5}[ -]\d\.\d{3}( +-?\d\.\d{3}){3}\n {4}2 {2}e /);

    const json = await layerlab('inspect', saved, '--input', 'hel', '--layer', 'simple_rnn', '--json');
    const look = JSON.parse(json.stdout) as {
      values: number[];
      steps: { labels: string[]; directions: { direction: string; states: number[][]; gates?: unknown }[] };
    };
    expect(look.steps.labels).toEqual(['h', 'e', 'l']);
    const [forward] = look.steps.directions;
    expect(forward?.direction).toBe('forward');
    expect(forward?.states.map((state) => state.length)).toEqual([50, 50, 50]);
    forward?.states[2]?.forEach((value, unit) => expect(value).toBeCloseTo(look.values[unit] ?? Number.NaN, 5));
    expect(forward?.gates).toBeUndefined();

    const wrong = await layerlab('inspect', saved, '--input', 'hel', '--layer', 'lstm', '--lang', 'es');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      'La red no tiene ninguna capa llamada "lstm"; sus capas son input, simple_rnn, dense.',
    );
  }, 60_000);

  it('adds an LSTM’s gates and memory per step with --gates', async () => {
    const project = path.join(scratch, 'gates.layerlab');
    const graph = chain(
      layer('Input', 'input', { shape: [3, 8] }),
      layer('LSTM', 'memory', { units: 2 }),
      layer('Dense', 'dense', { units: 8, activation: 'softmax' }),
    );
    const data = { kind: 'text-next-char' as const, text: 'hello world', window: 3 };
    const empty = emptyProject('Gates');
    const training = { ...empty.training, loss: 'sparse_categorical_crossentropy' as const };
    await writeFile(project, serializeProject({ ...empty, graph, data, training }));
    const saved = path.join(scratch, 'gates-trained.layerlab');
    expect((await layerlab('train', project, '--json', '--epochs', '2', '--save', saved)).code).toBe(0);

    const run = await layerlab('inspect', saved, '--input', 'wor', '--layer', 'memory', '--gates', '--json');
    expect(run.code).toBe(0);
    const look = JSON.parse(run.stdout) as {
      steps: { directions: { memory: number[][]; gates: { name: string; values: number[][] }[] }[] };
    };
    const [forward] = look.steps.directions;
    expect(forward?.gates.map((gate) => [gate.name, gate.values.length, gate.values[0]?.length])).toEqual([
      ['input', 3, 2],
      ['forget', 3, 2],
      ['candidate', 3, 2],
      ['output', 3, 2],
    ]);
    expect(forward?.memory).toHaveLength(3);
    const text = await layerlab('inspect', saved, '--input', 'wor', '--layer', 'memory', '--gates');
    expect(text.stdout).toContain('forget gate at each step (2 units):');
    expect(text.stdout).toContain('memory (cell) after each step (2 units):');
  }, 60_000);
});

describe('lesson templates', () => {
  it('checks a template as the project of its lesson, named by its title', async () => {
    const run = await layerlab('check', characterTemplate);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Model: "RNN: next character"');
    expect(run.stdout).toContain('Total params: 3,358');
  });

  it('trains a template and says the lesson’s result is met', async () => {
    const run = await layerlab('train', characterTemplate);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Lesson result: met — answer "l" = "l", accuracy 1 meets the target\n');
  }, 60_000);

  it('--variant applies the exercise’s scaling: about 10 after 7, 8, 9 instead of short of it', async () => {
    const [scaled, plain] = await Promise.all([
      layerlab('train', numberTemplate, '--json', '--variant', 'scaled'),
      layerlab('train', numberTemplate, '--json'),
    ]);
    const summary = (run: Run) => {
      expect(run.code).toBe(0);
      const last = jsonLines(run.stdout).at(-1);
      expect(last).toEqual(expect.objectContaining({ type: 'summary', status: 'completed' }));
      const expected = last?.expected as { met: boolean; answer: string };
      return { met: expected.met, value: Number(expected.answer) };
    };
    const withVariant = summary(scaled);
    expect(withVariant.met).toBe(true);
    expect(withVariant.value).toBeGreaterThanOrEqual(9.5);
    expect(withVariant.value).toBeLessThanOrEqual(10.5);
    const without = summary(plain);
    expect(without.met).toBe(true);
    expect(without.value).toBeGreaterThanOrEqual(6.5);
    expect(without.value).toBeLessThanOrEqual(9);
  }, 60_000);

  it('refuses a variant the template lacks, and a variant on a project', async () => {
    const unknown = await layerlab('train', numberTemplate, '--variant', 'bigger');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(`layerlab: ${numberTemplate} has no variant 'bigger'; its variants: scaled\n`);
    const project = await layerlab('check', nextNumber, '--variant', 'scaled');
    expect(project.code).toBe(2);
    expect(project.stderr).toBe(`layerlab: --variant applies to lesson templates, and ${nextNumber} is a project\n`);
  });
});

describe('mistakes', () => {
  it.each([
    ['a missing file', 'missing.layerlab', null, 'cannot read {file}: no such file'],
    ['a file that is not JSON', 'notes.layerlab', 'hello world', '{file} is not JSON: '],
    [
      'a file that is not a project',
      'other.layerlab',
      '{"formatVersion": 1, "name": 3}',
      '{file} is not a valid LayerLab project: ',
    ],
    [
      'a template that is not valid',
      'lesson.json',
      '{"templateVersion": 1, "id": "lesson"}',
      '{file} is not a valid LayerLab lesson template: module: ',
    ],
  ])('%s: one line naming it, exit 2', async (_case, name, content, expected) => {
    const file = path.join(scratch, name);
    if (content !== null) await writeFile(file, content);
    const run = await layerlab('check', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      expect.stringContaining(`layerlab: ${expected.replace('{file}', file)}`),
    ]);
  });

  it('an unknown command or option: usage, exit 2', async () => {
    const command = await layerlab('fly', lesson);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain("layerlab: unknown command 'fly'");
    expect(command.stderr).toContain('Usage: layerlab <command> FILE');

    const option = await layerlab('train', lesson, '--epoch', '3');
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option '--epoch'");
    expect(option.stderr).toContain('Usage: layerlab train FILE');
  });

  it('--help shows the commands and exits 0', async () => {
    const run = await layerlab('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/check FILE[\s\S]*train FILE[\s\S]*predict FILE[\s\S]*inspect FILE/);
  });
});
