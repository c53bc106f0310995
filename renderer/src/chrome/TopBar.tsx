/** The top bar: the app's name and what it is for. Menus and commands join it in later work. */
import { useTranslation } from 'react-i18next';

export function TopBar() {
  const { t } = useTranslation();
  return (
    <header className="top-bar">
      <img className="top-bar-logo" src="./icon.svg" alt="" width={22} height={22} />
      <h1>LayerLab</h1>
      <span className="top-bar-tagline">{t('app.tagline')}</span>
    </header>
  );
}
