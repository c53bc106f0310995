/** Why Train is not available right now, in the learner's words, or null when it is. */
import { useTranslation } from 'react-i18next';
import { toneOf } from '../problems/tone';
import { useAppStore } from '../store';
import { selectAnalysis, selectDataCheck } from '../store/selectors';

/** Why Train is not available, or null when it is. */
export function useTrainBlocker(): string | null {
  const { t } = useTranslation();
  const errorCount = useAppStore((state) => selectAnalysis(state).errorCount);
  const unwired = useAppStore(
    (state) => selectAnalysis(state).problems.filter((problem) => toneOf(problem) === 'hint').length,
  );
  const layerCount = useAppStore((state) => state.nodes.length);
  const data = useAppStore((state) => state.data);
  const check = useAppStore(selectDataCheck);
  const refused = useAppStore((state) => state.refusedFields);
  if (layerCount === 0) return t('training.blockedEmpty');
  if (refused.length > 0) return t('training.blockedField', { field: refused[0]?.split('.').at(-1) ?? '' });
  if (errorCount > 0 && errorCount === unwired) return t('training.blockedWiring', { count: unwired });
  if (errorCount > 0) return t('training.blockedErrors', { count: errorCount });
  if (!data) return t('training.blockedNoData');
  if (check.dataset && !check.dataset.ok) return t('training.blockedBadData');
  const errors = check.problems.filter((problem) => problem.severity === 'error');
  if (errors.some((problem) => problem.code.startsWith('train.'))) return t('training.blockedBudget');
  if (errors.length > 0) return t('training.blockedFit', { count: errors.length });
  return null;
}
