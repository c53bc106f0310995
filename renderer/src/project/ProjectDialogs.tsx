/**
 * What the project layer shows: the title with its unsaved marker, a notice line for saves and
 * failed opens, the restore prompt for unsaved work from last time, and the recent-files list.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import type { RecentProject } from '../../../shared/host/host';
import { useHost } from '../host/HostContext';
import { useAppStore } from '../store';
import { selectDirty, untitled } from '../store/project-slice';
import { findAutosave, openRecent, restoreAutosave } from './file-actions';

/** Keeps the window title as `● name — LayerLab` (● while unsaved) and asks before closing. */
export function useProjectTitle(): void {
  const name = useAppStore((state) => state.projectName);
  const dirty = useAppStore(selectDirty);
  const readOnly = useAppStore((state) => state.readOnly);
  const { t } = useTranslation();
  useEffect(() => {
    // A project never named is "Untitled" in the file, and in the learner's language on screen.
    const shown = name === untitled ? t('project.untitled') : name;
    document.title = `${dirty ? '● ' : ''}${shown}${readOnly ? ` (${t('project.readOnlyTag')})` : ''} — ${t('app.name')}`;
  }, [name, dirty, readOnly, t]);
  useEffect(() => {
    if (!dirty) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [dirty]);
}

export function NoticeBar() {
  const notice = useAppStore((state) => state.notice);
  const setNotice = useAppStore((state) => state.setNotice);
  const { t } = useTranslation();
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice, setNotice]);
  if (!notice) return null;
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <span>{notice.text}</span>
      <button type="button" className="button-quiet" onClick={() => setNotice(null)}>
        {t('summary.close')}
      </button>
    </div>
  );
}

/** Offers back the unsaved work the last session left, once, at start. */
export function RestorePrompt() {
  const host = useHost();
  const { t, i18n } = useTranslation();
  const [kept, setKept] = useState<Awaited<ReturnType<typeof findAutosave>>>(null);
  useEffect(() => {
    void findAutosave(host).then((found) => {
      if (!found) return;
      setKept(found);
      // The restore question comes before the gallery.
      useAppStore.getState().closeGallery();
    });
  }, [host]);
  if (!kept) return null;
  const when = new Date(kept.savedAt).toLocaleString(i18n.language === 'es' ? 'es-ES' : 'en-US');
  return (
    <div className="dialog-backdrop">
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="restore-title">
        <h2 id="restore-title">{t('project.restoreTitle')}</h2>
        <p>{t('project.restoreBody', { name: kept.name, when })}</p>
        <div className="dialog-actions">
          <button
            type="button"
            onClick={() => {
              void host.clearAutosave();
              setKept(null);
            }}
          >
            {t('project.discard')}
          </button>
          <button
            type="button"
            className="button-primary"
            onClick={() => {
              restoreAutosave(kept.content, kept.data);
              setKept(null);
            }}
          >
            {t('project.restore')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function RecentDialog({ onClose }: { onClose: () => void }) {
  const host = useHost();
  const { t } = useTranslation();
  const [recent, setRecent] = useState<RecentProject[] | null>(null);
  useEffect(() => {
    void host.recentProjects().then(setRecent, () => setRecent([]));
  }, [host]);
  return (
    <Dialog onClose={onClose} labelledBy="recent-title">
      <h2 id="recent-title">{t('project.recentTitle')}</h2>
      {recent?.length === 0 && <p className="muted">{t('project.recentNone')}</p>}
      <ul className="recent-list">
        {recent?.map((entry) => (
          <li key={`${entry.path ?? ''}${entry.name}`}>
            <button
              type="button"
              className="button-quiet"
              onClick={() => {
                onClose();
                void openRecent(host, entry.path ?? entry.name);
              }}
            >
              <strong>{entry.name}</strong> <span className="muted">{entry.path ?? ''}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('summary.close')}
        </button>
      </div>
    </Dialog>
  );
}
