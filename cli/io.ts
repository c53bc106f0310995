/** Where the command line writes: stdout for results, stderr for progress and messages. */

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Whether stderr is a terminal, so progress may redraw one line with `\r`. */
  errIsTerminal: boolean;
  /** Width of that terminal. */
  columns: number;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  errIsTerminal: Boolean(process.stderr.isTTY),
  columns: process.stderr.columns || 80,
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => process.off('SIGINT', handler);
  },
};
