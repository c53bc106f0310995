import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from './handlers.js';
import type { SettingsStore } from './settings-store.js';

function setup() {
  const settings: SettingsStore = {
    load: vi.fn(async () => ({ language: 'es' as const })),
    save: vi.fn(async () => undefined),
  };
  const openExternal = vi.fn(async (_url: string) => undefined);
  const handlers = createHandlers({
    appInfo: () => ({ name: 'LayerLab', version: '0.1.0', platform: 'darwin', locale: 'es-MX' }),
    settings,
    openExternal,
  });
  return { handlers, settings, openExternal };
}

describe('createHandlers', () => {
  it('answers app:info from the running app', async () => {
    expect(await setup().handlers['app:info'](undefined)).toEqual({
      name: 'LayerLab',
      version: '0.1.0',
      platform: 'darwin',
      locale: 'es-MX',
    });
  });

  it('loads and saves settings through the store', async () => {
    const { handlers, settings } = setup();
    expect(await handlers['settings:load'](undefined)).toEqual({ language: 'es' });
    await handlers['settings:save']({ language: 'en' });
    expect(settings.save).toHaveBeenCalledExactlyOnceWith({ language: 'en' });
  });

  it('opens an allow-listed https link', async () => {
    const { handlers, openExternal } = setup();
    expect(await handlers['shell:open-external']('https://js.tensorflow.org/api/latest/')).toBe(true);
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://js.tensorflow.org/api/latest/');
  });

  it.each([
    'http://www.tensorflow.org/',
    'https://evil.example/',
    'https://github.com.evil.example/',
    'https://user:pass@github.com/',
    'https://github.com/a b',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'ms-settings:',
    '\\\\server\\share',
    '',
  ])('never hands %j to the system', async (url) => {
    const { handlers, openExternal } = setup();
    expect(await handlers['shell:open-external'](url)).toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('answers false when the system cannot open the link', async () => {
    const { handlers, openExternal } = setup();
    openExternal.mockRejectedValueOnce(new Error('no browser'));
    expect(await handlers['shell:open-external']('https://keras.io/')).toBe(false);
  });
});
