/** Numbers, durations and logs as the terminal shows them. */

/** Keras prints four decimals; tiny and huge values switch to exponent form so they stay readable. */
export function formatMetric(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  if (size !== 0 && (size < 1e-4 || size >= 1e6)) return value.toExponential(2);
  return value.toFixed(4);
}

/** `loss 0.1234  accuracy 1.0000`, loss first. */
export function formatLogs(logs: Readonly<Record<string, number>>): string {
  const names = Object.keys(logs).sort((a, b) => Number(b === 'loss') - Number(a === 'loss'));
  return names.map((name) => `${name} ${formatMetric(logs[name] ?? Number.NaN)}`).join('  ');
}

export function formatRate(samplesPerSecond: number): string {
  return `${Math.round(samplesPerSecond).toLocaleString('en-US')} samples/s`;
}

/** `42s`, `3m 05s`, `2h 07m`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/** Seconds of a whole run: `0.84 s`, `12.3 s`, `3m 05s`. */
export function formatElapsed(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return formatDuration(seconds);
}
