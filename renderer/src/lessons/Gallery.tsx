/** The lesson gallery: every template, grouped by the course's modules, each with its network. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { courseModules } from '../../../shared/templates/template';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import { NetworkThumbnail } from './NetworkThumbnail';
import { lessonLibrary } from './templates';

export function Gallery() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const close = useAppStore((state) => state.closeGallery);
  const openTemplate = useAppStore((state) => state.openTemplate);
  const first = useRef<HTMLButtonElement>(null);
  const modules = [...new Set(lessonLibrary.templates.map((template) => template.module))];

  useEffect(() => {
    first.current?.focus();
  }, []);

  return (
    <Dialog onClose={close} labelledBy="gallery-title" className="gallery">
      <header className="gallery-header">
        <h2 id="gallery-title">{t('gallery.title')}</h2>
        <button type="button" className="button-quiet" onClick={close}>
          {t('gallery.empty')}
        </button>
      </header>
      <p className="muted">{t('gallery.intro')}</p>
      {modules.map((module) => (
        <section
          key={module}
          className="gallery-module"
          aria-label={localize(courseModules[module] ?? { en: '', es: '' })}
        >
          <h3>
            {t('gallery.module', { number: module })} · {localize(courseModules[module] ?? { en: '', es: '' })}
          </h3>
          <ul className="gallery-cards">
            {lessonLibrary.templates
              .filter((template) => template.module === module)
              .map((template, index) => (
                <li key={template.id}>
                  <button
                    type="button"
                    className="gallery-card"
                    ref={module === modules[0] && index === 0 ? first : undefined}
                    onClick={() => openTemplate(template)}
                    data-testid={`template-${template.id}`}
                  >
                    <NetworkThumbnail graph={template.graph} />
                    <span className="gallery-card-lesson">{t('gallery.lesson', { lesson: template.lesson })}</span>
                    <strong>{localize(template.title)}</strong>
                    <span className="muted">{localize(template.summary)}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
      {lessonLibrary.broken.length > 0 && (
        <section className="gallery-broken" role="alert">
          <h3>{t('gallery.broken')}</h3>
          <ul>
            {lessonLibrary.broken.map((entry) => (
              <li key={entry.name}>
                <code>{entry.name}</code>: {entry.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </Dialog>
  );
}
