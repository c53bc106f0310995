/**
 * What each command of the shared command table does in the renderer. Menus (native and web), the
 * keyboard shortcuts and the command palette all run commands through `runCommand`.
 */
import type { CommandId } from '../../../shared/vocabulary/commands';
import { useAppStore } from '../store';

type Handler = () => void | Promise<void>;

const handlers = new Map<CommandId, Handler>();

/** Components that own a command's UI (a dialog, the canvas view) register its handler. */
export function registerCommand(id: CommandId, handler: Handler): () => void {
  handlers.set(id, handler);
  return () => {
    if (handlers.get(id) === handler) handlers.delete(id);
  };
}

/** Commands that need nothing but the store. */
const storeCommands: Partial<Record<CommandId, Handler>> = {
  'edit.undo': () => useAppStore.temporal.getState().undo(),
  'edit.redo': () => useAppStore.temporal.getState().redo(),
  'edit.copy': () => {
    const clipboard = useAppStore.getState().copySelection();
    // Also on the system clipboard as JSON, where the platform allows it (best effort).
    if (clipboard) void navigator.clipboard?.writeText(JSON.stringify(clipboard)).catch(() => undefined);
  },
  'edit.cut': () => useAppStore.getState().cutSelection(),
  'edit.paste': () => useAppStore.getState().paste(),
  'edit.duplicate': () => useAppStore.getState().duplicateSelection(),
  'edit.selectAll': () => useAppStore.getState().selectAll(),
  'view.autoLayout': () => useAppStore.getState().arrangeLayers(),
  'file.newFromLesson': () => useAppStore.getState().openGallery(),
};

/** What an editing command does in a text field: the field's own editing, not the canvas's. */
const textEditing: Partial<Record<CommandId, string>> = {
  'edit.undo': 'undo',
  'edit.redo': 'redo',
  'edit.cut': 'cut',
  'edit.copy': 'copy',
  'edit.paste': 'paste',
  'edit.selectAll': 'selectAll',
};

function inTextField(): boolean {
  const active = document.activeElement;
  return (
    active instanceof HTMLElement &&
    (active.isContentEditable || active.tagName === 'INPUT' || active.tagName === 'TEXTAREA')
  );
}

export function runCommand(id: CommandId): void {
  // The native menu's Copy or Undo while typing in a field means the field's (its accelerators
  // reach the menu before the page).
  const editing = textEditing[id];
  if (editing && inTextField()) {
    document.execCommand(editing);
    return;
  }
  const handler = handlers.get(id) ?? storeCommands[id];
  if (handler) void handler();
}
