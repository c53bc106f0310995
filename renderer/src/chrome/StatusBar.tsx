/** The status bar: what the canvas holds, its problems, where LayerLab runs, the language switch. */
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/vocabulary/localized';
import { backendLabels } from '../../../shared/training/backends';
import { useLocalize } from '../hooks/useLocalize';
import { useNumberFormat } from '../hooks/useProblemText';
import { useAppStore } from '../store';
import { selectAllProblems, selectAnalysis } from '../store/selectors';
import { toneOf } from '../problems/tone';

const languageNames: Record<Language, string> = { es: 'Español', en: 'English' };

interface StatusBarProps {
  onLanguageChange: (language: Language) => void;
  problemsOpen: boolean;
  onToggleProblems: () => void;
}

export function StatusBar({ onLanguageChange, problemsOpen, onToggleProblems }: StatusBarProps) {
  const { t } = useTranslation();
  const layerCount = useAppStore((state) => state.nodes.length);
  const wireCount = useAppStore((state) => state.edges.length);
  const totalParams = useAppStore((state) => selectAnalysis(state).totalParams);
  const errorCount = useAppStore(
    (state) => selectAllProblems(state).filter((found) => toneOf(found) === 'error').length,
  );
  const warningCount = useAppStore(
    (state) => selectAllProblems(state).filter((found) => toneOf(found) === 'warning').length,
  );
  const hintCount = useAppStore((state) => selectAllProblems(state).filter((found) => toneOf(found) === 'hint').length);
  const hostKind = useAppStore((state) => state.hostKind);
  const language = useAppStore((state) => state.language);
  const formatNumber = useNumberFormat();
  const localize = useLocalize();
  const backend = useAppStore((state) => [...state.runs].reverse().find((run) => run.backend)?.backend ?? null);

  return (
    <footer className="status-bar">
      <span data-testid="layer-count">{t('canvas.layerCount', { count: layerCount })}</span>
      <span data-testid="wire-count">{t('canvas.wireCount', { count: wireCount })}</span>
      <span data-testid="total-params">
        {t('status.params', { count: totalParams, formatted: formatNumber(totalParams) })}
      </span>
      <button
        type="button"
        className={`status-problems${errorCount > 0 ? ' has-errors' : warningCount > 0 ? ' has-warnings' : ''}`}
        aria-pressed={problemsOpen}
        onClick={onToggleProblems}
        data-testid="problem-count"
        title={problemsOpen ? t('problems.hide') : t('problems.show')}
      >
        {errorCount === 0 && warningCount === 0 && hintCount === 0
          ? t('problems.none')
          : [
              errorCount > 0 ? t('problems.errors', { count: errorCount }) : null,
              warningCount > 0 ? t('problems.warnings', { count: warningCount }) : null,
              hintCount > 0 ? t('problems.toWire', { count: hintCount }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
      </button>
      <span className="status-spacer" />
      <span
        className="status-backend"
        data-testid="status-backend"
        title={backend ? localize(backend.reason) : undefined}
      >
        {backend ? t('status.backend', { name: localize(backendLabels[backend.name]) }) : t('status.backendUnknown')}
      </span>
      <span className="status-host">{t(`status.host.${hostKind}`)}</span>
      <label className="status-language">
        <span>{t('status.language')}</span>
        <select
          value={language}
          data-testid="language"
          onChange={(event) => onLanguageChange(event.target.value as Language)}
        >
          {languages.map((option) => (
            <option key={option} value={option}>
              {languageNames[option]}
            </option>
          ))}
        </select>
      </label>
    </footer>
  );
}
