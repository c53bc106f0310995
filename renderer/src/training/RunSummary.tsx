import { useTranslation } from 'react-i18next';
import { useFigureFormat } from '../hooks/useProblemText';
import type { Run } from '../store/training-slice';

/**
 * Which run the playground asks, and how that run ended: the jump here after training would
 * otherwise hide the outcome line of the Training tab.
 */
export function RunSummary({ run }: { run: Run }) {
  const { t } = useTranslation();
  const formatFigure = useFigureFormat();
  const figures = Object.entries(run.outcome?.finalLogs ?? {})
    .map(([name, value]) => `${name} ${formatFigure(value)}`)
    .join(' · ');
  return (
    <p className="muted" data-testid="playground-run">
      {run.restored
        ? t('playground.usingRestored', { epochs: run.outcome?.epochsCompleted ?? 0, figures })
        : t('playground.usingRun', { run: run.number, epochs: run.outcome?.epochsCompleted ?? 0, figures })}
    </p>
  );
}
