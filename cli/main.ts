/**
 * The `layerlab` command line: a thin layer over shared/, the engine the app runs. Each command
 * lives in its own file; this one dispatches and turns every failure into one line and an exit
 * status.
 */
import { runCheck } from './check.js';
import { CliError, exitCodes } from './errors.js';
import { runExport } from './export.js';
import { runImport } from './import.js';
import { runInspect } from './inspect.js';
import { runNew } from './new.js';
import { processIo, type Io } from './io.js';
import { runPredict } from './predict.js';
import { runTrain } from './train.js';
import { commandNames, commandUsage, mainUsage, type CommandName } from './usage.js';

const commands: Record<CommandName, (args: string[], io: Io) => Promise<number>> = {
  new: runNew,
  check: runCheck,
  train: runTrain,
  predict: runPredict,
  inspect: runInspect,
  export: runExport,
  import: runImport,
};

const isCommand = (name: string | undefined): name is CommandName => commandNames.some((command) => command === name);

/** Runs one command line (without `node` and the script) and returns its exit status. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help') {
    io.out(mainUsage);
    return exitCodes.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    io.out(isCommand(topic) ? commandUsage[topic] : mainUsage);
    return exitCodes.ok;
  }
  if (!isCommand(first)) {
    const what =
      first === undefined
        ? 'no command given'
        : first.startsWith('-')
          ? `unknown option '${first}'`
          : `unknown command '${first}'`;
    io.err(`layerlab: ${what}\n\n${mainUsage}`);
    return exitCodes.usage;
  }
  try {
    return await commands[first](rest, io);
  } catch (thrown) {
    if (thrown instanceof CliError) {
      // One line, whatever the message quotes (a JSON parser's error shows the text it choked on).
      io.err(`layerlab: ${thrown.message.replace(/\s*\n\s*/g, ' ')}\n`);
      if (thrown.showUsage) io.err(`\n${commandUsage[first]}`);
      return thrown.exitCode;
    }
    // Anything else is a bug in LayerLab, not in the user's file: keep the trace to report it.
    io.err(
      `layerlab: internal error, please report it with your project:\n${thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown)}\n`,
    );
    return exitCodes.problems;
  }
}
