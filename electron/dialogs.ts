/**
 * The open and save dialogs for project files, over Electron's `dialog`, attached to the app's
 * window when there is one. Imports no Electron at run time, so it is tested with a fake.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { projectFileExtension } from '../shared/vocabulary/project-format.js';
import type { ProjectDialogs } from './project-service.js';

const filters = [{ name: 'LayerLab project', extensions: [projectFileExtension] }];

export function createProjectDialogs(
  dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>,
  window: () => BrowserWindow | null,
  /** Where Save As starts: Electron's `app.getPath('documents')`. */
  documentsFolder: () => string,
): ProjectDialogs {
  return {
    async chooseFileToOpen() {
      const options: OpenDialogOptions = { properties: ['openFile'], filters };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFileToSave(suggestedName) {
      const options: SaveDialogOptions = {
        defaultPath: path.join(documentsFolder(), path.basename(suggestedName)),
        filters,
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
