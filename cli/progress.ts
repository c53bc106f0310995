/**
 * Training progress on stderr: one line redrawn in place on a terminal (at most ten times a
 * second), one line per epoch when stderr is a file or a pipe.
 */
import type { BatchUpdate, EpochUpdate } from '../shared/training/train.js';
import { formatDuration, formatLogs, formatRate } from './format.js';
import type { Io } from './io.js';

const redrawMs = 100;
const minBarWidth = 6;
const maxBarWidth = 30;

function bar(fraction: number, width: number): string {
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * width);
  return `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
}

export class Progress {
  private readonly io: Io;
  private readonly epochs: number;
  private readonly now: () => number;
  private latest: BatchUpdate | null = null;
  private lastDrawn = Number.NEGATIVE_INFINITY;
  private lineShown = false;

  constructor(io: Io, epochs: number, now: () => number = () => performance.now()) {
    this.io = io;
    this.epochs = epochs;
    this.now = now;
  }

  batch(update: BatchUpdate): void {
    this.latest = update;
    if (this.io.errIsTerminal && this.now() - this.lastDrawn >= redrawMs) this.draw(update);
  }

  epoch(update: EpochUpdate): void {
    if (this.io.errIsTerminal) return;
    const eta = this.latest ? `  ETA ${formatDuration(this.latest.secondsLeft)}` : '';
    this.io.err(
      `epoch ${update.epoch + 1}/${this.epochs}  ${formatLogs(update.logs)}  ${formatRate(update.samplesPerSecond)}${eta}\n`,
    );
  }

  /** A message between progress lines. */
  say(text: string): void {
    this.clear();
    this.io.err(`${text}\n`);
  }

  /** Shows the last batch for good and leaves the terminal on a fresh line. */
  finish(): void {
    if (!this.io.errIsTerminal || !this.latest) return;
    this.draw(this.latest);
    this.io.err('\n');
    this.lineShown = false;
  }

  private draw(update: BatchUpdate): void {
    const total = this.epochs * update.batchesPerEpoch;
    const text = [
      `epoch ${update.epoch + 1}/${this.epochs}`,
      `batch ${update.batch + 1}/${update.batchesPerEpoch}`,
      formatLogs({ loss: update.loss, ...update.metrics }),
      formatRate(update.samplesPerSecond),
      `ETA ${formatDuration(update.secondsLeft)}`,
    ].join('  ');
    // The numbers come first; the bar takes what room is left, and a narrow terminal cuts the line.
    const room = this.io.columns - 1 - text.length - 2;
    const line = room >= minBarWidth ? `${text}  ${bar(update.step / total, Math.min(room, maxBarWidth))}` : text;
    const fitted = line.length >= this.io.columns ? `${line.slice(0, Math.max(this.io.columns - 2, 10))}…` : line;
    this.io.redraw(fitted);
    this.lineShown = true;
    this.lastDrawn = this.now();
  }

  private clear(): void {
    if (!this.lineShown) return;
    this.io.redraw('');
    this.lineShown = false;
    this.lastDrawn = Number.NEGATIVE_INFINITY;
  }
}
