/**
 * The playground's picture of the whole held-out data: which classes the network mixes up (a
 * confusion matrix), its forecast drawn over the real series, or an autoencoder's reconstructions
 * with a threshold on the error that the learner moves to call images unusual.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  type DecisionBoundary,
  suggestedThreshold,
  thresholdCounts,
  type Evaluation,
  type ReconstructionItem,
} from '../../../shared/training/evaluate';
import { PixelImage } from './ImagePixels';
import { displayLabel } from '../../../shared/training/predict';
import { usePercentFormat } from '../hooks/useProblemText';

export function EvaluationView({ evaluation }: { evaluation: Evaluation }) {
  switch (evaluation.kind) {
    case 'confusion':
      return (
        <>
          {evaluation.boundary && <BoundaryPicture boundary={evaluation.boundary} labels={evaluation.labels} />}
          <ConfusionMatrix evaluation={evaluation} />
        </>
      );
    case 'forecast':
      return <ForecastChart evaluation={evaluation} />;
    case 'fit':
      return <FitChart evaluation={evaluation} />;
    case 'reconstruction':
      return <Reconstructions evaluation={evaluation} />;
  }
}

const classColours = ['#0d9488', '#d97706', '#4f46e5', '#db2777', '#16a34a', '#7c3aed', '#dc2626', '#0891b2'];

/** The plane of the two inputs, shaded by the class the network answers, with the data on top. */
function BoundaryPicture({ boundary, labels }: { boundary: DecisionBoundary; labels: string[] }) {
  const { t } = useTranslation();
  const side = 240;
  const cell = side / boundary.size;
  const toX = (value: number) => ((value - boundary.x.min) / (boundary.x.max - boundary.x.min)) * side;
  const toY = (value: number) => side - ((value - boundary.y.min) / (boundary.y.max - boundary.y.min)) * side;
  return (
    <section className="evaluation" aria-label={t('playground.boundary')}>
      <h3>{t('playground.boundary')}</h3>
      <p className="muted">{t('playground.boundaryHint', { x: boundary.x.name, y: boundary.y.name })}</p>
      <svg
        className="boundary"
        width={side}
        height={side}
        viewBox={`0 0 ${side} ${side}`}
        role="img"
        aria-label={t('playground.boundary')}
        data-testid="decision-boundary"
      >
        {boundary.classes.map((found, index) => (
          <rect
            key={index}
            x={(index % boundary.size) * cell}
            y={Math.floor(index / boundary.size) * cell}
            width={cell + 0.5}
            height={cell + 0.5}
            fill={classColours[found % classColours.length]}
            opacity={0.12 + 0.4 * Math.max(0, ((boundary.confidence[index] ?? 0.5) - 0.5) * 2)}
          />
        ))}
        {boundary.points.map((point, index) => (
          <circle
            key={index}
            cx={toX(point.x)}
            cy={toY(point.y)}
            r={point.heldOut ? 3.5 : 2.5}
            fill={point.heldOut ? 'white' : classColours[point.label % classColours.length]}
            stroke={classColours[point.label % classColours.length]}
            strokeWidth={point.heldOut ? 1.5 : 0.5}
          />
        ))}
      </svg>
      <p className="boundary-legend muted">
        {labels.map((label, index) => (
          <span key={label}>
            <span className="swatch" style={{ background: classColours[index % classColours.length] }} /> {label}
          </span>
        ))}
        <span>
          {heldOutMark} {t('playground.heldOut')}
        </span>
      </p>
    </section>
  );
}

/** A confusion cell: green on the diagonal, red off it, darker for more samples. */
function cellColour(count: number, right: boolean, strength: number): string {
  if (count === 0) return 'transparent';
  return right
    ? `rgba(13, 148, 136, ${0.15 + 0.75 * strength})`
    : `rgba(220, 38, 38, ${0.2 + 0.7 * Math.min(1, strength * 4)})`;
}

const heldOutMark = '○';
const flagMark = ' ⚑';
const markerLabelPlace = 'insideTopRight';

