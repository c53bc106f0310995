/**
 * Training: the settings (refused at the field like the inspector's), Train and Stop, live progress
 * and the outcome of the run in words, next to the curves.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { backendLabels, backendNames, type BackendPreference } from '../../../shared/training/backends';
import { metricNames, trainingParams, type MetricName } from '../../../shared/training/settings';
import type { AnyParamValue } from '../../../shared/layers/params';
import { useLocalize } from '../hooks/useLocalize';
import { useFigureFormat, useNumberFormat, useProblemText } from '../hooks/useProblemText';
import { ParamField } from '../ui/ParamField';
import { TestSplitView } from './TestSplitView';
import { useAppStore } from '../store';
import { selectAnalysis, selectDataCheck, selectOutputNames, type DataCheck } from '../store/selectors';
import { outputLoss, outputTargetsOf } from '../../../shared/training/outputs';
import { isRunActive, type Run } from '../store/training-slice';
import { Charts, runLabel } from './Charts';
import { InsideTraining } from './InsideTraining';
import { takeTrainedLayers } from './client';
import { useTrainBlocker } from './useTrainBlocker';

function scrollIntoView(element: HTMLElement | null): void {
  element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

/** Settings shown only when they apply. */
function applies(name: keyof typeof trainingParams, optimizer: string, earlyStopping: boolean): boolean {
  if (name === 'momentum') return optimizer === 'sgd';
  if (name === 'patience' || name === 'restore_best_weights') return earlyStopping;
  return true;
}

function Outcome({ run }: { run: Run }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const { message } = useProblemText();
  const logs = run.outcome?.finalLogs ?? {};
  const formatFigure = useFigureFormat();
  const figures = Object.entries(logs)
    .map(([name, value]) => `${name} ${formatFigure(value)}`)
    .join(' · ');
  switch (run.phase) {
    case 'starting':
      return <p>{t('training.starting')}</p>;
    case 'running':
      return null;
    case 'completed':
      if (run.restored) {
        return (
          <p data-testid="run-outcome">
            {t('training.restored', { epochs: run.outcome?.epochsCompleted ?? 0, figures })}
          </p>
        );
      }
      return (
        <p data-testid="run-outcome">
          {t('training.completed', {
            epochs: run.outcome?.epochsCompleted,
            seconds: run.outcome?.seconds.toFixed(1),
            figures,
          })}
        </p>
      );
    case 'stopped':
      return (
        <p data-testid="run-outcome">{t('training.stopped', { epochs: run.outcome?.epochsCompleted ?? 0, figures })}</p>
      );
    case 'early-stopped':
      return (
        <p data-testid="run-outcome">{t('training.earlyStopped', { epochs: run.outcome?.epochsCompleted, figures })}</p>
      );
    case 'diverged':
      return (
        <p className="run-warning" data-testid="run-outcome" role="alert">
          {t('training.diverged', { detail: run.outcome?.detail ?? '' })}
        </p>
      );
    case 'interrupted':
      return (
        <p className="run-warning" data-testid="run-outcome" role="alert">
          {t('training.interrupted', { epochs: run.outcome?.epochsCompleted ?? 0 })}
        </p>
      );
    case 'failed':
      return (
        <p className="run-warning" data-testid="run-outcome" role="alert">
          {t('training.failed', { detail: run.outcome?.detail ?? run.failure ?? '' })}
        </p>
      );
    case 'refused':
      return (
        <div className="run-warning" data-testid="run-outcome" role="alert">
          <p>{t('training.refused')}</p>
          <ul>
            {run.dataProblem && <li>{localize(run.dataProblem)}</li>}
            {run.problems.map((problem, index) => (
              <li key={index}>{message(problem)}</li>
            ))}
          </ul>
        </div>
      );
  }
  return null;
}

