/**
 * Loss and metric curves of every run of the session, overlaid: per batch (smoothed) or per epoch
 * with validation. Drawn from throttled worker reports, without animation, so drawing never holds
 * up training.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useThrottled } from '../hooks/useThrottled';
import { useAppStore } from '../store';
import type { Run } from '../store/training-slice';

const runColours = ['#4f46e5', '#0d9488', '#d97706', '#db2777', '#7c3aed', '#16a34a', '#dc2626', '#0891b2'];

/** The log every run has, named as Keras names it (not translated: it is a key of the logs). */
const lossLog = 'loss';
const axisLabelPlace = 'insideBottomRight';

export function runColour(run: Run): string {
  return runColours[(run.number - 1) % runColours.length] ?? '#4f46e5';
}

export function runLabel(run: Run, language: 'en' | 'es' = 'en'): string {
  const settings = run.settings;
  const variant = run.variant ? `${run.variant[language]} · ` : '';
  return `#${run.number} ${variant}${settings.optimizer} lr=${settings.learning_rate} batch=${settings.batch_size}`;
}

/** Exponential moving average, as TensorBoard smooths its curves. */
function smooth(values: number[], weight: number): number[] {
  let last = values[0] ?? 0;
  return values.map((value) => {
    last = last * weight + value * (1 - weight);
    return last;
  });
}

type Row = Record<string, number>;

/** Points drawn per chart: more would not show on screen, and would cost every redraw. */
const maxDrawnPoints = 150;

const emptyRows: Row[] = [];

/** Charts redraw at most this often while a run streams in. */
const redrawIntervalMs = 1000;

/** Keeps every k-th row (and the last), so a 3,000-epoch run draws as fast as a short one. */
function downsample(rows: Row[]): Row[] {
  if (rows.length <= maxDrawnPoints) return rows;
  const stride = Math.ceil(rows.length / maxDrawnPoints);
  return rows.filter((_, index) => index % stride === 0 || index === rows.length - 1);
}

function rowsHaveValidation(rows: Row[]): boolean {
  return rows.some((row) => Object.keys(row).some((key) => key.endsWith(':val')));
}

function epochRows(runs: Run[], series: string): Row[] {
  const rows = new Map<number, Row>();
  for (const run of runs) {
    for (const update of run.epochs) {
      const row = rows.get(update.epoch + 1) ?? { x: update.epoch + 1 };
      const train = update.logs[series];
      const validation = update.logs[`val_${series}`];
      if (train !== undefined) row[`${run.id}:train`] = train;
      if (validation !== undefined) row[`${run.id}:val`] = validation;
      rows.set(update.epoch + 1, row);
    }
  }
  return downsample([...rows.values()].sort((a, b) => (a.x ?? 0) - (b.x ?? 0)));
}

function batchRows(runs: Run[], series: string, smoothing: number): Row[] {
  const rows = new Map<number, Row>();
  for (const run of runs) {
    const values = run.batches.map((point) => (series === 'loss' ? point.loss : (point.metrics[series] ?? Number.NaN)));
    const smoothed = smooth(values, smoothing);
    run.batches.forEach((point, index) => {
      const row = rows.get(point.step) ?? { x: point.step };
      const value = smoothed[index];
      if (value !== undefined && Number.isFinite(value)) row[`${run.id}:train`] = value;
      rows.set(point.step, row);
    });
  }
  return downsample([...rows.values()].sort((a, b) => (a.x ?? 0) - (b.x ?? 0)));
}

/** A legend's sample of a line: its colour, dashed for validation. */
export function LegendLine({ colour, dashed = false }: { colour: string; dashed?: boolean }) {
  return (
    <svg width="14" height="8" aria-hidden="true">
      <line
        x1="0"
        y1="4"
        x2="14"
        y2="4"
        stroke={colour}
        strokeWidth="2"
        {...(dashed ? { strokeDasharray: '4 2' } : {})}
      />
    </svg>
  );
}

/**
 * One legend for every chart, in HTML: the same runs are on each chart, and recharts' own legend
 * measured itself on every redraw (a fifth of each redraw's main-thread time).
 */
function ChartLegend({ runs, hasValidation }: { runs: Run[]; hasValidation: boolean }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  return (
    <ul className="chart-legend" data-testid="chart-legend">
      {runs.map((run) => (
        <li key={run.id}>
          <LegendLine colour={runColour(run)} />
          {runLabel(run, language)}
        </li>
      ))}
      {hasValidation && (
        <>
          <li>
            <LegendLine colour="#667085" />
            {t('charts.train')}
          </li>
          <li>
            <LegendLine colour="#667085" dashed />
            {t('charts.validation')}
          </li>
        </>
      )}
    </ul>
  );
}

/** Where recharts places a tick, and its value. */
interface TickProps {
  x: number;
  y: number;
  textAnchor: 'start' | 'middle' | 'end';
  verticalAnchor: 'start' | 'middle' | 'end';
  payload: { value: number };
}

/** Tick values as people write them: 0.25, 1200, 1e-4; never 0.30000000000000004. */
function tickText(value: number): string {
  if (value === 0) return '0';
  if (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e6) return value.toExponential(0);
  return String(Number(value.toPrecision(4)));
}

/**
 * A tick as a plain SVG text: recharts' own measures every word of every tick on every redraw to
 * wrap it, which was most of a chart's redraw time, and a number never wraps.
 */
export function PlainTick({ x, y, textAnchor, verticalAnchor, payload }: TickProps) {
  const dy = verticalAnchor === 'start' ? '0.71em' : verticalAnchor === 'middle' ? '0.32em' : '0';
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} fontSize={10} fill="#667085">
      {tickText(payload.value)}
    </text>
  );
}

