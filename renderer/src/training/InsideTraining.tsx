/**
 * Inside the network while it trains (issue 19), beside the loss: each layer's weight or gradient
 * norm per epoch, a histogram of a layer's weights at a chosen epoch, and, for a network that reads
 * a sequence, how much gradient reaches each input step, one line per run watched (lesson 4.2: the
 * SimpleRNN's fades towards the first steps, the LSTM's holds). Measured in the worker only while
 * this view is open (`watchInside`); drawn from throttled reports, without animation.
 */
import { memo, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { firstSteps, firstStepsShare, type Dynamics } from '../../../shared/training/dynamics';
import { useInsideCall } from '../hooks/useInsideCall';
import { useThrottled } from '../hooks/useThrottled';
import { useAppStore } from '../store';
import type { Run } from '../store/training-slice';
import { LegendLine, PlainTick, runColour, runLabel } from './Charts';
import { watchInside } from './client';

const layerColours = ['#4f46e5', '#d97706', '#0d9488', '#db2777', '#16a34a', '#7c3aed', '#dc2626', '#0891b2'];
const redrawIntervalMs = 1000;
const chartHeight = 150;
const margin = { top: 4, right: 12, bottom: 4, left: 0 };
const axisLabelPlace = 'insideBottomRight';

type Row = Record<string, number>;

/** A run's watched epochs: the epoch (from 1) and what was measured after it. */
function watchedEpochs(run: Run): { epoch: number; inside: Dynamics }[] {
  return run.epochs.flatMap((update) => (update.inside ? [{ epoch: update.epoch + 1, inside: update.inside }] : []));
}

const NormChart = memo(function NormChart({
  watched,
  layers,
  measure,
}: {
  watched: { epoch: number; inside: Dynamics }[];
  layers: string[];
  measure: 'gradientNorm' | 'weightNorm';
}) {
  const { t } = useTranslation();
  const rows = useMemo(
    () =>
      watched.map(({ epoch, inside }): Row => {
        const row: Row = { x: epoch };
        // A norm of 0 has no place on a log scale: left out, the line skips it.
        for (const entry of inside.layers) if (entry[measure] > 0) row[entry.layer] = entry[measure];
        return row;
      }),
    [watched, measure],
  );
  return (
    <figure className="chart" data-testid={`inside-${measure}`} data-points={rows.length}>
      <figcaption>{t(measure === 'gradientNorm' ? 'inside.gradientNorms' : 'inside.weightNorms')}</figcaption>
      <ResponsiveContainer width="100%" height={chartHeight}>
        <LineChart data={rows} margin={margin}>
          <CartesianGrid stroke="#eef0f3" />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tick={PlainTick} allowDecimals={false} />
          <YAxis scale="log" domain={['auto', 'auto']} allowDataOverflow tick={PlainTick} width={48} />
          <Tooltip isAnimationActive={false} contentStyle={{ fontSize: 11 }} />
          {layers.map((layer, index) => (
            <Line
              key={layer}
              dataKey={layer}
              name={layer}
              stroke={layerColours[index % layerColours.length]}
              dot={false}
              strokeWidth={1.6}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="chart-legend">
        {layers.map((layer, index) => (
          <li key={layer}>
            <LegendLine colour={layerColours[index % layerColours.length] ?? '#4f46e5'} />
            {layer}
          </li>
        ))}
      </ul>
    </figure>
  );
});

/** The gradient reaching each input step: one line per watched run, at its chosen (or last) epoch. */
const StepChart = memo(function StepChart({ lines }: { lines: { run: Run; epoch: number; steps: number[] }[] }) {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const percent = useMemo(
    () => new Intl.NumberFormat(language, { style: 'percent', maximumSignificantDigits: 2 }),
    [language],
  );
  const rows = useMemo(() => {
    const count = Math.max(0, ...lines.map((line) => line.steps.length));
    return Array.from({ length: count }, (_, step): Row => {
      const row: Row = { x: step + 1 };
      for (const { run, steps } of lines) {
        const size = steps[step];
        if (size !== undefined && size > 0) row[run.id] = size;
      }
      return row;
    });
  }, [lines]);
  return (
    <figure className="chart chart-wide" data-testid="inside-steps" data-lines={lines.length}>
      <figcaption>{t('inside.steps')}</figcaption>
      <ResponsiveContainer width="100%" height={chartHeight}>
        <LineChart data={rows} margin={margin}>
          <CartesianGrid stroke="#eef0f3" />
          <XAxis
            dataKey="x"
            type="number"
            domain={['dataMin', 'dataMax']}
            tick={PlainTick}
            allowDecimals={false}
            label={{ value: t('inside.step'), position: axisLabelPlace, fontSize: 10, offset: -2 }}
          />
          <YAxis scale="log" domain={['auto', 'auto']} allowDataOverflow tick={PlainTick} width={48} />
          <Tooltip isAnimationActive={false} contentStyle={{ fontSize: 11 }} />
          {lines.map(({ run }) => (
            <Line
              key={run.id}
              dataKey={run.id}
              name={runLabel(run, language)}
              stroke={runColour(run)}
              dot={false}
              strokeWidth={1.8}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="chart-legend">
        {lines.map(({ run, epoch, steps }) => {
          const share = firstStepsShare(steps);
          return (
            <li key={run.id}>
              <LegendLine colour={runColour(run)} />
              <span data-testid={`inside-share-${run.number}`}>
                {share === null
                  ? t('inside.runAtEpoch', { run: runLabel(run, language), epoch })
                  : t('inside.share', {
                      run: runLabel(run, language),
                      epoch,
                      count: firstSteps,
                      percent: percent.format(share),
                    })}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted inside-note">{t('inside.stepsNote')}</p>
    </figure>
  );
});

const Histogram = memo(function Histogram({ layer, inside }: { layer: string | null; inside: Dynamics | null }) {
  const { t } = useTranslation();
  const entry = inside?.layers.find((candidate) => candidate.layer === layer);
  const rows = useMemo(() => {
    if (!entry) return [];
    const { limit, counts } = entry.histogram;
    const width = (2 * limit) / Math.max(counts.length, 1);
    return counts.map((count, bin) => ({ x: Number((-limit + (bin + 0.5) * width).toPrecision(2)), count }));
  }, [entry]);
  return (
    <figure className="chart" data-testid="inside-histogram" data-bins={rows.length}>
      <figcaption>{layer ? t('inside.histogram', { layer }) : t('inside.histogramWaiting')}</figcaption>
      <ResponsiveContainer width="100%" height={chartHeight}>
        <BarChart data={rows} margin={margin} barCategoryGap={1}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey="x" tick={PlainTick} interval="preserveStartEnd" />
          <YAxis tick={PlainTick} width={40} allowDecimals={false} />
          <Tooltip isAnimationActive={false} contentStyle={{ fontSize: 11 }} />
          <Bar dataKey="count" name={t('inside.weights')} fill="#4f46e5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
});

/** The view, under the loss curves: a switch, and while on, the charts of the runs watched. */
export const InsideTraining = memo(function InsideTraining() {
  const { t } = useTranslation();
  const watching = useAppStore((state) => state.watchInside);
  const runs = useThrottled(
    useAppStore((state) => state.runs),
    redrawIntervalMs,
  );
  const [measure, setMeasure] = useState<'gradientNorm' | 'weightNorm'>('gradientNorm');
  const [chosenLayer, setChosenLayer] = useState<string | null>(null);
  const [chosenEpoch, setChosenEpoch] = useState<number | null>(null);
  const { call, scrollRef } = useInsideCall('training');

  const watchedRuns = useMemo(
    () => runs.map((run) => ({ run, watched: watchedEpochs(run) })).filter(({ watched }) => watched.length > 0),
    [runs],
  );
  const current = watchedRuns.at(-1);
  const layers = useMemo(
    () => [...new Set(current?.watched.flatMap(({ inside }) => inside.layers.map((entry) => entry.layer)) ?? [])],
    [current],
  );
  const epochs = current?.watched ?? [];
  const shown = epochs.find(({ epoch }) => epoch === chosenEpoch) ?? epochs.at(-1);
  const layer = chosenLayer !== null && layers.includes(chosenLayer) ? chosenLayer : (layers[0] ?? null);
  const stepLines = useMemo(
    () =>
      watchedRuns.flatMap(({ run, watched }) => {
        const at = run === current?.run ? (shown ?? watched.at(-1)) : watched.at(-1);
        return at?.inside.inputSteps ? [{ run, epoch: at.epoch, steps: at.inside.inputSteps }] : [];
      }),
    [watchedRuns, current, shown],
  );

  return (
    <section
      className={`inside-training${call ? ' is-highlighted' : ''}`}
      key={call?.at ?? 'plain'}
      ref={scrollRef}
      aria-label={t('inside.title')}
      data-testid="inside-training"
    >
      <label className="inside-switch">
        <input type="checkbox" checked={watching} onChange={(event) => watchInside(event.target.checked)} />{' '}
        {t('inside.watch')}
      </label>
      {watching && !current && <p className="muted">{t('inside.waiting')}</p>}
      {/* Mounted as soon as the view opens, empty: the first epoch's numbers then update charts
          already drawn, instead of mounting them mid-run (a 126 ms task, bench/inside-cost.ts). */}
      {watching && (
        <>
          <div className="chart-controls">
            <label>
              {t('inside.measure')}{' '}
              <select value={measure} onChange={(event) => setMeasure(event.target.value as typeof measure)}>
                <option value="gradientNorm">{t('inside.gradients')}</option>
                <option value="weightNorm">{t('inside.weights')}</option>
              </select>
            </label>
            <label>
              {t('inside.layer')}{' '}
              <select value={layer ?? ''} onChange={(event) => setChosenLayer(event.target.value)}>
                {layers.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
            {shown && epochs.length > 1 && (
              <label>
                {t('inside.epoch', { epoch: shown.epoch, count: epochs.length })}{' '}
                <input
                  type="range"
                  min={1}
                  max={epochs.length}
                  value={epochs.indexOf(shown) + 1}
                  onChange={(event) => setChosenEpoch(epochs[Number(event.target.value) - 1]?.epoch ?? null)}
                  aria-label={t('inside.epochSlider')}
                />
              </label>
            )}
          </div>
          <div className="chart-grid">
            <NormChart watched={epochs} layers={layers} measure={measure} />
            <Histogram layer={layer} inside={shown?.inside ?? null} />
            {stepLines.length > 0 && <StepChart lines={stepLines} />}
          </div>
        </>
      )}
    </section>
  );
});
