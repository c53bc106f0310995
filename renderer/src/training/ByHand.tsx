/**
 * Forward and backward by hand (issue 19), for a small network of Dense layers: one training
 * sample followed stage by stage, forward through each layer (each weighted sum and activation),
 * the loss, backward through each layer (the gradient of each weight), and the weights after one
 * optimiser step. A diagram with the numbers on its wires, and the arithmetic written out beside
 * it. Computed in the worker (`followByHand`), the same numbers as tf.js' own.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandSample, HandTrace } from '../../../shared/training/by-hand';
import { maxHandWeights } from '../../../shared/training/by-hand';
import { useInsideCall } from '../hooks/useInsideCall';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import { selectAnalysis } from '../store/selectors';
import { followSample } from './client';

/** A number as the arithmetic writes it: 4 significant digits, negatives in brackets inside a product. */
function figure(value: number): string {
  return String(Number(value.toPrecision(4)));
}
/** Shorter, for a unit or a wire of the diagram. */
function short(value: number): string {
  return String(Number(value.toPrecision(3)));
}
function factor(value: number): string {
  return value < 0 ? `(${figure(value)})` : figure(value);
}

/** Whether the network on the canvas is one the stepper follows: Dense layers, few weights. */
export function useFollowable(): boolean {
  return useAppStore((state) => {
    const analysis = selectAnalysis(state);
    if (!state.nodes.every((node) => node.data.kind === 'Input' || node.data.kind === 'Dense')) return false;
    if (state.nodes.filter((node) => node.data.kind === 'Input').length !== 1) return false;
    let weights = 0;
    for (const node of analysis.nodes.values()) weights += node.params ?? 0;
    return weights > 0 && weights <= maxHandWeights;
  });
}

type Stage =
  { kind: 'forward'; layer: number } | { kind: 'loss' } | { kind: 'backward'; layer: number } | { kind: 'update' };

function stagesOf(trace: HandTrace): Stage[] {
  const layers = trace.forward.map((_, layer) => layer);
  return [
    ...layers.map((layer): Stage => ({ kind: 'forward', layer })),
    { kind: 'loss' },
    ...[...layers].reverse().map((layer): Stage => ({ kind: 'backward', layer })),
    { kind: 'update' },
  ];
}

const columnGap = 150;
const rowGap = 44;
const radius = 19;