/** One chart; memoised, so it redraws only when its throttled rows change. */
const Chart = memo(function Chart({
  title,
  runs,
  rows,
  logScale,
  xLabel,
}: {
  title: string;
  runs: Run[];
  rows: Row[];
  logScale: boolean;
  xLabel: string;
}) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const hasValidation = rowsHaveValidation(rows);
  return (
    <figure
      className="chart"
      aria-label={t('charts.chartOf', { series: title })}
      data-testid={`chart-${title}`}
      data-points={rows.length}
    >
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={170}>
        <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 4, left: 0 }}>
          <CartesianGrid stroke="#eef0f3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            tick={PlainTick}
            interval={0}
            label={{ value: xLabel, position: axisLabelPlace, fontSize: 10, offset: -2 }}
          />
          <YAxis
            scale={logScale ? 'log' : 'auto'}
            domain={logScale ? ['auto', 'auto'] : [0, 'auto']}
            allowDataOverflow
            tick={PlainTick}
            interval={0}
            width={48}
          />
          <Tooltip isAnimationActive={false} contentStyle={{ fontSize: 11 }} />
          {runs.map((run) => (
            <Line
              key={`${run.id}:train`}
              dataKey={`${run.id}:train`}
              name={`${runLabel(run, language)}${hasValidation ? ` · ${t('charts.train')}` : ''}`}
              stroke={runColour(run)}
              dot={false}
              strokeWidth={1.6}
              isAnimationActive={false}
              connectNulls
            />
          ))}
          {hasValidation &&
            runs.map((run) => (
              <Line
                key={`${run.id}:val`}
                dataKey={`${run.id}:val`}
                name={`${runLabel(run, language)} · ${t('charts.validation')}`}
                stroke={runColour(run)}
                strokeDasharray="5 3"
                dot={false}
                strokeWidth={1.6}
                isAnimationActive={false}
                connectNulls
              />
            ))}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
});

/**
 * Memoised and fed only its own throttled copy of the runs, so the progress line redrawing ten
 * times a second around it does not redraw the charts.
 */
export const Charts = memo(function Charts() {
  const { t } = useTranslation();
  const runs = useThrottled(
    useAppStore((state) => state.runs),
    redrawIntervalMs,
  );
  const chosenMetrics = useAppStore((state) => state.training.metrics);
  const [perBatch, setPerBatch] = useState(false);
  const [smoothing, setSmoothing] = useState(0.6);
  const [logScale, setLogScale] = useState(false);
  const shown = useMemo(() => runs.filter((run) => run.batches.length > 0 || run.epochs.length > 0), [runs]);
  const metricNames = useMemo(() => {
    const names = new Set<string>();
    for (const run of shown) {
      for (const update of run.epochs)
        for (const name of Object.keys(update.logs)) if (name !== 'loss' && !name.startsWith('val_')) names.add(name);
      for (const point of run.batches.slice(-1)) for (const name of Object.keys(point.metrics)) names.add(name);
    }
    return [...names];
  }, [shown]);

  // A GAN logs d_loss and g_loss instead of one loss: its runs need no chart called loss.
  const showLoss =
    shown.length === 0 ||
    shown.some(
      (run) =>
        run.epochs.some((update) => 'loss' in update.logs) ||
        run.batches.every((point) => !('d_loss' in point.metrics)),
    );
  const rows = useMemo(() => {
    const rowsFor = (series: string): Row[] =>
      perBatch ? batchRows(shown, series, smoothing) : epochRows(shown, series);
    return new Map(['loss', ...metricNames].map((series) => [series, rowsFor(series)]));
  }, [shown, metricNames, perBatch, smoothing]);

  const xLabel = perBatch ? t('charts.batch') : t('charts.epoch');
  const hasValidation = [...rows.values()].some((seriesRows) => rowsHaveValidation(seriesRows));
  // One tree before and during a run, with a chart already mounted for each metric chosen: the
  // first curves are then updates of mounted charts, not a mount of each mid-run.
  const charted = shown.length === 0 ? chosenMetrics : metricNames;
  return (
    <div className="charts">
      {shown.length === 0 ? (
        <p className="muted charts-empty">{t('charts.empty')}</p>
      ) : (
        <div className="chart-controls">
          <label>
            <input type="checkbox" checked={perBatch} onChange={(event) => setPerBatch(event.target.checked)} />{' '}
            {t('charts.perBatch')}
          </label>
          {perBatch && (
            <label>
              {t('charts.smoothing')}{' '}
              <input
                type="range"
                min={0}
                max={0.95}
                step={0.05}
                value={smoothing}
                onChange={(event) => setSmoothing(Number(event.target.value))}
              />
            </label>
          )}
          <label>
            <input type="checkbox" checked={logScale} onChange={(event) => setLogScale(event.target.checked)} />{' '}
            {t('charts.logScale')}
          </label>
        </div>
      )}
      <ChartLegend runs={shown} hasValidation={hasValidation} />
      <div className="chart-grid">
        {showLoss && (
          <Chart
            key={lossLog}
            title={lossLog}
            runs={shown}
            rows={rows.get(lossLog) ?? emptyRows}
            logScale={logScale}
            xLabel={xLabel}
          />
        )}
        {charted.map((name) => (
          <Chart
            key={name}
            title={name}
            runs={shown}
            rows={rows.get(name) ?? emptyRows}
            logScale={logScale}
            xLabel={xLabel}
          />
        ))}
      </div>
    </div>
  );
});
