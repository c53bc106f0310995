/**
 * Property tests of the project loader (RELIABILITY.md items 28 and 29): for any bytes and any
 * hostile JSON, `loadProject` answers a project or a message, never throws and never poisons a
 * global; every project it answers saves and loads back equal; `load(save(p))` equals `p`.
 * Fixed seeds, so a failure is repeatable; a shrunk failure becomes a named test in load.test.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { withDefaultParams } from '../graph/types';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerKinds } from '../layers/registry';
import { metricNames, trainingParams, type TrainingSettings } from '../training/settings';
import { loadProject, saveProject } from './load';
import { projectSchema, type Project } from './schema';
import { encodeWeights } from '../vocabulary/weights';
// Imported last, so the globals it records include what the modules above set up.
import { poisoningCheck } from '../../tests/helpers/poisoning';

/** Runs per property; the three together are well past the 10,000 cases asked for. */
const numRuns = 10_000;
const seeds = { bytes: 20_250_701, hostile: 20_250_702, roundTrip: 20_250_703 } as const;

const v2Text = readFileSync(path.join(__dirname, 'fixtures', 'v2.layerlab'), 'utf8');

/** What every answer must look like, whatever the input. */
function checkAnswer(input: Uint8Array | string): ReturnType<typeof loadProject> {
  const loaded = loadProject(input);
  if (loaded.ok) {
    expect(projectSchema.safeParse(loaded.project).success).toBe(true);
    // Anything the loader accepts can be saved and loaded back unchanged.
    const again = loadProject(saveProject(loaded.project));
    expect(again.ok && again.project).toEqual(loaded.project);
  } else {
    expect(typeof loaded.message).toBe('string');
    expect(loaded.message.length).toBeGreaterThan(0);
    expect(loaded.message.length).toBeLessThan(400);
  }
  return loaded;
}

describe('loadProject on any bytes', () => {
  it(`answers a project or a message, and poisons nothing (${numRuns} runs, seed ${seeds.bytes})`, () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 512 }),
      // Bytes that are mostly a project, with some of them changed.
      fc
        .array(fc.tuple(fc.nat(v2Text.length), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })
        .map((changes) => {
          const project = new TextEncoder().encode(v2Text);
          for (const [at, byte] of changes) project[at % project.length] = byte;
          return project;
        }),
      fc.string({ unit: 'binary', maxLength: 200 }).map((text) => new TextEncoder().encode(text)),
    );
    const poisoning = poisoningCheck();
    fc.assert(
      fc
        .property(bytes, (input) => {
          const copy = Buffer.from(input);
          checkAnswer(input);
          // Compared as one Buffer: element by element, toEqual takes milliseconds on 20 KB.
          expect(copy.equals(input)).toBe(true);
        })
        .afterEach(poisoning.afterEach),
      { numRuns, seed: seeds.bytes },
    );
    poisoning.full();
  }, 300_000);
});

/** A piece of JSON-like text, and whether it holds a refused key anywhere. */
interface Hostile {
  text: string;
  refusedKey: boolean;
}

const refusedKeys = [
  '"__proto__"',
  '"constructor"',
  '"prototype"',
  '"\\u005f_proto__"',
  '"__proto\\u005f_"',
  '"\\u0063onstructor"',
  '"prot\\u006ftype"',
];
const projectKeys = [
  'formatVersion',
  'name',
  'createdWith',
  'lesson',
  'templateId',
  'step',
  'variant',
  'graph',
  'nodes',
  'wires',
  'id',
  'kind',
  'params',
  'position',
  'x',
  'y',
  'data',
  'training',
  'trained',
  'weights',
  'shape',
  'values',
  'toString',
  'valueOf',
  '__defineGetter__',
  'hasOwnProperty',
];

const hostileLeaf: fc.Arbitrary<Hostile> = fc
  .oneof(
    fc.constantFrom(
      'NaN',
      'Infinity',
      '-Infinity',
      'undefined',
      '1e400',
      '-1e999',
      '1.7976931348623157e309',
      '5e-324',
      '0x10',
      '01',
      '.5',
      '-',
      '"NaN"',
      '"Infinity"',
      '"1e400"',
      '"\\ud800"',
      '"\\u0000"',
      'true',
      'false',
      'null',
      '""',
      '"dense"',
      '"Dense"',
      '2',
      '1',
      '-0',
    ),
    fc.double().map((value) => (Number.isFinite(value) ? JSON.stringify(value) : String(value))),
    fc.integer({ min: -3, max: 1_000_000 }).map(String),
    fc.string({ unit: 'binary', maxLength: 12 }).map((text) => JSON.stringify(text)),
  )
  .map((text) => ({ text, refusedKey: false }));

