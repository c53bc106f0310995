/**
 * `layerlab predict FILE --input VALUE`: a project saved by `layerlab train --save` answers as
 * the app's playground does, with the same encoding of the input and decoding of the output.
 */
import { parseArgs } from 'node:util';
import { localize } from '../shared/vocabulary/localized.js';
import { displayLabel, generateText, writesText, type Answer } from '../shared/training/predict.js';
import type { Dataset } from '../shared/data/build.js';
import { cliBackends } from './backend.js';
import { imageFileQuery } from './data-file.js';
import { CliError, exitCodes } from './errors.js';
import type { Io } from './io.js';
import {
  choiceOption,
  integerOption,
  languageOption,
  questionOptions,
  numberOption,
  parseOrExplain,
  singleFile,
} from './options.js';
import { openTrained } from './trained.js';
import { commandUsage } from './usage.js';

const maxGenerated = 10_000;

function readOptions(args: string[]) {
  const { values, positionals } = parseOrExplain(() =>
    parseArgs({
      args,
      options: {
        ...questionOptions,
        generate: { type: 'string' },
        temperature: { type: 'string' },
        seed: { type: 'string' },
        top: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) return null;
  const file = singleFile('predict', positionals);
  if (values.input === undefined) throw new CliError('predict needs --input VALUE', exitCodes.usage, true);
  const generate = integerOption('generate', values.generate, 1, maxGenerated);
  if (generate === undefined && values.temperature !== undefined) {
    throw new CliError('--temperature only applies with --generate N', exitCodes.usage);
  }
  return {
    file,
    input: values.input,
    generate,
    temperature: numberOption('temperature', values.temperature, 0, 10) ?? 1,
    seed: integerOption('seed', values.seed, 0, 2_147_483_647) ?? 1,
    top: integerOption('top', values.top, 1, 1000) ?? 5,
    backend: choiceOption('backend', values.backend, cliBackends) ?? 'cpu',
    json: values.json ?? false,
    language: languageOption(values.lang),
  };
}

/** An image in the terminal: one character per pixel, darker for more ink. */
function drawImage(pixels: readonly number[], width: number): string {
  const shades = ' .:-=+*#%@';
  const rows: string[] = [];
  for (let start = 0; start < pixels.length; start += width) {
    rows.push(
      pixels
        .slice(start, start + width)
        .map((value) => shades[Math.max(0, Math.min(9, Math.round(value * 9)))] ?? ' ')
        .join(''),
    );
  }
  return rows.join('\n');
}

function formatAnswer(answer: Answer, dataset?: Dataset): string {
  if (answer.kind === 'outputs')
    return answer.parts
      .map((part) => `${part.name} (${part.column}):\n${formatAnswer(part.answer, dataset).replace(/^/gm, '  ')}`)
      .join('\n');
  if (answer.kind === 'value') return answer.value.toFixed(3);
  if (answer.kind === 'image') return `reconstruction error ${answer.error.toFixed(4)}`;
  if (answer.kind === 'sample') {
    const width = dataset?.images?.width ?? 8;
    return [
      drawImage(answer.output, width),
      `real, says the discriminator: ${answer.realness.toFixed(2)}`,
      `nearest real image: a ${answer.nearest.label} (mean squared difference ${answer.nearest.distance.toFixed(4)})`,
    ].join('\n');
  }
  const labels = answer.top.map((entry) => displayLabel(entry.label));
  const width = Math.max(...labels.map((label) => label.length));
  const note = answer.probabilities
    ? []
    : ['(scores, not probabilities: the output layer does not end with softmax or sigmoid)'];
  return answer.top
    .map((entry, index) => {
      // Scores that are not probabilities get no bar: its length would mean nothing.
      const bar = answer.probabilities ? '█'.repeat(Math.round(entry.probability * 20)) : '';
      return `${(labels[index] ?? '').padEnd(width)}  ${entry.probability.toFixed(2)}  ${bar}`.trimEnd();
    })
    .concat(note)
    .join('\n');
}

export async function runPredict(args: string[], io: Io): Promise<number> {
  const options = readOptions(args);
  if (!options) {
    io.out(commandUsage.predict);
    return exitCodes.ok;
  }
  const { file } = options;
  const opened = await openTrained(io, file, options.backend, options.language);
  if (typeof opened === 'number') return opened;
  const { tf, data, prepared } = opened;
  const { model, dataset } = prepared;
  try {
    if (options.generate !== undefined && !writesText(data)) {
      throw new CliError(
        `--generate continues text, but ${file} does not read text a character or a word at a time: leave --generate out`,
      );
    }
    const problem = (text: Parameters<typeof localize>[0]) => new CliError(localize(text, options.language));
    if (options.generate !== undefined) {
      const generated = generateText(
        tf,
        model,
        data,
        dataset,
        options.input,
        options.generate,
        options.temperature,
        options.seed,
      );
      if (!generated.ok) throw problem(generated.problem);
      io.out(options.json ? `${JSON.stringify({ kind: 'text', text: generated.text })}\n` : `${generated.text}\n`);
      return exitCodes.ok;
    }
    // Asked as the app's playground asks: a GAN for a noise seed, any other network about a sample.
    // An image file's path asks about that image, decoded as the project's folder was.
    const input = (await imageFileQuery(options.input)) ?? options.input;
    const asked = prepared.mode.ask(tf, model, prepared.checked, data, dataset, input, options.top);
    if (!asked.ok) throw problem(asked.problem);
    io.out(options.json ? `${JSON.stringify(asked.answer)}\n` : `${formatAnswer(asked.answer, dataset)}\n`);
    return exitCodes.ok;
  } finally {
    model.dispose();
  }
}
