// @vitest-environment happy-dom
/**
 * A folder dropped on the window arrives as a tree of entries, read in batches; every file under
 * it is found with its path from the folder. Files that are not images, or not in a class
 * subfolder, are named with why; a folder of none is refused with what to do. (Decoding is in
 * tests/e2e/image-folder.spec.ts, in Chromium.)
 */
import { describe, expect, it } from 'vitest';
import { filesOfEntry, openImageFolder } from './open-folder';

type Tree = { [name: string]: Tree | string };

/** A FileSystemEntry tree as Chromium hands one over, its directory reader answering two entries a batch. */
function entryOf(name: string, content: Tree | string, parent = ''): FileSystemEntry {
  const fullPath = `${parent}/${name}`;
  if (typeof content === 'string') {
    return {
      isFile: true,
      isDirectory: false,
      name,
      fullPath,
      file: (resolve: (file: File) => void) => resolve(new File([content], name)),
    } as unknown as FileSystemEntry;
  }
  const children = Object.entries(content).map(([child, inner]) => entryOf(child, inner, fullPath));
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (resolve: (entries: FileSystemEntry[]) => void) => {
          resolve(children.slice(at, at + 2));
          at += 2;
        },
      };
    },
  } as unknown as FileSystemEntry;
}

describe('a dropped folder', () => {
  it('yields every file under it, in batches, with its path from the folder', async () => {
    const tree = { 'notes.txt': 'x', cats: { 'a.png': 'a', 'b.jpg': 'b', 'c.png': 'c' }, dogs: { 'd.png': 'd' } };
    const files = await filesOfEntry(entryOf('pets', tree));
    expect(files.map((entry) => entry.path).sort()).toEqual([
      'pets/cats/a.png',
      'pets/cats/b.jpg',
      'pets/cats/c.png',
      'pets/dogs/d.png',
      'pets/notes.txt',
    ]);
  });

  it('with no images in class subfolders is refused with what to do', async () => {
    const tree = { 'photo.png': 'x', cats: { 'a.gif': 'a', '.DS_Store': '' } };
    const opened = await openImageFolder(await filesOfEntry(entryOf('pets', tree)));
    expect(!opened.ok && opened.problem.en).toBe(
      '"pets" holds no images in subfolders: put each class\'s PNG or JPEG files in a subfolder named after the class.',
    );
  });
});
