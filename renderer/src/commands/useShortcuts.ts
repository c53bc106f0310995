import { useEffect } from 'react';
import { commands, matchesShortcut, type CommandId } from '../../../shared/vocabulary/commands';
import { runCommand } from './registry';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** In a text field, its own editing keys win; only these commands still apply there. */
const globalInFields = new Set<CommandId>([
  'file.save',
  'file.saveAs',
  'file.open',
  'file.new',
  'view.commandPalette',
  'file.exportCode',
  'train.start',
  'train.stop',
]);

function isEditable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT')
  );
}

/** The keyboard shortcuts of the command table, on the whole window. */
export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const editable = isEditable(event.target);
      for (const command of commands) {
        if (!('shortcut' in command) || !matchesShortcut(command.shortcut, event, isMac)) continue;
        if (editable && !globalInFields.has(command.id)) return;
        event.preventDefault();
        runCommand(command.id);
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