function ConfusionMatrix({ evaluation }: { evaluation: Extract<Evaluation, { kind: 'confusion' }> }) {
  const { t } = useTranslation();
  const formatPercent = usePercentFormat();
  const largest = Math.max(1, ...evaluation.matrix.flat());
  const accuracy = evaluation.total > 0 ? evaluation.correct / evaluation.total : 0;
  return (
    <section className="evaluation" aria-label={t('playground.confusion')}>
      <h3>{t('playground.confusion')}</h3>
      <p className="muted">
        {t(
          evaluation.samples === 'validation'
            ? evaluation.testApart
              ? 'playground.confusionValidation'
              : 'playground.confusionHeldOut'
            : 'playground.confusionAll',
          {
            correct: evaluation.correct,
            total: evaluation.total,
            percent: formatPercent(accuracy),
          },
        )}
      </p>
      <table className="confusion" data-testid="confusion-matrix">
        <thead>
          <tr>
            <th scope="col" className="confusion-corner">
              {t('playground.truthPredicted')}
            </th>
            {evaluation.labels.map((label) => (
              <th key={label} scope="col">
                {displayLabel(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {evaluation.matrix.map((row, truth) => (
            <tr key={evaluation.labels[truth]}>
              <th scope="row">{displayLabel(evaluation.labels[truth] ?? '')}</th>
              {row.map((count, predicted) => {
                const right = truth === predicted;
                const strength = count / largest;
                const background = cellColour(count, right, strength);
                return (
                  <td
                    key={predicted}
                    style={{ background, color: strength > 0.55 && right ? 'white' : undefined }}
                    title={t('playground.confusionCell', {
                      count,
                      truth: displayLabel(evaluation.labels[truth] ?? ''),
                      predicted: displayLabel(evaluation.labels[predicted] ?? ''),
                    })}
                  >
                    {count === 0 ? '' : count}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ForecastChart({ evaluation }: { evaluation: Extract<Evaluation, { kind: 'forecast' }> }) {
  const { t } = useTranslation();
  const rows = evaluation.truth.map((value, index) => ({
    x: index + 1,
    truth: value,
    forecast: evaluation.predicted[index] ?? undefined,
  }));
  const start = evaluation.validationFrom;
  return (
    <section className="evaluation" aria-label={t('playground.forecast')}>
      <h3>{t('playground.forecast')}</h3>
      <p className="muted">{t(start === null ? 'playground.forecastAll' : 'playground.forecastHeldOut')}</p>
      <div className="forecast-chart" data-testid="forecast-chart">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tick={{ fontSize: 11 }} />
            <YAxis tick={{ fontSize: 11 }} width={48} />
            <Tooltip isAnimationActive={false} formatter={(value: number) => value.toFixed(2)} />
            <Legend />
            {start !== null && (
              <ReferenceArea
                x1={start + 1}
                x2={rows.length}
                fill="rgba(217, 119, 6, 0.08)"
                label={{ value: t('playground.heldOut'), position: markerLabelPlace, fontSize: 11 }}
              />
            )}
            <Line
              dataKey="truth"
              name={t('playground.truth')}
              stroke="#1f2937"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Line
              dataKey="forecast"
              name={t('playground.forecastLine')}
              stroke="#d97706"
              dot={false}
              strokeWidth={2}
              strokeDasharray="5 3"
              isAnimationActive={false}
              connectNulls={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** The network's curve through the table's points, the held-out ones hollow. */
function FitChart({ evaluation }: { evaluation: Extract<Evaluation, { kind: 'fit' }> }) {
  const { t } = useTranslation();
  const trained = evaluation.points.filter((point) => !point.heldOut);
  const heldOut = evaluation.points.filter((point) => point.heldOut);
  return (
    <section className="evaluation" aria-label={t('playground.fit')}>
      <h3>{t('playground.fit')}</h3>
      <p className="muted">{t('playground.fitHint', { x: evaluation.x })}</p>
      <div className="forecast-chart" data-testid="fit-chart">
        <ResponsiveContainer width="100%" height={220}>
          <ComposedChart margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
            <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} tick={{ fontSize: 11 }} />
            <YAxis dataKey="y" type="number" tick={{ fontSize: 11 }} width={40} />
            <Tooltip isAnimationActive={false} formatter={(value: number) => value.toFixed(3)} />
            <Legend />
            <Line
              data={evaluation.curve}
              dataKey="y"
              name={t('playground.fitLine')}
              stroke="#d97706"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
            <Scatter
              data={trained}
              dataKey="y"
              name={t('playground.trainedPoints')}
              fill="#1f2937"
              isAnimationActive={false}
            />
            <Scatter
              data={heldOut}
              dataKey="y"
              name={t('playground.heldOut')}
              fill="white"
              stroke="#1f2937"
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </section>
  );
}

/** Errors in bins, usual and unusual images stacked, for the histogram under the threshold. */
function errorBins(items: readonly ReconstructionItem[], count = 30) {
  const largest = Math.max(...items.map((item) => item.error), 1e-9);
  const width = largest / count;
  const bins = Array.from({ length: count }, (_, index) => ({ x: (index + 0.5) * width, usual: 0, unusual: 0 }));
  for (const item of items) {
    const bin = bins[Math.min(count - 1, Math.floor(item.error / width))];
    if (bin) bin[item.unusual ? 'unusual' : 'usual'] += 1;
  }
  return { bins, largest };
}

function Reconstructions({ evaluation }: { evaluation: Extract<Evaluation, { kind: 'reconstruction' }> }) {
  const { t } = useTranslation();
  const suggested = useMemo(() => suggestedThreshold(evaluation.items), [evaluation]);
  const [threshold, setThreshold] = useState<number | null>(null);
  const current = threshold ?? suggested;
  const { bins, largest } = useMemo(() => errorBins(evaluation.items), [evaluation]);
  const counts = thresholdCounts(evaluation.items, current);
  const hasUnusual = evaluation.items.some((item) => item.unusual);
  const shown = evaluation.items.filter((item) => item.input && item.output);
  return (
    <section className="evaluation" aria-label={t('playground.reconstructions')}>
      <h3>{t('playground.reconstructions')}</h3>
      <div className="reconstruction-grid" data-testid="reconstructions">
        {shown.map((item, index) => (
          <figure key={index} className={item.unusual ? 'is-unusual' : undefined}>
            <div className="reconstruction-pair">
              <PixelImage
                values={item.input ?? []}
                width={evaluation.width}
                height={evaluation.height}
                label={t('playground.original', { label: item.label })}
              />
              <PixelImage
                values={item.output ?? []}
                width={evaluation.width}
                height={evaluation.height}
                label={t('playground.rebuilt', { label: item.label })}
              />
            </div>
            <figcaption className="mono">
              {item.label} · {item.error.toFixed(3)}
              {item.error > current ? flagMark : ''}
            </figcaption>
          </figure>
        ))}
      </div>
      {hasUnusual && (
        <>
          <label className="threshold">
            {t('playground.threshold')}{' '}
            <input
              type="range"
              min={0}
              max={largest}
              step={largest / 200}
              value={current}
              onChange={(event) => setThreshold(Number(event.target.value))}
              aria-label={t('playground.threshold')}
            />{' '}
            <span className="mono">{current.toFixed(4)}</span>
          </label>
          <p data-testid="threshold-counts">
            {t('playground.thresholdCounts', {
              caught: counts.caught,
              unusual: counts.caught + counts.missed,
              falseAlarms: counts.falseAlarms,
              usual: counts.usual,
            })}
          </p>
          <div className="error-histogram">
            <ResponsiveContainer width="100%" height={160}>
              <BarChart data={bins} margin={{ top: 8, right: 16, bottom: 4, left: 0 }} barCategoryGap={0}>
                <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
                <XAxis
                  dataKey="x"
                  type="number"
                  domain={[0, largest]}
                  tickFormatter={(value: number) => value.toFixed(2)}
                  tick={{ fontSize: 11 }}
                />
                <YAxis tick={{ fontSize: 11 }} width={36} />
                <Tooltip isAnimationActive={false} labelFormatter={(value: number) => value.toFixed(3)} />
                <Legend />
                <Bar
                  dataKey="usual"
                  stackId="e"
                  name={t('playground.usual')}
                  fill="#0d9488"
                  isAnimationActive={false}
                />
                <Bar
                  dataKey="unusual"
                  stackId="e"
                  name={t('playground.unusual')}
                  fill="#dc2626"
                  isAnimationActive={false}
                />
                <ReferenceLine x={current} stroke="#111827" strokeDasharray="4 2" />
              </BarChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  );
}
