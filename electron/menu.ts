/**
 * The application menu, built from the app's command table (shared/vocabulary/commands.ts) like the web
 * menu bar, the shortcuts and the command palette: each item sends its command id to the page,
 * which runs it. macOS keeps its application and window menus; developer tools and reload stay
 * out of packaged builds, where a reload would drop the learner's unsaved graph.
 * Reads nothing but its arguments.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { commands, menuLabels, menus, type CommandId } from '../shared/vocabulary/commands.js';
import { localize, type Language } from '../shared/vocabulary/localized.js';

/** Electron writes Ctrl-or-Cmd as `CmdOrCtrl`. */
export function accelerator(shortcut: string): string {
  return shortcut.replace('Mod', 'CmdOrCtrl');
}

/** The menu template for `platform` (`process.platform`), labelled in `language`. */
export function createMenuTemplate(
  platform: string,
  isPackaged: boolean,
  language: Language = 'en',
  send: (command: CommandId) => void = () => undefined,
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }];
  const fromTable = menus.map((menu): MenuItemConstructorOptions => {
    const items = commands
      .filter((command) => command.menu === menu)
      .flatMap((command): MenuItemConstructorOptions[] => [
        ...('groupStart' in command && command.groupStart ? [{ type: 'separator' as const }] : []),
        {
          label: localize(command.label, language),
          ...('shortcut' in command ? { accelerator: accelerator(command.shortcut) } : {}),
          click: () => send(command.id),
        },
      ]);
    const extra: MenuItemConstructorOptions[] =
      menu === 'view' ? [...developerItems, { type: 'separator' }, { role: 'togglefullscreen' }] : [];
    return { label: localize(menuLabels[menu], language), submenu: [...items, ...extra] };
  });
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    ...fromTable,
    ...(isMac ? [{ role: 'windowMenu' } satisfies MenuItemConstructorOptions] : []),
  ];
}