function Progress({ run }: { run: Run }) {
  const { t } = useTranslation();
  const formatNumber = useNumberFormat();
  const latest = run.latest;
  const total = run.settings.epochs * (latest?.batchesPerEpoch ?? 1);
  const fraction = latest ? Math.min(1, latest.step / total) : 0;
  return (
    <div className="run-progress" data-testid="run-progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(fraction * 100)}
      >
        <div style={{ width: `${fraction * 100}%` }} />
      </div>
      {latest && (
        <p className="mono progress-text">
          {t(latest.metrics.g_loss === undefined ? 'training.progress' : 'training.progressGan', {
            epoch: latest.epoch + 1,
            epochs: run.settings.epochs,
            batch: latest.batch + 1,
            batches: latest.batchesPerEpoch,
            speed: formatNumber(Math.round(latest.samplesPerSecond)),
            left:
              latest.secondsLeft < 60
                ? `${Math.ceil(latest.secondsLeft)} s`
                : `${Math.ceil(latest.secondsLeft / 60)} min`,
            loss: latest.loss.toPrecision(4),
            gLoss: latest.metrics.g_loss?.toPrecision(4) ?? '',
          })}
        </p>
      )}
    </div>
  );
}

/** The settings column; it reads no progress, so streaming runs do not redraw it. */
function SettingsColumn() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const training = useAppStore((state) => state.training);
  const setTrainingParam = useAppStore((state) => state.setTrainingParam);
  const setMetrics = useAppStore((state) => state.setMetrics);
  const backendPreference = useAppStore((state) => state.backendPreference);
  const setBackendPreference = useAppStore((state) => state.setBackendPreference);
  const clearRuns = useAppStore((state) => state.clearRuns);
  const highlight = useAppStore((state) => (state.highlight?.kind === 'setting' ? state.highlight.name : null));
  const highlightAt = useAppStore((state) => state.highlight?.at ?? 0);
  const blocker = useTrainBlocker();
  const active = useAppStore((state) => isRunActive(state.runs[state.runs.length - 1]));
  const hasRuns = useAppStore((state) => state.runs.length > 0);

  const toggleMetric = (metric: MetricName, on: boolean) =>
    setMetrics(on ? [...training.metrics, metric] : training.metrics.filter((name) => name !== metric));

  return (
    <div className="training-settings">
      <div className="training-actions">
        {hasRuns && !active && (
          <button type="button" className="button-quiet" onClick={clearRuns}>
            {t('training.clearRuns')}
          </button>
        )}
      </div>
      {blocker && !active && <p className="training-blocker">{blocker}</p>}
      <label className="field">
        <span className="field-name">{t('training.backend')}</span>
        <select
          value={backendPreference}
          onChange={(event) => setBackendPreference(event.target.value as BackendPreference)}
          disabled={active}
        >
          <option value="auto">{t('training.backendAuto')}</option>
          {backendNames.map((name) => (
            <option key={name} value={name}>
              {localize(backendLabels[name])}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="field metrics-field" disabled={active}>
        <legend className="field-name">{t('training.metrics')}</legend>
        {metricNames.map((metric) => (
          <label key={metric}>
            <input
              type="checkbox"
              checked={training.metrics.includes(metric)}
              onChange={(event) => toggleMetric(metric, event.target.checked)}
            />{' '}
            {metric}
          </label>
        ))}
      </fieldset>
      <SeveralOutputsNote />
      <fieldset className="settings-fields" disabled={active}>
        {(Object.keys(trainingParams) as (keyof typeof trainingParams)[])
          .filter((name) => applies(name, training.optimizer, training.early_stopping))
          .map((name) => (
            <div
              key={highlight === name ? `${name}-${highlightAt}` : name}
              className={highlight === name ? 'is-highlighted' : undefined}
              ref={highlight === name ? scrollIntoView : undefined}
            >
              <ParamField
                name={name}
                field={`training.${name}`}
                spec={trainingParams[name]}
                value={training[name] as AnyParamValue}
                onCommit={(value) => setTrainingParam(name, value)}
              />
            </div>
          ))}
      </fieldset>
    </div>
  );
}

/** The loss each output trains with, by its name (`kind sparse_categorical_crossentropy, …`); '' for one output. */
const selectOutputLosses = (state: Parameters<typeof selectDataCheck>[0]): string => {
  const built: DataCheck['dataset'] = selectDataCheck(state).dataset;
  const names = selectOutputNames(state);
  const outputs = built?.ok ? built.dataset.outputs : undefined;
  // An output the data gives no column: the problems say so, and nothing trains yet.
  if (!outputs || !names.every((name) => outputs.some((output) => output.name === name))) return '';
  const analysis = selectAnalysis(state);
  return (outputTargetsOf(outputs, names) ?? [])
    .map((output, index) => {
      const units = analysis.nodes.get(analysis.outputs[index] ?? '')?.shape?.at(-1);
      return `${output.name} ${outputLoss(output.target, typeof units === 'number' ? units : null, state.training)}`;
    })
    .join(', ');
};

/** A network predicting several columns: each output trains with the loss its column calls for, not the one below. */
function SeveralOutputsNote() {
  const { t } = useTranslation();
  const losses = useAppStore(selectOutputLosses);
  if (losses === '') return null;
  return (
    <p className="muted" data-testid="outputs-loss">
      {t('training.severalOutputsLoss', { losses })}
    </p>
  );
}

/** The current run's status and progress, and the curves of every run. */
/**
 * After a finished run: keep the trained weights in the layers, so the next run continues from
 * them, and layers copied into another network (Ctrl+C, Ctrl+V) start from them there.
 */
function KeepWeights() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const lastTrained = useAppStore((state) => state.lastTrained);
  const currentId = useAppStore((state) => state.runs[state.runs.length - 1]?.id ?? null);
  const [message, setMessage] = useState<{ text: string; failed: boolean } | null>(null);
  if (!lastTrained || lastTrained.runId !== currentId) return null;
  const keep = async () => {
    const state = useAppStore.getState();
    const analysis = selectAnalysis(state);
    const names = state.nodes
      .filter((node) => (analysis.nodes.get(node.id)?.params ?? 0) > 0)
      .map((node) => node.data.name);
    const taken = await takeTrainedLayers(lastTrained.runId, names, localize(lastTrained.title));
    setMessage(
      taken.ok
        ? { text: t('training.weightsKept', { count: taken.received.length }), failed: false }
        : { text: localize(taken.problem), failed: true },
    );
  };
  return (
    <div className="keep-weights">
      <button type="button" className="button-quiet" onClick={() => void keep()}>
        {t('training.keepWeights')}
      </button>
      {message && (
        <p className={message.failed ? 'field-error' : 'muted'} role={message.failed ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

function RunColumn() {
  const { t } = useTranslation();
  const language = useAppStore((state) => state.language);
  const localize = useLocalize();
  const current = useAppStore((state) => state.runs[state.runs.length - 1]);
  return (
    // Scrolls when the curves outgrow the dock: focusable, so the keyboard can scroll it too.
    <div className="training-main" role="region" aria-label={t('training.runColumn')} tabIndex={0}>
      {current && (
        <div className="run-status" data-testid="run-status" data-phase={current.phase}>
          <p className="run-title">
            <strong>{runLabel(current, language)}</strong>
            {current.backend && (
              <span className="muted" data-testid="run-backend">
                {' '}
                · {localize(backendLabels[current.backend.name])} — {localize(current.backend.reason)}
                {current.backend.attempts
                  .filter((attempt) => !attempt.ok)
                  .map((attempt) => ` ${t('training.backendFailed', { name: attempt.name, error: attempt.error })}`)
                  .join('')}
              </span>
            )}
          </p>
          {(current.phase === 'running' || current.latest) && <Progress run={current} />}
          <Outcome run={current} />
          {current.outcome?.test && <TestSplitView result={current.outcome.test} />}
          <KeepWeights key={current.id} />
        </div>
      )}
      <Charts />
      <InsideTraining />
    </div>
  );
}

export function TrainingPanel() {
  return (
    <div className="training-panel">
      <SettingsColumn />
      <RunColumn />
    </div>
  );
}
