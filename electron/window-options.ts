/**
 * The options of every LayerLab window. The one place they are built, so the security settings
 * (RELIABILITY.md item 1) cannot drift between windows. Reads nothing but its arguments.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** Background painted before the page draws, matching the light UI so there is no white flash. */
export const windowBackgroundColor = '#f6f7f9';

/**
 * Options for a LayerLab window whose page gets its bridge from the preload at `preloadPath`.
 * The window starts hidden; the caller shows it on `ready-to-show`.
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'LayerLab',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    backgroundColor: windowBackgroundColor,
    show: false,
    webPreferences: {
      preload: preloadPath,
      // The page gets no Node: it talks to main only through the preload's typed bridge.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      // Spellcheck would download dictionaries from Google and underline layer names.
      spellcheck: false,
    },
  };
}
