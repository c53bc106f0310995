import { describe, expect, it } from 'vitest';
import { commands, formatShortcut, matchesShortcut } from './commands';

const key = (
  k: string,
  modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('the command table', () => {
  it('names every command in both languages, with unique ids and shortcuts', () => {
    const ids = commands.map((command) => command.id);
    expect(new Set(ids).size).toBe(ids.length);
    const shortcuts = commands.flatMap((command) => ('shortcut' in command ? [command.shortcut] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    for (const command of commands) {
      expect(command.label.en.length).toBeGreaterThan(0);
      expect(command.label.es.length).toBeGreaterThan(0);
    }
  });

  it('matches shortcuts with Ctrl on Linux and Windows, Cmd on macOS', () => {
    expect(matchesShortcut('Mod+Z', key('z', { ctrlKey: true }), false)).toBe(true);
    expect(matchesShortcut('Mod+Z', key('z', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesShortcut('Mod+Shift+Z', key('Z', { ctrlKey: true, shiftKey: true }), false)).toBe(true);
    expect(matchesShortcut('Mod+Z', key('z', { metaKey: true }), true)).toBe(true);
    expect(matchesShortcut('Mod+Z', key('z', { metaKey: true }), false)).toBe(false);
    expect(formatShortcut('Mod+Shift+P', false)).toBe('Ctrl+Shift+P');
    expect(formatShortcut('Mod+Shift+P', true)).toBe('⌘⇧P');
  });
});
