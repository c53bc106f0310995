/** The status bar: what the canvas holds, where LayerLab runs, and the language switch. */
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/localized';
import { useAppStore } from '../store';

const languageNames: Record<Language, string> = { es: 'Español', en: 'English' };

export function StatusBar({ onLanguageChange }: { onLanguageChange: (language: Language) => void }) {
  const { t } = useTranslation();
  const layerCount = useAppStore((state) => state.nodes.length);
  const wireCount = useAppStore((state) => state.edges.length);
  const hostKind = useAppStore((state) => state.hostKind);
  const language = useAppStore((state) => state.language);

  return (
    <footer className="status-bar">
      <span data-testid="layer-count">{t('canvas.layerCount', { count: layerCount })}</span>
      <span data-testid="wire-count">{t('canvas.wireCount', { count: wireCount })}</span>
      <span className="status-spacer" />
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