/** The network drawn as circles and wires, with the stage's numbers on them. */
function Diagram({
  trace,
  stage,
  focus,
  setFocus,
}: {
  trace: HandTrace;
  stage: Stage;
  focus: number;
  setFocus: (unit: number) => void;
}) {
  const { t } = useTranslation();
  const columns = [trace.input.length, ...trace.forward.map((layer) => layer.outputs.length)];
  const tallest = Math.max(...columns);
  const height = tallest * rowGap + 20;
  const width = (columns.length - 1) * columnGap + 90;
  const at = (column: number, unit: number) => ({
    x: 40 + column * columnGap,
    y: 20 + (tallest - (columns[column] ?? 0)) * (rowGap / 2) + unit * rowGap + rowGap / 2,
  });
  // The layer whose wires carry numbers now (1-based column of its units).
  const current = stage.kind === 'forward' || stage.kind === 'backward' ? stage.layer : null;
  const reached = stage.kind === 'forward' ? stage.layer : trace.forward.length - 1;
  const backward =
    stage.kind === 'backward' ? trace.backward.find((entry) => entry.name === trace.forward[stage.layer]?.name) : null;

  const nodeValue = (column: number, unit: number): number | null => {
    if (column === 0) return trace.input[unit] ?? null;
    const layer = column - 1;
    if (backward && layer === current) return backward.sumGradient[unit] ?? null;
    if (layer > reached) return null;
    return trace.forward[layer]?.outputs[unit] ?? null;
  };
  const wireValue = (layer: number, input: number, unit: number): number | null => {
    if (stage.kind === 'update') return trace.updated[layer]?.kernel[input]?.[unit] ?? null;
    if (layer !== current) return null;
    if (backward) return backward.kernelGradient[input]?.[unit] ?? null;
    return trace.forward[layer]?.kernel[input]?.[unit] ?? null;
  };
  return (
    <svg
      className="by-hand-diagram"
      width={width}
      height={height}
      role="img"
      aria-label={t('playground.byHand.diagram')}
      data-testid="by-hand-diagram"
    >
      {trace.forward.map((layer, index) =>
        layer.kernel.map((row, input) =>
          row.map((_, unit) => {
            const from = at(index, input);
            const to = at(index + 1, unit);
            const value = wireValue(index, input, unit);
            // Every wire's number for a small layer; for a wider one, the wires into the unit in focus.
            const labelled = row.length * layer.kernel.length <= 8 || unit === focus;
            return (
              <g key={`${index}-${input}-${unit}`} className={value !== null ? 'wire-live' : 'wire'}>
                <line x1={from.x + radius} y1={from.y} x2={to.x - radius} y2={to.y} />
                {labelled && value !== null && (
                  <text
                    x={from.x + radius + (to.x - from.x - 2 * radius) * 0.3}
                    y={from.y + (to.y - from.y) * 0.3 - 3}
                    className="wire-value"
                  >
                    {short(value)}
                  </text>
                )}
              </g>
            );
          }),
        ),
      )}
      {columns.map((count, column) =>
        Array.from({ length: count }, (_, unit) => {
          const { x, y } = at(column, unit);
          const value = nodeValue(column, unit);
          const isFocus = column > 0 && column - 1 === current && unit === focus;
          return (
            <g
              key={`${column}-${unit}`}
              className={`unit${isFocus ? ' is-focus' : ''}`}
              onClick={() => column > 0 && setFocus(unit)}
            >
              <circle cx={x} cy={y} r={radius} />
              <text x={x} y={y + 3} textAnchor="middle">
                {value === null ? '' : short(value)}
              </text>
            </g>
          );
        }),
      )}
    </svg>
  );
}

/** The stage's arithmetic, one line per unit or weight. */
function Arithmetic({ trace, stage }: { trace: HandTrace; stage: Stage }) {
  const { t } = useTranslation();
  const lines: string[] = [];
  if (stage.kind === 'forward') {
    const layer = trace.forward[stage.layer];
    layer?.sums.forEach((sum, unit) => {
      const terms = layer.inputs.map((a, input) => `${factor(layer.kernel[input]?.[unit] ?? 0)}·${factor(a)}`);
      if (layer.bias) terms.push(factor(layer.bias[unit] ?? 0));
      lines.push(
        `${t('playground.byHand.unit', { unit: unit + 1 })}: z = ${terms.join(' + ')} = ${figure(sum)} → ${layer.activation}(${figure(sum)}) = ${figure(layer.outputs[unit] ?? 0)}`,
      );
    });
  } else if (stage.kind === 'loss') {
    const outputs = trace.forward.at(-1)?.outputs ?? [];
    outputs.forEach((a, unit) =>
      lines.push(
        `${t('playground.byHand.output', { unit: unit + 1 })}: a = ${figure(a)}, ${t('playground.byHand.target')} y = ${figure(trace.target[unit] ?? 0)}`,
      ),
    );
    lines.push(
      `${trace.lossName}: L = ${t(`playground.byHand.lossFormula.${trace.lossName}`)} = ${figure(trace.loss)}`,
    );
  } else if (stage.kind === 'backward') {
    const layer = trace.forward[stage.layer];
    const backward = trace.backward.find((entry) => entry.name === layer?.name);
    if (layer && backward) {
      backward.sumGradient.forEach((g, unit) => {
        lines.push(
          `${t('playground.byHand.unit', { unit: unit + 1 })}: ∂L/∂a = ${figure(backward.outputGradient[unit] ?? 0)}; ∂L/∂z = ∂L/∂a · ${layer.activation}′(z) = ${figure(g)}`,
        );
        layer.inputs.forEach((a, input) =>
          lines.push(
            `   ∂L/∂w${input + 1},${unit + 1} = a${input + 1} · ∂L/∂z = ${factor(a)}·${factor(g)} = ${figure(backward.kernelGradient[input]?.[unit] ?? 0)}`,
          ),
        );
        if (backward.biasGradient) lines.push(`   ∂L/∂b${unit + 1} = ∂L/∂z = ${figure(g)}`);
      });
    }
  } else {
    lines.push(t('playground.byHand.stepRule', { optimizer: trace.optimizer, rate: trace.learningRate }));
    trace.forward.forEach((layer, index) => {
      const updated = trace.updated[index];
      layer.kernel.forEach((row, input) =>
        row.forEach((w, unit) =>
          lines.push(
            `${layer.name} w${input + 1},${unit + 1}: ${figure(w)} → ${figure(updated?.kernel[input]?.[unit] ?? 0)}`,
          ),
        ),
      );
      layer.bias?.forEach((b, unit) =>
        lines.push(`${layer.name} b${unit + 1}: ${figure(b)} → ${figure(updated?.bias?.[unit] ?? 0)}`),
      );
    });
  }
  return (
    <pre className="by-hand-arithmetic" tabIndex={0} data-testid="by-hand-arithmetic">
      {lines.join('\n')}
    </pre>
  );
}

