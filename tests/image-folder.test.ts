/**
 * A learner's own folder of images, a subfolder per class: PNG and JPEG files made from the
 * shipped handwritten digits (tests/helpers/image-folder.ts), read as the command line reads
 * them, shrunk and turned grey as the learner chooses, split with a seed, trained on with the
 * starter CNN, and exported as programs that read the folder again and repeat the run.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageFolder } from '../cli/data-file';
import { exportPytorch } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import { buildDataset } from '../shared/data/build';
import { imageSet } from '../shared/data/images';
import { compactPixels, resizePixels, withChannels } from '../shared/data/pixels';
import {
  imageFolder,
  imageFolderOf,
  imbalanceNote,
  storedPixelBytes,
  storedSideFor,
} from '../shared/data/recipes/image-folder';
import { starterNetwork } from '../shared/training/starter';
import ts from 'typescript';
import { runTraining } from '../shared/training/run';
import { defaultTrainingSettings } from '../shared/training/settings';
import { digitRgba, writeDigitFolder } from './helpers/image-folder';
import { packImages, unpackImages } from '../shared/data/folder-files';
import { exportFolder, finalLogsOf, runExportedProgram } from './helpers/exported-program';
import { layerlab } from './helpers/layerlab-cli';
import { readFile } from 'node:fs/promises';

const run = promisify(execFile);
let root = '';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  root = await mkdtemp(path.join(tmpdir(), 'layerlab-images-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('pixels', () => {
  it('shrinking a digit drawn at twice its size by averaging gives the digit back exactly', () => {
    const set = imageSet('digits-8x8');
    for (const index of [0, 1, 2, 500, 1796]) {
      const big = { width: 16, height: 16, channels: 4, data: new Uint8Array(digitRgba(index)) };
      const small = withChannels(resizePixels(big, 8, 8), 1);
      const expected = Array.from(set.pixels.subarray(index * 64, index * 64 + 64), (ink) =>
        Math.round(255 * (1 - ink)),
      );
      expect(Array.from(small.data)).toEqual(expected);
    }
  });

  it('grey follows the ITU-R 601 weights, and transparency lies over white', () => {
    const red = { width: 1, height: 1, channels: 4, data: Uint8Array.from([255, 0, 0, 255]) };
    expect(Array.from(withChannels(red, 1).data)).toEqual([76]);
    const clear = { width: 1, height: 1, channels: 4, data: Uint8Array.from([0, 0, 0, 0]) };
    expect(Array.from(withChannels(clear, 3).data)).toEqual([255, 255, 255]);
  });
});

describe('a large folder', () => {
  /** `count` images of `side` pixels in two classes, colour ones tinted red, grey ones plain digits. */
  function images(count: number, side: number, colour: boolean) {
    return Array.from({ length: count }, (_, index) => {
      const digit = {
        width: 16,
        height: 16,
        channels: 4,
        data: new Uint8Array(digitRgba(index % 1797, colour ? [255, 0, 0] : [0, 0, 0])),
      };
      return {
        className: `class-${index % 2}`,
        file: `${String(index).padStart(5, '0')}.png`,
        pixels: resizePixels(digit, side, side),
      };
    });
  }

  it('is decoded at the side so many are stored at: 20,000 grey images at 34×34, which holds MNIST whole', () => {
    const sideFor = imageFolder.opensFolder?.sideFor;
    expect(sideFor?.(100)).toBe(64);
    expect(sideFor?.(20_000)).toBe(34);
    expect(storedSideFor(20_000, 3)).toBe(20);
    expect(imageFolder.opensFolder?.maxImages).toBe(20_000);
  });

  it('of colour images is stored smaller to fit in a project, and the panel says why', () => {
    const spec = imageFolderOf('photos', images(20_000, 34, true), []);
    expect(spec.stored).toEqual({ side: 20, channels: 3 });
    const stored = spec.classes.reduce((sum, entry) => sum + entry.pixels.length, 0);
    expect(stored).toBeLessThanOrEqual((storedPixelBytes * 4) / 3 + 8);
    const panel = imageFolder.panel(spec);
    const note = panel.find((field) => field.widget === 'note');
    expect(note && 'text' in note && note.text.en).toContain(
      '20000 images in 2 classes, stored at 20×20 in colour (so many images are stored smaller: a project keeps at most 24 MB of pixels)',
    );
    // The digits still read as digits at 20×20: the stored image is the shrunk image.
    const built = buildDataset({ ...spec, height: 20, width: 20 });
    expect(built.ok && built.dataset.x.shape).toEqual([16_000, 20, 20, 3]);
  });

  it('of grey images keeps their own size when it fits, and says nothing of shrinking', () => {
    const spec = imageFolderOf('digits', images(20_000, 28, false), []);
    expect(spec.stored).toEqual({ side: 28, channels: 1 });
    const note = imageFolder.panel(spec).find((field) => field.widget === 'note');
    expect(note && 'text' in note && note.text.en).not.toContain('stored smaller');
  });

  it('is handed between threads packed into one buffer and comes back image for image', () => {
    const decoded = [...images(3, 16, false), ...images(2, 16, true)].map((image, index) => ({
      ...image,
      pixels: compactPixels(index === 1 ? resizePixels(image.pixels, 9, 9) : image.pixels),
    }));
    const packed = packImages(decoded);
    expect(packed.pixels.length).toBe(16 * 16 * 2 + 9 * 9 + 16 * 16 * 3 * 2);
    expect(unpackImages(packed)).toEqual(decoded);
  });

  it('holds each decoded image in the channels it needs: grey in one, colour in three', () => {
    const grey = compactPixels({ width: 16, height: 16, channels: 4, data: new Uint8Array(digitRgba(3)) });
    expect(grey.channels).toBe(1);
    expect(Array.from(grey.data)).toEqual(
      Array.from(withChannels({ width: 16, height: 16, channels: 4, data: new Uint8Array(digitRgba(3)) }, 1).data),
    );
    const red = compactPixels({ width: 16, height: 16, channels: 4, data: new Uint8Array(digitRgba(3, [255, 0, 0])) });
    expect(red.channels).toBe(3);
  });
});

