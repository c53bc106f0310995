/** Every problem of the network in one list; a click shows the layer, a button applies the fix. */
import { useReactFlow } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useProblemText } from '../hooks/useProblemText';
import { useAppStore } from '../store';
import { selectAllProblems } from '../store/selectors';
import { toneOf } from './tone';

export function ProblemsPanel() {
  const { t } = useTranslation();
  const problems = useAppStore(selectAllProblems);
  const nodes = useAppStore((state) => state.nodes);
  const selectOnly = useAppStore((state) => state.selectOnly);
  const applyFix = useAppStore((state) => state.applyFix);
  const { message, fixLabel } = useProblemText();
  const { fitView } = useReactFlow();

  const show = (nodeId: string | null) => {
    if (!nodeId) return;
    selectOnly(nodeId);
    void fitView({ nodes: [{ id: nodeId }], duration: 300, maxZoom: 1.2 });
  };

  return (
    <section className="problems-panel" aria-label={t('problems.title')}>
      {problems.length === 0 ? (
        <p className="problems-none">{t('problems.none')}</p>
      ) : (
        <ul>
          {problems.map((problem, index) => {
            const name = nodes.find((node) => node.id === problem.nodeId)?.data.name;
            return (
              <li
                key={`${problem.code}-${problem.nodeId ?? 'graph'}-${index}`}
                className={`severity-${toneOf(problem)}`}
              >
                <span className="problem-icon" aria-hidden="true">
                  {{ error: '●', warning: '▲', hint: '○' }[toneOf(problem)]}
                </span>
                <button
                  type="button"
                  className="problem-where"
                  onClick={() => show(problem.nodeId)}
                  title={t('problems.select')}
                >
                  {name ?? t('problems.graph')}
                </button>
                <span className="problem-message">{message(problem)}</span>
                {problem.fix && (
                  <button type="button" className="fix-button" onClick={() => problem.fix && applyFix(problem.fix)}>
                    {fixLabel(problem.fix)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