const keyText = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...projectKeys).map((key) => ({ text: JSON.stringify(key), refused: false })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...refusedKeys).map((text) => ({ text, refused: true })) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((key) => ({ text: JSON.stringify(key), refused: false })) },
);

const { value: hostileValue } = fc.letrec<{ value: Hostile; object: Hostile; array: Hostile }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, hostileLeaf, tie('object'), tie('array')),
  object: fc.array(fc.tuple(keyText, tie('value')), { maxLength: 5 }).map((entries) => ({
    text: `{${entries.map(([key, value]) => `${key.text}:${value.text}`).join(',')}}`,
    refusedKey: entries.some(([key, value]) => key.refused || value.refusedKey),
  })),
  array: fc.array(tie('value'), { maxLength: 5 }).map((items) => ({
    text: `[${items.map((item) => item.text).join(',')}]`,
    refusedKey: items.some((item) => item.refusedKey),
  })),
}));

/** Nesting from none to far past the cap of 64. */
const deeplyNested = fc
  .tuple(fc.integer({ min: 0, max: 300 }), hostileValue, fc.boolean())
  .map(([depth, inner, objects]): Hostile & { depth: number } => ({
    text: objects
      ? `${'{"graph":'.repeat(depth)}${inner.text}${'}'.repeat(depth)}`
      : `${'['.repeat(depth)}${inner.text}${']'.repeat(depth)}`,
    refusedKey: inner.refusedKey,
    depth,
  }));

/** Every path to a value inside the v2 fixture, the bulky weight texts left out. */
const fixture = JSON.parse(v2Text) as unknown;
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== 'object' || value === null) return [prefix];
  const entries = Array.isArray(value) ? value.map((item, index) => [index, item] as const) : Object.entries(value);
  return [prefix, ...entries.flatMap(([key, item]) => pathsIn(item, [...prefix, key]))];
}
const fixturePaths = pathsIn(fixture);
const marker = '\u0000HOSTILE\u0000';

/** The fixture with one value, or one new key, made hostile: what a tampered file looks like. */
const tamperedProject = fc
  .tuple(fc.constantFrom(...fixturePaths), hostileValue, fc.option(keyText, { nil: undefined }))
  .map(([at, hostile, newKey]): Hostile => {
    const copy = structuredClone(fixture);
    let holder = copy as Record<string | number, unknown>;
    for (const key of at.slice(0, -1)) holder = holder[key] as Record<string | number, unknown>;
    const last = at[at.length - 1];
    if (last === undefined) return hostile;
    if (newKey && typeof holder === 'object' && !Array.isArray(holder)) {
      holder[marker] = marker;
      const text = JSON.stringify(copy).replace(
        `"${JSON.stringify(marker).slice(1, -1)}":"${JSON.stringify(marker).slice(1, -1)}"`,
        `${newKey.text}:${hostile.text}`,
      );
      return { text, refusedKey: newKey.refused || hostile.refusedKey };
    }
    holder[last] = marker;
    const text = JSON.stringify(copy).replace(JSON.stringify(marker), hostile.text);
    return { text, refusedKey: hostile.refusedKey };
  });

describe('loadProject on hostile JSON', () => {
  it(`refuses prototype keys and deep nesting, answers the rest, poisons nothing (${numRuns} runs, seed ${seeds.hostile})`, () => {
    const hostile = fc.oneof(
      hostileValue.map((value) => ({ ...value, depth: 0 })),
      deeplyNested,
      tamperedProject.map((value) => ({ ...value, depth: 0 })),
      fc
        .tuple(hostileValue, fc.constantFrom('1', '2', '3', '99', '-1', '"2"', '2.5', '1e400', 'null'))
        .map(([value, version]) => ({
          text: `{"formatVersion":${version}${value.text.startsWith('{') && value.text.length > 2 ? `,${value.text.slice(1)}` : '}'}`,
          refusedKey: value.text.startsWith('{') && value.refusedKey,
          depth: 0,
        })),
    );
    const poisoning = poisoningCheck();
    fc.assert(
      fc
        .property(hostile, fc.boolean(), ({ text, refusedKey, depth }, asBytes) => {
          const loaded = checkAnswer(asBytes ? new TextEncoder().encode(text) : text);
          if (refusedKey || depth > 64) expect(loaded.ok).toBe(false);
        })
        .afterEach(poisoning.afterEach),
      { numRuns, seed: seeds.hostile },
    );
    poisoning.full();
  }, 300_000);
});

/** A value a training setting may take, drawn from its spec, so the generator follows the specs. */
function settingValue(spec: (typeof trainingParams)[keyof typeof trainingParams]): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max });
    case 'float':
      return fc
        .double({
          min: spec.min,
          max: spec.max,
          minExcluded: spec.minExclusive,
          maxExcluded: spec.maxExclusive,
          noNaN: true,
        })
        .map((value) => (Object.is(value, -0) ? 0 : value));
    case 'bool':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.options);
  }
}

