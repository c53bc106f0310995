/** How the command line ends, and the failures it reports as one line instead of a stack trace. */

export const exitCodes = {
  ok: 0,
  /** The network has errors, or training failed. */
  problems: 1,
  /** The command line or the file cannot be used. */
  usage: 2,
  /** Stopped with Ctrl-C (128 + SIGINT), as shells report it. */
  interrupted: 130,
} as const;

/** A failure the user can fix: printed as `layerlab: message`, with its exit code. */
export class CliError extends Error {
  readonly exitCode: number;
  /** Print the command's usage after the message. */
  readonly showUsage: boolean;

  constructor(message: string, exitCode: number = exitCodes.usage, showUsage = false) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
    this.showUsage = showUsage;
  }
}