export function ByHand({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [sample, setSample] = useState(0);
  const [followed, setFollowed] = useState<{ trace: HandTrace; samples: HandSample[] } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stageIndex, setStageIndex] = useState(0);
  const [focus, setFocus] = useState(0);
  const { call, scrollRef } = useInsideCall('by-hand');

  useEffect(() => {
    let current = true;
    void followSample(sample).then((reply) => {
      if (!current) return;
      if (reply.ok && 'trace' in reply) {
        setFollowed({ trace: reply.trace, samples: reply.samples });
        setProblem(null);
      } else if (!reply.ok) setProblem(localize(reply.problem));
    });
    return () => {
      current = false;
    };
  }, [sample, runId, localize]);

  const stages = useMemo(() => (followed ? stagesOf(followed.trace) : []), [followed]);
  const at = Math.min(stageIndex, Math.max(stages.length - 1, 0));
  const stage = stages[at];
  const trace = followed?.trace;
  const title = (() => {
    if (!stage || !trace) return '';
    if (stage.kind === 'forward' || stage.kind === 'backward')
      return t(`playground.byHand.${stage.kind}`, { layer: trace.forward[stage.layer]?.name ?? '' });
    return t(`playground.byHand.${stage.kind}`);
  })();

  return (
    <section
      className={`by-hand${call ? ' is-highlighted' : ''}`}
      key={call?.at ?? 'plain'}
      ref={scrollRef}
      aria-label={t('playground.byHand.title')}
      data-testid="by-hand"
    >
      <h3>{t('playground.byHand.title')}</h3>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {followed && trace && stage && (
        <>
          <div className="look-inside-controls">
            <label>
              {t('playground.byHand.sample')}{' '}
              <select value={sample} onChange={(event) => setSample(Number(event.target.value))}>
                {followed.samples.map((entry, index) => (
                  <option key={index} value={index}>
                    {`#${index + 1}: (${entry.x.map(figure).join(', ')}) → ${entry.y.map(figure).join(', ')}`}
                  </option>
                ))}
              </select>
            </label>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setStageIndex(Math.max(0, at - 1))}
              disabled={at === 0}
            >
              {t('playground.byHand.back')}
            </button>
            <button
              type="button"
              className="button-quiet"
              onClick={() => setStageIndex(Math.min(stages.length - 1, at + 1))}
              disabled={at === stages.length - 1}
            >
              {t('playground.byHand.next')}
            </button>
          </div>
          <p className="by-hand-stage" data-testid="by-hand-stage">
            {t('playground.byHand.stage', { stage: at + 1, count: stages.length, title })}
          </p>
          <div className="by-hand-body" tabIndex={0} role="group" aria-label={t('playground.byHand.diagram')}>
            <Diagram trace={trace} stage={stage} focus={focus} setFocus={setFocus} />
            <Arithmetic trace={trace} stage={stage} />
          </div>
        </>
      )}
    </section>
  );
}
