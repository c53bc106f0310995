/**
 * Ordered migrations of the project format: one pure function per version step, each taking a
 * project valid under its source format's schema and returning one of the next format. A file of
 * format N is checked against N's schema, then taken through N→N+1→…→current. Old files are
 * migrated, never refused (STYLE.md habit 9). Reads nothing but its arguments.
 *
 * Adding format 3: write `projectV3Schema` in schema.ts, a `migrateV2ToV3` here with its entry in
 * `migrations`, a golden fixture `fixtures/v3.layerlab`, and keep `fixtures/v2.layerlab` as it is.
 */
import type { z } from 'zod';
import { currentFormatVersion, unknownCreator } from '../vocabulary/project-format.js';
import {
  projectV1Schema,
  projectV2Schema,
  projectV3Schema,
  type LessonRef,
  type Project,
  type ProjectV1,
} from './schema.js';

/** One step of the format: `migrate` takes a project of format `from` to format `from + 1`. */
export interface Migration {
  readonly from: number;
  /** The schema of format `from`, which a file must match before it is migrated. */
  readonly schema: z.ZodType;
  /** What the step changes, for the changelog and for tests' names. */
  readonly summary: string;
  readonly migrate: (project: never) => unknown;
}

/** Format 1 → 2: a format 1 file says nothing of who created it or of a lesson. */
export function migrateV1ToV2(project: ProjectV1): Omit<Project, 'formatVersion'> & {
  formatVersion: 2;
  createdWith: string;
  lesson: LessonRef | null;
} {
  const { formatVersion: _formatVersion, ...rest } = project;
  return { formatVersion: 2, createdWith: unknownCreator, lesson: null, ...rest };
}

/** Format 2 → 3: a format 2 file holds all its data. */
export function migrateV2ToV3(
  project: Omit<Project, 'formatVersion'> & { formatVersion: 2 },
): Project & { dataFile: null } {
  const { formatVersion: _formatVersion, ...rest } = project;
  return { formatVersion: 3, ...rest, dataFile: null };
}

/** Every step, in order: `migrations[i].from === i + 1`. */
export const migrations: readonly Migration[] = [
  {
    from: 1,
    schema: projectV1Schema,
    summary: 'adds createdWith ("unknown") and lesson (null)',
    migrate: migrateV1ToV2 as (project: never) => unknown,
  },
  {
    from: 2,
    schema: projectV2Schema,
    summary: 'adds dataFile (null): a large table can be kept outside the project',
    migrate: migrateV2ToV3 as (project: never) => unknown,
  },
];

/** The schema of format `version`, or undefined for a format this LayerLab does not know. */
export function schemaOfVersion(version: number): z.ZodType | undefined {
  if (version === currentFormatVersion) return projectV3Schema;
  return migrations.find((migration) => migration.from === version)?.schema;
}

/**
 * Takes `project`, already valid under format `from`'s schema, to the current format. Each step
 * returns a new object; `project` is not changed.
 */
export function migrateProject(project: unknown, from: number): unknown {
  let value = project;
  for (const migration of migrations) {
    if (migration.from >= from) value = migration.migrate(value as never);
  }
  return value;
}
