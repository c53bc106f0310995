import { describe, expect, it } from 'vitest';
import type { RecentProject } from '../ipc/contract';
import {
  addRecent,
  checkMayOverwrite,
  checkReadableSize,
  checkSavable,
  fileNameOf,
  suggestedFileName,
  withProjectExtension,
} from './project-files';

describe('the recent list', () => {
  it('puts the latest first, lists a path once, keeps ten', () => {
    let list: RecentProject[] = Array.from({ length: 10 }, (_, index) => ({ name: `${index}`, path: `/${index}` }));
    list = addRecent(list, { name: '4', path: '/4' });
    expect(list.map((entry) => entry.name)).toEqual(['4', '0', '1', '2', '3', '5', '6', '7', '8', '9']);
    list = addRecent(list, { name: 'new', path: '/new' });
    expect(list).toHaveLength(10);
    expect(list.at(-1)?.name).toBe('8');
  });

  it('tells entries without a path apart by name (the browser)', () => {
    const list = addRecent(
      [
        { name: 'a.layerlab', path: null },
        { name: 'b.layerlab', path: null },
      ],
      {
        name: 'b.layerlab',
        path: null,
      },
    );
    expect(list).toEqual([
      { name: 'b.layerlab', path: null },
      { name: 'a.layerlab', path: null },
    ]);
  });
});

describe('file names', () => {
  it.each([
    ['/home/ana/rnn.layerlab', 'rnn.layerlab'],
    ['C:\\Users\\ana\\rnn.layerlab', 'rnn.layerlab'],
    ['rnn.layerlab', 'rnn.layerlab'],
  ])('the name of %s is %s', (path, name) => {
    expect(fileNameOf(path)).toBe(name);
  });

  it('adds the extension once', () => {
    expect(withProjectExtension('rnn')).toBe('rnn.layerlab');
    expect(withProjectExtension('rnn.LayerLab')).toBe('rnn.LayerLab');
  });

  it('makes a safe file name from any project name', () => {
    expect(suggestedFileName('Mi primera RNN')).toBe('Mi primera RNN.layerlab');
    expect(suggestedFileName('../../etc/passwd')).toBe('etc passwd.layerlab');
    expect(suggestedFileName('a:b*c?\u0000')).toBe('a b c.layerlab');
    expect(suggestedFileName('  ')).toBe('Untitled.layerlab');
  });
});

describe('what may be read and written', () => {
  it('refuses a file over 192 MB by its size alone', () => {
    expect(() => checkReadableSize('a.layerlab', 192 * 1024 * 1024)).not.toThrow();
    expect(() => checkReadableSize('a.layerlab', 192 * 1024 * 1024 + 1)).toThrow(/a\.layerlab is 192\.0 MB/);
  });

  it('refuses to overwrite a newer format only', () => {
    expect(() => checkMayOverwrite('a', null)).not.toThrow();
    expect(() => checkMayOverwrite('a', '{"formatVersion": 1}')).not.toThrow();
    expect(() => checkMayOverwrite('a', 'not json at all')).not.toThrow();
    expect(() => checkMayOverwrite('a', new TextEncoder().encode('{"formatVersion": 4, "x": 1}'))).toThrow(
      'a was made by a newer LayerLab (format 4)',
    );
  });

  it('saves only text of the current format', () => {
    expect(() => checkSavable('{\n  "formatVersion": 3,\n  "name": "x"\n}\n')).not.toThrow();
    expect(() => checkSavable('{"formatVersion": 1}')).toThrow('not a LayerLab project of format 3');
    expect(() => checkSavable('')).toThrow();
  });
});
