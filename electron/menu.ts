/**
 * The application menu: Electron's standard roles only, until the app's command table exists.
 * Developer tools and reload are left out of packaged builds, where a reload would drop the
 * learner's unsaved graph. Reads nothing but its arguments.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** The menu template for `platform` (`process.platform`). */
export function createMenuTemplate(platform: string, isPackaged: boolean): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developerItems,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
  ];
}
