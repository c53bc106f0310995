/** A Host that keeps everything in memory, for tests and for the command line. */
import { defaultSettings, settingsSchema, type AppInfo, type Settings } from '../ipc/contract.js';
import type { Host } from './host.js';
import { isAllowedExternalUrl } from './external-links.js';

export class MemoryHost implements Host {
  readonly kind = 'memory' as const;
  readonly opened: string[] = [];
  private settings: Settings;

  constructor(
    private readonly info: AppInfo = { name: 'LayerLab', version: '0.0.0', platform: 'memory', locale: 'en-US' },
    settings: Settings = defaultSettings,
  ) {
    this.settings = { ...settings };
  }

  async appInfo(): Promise<AppInfo> {
    return { ...this.info };
  }

  async loadSettings(): Promise<Settings> {
    return { ...this.settings };
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = settingsSchema.parse(settings);
  }

  async openExternal(url: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url)) return false;
    this.opened.push(url);
    return true;
  }
}
