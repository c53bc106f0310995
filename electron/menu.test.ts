import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { commands } from '../shared/vocabulary/commands.js';
import { createMenuTemplate } from './menu.js';

/** Every item in the template, submenus included. */
function items(entries: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return entries.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}
const roles = (entries: MenuItemConstructorOptions[]) =>
  items(entries).flatMap((item) => (item.role ? [item.role] : []));

describe('createMenuTemplate', () => {
  it('has the macOS application and window menus only on macOS', () => {
    expect(roles(createMenuTemplate('darwin', true))).toEqual(expect.arrayContaining(['appMenu', 'windowMenu']));
    expect(roles(createMenuTemplate('win32', true))).not.toContain('appMenu');
    expect(roles(createMenuTemplate('linux', true))).not.toContain('appMenu');
  });

  it('offers reload and developer tools only outside packaged builds', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      const packaged = roles(createMenuTemplate(platform, true));
      expect(packaged).not.toContain('reload');
      expect(packaged).not.toContain('toggleDevTools');
      expect(roles(createMenuTemplate(platform, false))).toEqual(
        expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']),
      );
    }
  });

  it('holds every command of the table, in the chosen language, with its shortcut, and sends its id', () => {
    const sent: string[] = [];
    const template = createMenuTemplate('linux', true, 'es', (id) => sent.push(id));
    const labelled = items(template).filter((item) => typeof item.click === 'function');
    expect(labelled.map((item) => item.label)).toEqual(commands.map((command) => command.label.es));
    expect(template.map((menu) => menu.label)).toEqual(['Archivo', 'Edición', 'Ver', 'Entrenamiento', 'Ayuda']);
    const undo = labelled.find((item) => item.label === 'Deshacer');
    expect(undo?.accelerator).toBe('CmdOrCtrl+Z');
    for (const item of labelled) (item.click as () => void)();
    expect(sent).toEqual(commands.map((command) => command.id));
  });
});
