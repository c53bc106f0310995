import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from './load';
import { migrateProject, migrateV1ToV2, migrateV2ToV3, migrations, schemaOfVersion } from './migrations';
import {
  currentFormatVersion,
  projectSchema,
  projectV1Schema,
  projectV2Schema,
  projectV3Schema,
  type ProjectV1,
} from './schema';

const fixture = (version: number) => readFileSync(path.join(__dirname, 'fixtures', `v${version}.layerlab`));

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('the migrations', () => {
  it('go one format at a time, from format 1 up to the current one', () => {
    expect(migrations.map((migration) => migration.from)).toEqual(
      Array.from({ length: currentFormatVersion - 1 }, (_, index) => index + 1),
    );
    for (let version = 1; version <= currentFormatVersion; version += 1) expect(schemaOfVersion(version)).toBeDefined();
    expect(schemaOfVersion(0)).toBeUndefined();
    expect(schemaOfVersion(currentFormatVersion + 1)).toBeUndefined();
  });

  it('have a golden fixture per format, each valid under its own schema', () => {
    for (let version = 1; version <= currentFormatVersion; version += 1) {
      const schema = schemaOfVersion(version);
      expect(schema?.safeParse(JSON.parse(fixture(version).toString('utf8'))).success, `v${version}`).toBe(true);
    }
  });
});

describe('format 1 → 2', () => {
  const v1 = () => projectV1Schema.parse(JSON.parse(fixture(1).toString('utf8'))) as ProjectV1;

  it('adds createdWith "unknown" and lesson null, and keeps everything else', () => {
    const before = v1();
    const after = migrateV1ToV2(before);
    expect(projectV2Schema.safeParse(after).success).toBe(true);
    const { formatVersion, createdWith, lesson, ...kept } = after;
    expect({ formatVersion, createdWith, lesson }).toEqual({ formatVersion: 2, createdWith: 'unknown', lesson: null });
    const { formatVersion: _old, ...original } = before;
    expect(kept).toEqual(original);
  });

  it('is pure: the same answer every time, and the old project untouched', () => {
    const before = deepFreeze(v1());
    const first = migrateV1ToV2(before);
    expect(migrateV1ToV2(before)).toEqual(first);
    expect(before.formatVersion).toBe(1);
    expect(first).not.toBe(before);
  });

  it('on the v1 fixture gives the v2 fixture, but for what format 1 cannot say', () => {
    const migrated = loadProject(fixture(1));
    const current = loadProject(fixture(2));
    if (!migrated.ok || !current.ok) throw new Error('a fixture does not load');
    expect(migrated).toMatchObject({ readOnly: false, migratedFrom: 1 });
    expect(current.migratedFrom).toBe(2);
    expect(current.project.lesson).toEqual({ templateId: 'rnn-next-character', step: 4, variant: null });
    expect(current.project.createdWith).toBe('LayerLab 0.2.0');
    expect({ ...migrated.project, lesson: current.project.lesson, createdWith: current.project.createdWith }).toEqual(
      current.project,
    );
  });

  it('gives what loading the same project written as format 2 gives', () => {
    const text = fixture(1).toString('utf8');
    const json = JSON.parse(text) as Record<string, unknown>;
    const asV2 = JSON.stringify({ ...json, formatVersion: 2, createdWith: 'unknown', lesson: null });
    const migrated = loadProject(text);
    const loaded = loadProject(asV2);
    expect(migrated.ok && loaded.ok).toBe(true);
    if (migrated.ok && loaded.ok) expect(migrated.project).toEqual(loaded.project);
    expect(projectSchema.safeParse(migrateProject(projectV1Schema.parse(json), 1)).success).toBe(true);
  });
});

describe('format 2 → 3', () => {
  it('says the project holds all its data (dataFile null), and keeps everything else', () => {
    const before = deepFreeze(projectV2Schema.parse(JSON.parse(fixture(2).toString('utf8'))));
    const after = migrateV2ToV3(before as Parameters<typeof migrateV2ToV3>[0]);
    expect(projectV3Schema.safeParse(after).success).toBe(true);
    const { formatVersion, dataFile, ...kept } = after;
    expect({ formatVersion, dataFile }).toEqual({ formatVersion: 3, dataFile: null });
    const { formatVersion: _old, ...original } = before as Record<string, unknown>;
    expect(kept).toEqual(original);
  });

  it('on the v2 fixture gives the v3 fixture', () => {
    const migrated = loadProject(fixture(2));
    const current = loadProject(fixture(3));
    expect(migrated).toMatchObject({ ok: true, migratedFrom: 2 });
    expect(current.ok && current.migratedFrom).toBeUndefined();
    if (migrated.ok && current.ok) expect(migrated.project).toEqual(current.project);
  });
});
