import path from 'node:path';
import type { BrowserWindow, Dialog } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createProjectDialogs } from './dialogs';

const filters = [{ name: 'LayerLab project', extensions: ['layerlab'] }];

function fakeDialog(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
  return {
    showOpenDialog: vi.fn(async (..._args: unknown[]) => open),
    showSaveDialog: vi.fn(async (..._args: unknown[]) => save),
  };
}

describe('createProjectDialogs', () => {
  it('opens one .layerlab file, over the window', async () => {
    const dialog = fakeDialog({ canceled: false, filePaths: ['/home/ana/rnn.layerlab'] }, { canceled: true });
    const window = {} as BrowserWindow;
    const dialogs = createProjectDialogs(
      dialog as unknown as Dialog,
      () => window,
      () => '/home/ana/Documents',
    );
    expect(await dialogs.chooseFileToOpen()).toBe('/home/ana/rnn.layerlab');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(window, { properties: ['openFile'], filters });
  });

  it('offers the suggested name in Documents, confirming an overwrite', async () => {
    const dialog = fakeDialog({ canceled: true, filePaths: [] }, { canceled: false, filePath: '/home/ana/x.layerlab' });
    const dialogs = createProjectDialogs(
      dialog as unknown as Dialog,
      () => null,
      () => '/home/ana/Documents',
    );
    expect(await dialogs.chooseFileToSave('../../etc/Mi RNN.layerlab')).toBe('/home/ana/x.layerlab');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith({
      defaultPath: path.join('/home/ana/Documents', 'Mi RNN.layerlab'),
      filters,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
  });

  it('answers null for Cancel', async () => {
    const dialog = fakeDialog({ canceled: true, filePaths: [] }, { canceled: true, filePath: '' });
    const dialogs = createProjectDialogs(
      dialog as unknown as Dialog,
      () => null,
      () => '/tmp',
    );
    expect(await dialogs.chooseFileToOpen()).toBeNull();
    expect(await dialogs.chooseFileToSave('x.layerlab')).toBeNull();
  });
});
