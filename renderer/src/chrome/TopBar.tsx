/** The top bar: the app's name and the network-wide actions. */
import { useTranslation } from 'react-i18next';
import { MenuBar } from '../commands/MenuBar';
import { TrainControl } from '../training/TrainControl';

export function TopBar({ onOpenSummary, onOpenGallery }: { onOpenSummary: () => void; onOpenGallery: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <img className="top-bar-logo" src="./icon.svg" alt="" width={22} height={22} />
      <h1>{t('app.name')}</h1>
      <MenuBar />
      <span className="top-bar-tagline">{t('app.tagline')}</span>
      <span className="status-spacer" />
      <TrainControl />
      <button type="button" className="button-quiet" onClick={onOpenGallery}>
        {t('gallery.open')}
      </button>
      <button type="button" className="button-quiet" onClick={onOpenSummary}>
        {t('summary.open')}
      </button>
    </header>
  );
}
