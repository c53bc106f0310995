/**
 * Everything platform-specific the renderer needs, behind one interface with an Electron, a
 * browser and an in-memory implementation (Netron's pattern). The renderer never asks which one
 * it has, except to show it.
 */
import type { AppInfo, Settings } from '../ipc/contract.js';

export type HostKind = 'electron' | 'browser' | 'memory';

export interface Host {
  readonly kind: HostKind;
  appInfo(): Promise<AppInfo>;
  loadSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Opens an allow-listed https link outside the app; answers whether it was opened. */
  openExternal(url: string): Promise<boolean>;
}
