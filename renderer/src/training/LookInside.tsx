/**
 * Look inside (issue 19): after a question, what one layer of the trained network computes for
 * it, computed in the worker (`lookInside`). Any layer's output as a strip of coloured cells; a
 * SimpleRNN's, LSTM's or GRU's state after each time step as a step × unit heatmap labelled with
 * what each step read, the gates per step on request, and a slider that walks through the steps.
 * Values show on hover. Nothing is computed while the playground is closed.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLayerKind, layerDef } from '../../../shared/layers/registry';
import { readingOrder, type LayerLook } from '../../../shared/training/inspect';
import { useInsideCall } from '../hooks/useInsideCall';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import { ChannelImages, featureMapGrid, filterGrid, shade } from './ChannelImages';
import { inspectLayer } from './client';

/** The layers a learner can look inside, in the graph's order (one string from the store: few re-renders). */
function useLayers(): { name: string; recurrent: boolean; input: boolean }[] {
  const listed = useAppStore((state) => JSON.stringify(state.nodes.map((node) => [node.data.kind, node.data.name])));
  return (JSON.parse(listed) as [string, string][]).map(([kind, name]) => ({
    name,
    recurrent: isLayerKind(kind) && layerDef(kind).traits?.recurrent === true,
    input: kind === 'Input',
  }));
}

const cellHeight = 14;

/**
 * Rows of values as a heatmap: one row a label, one cell a unit, coloured against the largest;
 * the current row outlined, and the value under the pointer named below. Drawn on one canvas:
 * an LSTM's gates over 25 steps of 128 units are 19,200 cells, which as table cells took half a
 * second to show (bench/inside-cost.ts).
 */
function Heatmap({
  caption,
  labels,
  rows,
  current,
  testId,
}: {
  caption: string;
  labels: readonly string[];
  rows: number[][];
  current: number | null;
  testId: string;
}) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const largest = useMemo(() => Math.max(1e-9, ...rows.flatMap((row) => row.map(Math.abs))), [rows]);
  const units = Math.max(0, ...rows.map((row) => row.length));
  // Wide layers get narrower cells, down to 3 pixels; a few units stay 9 wide.
  const cellWidth = Math.min(9, Math.max(3, Math.floor(720 / Math.max(units, 1))));
  const width = units * cellWidth;
  const height = rows.length * cellHeight;
  useEffect(() => {
    const context = canvas.current?.getContext('2d');
    if (!context || width === 0 || height === 0) return;
    // Pixels written straight into one buffer: a fill per cell cost 65 ms for 19,200 cells.
    const image = context.createImageData(width, height);
    const pixels = new Uint32Array(image.data.buffer);
    pixels.fill(0xffffffff);
    rows.forEach((row, index) => {
      // The row's first line of pixels, cell by cell; its other lines are copies of it.
      const top = index * cellHeight * width;
      row.forEach((value, unit) => {
        const [r, g, b] = shade(value, largest);
        // Little-endian RGBA: alpha in the top byte.
        const colour = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
        const start = top + unit * cellWidth;
        for (let x = 0; x < cellWidth - 1; x += 1) pixels[start + x] = colour;
      });
      for (let line = 1; line < cellHeight - 1; line += 1) pixels.copyWithin(top + line * width, top, top + width);
    });
    context.putImageData(image, 0, 0);
    if (current !== null) {
      context.strokeStyle = '#222';
      context.lineWidth = 1.5;
      context.strokeRect(0.75, current * cellHeight + 0.75, width - 1.5, cellHeight - 1.5);
    }
  }, [rows, current, largest, width, height, cellWidth]);
  return (
    // Focusable: a wide heatmap scrolls sideways, and the keyboard must be able to scroll it too.
    <figure className="heatmap" tabIndex={0} data-testid={testId} data-rows={rows.length} data-units={units}>
      <figcaption>{caption}</figcaption>
      <div className="heatmap-body">
        <table className="heatmap-labels">
          <tbody>
            {rows.map((_, index) => (
              <tr key={index} className={index === current ? 'heatmap-current' : undefined}>
                <th scope="row" className="mono">
                  {labels[index] ?? ''}
                </th>
              </tr>
            ))}
          </tbody>
        </table>
        <canvas
          ref={canvas}
          width={width}
          height={height}
          onMouseMove={(event) => {
            const box = event.currentTarget.getBoundingClientRect();
            const unit = Math.floor((event.clientX - box.left) / cellWidth);
            const index = Math.floor((event.clientY - box.top) / cellHeight);
            const value = rows[index]?.[unit];
            setHovered(
              value === undefined
                ? null
                : t('playground.inside.cellAt', {
                    label: labels[index] ?? '',
                    unit: unit + 1,
                    value: value.toFixed(3),
                  }),
            );
          }}
          onMouseLeave={() => setHovered(null)}
        />
      </div>
      <p className="muted mono channel-hover" aria-live="polite">
        {hovered ?? '\u00a0'}
      </p>
    </figure>
  );
}

