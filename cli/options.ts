/** Reading a command's arguments (node:util's parseArgs), with every mistake said in one line. */
import type { Language } from '../shared/vocabulary/localized.js';
import { CliError, exitCodes } from './errors.js';

/** Runs `parse` (a `parseArgs` call), turning its errors into usage errors. */
export function parseOrExplain<T>(parse: () => T): T {
  try {
    return parse();
  } catch (thrown) {
    const message = thrown instanceof Error ? thrown.message : String(thrown);
    // parseArgs explains at length; the first sentence says it, and usage follows.
    const first = message.split(/\.(\s|$)/)[0] ?? message;
    throw new CliError(first.charAt(0).toLowerCase() + first.slice(1), exitCodes.usage, true);
  }
}

/** The one FILE a command takes. */
export function singleFile(command: string, positionals: readonly string[]): string {
  const [file, ...extra] = positionals;
  if (file === undefined) throw new CliError(`${command} needs a project FILE`, exitCodes.usage, true);
  if (extra.length > 0) throw new CliError(`unexpected argument '${extra[0] ?? ''}'`, exitCodes.usage, true);
  return file;
}

export function integerOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new CliError(
      `--${name} must be a whole number from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}; got '${text}'`,
      exitCodes.usage,
    );
  }
  return value;
}

export function numberOption(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new CliError(`--${name} must be a number from ${min} to ${max}; got '${text}'`, exitCodes.usage);
  }
  return value;
}

export function choiceOption<T extends string>(
  name: string,
  text: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (text === undefined) return undefined;
  const found = choices.find((choice) => choice === text);
  if (found === undefined)
    throw new CliError(`--${name} must be ${choices.join(' or ')}; got '${text}'`, exitCodes.usage);
  return found;
}

export function languageOption(text: string | undefined): Language {
  return choiceOption<Language>('lang', text, ['en', 'es']) ?? 'en';
}

/**
 * The options every command that asks a trained project a question takes (`predict`, `inspect`):
 * help, the language, the question, the backend and JSON output.
 */
export const questionOptions = {
  help: { type: 'boolean', short: 'h' },
  lang: { type: 'string' },
  input: { type: 'string' },
  backend: { type: 'string' },
  json: { type: 'boolean' },
} as const;
