/**
 * `layerlab inspect FILE --input VALUE --layer NAME`: what one layer of a trained project computes
 * for a question, as the app shows it; for a recurrent layer one row per time step, and with
 * `--gates` each gate's values per step (issue 19). Numbers for scripts and tests with `--json`.
 */
import { parseArgs } from 'node:util';
import { lookInside, readingOrder, type LayerLook } from '../shared/training/inspect.js';
import { localize, type Language } from '../shared/vocabulary/localized.js';
import { cliBackends } from './backend.js';
import { CliError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import { choiceOption, integerOption, languageOption, questionOptions, parseOrExplain, singleFile } from './options.js';
import { openTrained } from './trained.js';
import { commandUsage } from './usage.js';

function readOptions(args: string[]) {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      options: {
        ...questionOptions,
        layer: { type: 'string' },
        gates: { type: 'boolean' },
        units: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) return null;
  const file = singleFile('inspect', positionals);
  if (values.input === undefined) throw new CliError('inspect needs --input VALUE', exitCodes.usage, true);
  if (values.layer === undefined) throw new CliError('inspect needs --layer NAME', exitCodes.usage, true);
  return {
    file,
    input: values.input,
    layer: values.layer,
    gates: values.gates ?? false,
    units: integerOption('units', values.units, 1, 10_000) ?? 12,
    backend: choiceOption('backend', values.backend, cliBackends) ?? 'cpu',
    json: values.json ?? false,
    language: languageOption(values.lang),
  };
}

/** Values as the terminal shows them: three decimals, a sign's column kept. */
const number = (value: number) => (value < 0 ? value.toFixed(3) : ` ${value.toFixed(3)}`);

/** The first `units` of each row, and a note of how many there are when some are left out. */
function rowsTable(title: string, labels: string[], rows: number[][], units: number): string[] {
  const width = Math.max(4, ...labels.map((label) => label.length));
  const count = rows[0]?.length ?? 0;
  const shown = Math.min(units, count);
  const note = shown < count ? ` (units 1–${shown} of ${count}; --units N or --json for more)` : ` (${count} units)`;
  return [
    `${title}${note}:`,
    ...rows.map(
      (row, step) =>
        `  ${String(step + 1).padStart(3)}  ${(labels[step] ?? '').padEnd(width)}  ${row.slice(0, shown).map(number).join(' ')}`,
    ),
  ];
}

function formatLook(look: LayerLook, gates: boolean, units: number, language: Language): string {
  const lines = [`${look.layer} (${look.className}): output [${look.shape.join(', ')}]`];
  const shownValues = look.values.slice(0, units);
  lines.push(
    `  ${shownValues.map(number).join(' ')}${shownValues.length < look.values.length ? ` … (${look.values.length} values; --json for all)` : ''}`,
  );
  if (look.noSteps) lines.push(localize(look.noSteps, language));
  for (const direction of look.steps?.directions ?? []) {
    const labels = readingOrder(look.steps?.labels ?? [], direction);
    const heading = look.steps && look.steps.directions.length > 1 ? `${direction.direction}: ` : '';
    lines.push('', ...rowsTable(`${heading}state after each step`, labels, direction.states, units));
    if (!gates) continue;
    if (direction.memory)
      lines.push('', ...rowsTable(`${heading}memory (cell) after each step`, labels, direction.memory, units));
    for (const gate of direction.gates) {
      lines.push('', ...rowsTable(`${heading}${gate.name} gate at each step`, labels, gate.values, units));
    }
  }
  return lines.join('\n');
}

export async function runInspect(args: string[], io: Io): Promise<number> {
  const options = readOptions(args);
  if (!options) {
    io.out(commandUsage.inspect);
    return exitCodes.ok;
  }
  const opened = await openTrained(io, options.file, options.backend, options.language);
  if (typeof opened === 'number') return opened;
  const { tf, data, prepared } = opened;
  try {
    const looked = lookInside(tf, prepared.model, data, prepared.dataset, options.input, options.layer);
    if (!looked.ok) throw new CliError(localize(looked.problem, options.language));
    const { look } = looked;
    if (options.json) {
      const steps = options.gates
        ? look.steps
        : look.steps && {
            ...look.steps,
            directions: look.steps.directions.map(({ gates: _gates, memory: _memory, ...kept }) => kept),
          };
      io.out(`${JSON.stringify({ ...look, steps })}\n`);
    } else {
      io.out(`${formatLook(look, options.gates, options.units, options.language)}\n`);
    }
    return exitCodes.ok;
  } finally {
    prepared.model.dispose();
  }
}
