/**
 * Where the command line writes: stdout for results, stderr for progress and messages. Everything
 * written goes through `terminalText`, so no control character from a project reaches the
 * terminal; only the progress line's own redraw sequences do.
 */
import { terminalText } from './terminal.js';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Replaces the progress line on a terminal's stderr with `line` (an empty line clears it). */
  redraw(line: string): void;
  /** Whether stderr is a terminal, so progress may redraw one line. */
  errIsTerminal: boolean;
  /** Width of that terminal. */
  columns: number;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(terminalText(text)),
  err: (text) => process.stderr.write(terminalText(text)),
  // Carriage return, the line, then "erase to the end of the line".
  redraw: (line) => process.stderr.write(`\r${terminalText(line)}\x1b[K`),
  errIsTerminal: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns || 80,
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
};

/**
 * A reader that goes away (`layerlab train … | head -1`) closes the pipe: the command has nothing
 * left to say to anyone, so it ends quietly and successfully instead of with a stack trace.
 */
export function endQuietlyWhenOutputCloses(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(0);
      throw error;
    });
  }
}
