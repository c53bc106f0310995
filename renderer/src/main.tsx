/** Starts the renderer: picks the Host, settles the language, mounts the app. */
import '@xyflow/react/dist/style.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { languageFromTag } from '../../shared/vocabulary/localized';
import { App } from './App';
import { detectHost } from './host';
import { HostContext } from './host/HostContext';
import { initI18n } from './i18n';
import { useAppStore } from './store';
import { watchOffWindowBuilds } from './data/built-off-window';
import { warmTraining } from './training/client';

async function start(): Promise<void> {
  const host = detectHost();
  const [settings, info] = await Promise.all([host.loadSettings(), host.appInfo()]);
  // The learner's choice wins; otherwise follow the system's language.
  const language = settings.language ?? languageFromTag(info.locale);
  await initI18n(language);
  document.documentElement.lang = language;
  // The gallery greets a new session: the course's lessons are the quickest way in.
  useAppStore.setState({ language, hostKind: host.kind, galleryOpen: true });
  watchOffWindowBuilds(useAppStore);

  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <HostContext.Provider value={host}>
        <App />
      </HostContext.Provider>
    </StrictMode>,
  );
  // While the learner looks at the gallery: the training worker readied for the first Train.
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(warmTraining, { timeout: 3000 });
  else setTimeout(warmTraining, 1000);
}

void start();
