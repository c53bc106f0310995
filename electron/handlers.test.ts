import { describe, expect, it, vi } from 'vitest';
import { createHandlers } from './handlers.js';
import type { ProjectService } from './project-service.js';
import type { SettingsStore } from './settings-store.js';

const lesson = { name: 'rnn.layerlab', path: '/home/ana/rnn.layerlab', content: '{"formatVersion": 2}' };

function setup() {
  const settings: SettingsStore = {
    load: vi.fn(async () => ({ language: 'es' as const })),
    save: vi.fn(async () => undefined),
  };
  const openExternal = vi.fn(async (_url: string) => undefined);
  const projects = {
    open: vi.fn(async () => lesson),
    openRecent: vi.fn(async () => lesson),
    save: vi.fn(async () => ({ name: lesson.name, path: lesson.path })),
    saveAs: vi.fn(async () => null),
    recent: vi.fn(async () => [{ name: lesson.name, path: lesson.path }]),
    writeAutosave: vi.fn(async () => undefined),
    readAutosave: vi.fn(async () => ({ content: lesson.content, savedAt: 1 })),
    clearAutosave: vi.fn(async () => undefined),
  } satisfies ProjectService;
  const quit = { ready: vi.fn() };
  const handlers = createHandlers({
    appInfo: () => ({ name: 'LayerLab', version: '0.1.0', platform: 'darwin', locale: 'es-MX' }),
    settings,
    openExternal,
    projects,
    quit,
  });
  return { handlers, settings, openExternal, projects, quit };
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

  it('hands project and autosave requests to the project service, answering undefined for writes', async () => {
    const { handlers, projects } = setup();
    expect(await handlers['project:open'](undefined)).toEqual(lesson);
    expect(await handlers['project:open-recent'](lesson.path)).toEqual(lesson);
    expect(projects.openRecent).toHaveBeenCalledWith(lesson.path);
    await handlers['project:save']({ path: lesson.path, content: lesson.content });
    expect(projects.save).toHaveBeenCalledWith({ path: lesson.path, content: lesson.content });
    expect(await handlers['project:save-as']({ suggestedName: 'rnn', content: lesson.content })).toBeNull();
    expect(await handlers['project:recent'](undefined)).toEqual([{ name: lesson.name, path: lesson.path }]);
    expect(await handlers['autosave:write'](lesson.content)).toBeUndefined();
    expect(projects.writeAutosave).toHaveBeenCalledWith(lesson.content);
    expect(await handlers['autosave:read'](undefined)).toEqual({ content: lesson.content, savedAt: 1 });
    expect(await handlers['autosave:clear'](undefined)).toBeUndefined();
    expect(projects.clearAutosave).toHaveBeenCalledOnce();
  });

  it('tells the quit guard when the page has autosaved', async () => {
    const { handlers, quit } = setup();
    expect(await handlers['app:quit-ready'](undefined)).toBeUndefined();
    expect(quit.ready).toHaveBeenCalledOnce();
  });
});
