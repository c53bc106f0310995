import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { createMenuTemplate } from './menu.js';

/** Every role in the template, submenus included. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('createMenuTemplate', () => {
  it('has the macOS application menu only on macOS', () => {
    expect(roles(createMenuTemplate('darwin', true))).toContain('appMenu');
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

  it('always has the edit menu, so copy and paste work in text fields', () => {
    expect(roles(createMenuTemplate('linux', true))).toContain('editMenu');
  });
});
