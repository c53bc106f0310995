/** The Host of the web build: settings in localStorage, links in a new tab. */
import { isAllowedExternalUrl } from '../../../shared/host/external-links';
import type { Host } from '../../../shared/host/host';
import { defaultSettings, settingsSchema, type AppInfo, type Settings } from '../../../shared/ipc/contract';

const settingsKey = 'layerlab.settings';

export class BrowserHost implements Host {
  readonly kind = 'browser' as const;

  async appInfo(): Promise<AppInfo> {
    return { name: 'LayerLab', version: __APP_VERSION__, platform: 'web', locale: navigator.language };
  }

  async loadSettings(): Promise<Settings> {
    try {
      const stored = localStorage.getItem(settingsKey);
      if (stored === null) return { ...defaultSettings };
      const parsed = settingsSchema.safeParse(JSON.parse(stored));
      return parsed.success ? parsed.data : { ...defaultSettings };
    } catch {
      // Storage can be disabled or hold garbage; neither may stop the app from starting.
      return { ...defaultSettings };
    }
  }

  async saveSettings(settings: Settings): Promise<void> {
    localStorage.setItem(settingsKey, JSON.stringify(settingsSchema.parse(settings)));
  }

  async openExternal(url: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url)) return false;
    return window.open(url, '_blank', 'noopener,noreferrer') !== null;
  }
}