describe('a folder of digits, read as the command line reads it', () => {
  let folder = '';
  beforeAll(() => {
    folder = writeDigitFolder(root, 'my digits', { digits: [0, 1, 7], counts: [30, 30, 30] });
  });

  it('has a class per subfolder, each image stored at its own size in grey, and says which files it skipped', async () => {
    const read = await readImageFolder(folder);
    expect(read.folder).toBe('my digits');
    const spec = imageFolderOf(read.folder, read.images, read.skipped);
    expect(spec.classes.map((entry) => [entry.name, entry.files.length])).toEqual([
      ['digit-0', 30],
      ['digit-1', 30],
      ['digit-7', 30],
    ]);
    expect(spec.classes[0]?.files.slice(0, 2)).toEqual(['000.jpg', '001.png']);
    expect(spec.stored).toEqual({ side: 16, channels: 1 });
    expect(spec.skipped.map((entry) => entry.file)).toEqual(['README.txt', 'digit-0/broken.png']);
    expect(spec.skipped[1]?.reason.en).toMatch(/cannot be decoded/);
    expect(spec.skippedCount).toBe(2);
  });

  it('builds at the size chosen, with a seeded test split, white paper near 1 and ink near 0', async () => {
    const read = await readImageFolder(folder);
    const spec = { ...imageFolderOf(read.folder, read.images, read.skipped), height: 8, width: 8 };
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    const { dataset } = built;
    expect(dataset.x.shape).toEqual([72, 8, 8, 1]);
    expect(dataset.test?.x.shape).toEqual([18, 8, 8, 1]);
    expect(dataset.target).toEqual({ kind: 'class', labels: ['digit-0', 'digit-1', 'digit-7'] });
    // Dealt by the seed: the classes are mixed, so Keras' validation split (the last rows) has each.
    const lastFifth = dataset.images?.sampleClasses.slice(-15) ?? [];
    expect(new Set(lastFifth).size).toBe(3);
    // A PNG image is the digit itself: its paper is white (1) and its darkest ink near black.
    const first = Array.from(dataset.x.values.subarray(0, 64));
    expect(Math.max(...first)).toBe(1);
    expect(Math.min(...first)).toBeLessThan(0.2);
    // Another seed deals other images into the test split.
    const other = buildDataset({ ...spec, seed: 2 });
    if (!other.ok) throw new Error('refused');
    expect(Array.from(other.dataset.test?.y.values ?? [])).not.toEqual(Array.from(dataset.test?.y.values ?? []));
  });

  it('refuses to train on one class, at the classes kept', async () => {
    const read = await readImageFolder(folder);
    const spec = { ...imageFolderOf(read.folder, read.images, read.skipped), kept: ['digit-1'] };
    const built = buildDataset(spec);
    expect(!built.ok && built.field).toBe('kept');
    expect(!built.ok && built.problem.en).toMatch(/Keep at least two classes/);
  });

  it('says when the classes are unbalanced, and what accuracy always answering the largest would get', () => {
    const unbalanced = writeDigitFolder(root, 'unbalanced', { digits: [3, 8], counts: [40, 10] });
    return readImageFolder(unbalanced).then((read) => {
      const spec = imageFolderOf(read.folder, read.images, read.skipped);
      expect(imbalanceNote(spec)?.en).toMatch(
        /Unbalanced: digit-3 has 40 images, digit-8 10\. .* right 80% of the time/,
      );
      expect(imbalanceNote({ ...spec, kept: ['digit-3', 'digit-8'] })?.en).toBeDefined();
      const balanced = imageFolderOf(read.folder, read.images.slice(28), read.skipped);
      expect(imbalanceNote(balanced)).toBeNull();
    });
  });

  it('refuses a folder without class subfolders, with what to do', async () => {
    await expect(readImageFolder(path.join(folder, 'digit-0'))).rejects.toThrow(
      /holds no images in subfolders: put each class's PNG or JPEG files in a subfolder/,
    );
  });
});

