// @vitest-environment happy-dom
/**
 * Projects whose table is kept outside them, as the app opens, autosaves and restores them: the
 * text the host found is taken back into the data with where it was found; a file not found is
 * sought in the Data tab and said; an autosave keeps a table's text inside up to 8 MB, and past
 * that the reference alone, so restoring looks for the file again.
 */
import { describe, expect, it, vi } from 'vitest';
import type { Host, ProjectFile } from '../../../shared/host/host';
import type { Project } from '../../../shared/project/schema';
import type { SaveOptions } from '../../../shared/project/load';
import { MemoryHost } from '../../../shared/host/memory-host';
import { csvSpecFor } from '../../../shared/data/recipes/csv';
import { loadProject, saveProject } from '../../../shared/project/load';
import { emptyProject } from '../../../shared/project/project';
import { textFingerprint } from '../../../shared/vocabulary/fingerprint';
import type { DataFile } from '../../../shared/data/data-file';

(globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = '0.0.0-test';
const { initI18n } = await import('../i18n');
await initI18n('en');
const { useAppStore } = await import('../store');
const { openProject, restoreAutosave, startAutosave } = await import('./file-actions');

/** A table of `rows` rows of four columns, one class column. */
const tableOf = (rows: number) =>
  [
    'sepal,petal,width,kind',
    ...Array.from({ length: rows }, (_, index) => `5.${index % 9},1.${index % 7},0.2,${index % 3}`),
  ].join('\n');
const reference = (text: string): DataFile => ({
  name: 'flores.csv',
  path: '/home/ana/flores.csv',
  bytes: text.length,
  sha256: textFingerprint(text),
});
/** `text` as the table the app just opened from a file, not saved yet. */
const openedUnsaved = (text: string) =>
  useAppStore.setState({
    data: csvSpecFor('flores.csv', text),
    dataSource: { file: reference(text), text },
    savedEdits: null,
  });
const heldText = () => {
  const { data } = useAppStore.getState();
  return data?.kind === 'csv' ? data.text : null;
};

/** A host that opens `file` (what main read, with what it found of the table). */
function opening(file: ProjectFile): Host {
  const host = new MemoryHost();
  host.openProject = async () => file;
  return host;
}

describe('a project whose table is kept outside it', () => {
  const text = tableOf(90_000);
  const saved = saveProject({
    ...emptyProject('flores'),
    data: csvSpecFor('flores.csv', text),
    dataFile: reference(text),
  });

  it('takes the table back when the host found the same file, and remembers where', async () => {
    const found = { status: 'found' as const, path: '/home/ana/moved/flores.csv', text };
    await openProject(
      opening({ name: 'flores.layerlab', path: '/home/ana/flores.layerlab', content: saved, data: found }),
    );
    expect(heldText()).toBe(text);
    expect(useAppStore.getState().dataSought).toBeNull();
    expect(useAppStore.getState().dataSource?.file.path).toBe('/home/ana/moved/flores.csv');
    // Saved again, the project says where the table is now.
    const { projectFromState } = await import('./convert');
    const again = loadProject(saveProject(projectFromState(useAppStore.getState())));
    expect(again.ok && again.project.dataFile?.path).toBe('/home/ana/moved/flores.csv');
  });

  it('seeks a file not found, says so, and opens the Data tab on it', async () => {
    const missing = { status: 'missing' as const, looked: ['/home/ana/flores.csv'], why: 'not-found' as const };
    await openProject(
      opening({ name: 'flores.layerlab', path: '/home/ana/flores.layerlab', content: saved, data: missing }),
    );
    expect(heldText()).toBe('');
    expect(useAppStore.getState().dataSought?.found).toEqual(missing);
    expect(useAppStore.getState().dockTab).toBe('data');
    expect(useAppStore.getState().notice?.text).toBe(
      'The project keeps "flores.csv" (1.3 MB) outside itself, and it was not found (looked at "/home/ana/flores.csv"): point to it again.',
    );
  });

  it('autosaves a table past 8 MB by reference, and restoring it looks for the file', async () => {
    vi.useFakeTimers();
    const large = tableOf(600_000);
    expect(large.length).toBeGreaterThan(8_000_000);
    const host = new MemoryHost();
    const stop = startAutosave(host, 100);
    openedUnsaved(large);
    await vi.advanceTimersByTimeAsync(150);
    stop();
    vi.useRealTimers();
    const kept = await host.readAutosave();
    expect(kept?.content.length).toBeLessThan(20_000);
    expect(kept && JSON.parse(kept.content)).toMatchObject({ dataFile: reference(large), data: { text: '' } });
    restoreAutosave(kept?.content ?? '', { status: 'found', path: '/home/ana/flores.csv', text: large });
    expect(heldText()).toBe(large);
    // A browser cannot look: the Data tab asks.
    restoreAutosave(kept?.content ?? '');
    expect(useAppStore.getState().dataSought?.found).toEqual({ status: 'missing', looked: [], why: 'no-paths' });
  }, 60_000);

  it('hands a worker that makes the autosave the reference, not the text; on quit writes on the window', async () => {
    vi.useFakeTimers();
    const large = tableOf(600_000);
    /** A host whose autosave is made off the window, as the web build's is, recording what it was handed. */
    class WorkerHost extends MemoryHost {
      readonly handed: Project[] = [];
      writeAutosaveProject = (project: Project, options: SaveOptions) => {
        this.handed.push(project);
        return this.writeAutosave(saveProject(project, options));
      };
    }
    const host = new WorkerHost();
    const stop = startAutosave(host, 100);
    openedUnsaved(large);
    await vi.advanceTimersByTimeAsync(150);
    expect(host.handed).toHaveLength(1);
    expect(host.handed[0]).toMatchObject({ dataFile: reference(large), data: { text: '' } });
    // The next edit, then the page goes before the timer: written on the window all the same.
    useAppStore.setState({ projectName: 'flores (2)', training: { ...useAppStore.getState().training, epochs: 7 } });
    await host.quit();
    stop();
    vi.useRealTimers();
    expect(host.handed).toHaveLength(1);
    const kept = await host.readAutosave();
    expect(kept && JSON.parse(kept.content)).toMatchObject({ training: { epochs: 7 }, data: { text: '' } });
    // Still in the store: only what was handed over left the text out.
    expect(heldText()).toBe(large);
  }, 60_000);
});