export function LookInside({ question, asked }: { question: string; asked: number }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const layers = useLayers();
  // Shown first: the first recurrent layer, else the first layer past the inputs.
  const first = (layers.find((entry) => entry.recurrent) ?? layers.find((entry) => !entry.input) ?? layers[0])?.name;
  const [chosen, setChosen] = useState<string | null>(null);
  const layer = chosen !== null && layers.some((entry) => entry.name === chosen) ? chosen : first;
  const [gates, setGates] = useState(false);
  const [look, setLook] = useState<LayerLook | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [step, setStep] = useState(0);
  const [filterInput, setFilterInput] = useState(0);
  // A lesson step that asks to watch the gates turns them on, each time it asks.
  const { call, scrollRef } = useInsideCall('playground');
  const [seenCall, setSeenCall] = useState<number | null>(null);
  if (call && call.at !== seenCall) {
    setSeenCall(call.at);
    if (call.gates) setGates(true);
  }
  // A layer clicked on the canvas is the one looked inside.
  const selected = useAppStore((state) => state.nodes.find((node) => node.selected)?.data.name ?? null);
  const [seenSelected, setSeenSelected] = useState(selected);
  if (selected !== seenSelected) {
    setSeenSelected(selected);
    if (selected !== null) setChosen(selected);
  }

  useEffect(() => {
    if (layer === undefined) return;
    let current = true;
    void inspectLayer(question, layer).then((reply) => {
      if (!current) return;
      if (reply.ok && 'look' in reply) {
        setLook(reply.look);
        setProblem(null);
        setStep((reply.look.steps?.labels.length ?? 1) - 1);
      } else if (!reply.ok) {
        setLook(null);
        setProblem(localize(reply.problem));
      }
    });
    return () => {
      current = false;
    };
  }, [question, asked, layer, localize]);

  const steps = look?.steps ?? null;
  const count = steps?.labels.length ?? 0;
  // The canvas marks the layer looked inside, and the step shown.
  const setLookingInside = useAppStore((state) => state.setLookingInside);
  const stepText = count > 1 ? t('node.insideStep', { step: step + 1, count, read: steps?.labels[step] ?? '' }) : null;
  useEffect(() => {
    setLookingInside(look ? { layer: look.layer, step: stepText } : null);
  }, [look, stepText, setLookingInside]);
  useEffect(() => () => setLookingInside(null), [setLookingInside]);
  const hasGates = steps?.directions.some((direction) => direction.gates.length > 0) ?? false;
  const width = look && look.shape.length > 0 ? (look.shape[look.shape.length - 1] ?? 1) : 1;
  // An image-shaped output (height, width, channels): its channels as images, not rows of cells.
  const maps = useMemo(() => (look?.shape.length === 3 ? featureMapGrid(look.shape, look.values) : null), [look]);
  const inputs = look?.filters?.shape[2] ?? 1;
  const filters = useMemo(
    () =>
      look?.filters ? filterGrid(look.filters.shape, look.filters.values, Math.min(filterInput, inputs - 1)) : null,
    [look, filterInput, inputs],
  );
  const outputRows =
    look && !maps
      ? Array.from({ length: Math.ceil(look.values.length / width) }, (_, row) =>
          look.values.slice(row * width, (row + 1) * width),
        )
      : [];

  return (
    <section
      className={`look-inside${call ? ' is-highlighted' : ''}`}
      key={call?.at ?? 'plain'}
      ref={scrollRef}
      aria-label={t('playground.inside.title')}
      data-testid="look-inside"
    >
      <h3>{t('playground.inside.title')}</h3>
      <div className="look-inside-controls">
        <label>
          {t('playground.inside.layer')}{' '}
          <select value={layer ?? ''} onChange={(event) => setChosen(event.target.value)}>
            {layers.map((entry) => (
              <option key={entry.name} value={entry.name}>
                {entry.name}
              </option>
            ))}
          </select>
        </label>
        {hasGates && (
          <label>
            <input type="checkbox" checked={gates} onChange={(event) => setGates(event.target.checked)} />{' '}
            {t('playground.inside.showGates')}
          </label>
        )}
        {count > 1 && (
          <label>
            {t('playground.inside.step', { step: step + 1, count, read: steps?.labels[step] ?? '' })}{' '}
            <input
              type="range"
              min={1}
              max={count}
              value={step + 1}
              onChange={(event) => setStep(Number(event.target.value) - 1)}
            />
          </label>
        )}
      </div>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {look?.noSteps && <p className="muted">{localize(look.noSteps)}</p>}
      {look && maps && (
        <ChannelImages
          caption={t('playground.inside.maps', {
            layer: look.layer,
            count: maps.channels,
            height: maps.height,
            width: maps.width,
          })}
          grid={maps}
          count={maps.channels}
          labelOf={(channel) => t('playground.inside.channel', { channel: channel + 1 })}
          testId="look-maps"
        />
      )}
      {look && filters && (
        <>
          {inputs > 1 && (
            <label className="look-inside-controls">
              {t('playground.inside.filterInput')}{' '}
              <select
                value={Math.min(filterInput, inputs - 1)}
                onChange={(event) => setFilterInput(Number(event.target.value))}
              >
                {Array.from({ length: inputs }, (_, input) => (
                  <option key={input} value={input}>
                    {input + 1}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ChannelImages
            caption={t('playground.inside.filters', {
              layer: look.layer,
              count: filters.filters,
              height: filters.height,
              width: filters.width,
              input: Math.min(filterInput, inputs - 1) + 1,
            })}
            grid={filters}
            count={filters.filters}
            labelOf={(filter) => t('playground.inside.filter', { filter: filter + 1 })}
            testId="look-filters"
          />
        </>
      )}
      {look && !steps && !maps && (
        <Heatmap
          caption={t('playground.inside.output', { layer: look.layer, shape: look.shape.join(' × ') })}
          labels={outputRows.length > 1 ? outputRows.map((_, row) => String(row + 1)) : ['']}
          rows={outputRows}
          current={null}
          testId="look-output"
        />
      )}
      {steps?.directions.map((direction) => {
        const labels = readingOrder(steps.labels, direction);
        const row = direction.backwards ? count - 1 - step : step;
        const prefix = steps.directions.length > 1 ? `${t(`playground.inside.${direction.direction}`)}: ` : '';
        return (
          <div key={direction.direction} className="look-inside-direction">
            <Heatmap
              caption={`${prefix}${t('playground.inside.states', { layer: look?.layer ?? '', units: direction.states[0]?.length ?? 0 })}`}
              labels={labels}
              rows={direction.states}
              current={row}
              testId={`look-states-${direction.direction}`}
            />
            {gates && direction.memory && (
              <Heatmap
                caption={`${prefix}${t('playground.inside.memory')}`}
                labels={labels}
                rows={direction.memory}
                current={row}
                testId={`look-memory-${direction.direction}`}
              />
            )}
            {gates &&
              direction.gates.map((gate) => (
                <Heatmap
                  key={gate.name}
                  caption={`${prefix}${t(`playground.inside.gate.${gate.name}`)}`}
                  labels={labels}
                  rows={gate.values}
                  current={row}
                  testId={`look-gate-${gate.name}-${direction.direction}`}
                />
              ))}
          </div>
        );
      })}
    </section>
  );
}
