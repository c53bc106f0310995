/**
 * What main answers on each IPC channel, over the services it is given, so the answers are tested
 * without Electron. `registerIpcHandlers` has already checked the sender and the request.
 */
import type { AppInfo } from '../shared/ipc/contract.js';
import { isAllowedExternalUrl } from '../shared/host/external-links.js';
import type { IpcHandlers } from './ipc.js';
import type { OpenExternal } from './navigation.js';
import type { ProjectService } from './project-service.js';
import type { QuitGuard } from './quit.js';
import type { SettingsStore } from './settings-store.js';

export interface HandlerServices {
  /** Name, version, platform and system language of the running app. */
  readonly appInfo: () => AppInfo;
  readonly settings: SettingsStore;
  /** Opens a URL in the system browser (Electron's `shell.openExternal`). */
  readonly openExternal: OpenExternal;
  readonly projects: ProjectService;
  readonly quit: Pick<QuitGuard, 'ready'>;
}

/** The main-process handler of every channel of the contract. */
export function createHandlers(services: HandlerServices): IpcHandlers {
  const { projects } = services;
  return {
    'app:info': async () => services.appInfo(),
    'settings:load': () => services.settings.load(),
    'settings:save': async (settings) => {
      await services.settings.save(settings);
      return undefined;
    },
    'shell:open-external': async (url) => {
      // Checked again here: the renderer's own check is a convenience, this one is the rule.
      if (!isAllowedExternalUrl(url)) return false;
      try {
        await services.openExternal(url);
        return true;
      } catch {
        return false;
      }
    },
    'project:open': () => projects.open(),
    'project:open-recent': (file) => projects.openRecent(file),
    'project:save': (request) => projects.save(request),
    'project:save-as': (request) => projects.saveAs(request),
    'project:recent': () => projects.recent(),
    'autosave:write': async (content) => {
      await projects.writeAutosave(content);
      return undefined;
    },
    'autosave:read': () => projects.readAutosave(),
    'autosave:clear': async () => {
      await projects.clearAutosave();
      return undefined;
    },
    'app:quit-ready': async () => {
      services.quit.ready();
      return undefined;
    },
  };
}
