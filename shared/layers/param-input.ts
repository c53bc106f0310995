/**
 * Turning what a learner types into a parameter value, and back. Reads nothing but its arguments.
 * A value is either accepted whole or refused with a message that states the allowed range, so the
 * inspector can refuse it at the field and leave the graph as it was.
 */
import type { Localized } from '../vocabulary/localized.js';
import type { AnyParamValue, ParamSpec } from './params.js';

export type ParamParse = { ok: true; value: AnyParamValue } | { ok: false; problem: Localized };

const numberFormat = { en: new Intl.NumberFormat('en-US'), es: new Intl.NumberFormat('es-ES') };

function formatNumber(value: number, language: 'en' | 'es'): string {
  return numberFormat[language].format(value);
}

/** The values a spec accepts, in words: "a whole number from 1 to 1,000,000". */
export function allowedValues(spec: ParamSpec): Localized {
  const both = (make: (language: 'en' | 'es') => string): Localized => ({ en: make('en'), es: make('es') });
  switch (spec.type) {
    case 'int':
      return both((l) =>
        l === 'en'
          ? `a whole number from ${formatNumber(spec.min, l)} to ${formatNumber(spec.max, l)}`
          : `un número entero de ${formatNumber(spec.min, l)} a ${formatNumber(spec.max, l)}`,
      );
    case 'optionalInt':
      return both((l) =>
        l === 'en'
          ? `empty (${spec.emptyMeans.en}) or a whole number from ${formatNumber(spec.min, l)} to ${formatNumber(spec.max, l)}`
          : `vacío (${spec.emptyMeans.es}) o un número entero de ${formatNumber(spec.min, l)} a ${formatNumber(spec.max, l)}`,
      );
    case 'float': {
      if (!spec.minExclusive && !spec.maxExclusive) {
        return both((l) =>
          l === 'en'
            ? `a number from ${formatNumber(spec.min, l)} to ${formatNumber(spec.max, l)}`
            : `un número de ${formatNumber(spec.min, l)} a ${formatNumber(spec.max, l)}`,
        );
      }
      const low = spec.minExclusive ? { en: 'above', es: 'mayor que' } : { en: 'at least', es: 'mayor o igual que' };
      const high = spec.maxExclusive ? { en: 'below', es: 'menor que' } : { en: 'at most', es: 'menor o igual que' };
      return both((l) =>
        l === 'en'
          ? `a number ${low.en} ${formatNumber(spec.min, l)} and ${high.en} ${formatNumber(spec.max, l)}`
          : `un número ${low.es} ${formatNumber(spec.min, l)} y ${high.es} ${formatNumber(spec.max, l)}`,
      );
    }
    case 'bool':
      return { en: 'on or off', es: 'activado o desactivado' };
    case 'enum':
      return both((l) => (l === 'en' ? 'one of ' : 'uno de ') + spec.options.join(', '));
    case 'ints':
      return both((l) =>
        l === 'en'
          ? `${spec.length} whole numbers from ${formatNumber(spec.min, l)} to ${formatNumber(spec.max, l)}, separated by commas`
          : `${spec.length} números enteros de ${formatNumber(spec.min, l)} a ${formatNumber(spec.max, l)}, separados por comas`,
      );
    case 'shape': {
      const extra = spec.allowInferred
        ? { en: ' (one may be -1)', es: ' (uno puede ser -1)' }
        : spec.allowFree
          ? { en: ' (None leaves a size open)', es: ' (None deja un tamaño abierto)' }
          : { en: '', es: '' };
      return both((l) =>
        l === 'en'
          ? `${spec.minRank} to ${spec.maxRank} positive whole numbers separated by commas${extra.en}`
          : `de ${spec.minRank} a ${spec.maxRank} números enteros positivos separados por comas${extra.es}`,
      );
    }
  }
}

function refuse(spec: ParamSpec): ParamParse {
  const allowed = allowedValues(spec);
  return { ok: false, problem: { en: `Expected ${allowed.en}.`, es: `Se espera ${allowed.es}.` } };
}

/** Strict decimal notation only: "1e3", "0x10", " 5 " padding aside, are not numbers a learner means. */
const decimal = /^[-+]?(\d+\.?\d*|\.\d+)$/;

function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!decimal.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : null;
}

/** Numbers separated by commas, in brackets or not; `None` (any case) for a size left open. */
function parseList(text: string): (number | null)[] | null {
  const parts = text
    .replace(/^[([]\s*/, '')
    .replace(/\s*[)\]]$/, '')
    .split(',')
    .map((part) => part.trim())
    .filter((part, index, all) => !(part === '' && index === all.length - 1 && all.length > 1));
  const values = parts.map((part) => (/^none$/i.test(part) ? null : (parseNumber(part) ?? Number.NaN)));
  return values.some((value) => Number.isNaN(value)) ? null : values;
}

/** Parses text typed into a field for `spec`. Booleans and choices come from their own widgets. */
export function parseParamText(spec: ParamSpec, text: string): ParamParse {
  let candidate: unknown;
  switch (spec.type) {
    case 'int':
    case 'float':
      candidate = parseNumber(text);
      break;
    case 'optionalInt':
      candidate = text.trim() === '' ? null : parseNumber(text);
      break;
    case 'ints':
    case 'shape':
      candidate = parseList(text);
      break;
    case 'bool':
      candidate = text === 'true' ? true : text === 'false' ? false : undefined;
      break;
    case 'enum':
      candidate = text;
      break;
  }
  if (candidate === undefined || (candidate === null && spec.type !== 'optionalInt')) return refuse(spec);
  const parsed = spec.schema.safeParse(candidate);
  return parsed.success ? { ok: true, value: parsed.data as AnyParamValue } : refuse(spec);
}

/** Shows a value the way the learner would type it back. */
export function formatParamValue(value: AnyParamValue): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.map((entry) => (entry === null ? 'None' : String(entry))).join(', ');
  return String(value);
}