const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((value) => (Object.is(value, -0) ? 0 : value));
const text = (maxLength: number) =>
  fc.string({ unit: 'binary-ascii', maxLength }).filter((value) => value.length <= maxLength);
/** Record keys a project may hold: any text but the three refused keys (a save of those throws). */
const allowedKey = (maxLength: number) =>
  fc.string({ maxLength }).filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key));
const slug = fc.stringMatching(/^[a-z0-9-]{1,20}$/);

const paramValue = fc.oneof(
  finite,
  fc.boolean(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constant(null),
  fc.array(fc.oneof(finite, fc.constant(null)), { maxLength: 16 }),
);

const layer = fc.record({
  id: text(200).filter((value) => value.length > 0),
  kind: fc.constantFrom(...layerKinds),
  name: fc.string({ unit: 'binary', minLength: 1, maxLength: 32 }),
  params: fc.dictionary(allowedKey(20), paramValue, { maxKeys: 6 }),
  position: fc.record({ x: finite, y: finite }),
});

const project: fc.Arbitrary<Project> = fc
  .record({
    createdWith: fc.string({ minLength: 1, maxLength: 50 }),
    name: fc.string({ unit: 'binary', maxLength: 100 }),
    lesson: fc.option(
      fc.record({ templateId: slug, step: fc.integer({ min: 0, max: 1000 }), variant: fc.option(slug, { nil: null }) }),
      { nil: null },
    ),
    // Ids are unique in a project: the loader refuses a second item with a taken id.
    nodes: fc.uniqueArray(layer, { maxLength: 6, selector: (node) => (node as { id: string }).id }),
    wires: fc.uniqueArray(
      fc.record({
        id: text(40).filter((v) => v.length > 0),
        source: text(40).filter((v) => v.length > 0),
        target: text(40).filter((v) => v.length > 0),
      }),
      { maxLength: 6, selector: (wire) => wire.id },
    ),
    data: fc.oneof(
      fc.constant(null),
      fc.record({
        kind: fc.constant('text-next-char' as const),
        text: fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
        window: fc.integer({ min: 1, max: 512 }),
      }),
      fc.record({
        kind: fc.constant('sequence-next-value' as const),
        values: fc.array(finite, { minLength: 2, maxLength: 20 }),
        window: fc.integer({ min: 1, max: 512 }),
        scale: fc.constantFrom('none' as const, 'max' as const),
      }),
    ),
    training: fc.record({
      ...Object.fromEntries(Object.entries(trainingParams).map(([name, spec]) => [name, settingValue(spec)])),
      metrics: fc.uniqueArray(fc.constantFrom(...metricNames)),
    }),
    trained: fc.option(
      fc.record({
        // Finite: the loader refuses NaN and infinities in stored weights.
        weights: fc.array(
          fc.array(fc.float({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 6 }),
          {
            maxLength: 3,
          },
        ),
        epochs: fc.nat(1000),
        logs: fc.dictionary(allowedKey(10), finite, { maxKeys: 3 }),
        backend: fc.constantFrom('webgl', 'webgpu', 'wasm', 'cpu'),
      }),
      { nil: undefined },
    ),
  })
  .map(({ nodes, wires, trained, training, ...rest }): Project => ({
    formatVersion: 3,
    ...rest,
    dataFile: null,
    graph: { nodes: nodes as Project['graph']['nodes'], wires },
    training: training as unknown as TrainingSettings,
    ...(trained && {
      trained: {
        ...trained,
        weights: encodeWeights(trained.weights.map((values) => ({ shape: [values.length], values }))),
      },
    }),
  }));

describe('load(save(p))', () => {
  it(`equals p for any valid project (${numRuns} runs, seed ${seeds.roundTrip})`, () => {
    const poisoning = poisoningCheck();
    fc.assert(
      fc
        .property(project, (original) => {
          const saved = saveProject(original);
          // Settings a layer's kind has and the file lacks come back with their defaults.
          const expected = {
            ...original,
            graph: { ...original.graph, nodes: original.graph.nodes.map(withDefaultParams) },
          };
          expect(loadProject(saved)).toEqual({ ok: true, project: expected, readOnly: false });
          expect(loadProject(new TextEncoder().encode(saved))).toEqual({
            ok: true,
            project: expected,
            readOnly: false,
          });
          // Saving is stable: the loaded project saves to the same text.
          expect(saveProject(original)).toBe(saved);
        })
        .afterEach(poisoning.afterEach),
      { numRuns, seed: seeds.roundTrip },
    );
    poisoning.full();
  }, 300_000);
});
