/**
 * Train and Stop, one click from anywhere (the top bar) and from the keyboard (Ctrl+Enter,
 * Ctrl+.): Train starts the run and opens the Training tab to its curves; when something is
 * missing it says what, right under the button, instead of doing nothing.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut } from '../../../shared/vocabulary/commands';
import { registerCommand } from '../commands/registry';
import { isMac } from '../commands/useShortcuts';
import { useAppStore } from '../store';
import { isRunActive } from '../store/training-slice';
import { startTraining, stopTraining } from './client';
import { useTrainBlocker } from './useTrainBlocker';

export function TrainControl() {
  const { t } = useTranslation();
  const blocker = useTrainBlocker();
  const run = useAppStore((state) => state.runs[state.runs.length - 1]);
  const active = isRunActive(run);
  const setDockTab = useAppStore((state) => state.setDockTab);
  const [why, setWhy] = useState<string | null>(null);

  const train = useCallback(() => {
    if (isRunActive(useAppStore.getState().runs.at(-1))) return;
    if (blocker !== null) {
      setWhy(blocker);
      return;
    }
    setWhy(null);
    setDockTab('training');
    startTraining();
  }, [blocker, setDockTab]);

  const stop = useCallback(() => {
    const current = useAppStore.getState().runs.at(-1);
    if (current && isRunActive(current)) stopTraining(current.id);
  }, []);

  useEffect(() => registerCommand('train.start', train), [train]);
  useEffect(() => registerCommand('train.stop', stop), [stop]);
  // The reason goes once it no longer holds.
  if (why !== null && blocker !== why) setWhy(blocker);

  const progress = run?.latest
    ? t('training.epochOf', { epoch: run.latest.epoch + 1, epochs: run.settings.epochs })
    : '';
  return (
    <div className="train-control">
      {active ? (
        <button
          type="button"
          className="button-primary button-stop"
          onClick={stop}
          title={formatShortcut('Mod+.', isMac)}
          data-testid="top-stop"
        >
          {t('training.stop')}
          {progress && <span className="train-progress"> · {progress}</span>}
        </button>
      ) : (
        <button
          type="button"
          className="button-primary"
          aria-disabled={blocker !== null}
          aria-describedby={why ? 'train-why' : undefined}
          onClick={train}
          title={blocker ?? formatShortcut('Mod+Enter', isMac)}
          data-testid="top-train"
        >
          {t('training.train')}
        </button>
      )}
      {why && !active && (
        <div className="train-why" id="train-why" role="alert">
          <p>{why}</p>
          <button type="button" className="button-quiet" onClick={() => setWhy(null)}>
            {t('training.gotIt')}
          </button>
        </div>
      )}
    </div>
  );
}