describe('the starter CNN learns the folder, and the exports read it again', () => {
  let folder = '';
  let source: Parameters<typeof exportPytorch>[0];
  let ours: { accuracy: number; finalLogs: Record<string, number> } = { accuracy: 0, finalLogs: {} };
  let work = '';

  beforeAll(async () => {
    folder = writeDigitFolder(root, 'digits', { digits: [0, 1, 7], counts: [25, 25, 25] });
    const read = await readImageFolder(folder);
    const data = { ...imageFolderOf(read.folder, read.images, read.skipped), height: 8, width: 8 };
    const built = buildDataset(data);
    if (!built.ok) throw new Error(built.problem.en);
    const starter = starterNetwork(built.dataset);
    source = {
      name: 'Digits',
      graph: starter.graph,
      data,
      training: { ...defaultTrainingSettings, ...starter.training, epochs: 15, batch_size: 16, learning_rate: 0.01 },
    };
    const trained = await runTraining(tf, { graph: source.graph, data, settings: source.training });
    if (!trained.ok || trained.outcome.test?.kind !== 'class') throw new Error('LayerLab refused the folder');
    ours = { accuracy: trained.outcome.test.accuracy, finalLogs: trained.outcome.finalLogs };
    trained.model.dispose();
    work = await exportFolder('layerlab-images-export-');
  }, 240_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('two convolutions and their poolings read the images, and the test split is told apart', () => {
    expect(source.graph.nodes.map((node) => node.kind)).toEqual([
      'Input',
      'Conv2D',
      'MaxPooling2D',
      'Conv2D',
      'Flatten',
      'Dense',
      'Dense',
      'Dense',
    ]);
    expect(ours.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('TypeScript: pngjs and jpeg-js read the folder, shrink it alike, and the run ends on the same figures', async () => {
    const exported = await exportTypeScript(source);
    if (!exported.ok) throw new Error('refused');
    expect(JSON.parse(exported.files['package.json']).dependencies).toMatchObject({
      'jpeg-js': '^0.4.4',
      pngjs: '^7.0.0',
    });
    const stdout = await runExportedProgram(exported.files, work, [folder]);
    expect(stdout).toContain('Data: 60 images of 8×8×1 to train on, 15 held out to test');
    const theirs = finalLogsOf(stdout);
    for (const [name, value] of Object.entries(ours.finalLogs)) expect(theirs[name]).toBeCloseTo(value, 3);
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeCloseTo(ours.accuracy, 3);
    expect(stdout).toMatch(/Image #60 \(a digit-\d\): the network expects:/);
  }, 300_000);

  it('PyTorch: Pillow reads the folder with --data, and the test split scores about as well', async () => {
    const exported = exportPytorch(source);
    if (!exported.ok) throw new Error(JSON.stringify(exported.problems));
    await writeFile(path.join(work, 'model.py'), exported.code);
    const { stdout } = await run('/usr/bin/python3', ['model.py', '--data', folder], { cwd: work, timeout: 180_000 });
    expect(stdout).toContain('Data: 60 images of 8x8x1 to train on, 15 held out to test');
    expect(Number(/test_accuracy ([\d.]+)/.exec(stdout)?.[1])).toBeGreaterThan(ours.accuracy - 0.25);
    expect(stdout).toMatch(/Image #60 \(a digit-\d\): the network expects:/);
  }, 240_000);

  it('the recipe is the one registered for folders', () => {
    expect(imageFolder.opensFolder?.extensions).toEqual(['.png', '.jpg', '.jpeg']);
  });
});

describe('layerlab new --data FOLDER, then train and predict, as a terminal user runs them', () => {
  it('starts a project for the folder, names the files it did not read, trains it and answers an image by number', async () => {
    const folder = writeDigitFolder(root, 'cli digits', { digits: [0, 1], counts: [20, 20] });
    const project = path.join(root, 'digits.layerlab');
    const made = await layerlab('new', '--data', folder, '--out', project);
    expect(made.code).toBe(0);
    expect(made.stderr).toMatch(
      /^Not read \(2\):\n {2}README\.txt: not in a class subfolder\n {2}digit-0\/broken\.png: cannot be decoded \(.+\)\n$/,
    );
    expect(made.stdout).toContain('conv_1 (Conv2D)');
    expect(made.stdout).toContain(
      'Data: 32 samples to train and validate on, 8 held out to test; loss binary_crossentropy.',
    );
    const saved = JSON.parse(await readFile(project, 'utf8')) as { data: { classes: { name: string }[] } };
    expect(saved.data.classes.map((entry) => entry.name)).toEqual(['digit-0', 'digit-1']);

    const trained = path.join(root, 'digits-trained.layerlab');
    const train = await layerlab('train', project, '--epochs', '8', '--json', '--save', trained);
    expect(train.code).toBe(0);
    const summary = JSON.parse(train.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(summary['test_accuracy']).toBeGreaterThanOrEqual(0.75);
    const asked = await layerlab('predict', trained, '--input', '#1', '--json');
    expect(asked.code).toBe(0);
    expect((JSON.parse(asked.stdout) as { kind: string }).kind).toBe('classes');
    // An image file of the learner's, given by its path, decoded as the folder was.
    const file = await layerlab('predict', trained, '--input', path.join(folder, 'digit-1', '003.png'), '--json');
    expect(file.stderr).toBe('');
    const fileAnswer = JSON.parse(file.stdout) as { kind: string; top: { label: string }[] };
    expect([fileAnswer.kind, fileAnswer.top.length]).toEqual(['classes', 2]);
    const notImage = await layerlab('predict', trained, '--input', path.join(folder, 'digit-0', 'broken.png'));
    expect(notImage.stderr).toMatch(/broken\.png cannot be decoded/);
    const wrong = await layerlab('predict', trained, '--input', '#99');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toBe("layerlab: Type # and an image's number (#1 to #32), or use an image file.\n");

    // Another folder of the same kind, the learner's choices kept; a table is not one.
    const other = writeDigitFolder(root, 'more digits', { digits: [0, 1], counts: [12, 12] });
    const again = await layerlab('train', project, '--data', other, '--epochs', '1', '--json');
    expect(again.code).toBe(0);
    const refused = await layerlab(
      'train',
      project,
      '--data',
      '/usr/lib/python3/dist-packages/sklearn/datasets/data/iris.csv',
    );
    expect(refused.stderr).toContain('is not the kind of data this project trains on');
  }, 180_000);
});

describe('hostile class and file names', () => {
  it('reach the exported programs only as quoted strings', async () => {
    const hostile = 'x"); import os; os.system("echo owned"); ("';
    const image = { width: 2, height: 2, channels: 4, data: new Uint8Array(16).fill(200) };
    const spec = imageFolderOf(
      'f`${process.exit(1)}`',
      [
        { className: hostile, file: "a'\n.png", pixels: image },
        { className: 'b\n// */', file: 'b.png', pixels: image },
      ],
      [],
    );
    const built = buildDataset(spec);
    if (!built.ok) throw new Error(built.problem.en);
    const starter = starterNetwork(built.dataset);
    const source = {
      name: 'Hostile',
      graph: starter.graph,
      data: spec,
      training: { ...defaultTrainingSettings, ...starter.training },
    };
    const python = exportPytorch(source);
    if (!python.ok) throw new Error(JSON.stringify(python.problems));
    const work = await mkdtemp(path.join(tmpdir(), 'layerlab-hostile-'));
    await writeFile(path.join(work, 'model.py'), python.code);
    // Valid Python whose only statements are LayerLab's: the names stayed inside strings.
    const { stdout } = await run(
      '/usr/bin/python3',
      [
        '-c',
        'import ast, sys; print(sum(isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "system" for n in ast.walk(ast.parse(open(sys.argv[1]).read()))))',
        'model.py',
      ],
      { cwd: work },
    );
    expect(stdout.trim()).toBe('0');
    const typescript = await exportTypeScript(source);
    if (!typescript.ok) throw new Error('refused');
    // The folder's name is one string literal holding it whole, not code: parsed as TypeScript.
    const parsed = ts.createSourceFile('model.ts', typescript.files['model.ts'] ?? '', ts.ScriptTarget.ES2022);
    const literals: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) literals.push(node.text);
      if (ts.isTemplateExpression(node) && node.getText(parsed).includes('process.exit')) literals.push('TEMPLATE');
      ts.forEachChild(node, visit);
    };
    visit(parsed);
    expect(literals).toContain('f`${process.exit(1)}`');
    expect(literals).toContain(hostile);
    expect(literals).not.toContain('TEMPLATE');
    await rm(work, { recursive: true, force: true });
  });

  it('a project whose stored pixels do not match its files is refused at the classes, not trained on garbage', () => {
    const image = { width: 2, height: 2, channels: 4, data: new Uint8Array(16) };
    const spec = imageFolderOf(
      'f',
      [
        { className: 'a', file: 'a.png', pixels: image },
        { className: 'b', file: 'b.png', pixels: image },
      ],
      [],
    );
    const broken = {
      ...spec,
      classes: spec.classes.map((entry) => ({ ...entry, files: [...entry.files, 'extra.png'] })),
    };
    const built = buildDataset(broken);
    expect(!built.ok && [built.field, built.problem.en]).toEqual([
      'classes',
      'The stored pixels of class a do not match its 2 files: open the folder again.',
    ]);
  });
});
