/**
 * Parameter specifications for layers. Reads nothing but its arguments.
 *
 * Each spec carries the zod schema that validates a value, the Keras default, the allowed range
 * and a description in every language; the inspector, the project loader and the code generators
 * all read these specs, so a parameter is described once.
 */
import type { FixValue } from '../vocabulary/problems.js';
import { z } from 'zod';
import type { Localized } from '../vocabulary/localized.js';

interface ParamBase<T> {
  readonly description: Localized;
  readonly default: T;
  readonly schema: z.ZodType<T>;
}

export interface IntParam extends ParamBase<number> {
  readonly type: 'int';
  readonly min: number;
  readonly max: number;
}

/** An integer that may be left empty (`null`), meaning a Keras default such as "same as pool_size". */
export interface OptionalIntParam extends ParamBase<number | null> {
  readonly type: 'optionalInt';
  readonly min: number;
  readonly max: number;
  /** What an empty value means, shown as the field's placeholder. */
  readonly emptyMeans: Localized;
}

export interface FloatParam extends ParamBase<number> {
  readonly type: 'float';
  readonly min: number;
  readonly max: number;
  /** Whether `min` itself is excluded (a learning rate must be above zero). */
  readonly minExclusive: boolean;
  /** Whether `max` itself is excluded (dropout must stay below one). */
  readonly maxExclusive: boolean;
}

export interface BoolParam extends ParamBase<boolean> {
  readonly type: 'bool';
}

export interface EnumParam<T extends string = string> extends ParamBase<T> {
  readonly type: 'enum';
  readonly options: readonly T[];
}

/** A fixed-length tuple of positive integers, such as a 2-D kernel size `[3, 3]`. */
export interface IntTupleParam extends ParamBase<number[]> {
  readonly type: 'ints';
  readonly length: number;
  readonly min: number;
  readonly max: number;
}

/**
 * A tensor shape without its batch axis, such as `[3, 8]`. `-1` may stand for one inferred
 * dimension where `allowInferred` is set (Reshape); `null` for a free one where `allowFree` is set.
 */
export interface ShapeParam extends ParamBase<(number | null)[]> {
  readonly type: 'shape';
  readonly minRank: number;
  readonly maxRank: number;
  readonly allowInferred: boolean;
  readonly allowFree: boolean;
}

export type ParamSpec = IntParam | OptionalIntParam | FloatParam | BoolParam | EnumParam | IntTupleParam | ShapeParam;
export type ParamSpecs = Readonly<Record<string, ParamSpec>>;

/** The value type a spec holds. */
export type ParamValue<S extends ParamSpec> = S['default'];
export type ParamValues<P extends ParamSpecs> = { -readonly [K in keyof P]: ParamValue<P[K]> };
export type AnyParamValue = ParamValue<ParamSpec>;

/** Largest dimension or count LayerLab accepts anywhere: beyond it nothing fits in memory. */
export const MAX_DIMENSION = 1_000_000;

export function int(options: { default: number; min?: number; max?: number; description: Localized }): IntParam {
  const min = options.min ?? 1;
  const max = options.max ?? MAX_DIMENSION;
  return {
    type: 'int',
    min,
    max,
    default: options.default,
    description: options.description,
    schema: z.number().int().min(min).max(max),
  };
}

export function optionalInt(options: {
  min?: number;
  max?: number;
  emptyMeans: Localized;
  description: Localized;
}): OptionalIntParam {
  const min = options.min ?? 1;
  const max = options.max ?? MAX_DIMENSION;
  return {
    type: 'optionalInt',
    min,
    max,
    default: null,
    emptyMeans: options.emptyMeans,
    description: options.description,
    schema: z.number().int().min(min).max(max).nullable(),
  };
}

export function float(options: {
  default: number;
  min: number;
  max: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  description: Localized;
}): FloatParam {
  const minExclusive = options.minExclusive ?? false;
  const maxExclusive = options.maxExclusive ?? false;
  let schema = z.number().finite();
  schema = minExclusive ? schema.gt(options.min) : schema.gte(options.min);
  schema = maxExclusive ? schema.lt(options.max) : schema.lte(options.max);
  return {
    type: 'float',
    min: options.min,
    max: options.max,
    minExclusive,
    maxExclusive,
    default: options.default,
    description: options.description,
    schema,
  };
}

export function bool(options: { default: boolean; description: Localized }): BoolParam {
  return { type: 'bool', default: options.default, description: options.description, schema: z.boolean() };
}

export function choice<const T extends string>(options: {
  options: readonly [T, ...T[]];
  default: NoInfer<T>;
  description: Localized;
}): EnumParam<T> {
  return {
    type: 'enum',
    options: options.options,
    default: options.default,
    description: options.description,
    schema: z.enum(options.options) as unknown as z.ZodType<T>,
  };
}

export function ints(options: {
  length: number;
  default: number[];
  min?: number;
  max?: number;
  description: Localized;
}): IntTupleParam {
  const min = options.min ?? 1;
  const max = options.max ?? MAX_DIMENSION;
  return {
    type: 'ints',
    length: options.length,
    min,
    max,
    default: options.default,
    description: options.description,
    schema: z.array(z.number().int().min(min).max(max)).length(options.length),
  };
}

export function shape(options: {
  default: (number | null)[];
  minRank?: number;
  maxRank?: number;
  allowInferred?: boolean;
  allowFree?: boolean;
  description: Localized;
}): ShapeParam {
  const minRank = options.minRank ?? 1;
  const maxRank = options.maxRank ?? 4;
  const allowInferred = options.allowInferred ?? false;
  const allowFree = options.allowFree ?? false;
  const dimension = z
    .number()
    .int()
    .max(MAX_DIMENSION)
    .refine((d) => d >= 1 || (allowInferred && d === -1), {
      message: allowInferred ? 'dimension must be a positive integer or -1' : 'dimension must be a positive integer',
    });
  const entry = allowFree ? dimension.nullable() : dimension;
  const schema = z
    .array(entry)
    .min(minRank)
    .max(maxRank)
    .refine((dims) => dims.filter((d) => d === -1).length <= 1, { message: 'at most one dimension may be -1' });
  return {
    type: 'shape',
    minRank,
    maxRank,
    allowInferred,
    allowFree,
    default: options.default,
    description: options.description,
    schema: schema as z.ZodType<(number | null)[]>,
  };
}

/** The defaults of a set of specs, as a fresh object the caller may change. */
export function defaultParams<P extends ParamSpecs>(specs: P): ParamValues<P> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    values[name] = structuredCloneValue(spec.default);
  }
  return values as ParamValues<P>;
}

function structuredCloneValue<T>(value: T): T {
  return Array.isArray(value) ? ([...value] as T) : value;
}

/** The problem catalogue names the values a fix sets without reaching up to the layers: the same set. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const fixValuesAreParamValues: Same<AnyParamValue, FixValue> = true;
