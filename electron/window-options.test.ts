import { describe, expect, it } from 'vitest';
import { createWindowOptions } from './window-options.js';

describe('createWindowOptions', () => {
  const options = createWindowOptions('/app/dist-electron/preload.cjs');

  it('isolates the page from Node and from Electron (Electron security checklist)', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/dist-electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      spellcheck: false,
    });
  });

  it('opens a hidden LayerLab window of a usable size on the light background', () => {
    expect(options).toMatchObject({
      title: 'LayerLab',
      width: 1440,
      height: 900,
      minWidth: 1024,
      minHeight: 640,
      backgroundColor: '#f6f7f9',
      show: false,
    });
  });

  it('builds fresh options each time, so one window cannot change another', () => {
    const first = createWindowOptions('a');
    const second = createWindowOptions('b');
    expect(first.webPreferences).not.toBe(second.webPreferences);
    expect(second.webPreferences?.preload).toBe('b');
  });
});
