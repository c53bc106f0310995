/** Keras' `model.summary()` for the drawn network, as a table. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { summarize } from '../../../shared/graph/summary';
import { useNumberFormat } from '../hooks/useProblemText';
import { useAppStore } from '../store';
import { selectAnalysis, selectGraph } from '../store/selectors';

export function SummaryDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const graph = useAppStore(selectGraph);
  const analysis = useAppStore(selectAnalysis);
  const formatNumber = useNumberFormat();
  const closeButton = useRef<HTMLButtonElement>(null);
  const summary = summarize(graph, analysis);

  useEffect(() => {
    closeButton.current?.focus();
  }, []);

  return (
    <Dialog onClose={onClose} labelledBy="summary-title">
      <h2 id="summary-title">{t('summary.title')}</h2>
      {summary.rows.length === 0 ? (
        <p>{t('summary.empty')}</p>
      ) : (
        <table className="summary-table">
          <thead>
            <tr>
              <th>{t('summary.layer')}</th>
              <th>{t('summary.output')}</th>
              <th className="numeric">{t('summary.params')}</th>
              <th>{t('summary.connected')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.rows.map((row) => (
              <tr key={row.name}>
                <td>
                  {row.name} <span className="muted">({row.kind})</span>
                </td>
                <td className="mono">{row.outputShape}</td>
                <td className="numeric mono">{row.params === null ? '?' : formatNumber(row.params)}</td>
                <td className="mono">{row.connectedTo.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="summary-total" data-testid="summary-total">
        {t('summary.total', { formatted: formatNumber(summary.totalParams) })}
      </p>
      {summary.frozenParams > 0 && (
        <p className="summary-total" data-testid="summary-frozen">
          {t('summary.frozen', {
            trained: formatNumber(summary.totalParams - summary.frozenParams),
            frozen: formatNumber(summary.frozenParams),
          })}
        </p>
      )}
      {!summary.complete && summary.rows.length > 0 && <p className="summary-warning">{t('summary.unavailable')}</p>}
      <div className="dialog-actions">
        <button type="button" ref={closeButton} onClick={onClose}>
          {t('summary.close')}
        </button>
      </div>
    </Dialog>
  );
}
