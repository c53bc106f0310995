/**
 * Every command of the app in one table: its name in both languages, its menu and its shortcut.
 * The Electron menu, the keyboard shortcuts, the command palette and the shortcut list are all
 * built from it, so a command is declared once. Reads nothing but its arguments.
 */
import type { Localized } from './localized.js';

export const menus = ['file', 'edit', 'view', 'train', 'help'] as const;
export type MenuName = (typeof menus)[number];

export interface CommandDef {
  readonly id: string;
  readonly label: Localized;
  readonly menu: MenuName;
  /** `Mod` is Ctrl, or Cmd on macOS; written as Electron accelerators are. */
  readonly shortcut?: string;
  /** Drawn after a separator in its menu. */
  readonly groupStart?: boolean;
}

export const menuLabels: Record<MenuName, Localized> = {
  file: { en: 'File', es: 'Archivo' },
  edit: { en: 'Edit', es: 'Edición' },
  view: { en: 'View', es: 'Ver' },
  train: { en: 'Training', es: 'Entrenamiento' },
  help: { en: 'Help', es: 'Ayuda' },
};

export const commands = [
  { id: 'file.new', menu: 'file', shortcut: 'Mod+N', label: { en: 'New', es: 'Nuevo' } },
  { id: 'file.newFromLesson', menu: 'file', label: { en: 'New from lesson…', es: 'Nuevo desde una lección…' } },
  { id: 'file.open', menu: 'file', shortcut: 'Mod+O', groupStart: true, label: { en: 'Open…', es: 'Abrir…' } },
  { id: 'file.openRecent', menu: 'file', label: { en: 'Open recent…', es: 'Abrir reciente…' } },
  { id: 'file.openData', menu: 'file', label: { en: 'Open data (CSV, text)…', es: 'Abrir datos (CSV, texto)…' } },
  {
    id: 'file.openImages',
    menu: 'file',
    label: { en: 'Open a folder of images…', es: 'Abrir una carpeta de imágenes…' },
  },
  { id: 'file.save', menu: 'file', shortcut: 'Mod+S', groupStart: true, label: { en: 'Save', es: 'Guardar' } },
  { id: 'file.saveAs', menu: 'file', shortcut: 'Mod+Shift+S', label: { en: 'Save as…', es: 'Guardar como…' } },
  {
    id: 'file.exportCode',
    menu: 'file',
    shortcut: 'Mod+E',
    groupStart: true,
    label: { en: 'Export code…', es: 'Exportar código…' },
  },
  {
    id: 'file.exportModel',
    menu: 'file',
    label: { en: 'Export trained model (TF.js)…', es: 'Exportar el modelo entrenado (TF.js)…' },
  },
  { id: 'file.importModel', menu: 'file', label: { en: 'Import model (TF.js)…', es: 'Importar un modelo (TF.js)…' } },
  { id: 'edit.undo', menu: 'edit', shortcut: 'Mod+Z', label: { en: 'Undo', es: 'Deshacer' } },
  { id: 'edit.redo', menu: 'edit', shortcut: 'Mod+Shift+Z', label: { en: 'Redo', es: 'Rehacer' } },
  { id: 'edit.cut', menu: 'edit', shortcut: 'Mod+X', groupStart: true, label: { en: 'Cut', es: 'Cortar' } },
  { id: 'edit.copy', menu: 'edit', shortcut: 'Mod+C', label: { en: 'Copy', es: 'Copiar' } },
  { id: 'edit.paste', menu: 'edit', shortcut: 'Mod+V', label: { en: 'Paste', es: 'Pegar' } },
  { id: 'edit.duplicate', menu: 'edit', shortcut: 'Mod+D', label: { en: 'Duplicate', es: 'Duplicar' } },
  {
    id: 'edit.connect',
    menu: 'edit',
    shortcut: 'Mod+Shift+E',
    groupStart: true,
    label: { en: 'Wire a layer to another…', es: 'Conectar una capa con otra…' },
  },
  {
    id: 'edit.selectAll',
    menu: 'edit',
    shortcut: 'Mod+A',
    groupStart: true,
    label: { en: 'Select all', es: 'Seleccionar todo' },
  },
  {
    id: 'view.autoLayout',
    menu: 'view',
    shortcut: 'Mod+Shift+L',
    label: { en: 'Arrange layers', es: 'Ordenar capas' },
  },
  { id: 'view.fit', menu: 'view', shortcut: 'Mod+0', label: { en: 'Fit to window', es: 'Ajustar a la ventana' } },
  { id: 'view.summary', menu: 'view', groupStart: true, label: { en: 'Model summary', es: 'Resumen del modelo' } },
  {
    id: 'view.commandPalette',
    menu: 'view',
    shortcut: 'Mod+Shift+P',
    groupStart: true,
    label: { en: 'Command palette…', es: 'Paleta de comandos…' },
  },
  { id: 'train.start', menu: 'train', shortcut: 'Mod+Enter', label: { en: 'Train', es: 'Entrenar' } },
  { id: 'train.stop', menu: 'train', shortcut: 'Mod+.', label: { en: 'Stop training', es: 'Parar el entrenamiento' } },
  {
    id: 'help.shortcuts',
    menu: 'help',
    shortcut: 'Mod+/',
    label: { en: 'Keyboard shortcuts', es: 'Atajos de teclado' },
  },
] as const satisfies readonly CommandDef[];

export type CommandId = (typeof commands)[number]['id'];

export function isCommandId(value: unknown): value is CommandId {
  return typeof value === 'string' && commands.some((command) => command.id === value);
}

/** Whether a key event matches a shortcut such as `Mod+Shift+Z` (`mac`: Mod is Cmd). */
export function matchesShortcut(
  shortcut: string,
  event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
  mac: boolean,
): boolean {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1]?.toLowerCase() ?? '';
  const wantsMod = parts.includes('Mod');
  const mod = mac ? event.metaKey : event.ctrlKey;
  return (
    wantsMod === mod &&
    parts.includes('Shift') === event.shiftKey &&
    parts.includes('Alt') === event.altKey &&
    (event.key.toLowerCase() === key || (key === '/' && event.key === '?'))
  );
}

/** A shortcut as people read it: `Ctrl+Shift+Z`, or `⌘⇧Z` on macOS. */
export function formatShortcut(shortcut: string, mac: boolean): string {
  if (!mac) return shortcut.replace('Mod', 'Ctrl');
  return shortcut.replace('Mod+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}
