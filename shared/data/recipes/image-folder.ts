/**
 * A learner's own images: a folder with one subfolder per class, PNG or JPEG, as Keras'
 * `image_dataset_from_directory` reads one. The app and the command line decode the files (off the
 * window's thread) and hand this recipe each image at a stored size; the project keeps those
 * pixels, so it trains and answers without the folder. The learner picks the size the network
 * sees (the stored pixels resized), grey or colour, the classes kept and a seeded test split; the
 * data panel shows a grid per class with its count, and says when the classes are unbalanced. The
 * exported programs read the folder again.
 */
import { z } from 'zod';
import { decodeBase64, encodeBase64 } from '../../vocabulary/base64.js';
import { pythonNumberList, pythonString } from '../../vocabulary/python.js';
import { pythonRanked, typescriptRanked } from '../../vocabulary/code-text.js';
import { typescriptNumbers, typescriptString } from '../../vocabulary/typescript-literals.js';
import type { Localized } from '../../vocabulary/localized.js';
import type { Dataset, DatasetResult, TensorData } from '../dataset.js';
import { resizePixels, withChannels, type Pixels } from '../pixels.js';
import {
  dealtOrder,
  type DecodedImage,
  generatorSeed,
  oneHotTargets,
  type PanelField,
  previewRows,
  type RecipeDef,
  type SkippedImage,
  testSplitCount,
  testSplitFields,
} from '../recipe.js';

/** The side, in pixels, images are stored at in a project; the size trained on is at most this. */
export const storedSide = 64;
/** The most images a folder may hold to be opened. */
export const maxImages = 20_000;
/**
 * The most bytes of pixels a project stores: 32 MB once written as base64, small beside the
 * weights a project may hold. Many images are stored smaller to fit:
 * 20,000 grey ones at 34×34 (MNIST's 28×28 whole), 20,000 colour ones at 20×20.
 */
export const storedPixelBytes = 24_000_000;
/** Files an image folder may hold that are read as images. */
export const imageExtensions = ['.png', '.jpg', '.jpeg'] as const;

const fileList = z.array(z.string().min(1).max(255)).max(maxImages);

export const imageFolderSpec = z
  .object({
    kind: z.literal('image-folder'),
    /** The folder's name, which the exported programs read by default. */
    folder: z.string().min(1).max(255),
    /** The side and channels the images are stored at. */
    stored: z.object({ side: z.number().int().min(1).max(storedSide), channels: z.literal([1, 3]) }).strict(),
    /** Each class (subfolder), sorted by name: its files, sorted, and their stored pixels, one after another. */
    classes: z
      .array(
        z
          .object({
            name: z.string().min(1).max(255),
            files: fileList,
            pixels: z.string().max(Math.ceil(storedPixelBytes / 3) * 4),
          })
          .strict(),
      )
      .min(1)
      .max(100),
    /** Files found but not read, and why, listed in the panel: nothing is left out silently. */
    skipped: z
      .array(
        z.object({ file: z.string().max(512), reason: z.object({ en: z.string(), es: z.string() }).strict() }).strict(),
      )
      .max(50),
    skippedCount: z.number().int().min(0),
    /** The size the network sees, and grey (1) or colour (3). */
    height: z.number().int().min(2).max(storedSide),
    width: z.number().int().min(2).max(storedSide),
    channels: z.literal([1, 3]),
    /** The classes trained on, by name; all when absent. */
    kept: z.array(z.string()).min(1).optional(),
    testFraction: z.number().min(0).max(0.5),
    seed: generatorSeed,
  })
  .strict();
type Spec = z.infer<typeof imageFolderSpec>;

/**
 * The largest side `count` images of `channels` channels are stored at: the stored side, or less
 * when so many would weigh more than a project keeps.
 */
export function storedSideFor(count: number, channels: 1 | 3): number {
  const fits = Math.floor(Math.sqrt(storedPixelBytes / (Math.max(1, count) * channels)));
  return Math.max(2, Math.min(storedSide, fits));
}

/**
 * The spec for a decoded folder (its images at one side): classes sorted by name, files by name,
 * colour if any image has any, stored smaller when so many would not fit in a project.
 */
export function imageFolderOf(folder: string, images: readonly DecodedImage[], skipped: readonly SkippedImage[]): Spec {
  const decodedSide = images[0]?.pixels.width ?? 2;
  const colour = images.some(({ pixels }) => {
    if (pixels.channels < 3) return false;
    for (let at = 0; at < pixels.data.length; at += pixels.channels) {
      if (pixels.data[at] !== pixels.data[at + 1] || pixels.data[at + 1] !== pixels.data[at + 2]) return true;
    }
    return false;
  });
  const channels = colour ? 3 : 1;
  const side = Math.min(decodedSide, storedSideFor(images.length, channels));
  const stored = (pixels: Pixels) =>
    withChannels(pixels.width === side ? pixels : resizePixels(pixels, side, side), channels).data;
  const byClass = new Map<string, DecodedImage[]>();
  for (const image of images) {
    const own = byClass.get(image.className);
    if (own) own.push(image);
    else byClass.set(image.className, [image]);
  }
  const classes = [...byClass.keys()].sort().map((name) => {
    const own = (byClass.get(name) ?? []).sort((a, b) => (a.file < b.file ? -1 : 1));
    const bytes = new Uint8Array(own.length * side * side * channels);
    own.forEach((image, index) => bytes.set(stored(image.pixels), index * side * side * channels));
    return { name, files: own.map((image) => image.file), pixels: encodeBase64(bytes) };
  });
  const trained = Math.min(side, 32);
  return {
    kind: 'image-folder',
    folder,
    stored: { side, channels },
    classes,
    skipped: skipped.slice(0, 50).map((entry) => ({ file: entry.file, reason: entry.reason })),
    skippedCount: skipped.length,
    height: trained,
    width: trained,
    channels,
    testFraction: 0.2,
    seed: 1,
  };
}

/** The classes trained on, in order. */
function keptClasses(spec: Spec): Spec['classes'] {
  return spec.classes.filter((entry) => !spec.kept || spec.kept.includes(entry.name));
}

/**
 * Each class's stored pixels decoded once: the panel and every rebuild (a new seed, a new size)
 * read the same strings. Only the latest classes are kept.
 */
const decodedPixels = new Map<string, Uint8Array | null>();

function pixelsOf(entry: { pixels: string }): Uint8Array | null {
  let bytes = decodedPixels.get(entry.pixels);
  if (bytes === undefined) {
    if (decodedPixels.size > 200) decodedPixels.clear();
    bytes = decodeBase64(entry.pixels);
    decodedPixels.set(entry.pixels, bytes);
  }
  return bytes;
}

/**
 * One stored image of a class, at the size and channels the network sees, as values in [0, 1],
 * written into `into` from `at` (a new array when none is given).
 */
function imageValues(spec: Spec, bytes: Uint8Array, index: number, into?: Float32Array, at = 0): Float32Array {
  const { side, channels } = spec.stored;
  const size = side * side * channels;
  const stored: Pixels = {
    width: side,
    height: side,
    channels,
    data: bytes.subarray(index * size, (index + 1) * size),
  };
  const seen = withChannels(resizePixels(stored, spec.width, spec.height), spec.channels).data;
  const values = into ?? new Float32Array(seen.length);
  for (let pixel = 0; pixel < seen.length; pixel += 1) values[at + pixel] = (seen[pixel] ?? 0) / 255;
  return values;
}

interface Sample {
  label: number;
  /** The class's stored pixels, and the image's place among them. */
  bytes: Uint8Array;
  index: number;
}

function build(spec: Spec): DatasetResult {
  const kept = keptClasses(spec);
  if (kept.length < 2) {
    return {
      ok: false,
      field: 'kept',
      problem: {
        en: 'Keep at least two classes: a network that tells classes apart needs two to tell apart.',
        es: 'Conserva al menos dos clases: una red que distingue clases necesita dos que distinguir.',
      },
    };
  }
  const { side, channels } = spec.stored;
  const samples: Sample[] = [];
  for (const [label, entry] of kept.entries()) {
    const bytes = pixelsOf(entry);
    if (!bytes || bytes.length !== entry.files.length * side * side * channels) {
      return {
        ok: false,
        field: 'classes',
        // A message for the data panel, which React escapes: not generated code.
        /* eslint-disable no-restricted-syntax */
        problem: {
          en: `The stored pixels of class ${entry.name} do not match its ${entry.files.length} files: open the folder again.`,
          es: `Los píxeles guardados de la clase ${entry.name} no cuadran con sus ${entry.files.length} archivos: vuelve a abrir la carpeta.`,
        },
        /* eslint-enable no-restricted-syntax */
      };
    }
    entry.files.forEach((_, index) => samples.push({ label, bytes, index }));
  }
  const order = dealtOrder(samples.length, spec.seed);
  const testCount = testSplitCount(samples.length, spec.testFraction);
  const trainOrder = order.slice(0, order.length - testCount);
  const testOrder = order.slice(order.length - testCount);
  const size = spec.height * spec.width * spec.channels;
  const tensors = (indices: readonly number[]): { x: TensorData; y: TensorData } => {
    const x = new Float32Array(indices.length * size);
    indices.forEach((sample, at) => {
      const found = samples[sample];
      if (found) imageValues(spec, found.bytes, found.index, x, at * size);
    });
    return {
      x: { values: x, shape: [indices.length, spec.height, spec.width, spec.channels], dtype: 'float32' },
      y: {
        values: Float32Array.from(indices, (sample) => samples[sample]?.label ?? 0),
        shape: [indices.length],
        dtype: 'float32',
      },
    };
  };
  const labels = kept.map((entry) => entry.name);
  const train = tensors(trainOrder);
  const dataset: Dataset = {
    ...train,
    target: { kind: 'class', labels },
    preview: trainOrder.slice(0, previewRows).map((sample, at) => ({
      input: `#${at + 1}`,
      target: labels[samples[sample]?.label ?? 0] ?? '',
    })),
    images: {
      height: spec.height,
      width: spec.width,
      channels: spec.channels,
      light: true,
      sampleClasses: trainOrder.map((sample) => labels[samples[sample]?.label ?? 0] ?? ''),
      unusual: null,
    },
    ...(testCount > 0 ? { test: tensors(testOrder) } : {}),
  };
  return { ok: true, dataset };
}

/** How the classes' counts compare: a note when the largest has half again as many images as the smallest. */
export function imbalanceNote(spec: Spec): Localized | null {
  const kept = keptClasses(spec);
  const counts = kept.map((entry) => entry.files.length);
  const most = Math.max(...counts);
  const least = Math.min(...counts);
  if (kept.length < 2 || least * 1.5 > most) return null;
  const largest = kept[counts.indexOf(most)]?.name ?? '';
  const smallest = kept[counts.indexOf(least)]?.name ?? '';
  const total = counts.reduce((sum, count) => sum + count, 0);
  const share = ((most / total) * 100).toFixed(0);
  return {
    en: `Unbalanced: ${largest} has ${most} images, ${smallest} ${least}. A network that always answers ${largest} is right ${share}% of the time, so read the per-class recall, not only accuracy; or gather more ${smallest} images.`,
    es: `Desequilibradas: ${largest} tiene ${most} imágenes y ${smallest} ${least}. Una red que siempre responde ${largest} acierta el ${share}% de las veces: mira la exhaustividad de cada clase, no solo la exactitud, o reúne más imágenes de ${smallest}.`,
  };
}

/**
 * A question about an image the learner brings (a file chosen in the playground, or a path given
 * to `layerlab predict`): its decoded pixels as one line of text, `image WxHxC BASE64`, which the
 * recipe shrinks and turns grey as it did the folder's images.
 */
export function imageQuery(pixels: Pixels): string {
  return `image ${pixels.width}x${pixels.height}x${pixels.channels} ${encodeBase64(pixels.data)}`;
}

/** The pixels of an `imageQuery` line, or null when `text` is not one (or is damaged). */
function imageOfQuery(text: string): Pixels | null {
  const match = /^image (\d{1,3})x(\d{1,3})x([134]) ([A-Za-z0-9+/=]+)$/.exec(text.trim());
  if (!match) return null;
  const [width, height, channels] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const data = decodeBase64(match[4] ?? '');
  if (!data || width < 1 || height < 1 || data.length !== width * height * channels) return null;
  return { width, height, channels, data };
}

/** The first images of each class, at the size trained on, for the panel's grid. */
const gridImages = 8;

function classGrid(spec: Spec): PanelField<Spec> {
  const { side, channels } = spec.stored;
  return {
    widget: 'class-grid',
    label: { en: 'Classes (a subfolder each)', es: 'Clases (una subcarpeta cada una)' },
    classes: spec.classes.map((entry) => {
      // Only the first images' characters decoded: a large class's whole text is not the grid's to read.
      const size = side * side * channels;
      const bytes = decodeBase64(entry.pixels.slice(0, Math.ceil((gridImages * size) / 3) * 4)) ?? new Uint8Array(0);
      const shown = Math.min(gridImages, entry.files.length, Math.floor(bytes.length / size));
      return {
        name: entry.name,
        count: entry.files.length,
        kept: !spec.kept || spec.kept.includes(entry.name),
        images: Array.from({ length: shown }, (_, index) => imageValues(spec, bytes, index)),
      };
    }),
    height: spec.height,
    width: spec.width,
    channels: spec.channels,
  };
}

function sampleCount(spec: Spec): number {
  const total = keptClasses(spec).reduce((sum, entry) => sum + entry.files.length, 0);
  return total - testSplitCount(total, spec.testFraction);
}

/** The stored files in the order they are decoded: classes kept by name, files by name. */
function fileOrder(spec: Spec): { classes: string[]; files: string[][] } {
  const kept = keptClasses(spec);
  return { classes: kept.map((entry) => entry.name), files: kept.map((entry) => entry.files) };
}

export const imageFolder: RecipeDef<Spec> = {
  kind: 'image-folder',
  schema: imageFolderSpec,
  defaultSpec: {
    kind: 'image-folder',
    folder: 'my-images',
    stored: { side: 2, channels: 1 },
    classes: [
      { name: 'dark', files: ['dark.png'], pixels: encodeBase64(new Uint8Array([0, 0, 0, 0])) },
      { name: 'light', files: ['light.png'], pixels: encodeBase64(new Uint8Array([255, 255, 255, 255])) },
    ],
    skipped: [],
    skippedCount: 0,
    height: 2,
    width: 2,
    channels: 1,
    testFraction: 0,
    seed: 1,
  },
  title: { en: 'Images: a folder of yours', es: 'Imágenes: una carpeta tuya' },
  build,

  panel: (spec) => {
    const total = spec.classes.reduce((sum, entry) => sum + entry.files.length, 0);
    const imbalance = imbalanceNote(spec);
    // Stored at the most a project keeps for so many images: smaller than they may have been.
    const shrunk = spec.stored.side < storedSide && spec.stored.side === storedSideFor(total, spec.stored.channels);
    return [
      {
        widget: 'folder',
        label: { en: 'Open a folder of images…', es: 'Abrir una carpeta de imágenes…' },
        get: (current) => current.folder,
      },
      {
        widget: 'note',
        text: {
          en: `${total} images in ${spec.classes.length} classes, stored at ${spec.stored.side}×${spec.stored.side} ${spec.stored.channels === 3 ? 'in colour' : 'in grey'}${shrunk ? ` (so many images are stored smaller: a project keeps at most ${storedPixelBytes / 1e6} MB of pixels)` : ''}. The project keeps these pixels; the exported programs read the folder again.`,
          es: `${total} imágenes en ${spec.classes.length} clases, guardadas a ${spec.stored.side}×${spec.stored.side} ${spec.stored.channels === 3 ? 'en color' : 'en gris'}${shrunk ? ` (tantas imágenes se guardan más pequeñas: un proyecto guarda como mucho ${storedPixelBytes / 1e6} MB de píxeles)` : ''}. El proyecto guarda estos píxeles; los programas exportados vuelven a leer la carpeta.`,
        },
      },
      classGrid(spec),
      ...(imbalance ? [{ widget: 'note' as const, text: imbalance }] : []),
      {
        widget: 'toggles',
        label: { en: 'Classes kept', es: 'Clases que se conservan' },
        hint: { en: 'Untick a class to train without it.', es: 'Desmarca una clase para entrenar sin ella.' },
        options: spec.classes.map((entry) => entry.name),
        get: (current) => keptClasses(current).map((entry) => entry.name),
        set: (current, kept) => {
          const { kept: _previous, ...rest } = current;
          return kept.length === current.classes.length ? rest : { ...rest, kept };
        },
      },
      {
        widget: 'whole',
        label: { en: 'height (pixels)', es: 'alto (píxeles)' },
        min: 2,
        max: spec.stored.side,
        get: (current) => current.height,
        set: (current, height) => ({ ...current, height }),
      },
      {
        widget: 'whole',
        label: { en: 'width (pixels)', es: 'ancho (píxeles)' },
        min: 2,
        max: spec.stored.side,
        get: (current) => current.width,
        set: (current, width) => ({ ...current, width }),
      },
      {
        widget: 'choice',
        label: { en: 'colour', es: 'color' },
        options: [
          { value: '1', label: { en: 'grey (1 channel)', es: 'gris (1 canal)' } },
          ...(spec.stored.channels === 3
            ? [{ value: '3', label: { en: 'colour (3 channels)', es: 'color (3 canales)' } }]
            : []),
        ],
        get: (current) => String(current.channels),
        set: (current, value) => ({ ...current, channels: value === '3' ? 3 : 1 }),
      },
      ...testSplitFields<Spec>({ en: 'the images', es: 'las imágenes' }),
      ...(spec.skippedCount > 0
        ? [
            {
              widget: 'list' as const,
              label: {
                en: `Files not read (${spec.skippedCount})`,
                es: `Archivos que no se leyeron (${spec.skippedCount})`,
              },
              items: spec.skipped.map((entry) => ({ name: entry.file, value: entry.reason })),
            },
          ]
        : []),
    ];
  },
  preview: () => ({ labels: 'classes', headings: null }),
  playground: () => ({
    input: 'image',
    label: { en: 'Image (#number, or a file)', es: 'Imagen (#número, o un archivo)' },
  }),
  opensFolder: {
    extensions: imageExtensions,
    maxImages,
    side: storedSide,
    sideFor: (count) => storedSideFor(count, 1),
    spec: (folder, images, skipped) => imageFolderOf(folder, images, skipped),
    queryOf: imageQuery,
    reopen: (spec, folder, images, skipped) => {
      const fresh = imageFolderOf(folder, images, skipped);
      const kept = spec.kept?.filter((name) => fresh.classes.some((entry) => entry.name === name));
      return {
        ...fresh,
        height: Math.min(spec.height, fresh.stored.side),
        width: Math.min(spec.width, fresh.stored.side),
        channels: fresh.stored.channels === 3 ? spec.channels : 1,
        testFraction: spec.testFraction,
        seed: spec.seed,
        ...(kept && kept.length > 0 ? { kept } : {}),
      };
    },
  },
  defaultQuery: (spec) => `#${Math.max(1, sampleCount(spec))}`,

  /** `#12`: the 12th image trained on (the order the data panel shows). */
  encodeQuery(spec, dataset, text) {
    const [count = 0, height = 1, width = 1, channels = 1] = dataset.x.shape;
    const size = height * width * channels;
    const brought = imageOfQuery(text);
    if (brought) {
      const seen = withChannels(resizePixels(brought, spec.width, spec.height), spec.channels).data;
      return { ok: true, values: Float32Array.from(seen, (value) => value / 255), shape: [1, height, width, channels] };
    }
    const asked = /^#\s*(\d+)$/.exec(text.trim());
    const index = asked ? Number(asked[1]) - 1 : -1;
    if (index >= 0 && index < count) {
      return {
        ok: true,
        values: Float32Array.from(dataset.x.values.subarray(index * size, (index + 1) * size)),
        shape: [1, height, width, channels],
      };
    }
    return {
      ok: false,
      problem: {
        en: `Type # and an image's number (#1 to #${count}), or use an image file.`,
        es: `Escribe # y el número de una imagen (#1 a #${count}), o usa un archivo de imagen.`,
      },
    };
  },

  planQuery(spec, dataset, query) {
    const asked = /^#(\d+)$/.exec(query?.trim() ?? '');
    const index = asked ? Number(asked[1]) - 1 : -1;
    return {
      kind: 'sample',
      index: index >= 0 && index < (dataset.x.shape[0] ?? 0) ? index : Math.max(0, sampleCount(spec) - 1),
    };
  },

  typescript: {
    imports: [
      `import { readdirSync, readFileSync } from 'node:fs';`,
      `import { join } from 'node:path';`,
      `import jpeg from 'jpeg-js';`,
      `import { PNG } from 'pngjs';`,
    ],
    packages: {
      dependencies: { 'jpeg-js': '^0.4.4', pngjs: '^7.0.0' },
      devDependencies: { '@types/node': '^20.0.0', '@types/pngjs': '^6.0.5' },
    },
    data: ({ spec, dataset, loss }) => {
      const { classes, files } = fileOrder(spec);
      const testCount = dataset.test?.x.shape[0] ?? 0;
      const order = dealtOrder(files.flat().length, spec.seed);
      const column = loss === 'binary_crossentropy';
      return [
        `// 1. The data: the folder ${typescriptString(spec.folder)}, a subfolder per class, decoded with pngjs and`,
        `// jpeg-js. Run the program with the folder's path as its argument; a folder of that name beside`,
        `// it is read otherwise. Each image is shrunk to ${spec.stored.side}×${spec.stored.side} as LayerLab stored it, then to the`,
        `// ${spec.height}×${spec.width} the network sees, by averaging the pixels each new pixel covers.`,
        `const folder = process.argv[2] ?? ${typescriptString(spec.folder)};`,
        `const classes = [${classes.map(typescriptString).join(', ')}];`,
        `const files: string[][] = [`,
        ...files.map((names) => `  [${names.map(typescriptString).join(', ')}],`),
        `];`,
        `type Pixels = { width: number; height: number; channels: number; data: Uint8Array };`,
        `function decode(path: string): Pixels {`,
        `  const bytes = readFileSync(path);`,
        `  const image = /\\.png$/i.test(path) ? PNG.sync.read(bytes) : jpeg.decode(bytes, { useTArray: true });`,
        `  return { width: image.width, height: image.height, channels: 4, data: new Uint8Array(image.data) };`,
        `}`,
        `function resize(image: Pixels, width: number, height: number): Pixels {`,
        `  const data = new Uint8Array(width * height * image.channels);`,
        `  const scaleX = image.width / width;`,
        `  const scaleY = image.height / height;`,
        `  for (let row = 0; row < height; row += 1) {`,
        `    const top = row * scaleY;`,
        `    const bottom = Math.min(top + scaleY, image.height);`,
        `    for (let column = 0; column < width; column += 1) {`,
        `      const left = column * scaleX;`,
        `      const right = Math.min(left + scaleX, image.width);`,
        `      const sums = new Array<number>(image.channels).fill(0);`,
        `      let total = 0;`,
        `      for (let y = Math.floor(top); y < bottom; y += 1) {`,
        `        const coverY = Math.min(y + 1, bottom) - Math.max(y, top);`,
        `        for (let x = Math.floor(left); x < right; x += 1) {`,
        `          const weight = coverY * (Math.min(x + 1, right) - Math.max(x, left));`,
        `          for (let channel = 0; channel < image.channels; channel += 1)`,
        `            sums[channel] += weight * image.data[(y * image.width + x) * image.channels + channel];`,
        `          total += weight;`,
        `        }`,
        `      }`,
        `      sums.forEach((sum, channel) => (data[(row * width + column) * image.channels + channel] = Math.round(sum / total)));`,
        `    }`,
        `  }`,
        `  return { width, height, channels: image.channels, data };`,
        `}`,
        `// Grey by the ITU-R 601 weights, or red, green and blue; transparency over white.`,
        `function withChannels(image: Pixels, channels: number): Pixels {`,
        `  const count = image.width * image.height;`,
        `  const data = new Uint8Array(count * channels);`,
        `  for (let pixel = 0; pixel < count; pixel += 1) {`,
        `    const at = pixel * image.channels;`,
        `    const alpha = image.channels === 4 ? image.data[at + 3] / 255 : 1;`,
        `    const [red, green, blue] = [0, 1, 2].map((channel) => image.data[at + Math.min(channel, image.channels - 1)] * alpha + 255 * (1 - alpha));`,
        `    if (channels === 1) data[pixel] = Math.round(0.299 * red + 0.587 * green + 0.114 * blue);`,
        `    else [red, green, blue].forEach((value, channel) => (data[pixel * 3 + channel] = Math.round(value)));`,
        `  }`,
        `  return { width: image.width, height: image.height, channels, data };`,
        `}`,
        `const samples: { values: number[]; label: number }[] = [];`,
        `files.forEach((names, label) =>`,
        `  names.forEach((name) => {`,
        `    const stored = withChannels(resize(decode(join(folder, classes[label], name)), ${spec.stored.side}, ${spec.stored.side}), ${spec.stored.channels});`,
        `    const seen = withChannels(resize(stored, ${spec.width}, ${spec.height}), ${spec.channels});`,
        `    samples.push({ values: Array.from(seen.data, (value) => value / 255), label });`,
        `  }),`,
        `);`,
        `// The images in the order LayerLab dealt them from seed ${spec.seed}; the last ${testCount} are the test split.`,
        `const order = ${typescriptNumbers(order)};`,
        `const testCount = ${testCount};`,
        `const trainSamples = order.slice(0, order.length - testCount).map((index) => samples[index]);`,
        `const testSamples = order.slice(order.length - testCount).map((index) => samples[index]);`,
        `const sampleCount = trainSamples.length;`,
        `const imageShape = [${spec.height}, ${spec.width}, ${spec.channels}];`,
        `const x = tf.tensor4d(trainSamples.flatMap((sample) => sample.values), [sampleCount, ${spec.height}, ${spec.width}, ${spec.channels}]);`,
        column
          ? `const y = tf.tensor2d(trainSamples.map((sample) => [sample.label]), [sampleCount, 1]);`
          : `const y = tf.tensor1d(trainSamples.map((sample) => sample.label));`,
        `const xTest = tf.tensor4d(testSamples.flatMap((sample) => sample.values), [testSamples.length, ${spec.height}, ${spec.width}, ${spec.channels}]);`,
        `const yTest = testSamples.map((sample) => sample.label);`,
        'console.log(`Data: ${sampleCount} images of ${imageShape.join("×")} to train on, ${testSamples.length} held out to test`);',
      ];
    },
    question: ({ query, oneUnit }) => {
      const index = query.kind === 'sample' ? query.index : 0;
      return [
        `// 4. The test split, never trained on, measured once; then the playground's question, image #${index + 1}.`,
        `if (testSamples.length > 0) {`,
        `  const predicted = (model.predict(xTest) as tf.Tensor).arraySync() as number[][];`,
        oneUnit
          ? `  const right = predicted.filter((row, index) => (row[0] > 0.5 ? 1 : 0) === yTest[index]).length;`
          : `  const right = predicted.filter((row, index) => row.indexOf(Math.max(...row)) === yTest[index]).length;`,
        '  console.log(`test_accuracy ${(right / testSamples.length).toFixed(4)}`);',
        `}`,
        `const queryIndex = ${index};`,
        `const queryImage = x.slice([queryIndex, 0, 0, 0], [1, ...imageShape]);`,
        `const answer = Array.from((model.predict(queryImage) as tf.Tensor).dataSync());`,
        oneUnit
          ? `// One sigmoid unit answers the second class's probability.\nconst output = tf.tensor1d([1 - answer[0], answer[0]]);`
          : `const output = tf.tensor1d(answer);`,
        ...typescriptRanked('classes', 'Image #${queryIndex + 1} (a ${classes[trainSamples[queryIndex].label]}):'),
      ];
    },
  },

  python: {
    arguments: [
      'parser.add_argument("--data", help="the folder\'s path (a folder of the name LayerLab opened, beside the program, otherwise)")',
    ],
    data: (code) => {
      const { spec, dataset } = code;
      const { classes, files } = fileOrder(spec);
      const testCount = dataset.test?.x.shape[0] ?? 0;
      const order = dealtOrder(files.flat().length, spec.seed);
      const mode = (channels: number) => (channels === 3 ? '"RGB"' : '"L"');
      return [
        `# 1. The data: the folder ${pythonString(spec.folder).slice(1, -1)}, a subfolder per class, decoded with Pillow. Pass`,
        '# its path with --data; a folder of that name beside the program is read otherwise. Each image',
        `# is shrunk to ${spec.stored.side}x${spec.stored.side} as LayerLab stored it, then to the ${spec.height}x${spec.width} the network sees,`,
        "# averaging the pixels each new pixel covers (Pillow's box filter).",
        'import os',
        'from PIL import Image',
        `data_folder = args.data or ${pythonString(spec.folder)}`,
        `classes = [${classes.map(pythonString).join(', ')}]`,
        'FILES = [',
        ...files.map((names) => `    [${names.map(pythonString).join(', ')}],`),
        ']',
        '',
        '',
        'def load_image(path):',
        '    with Image.open(path) as image:',
        '        image = image.convert("RGBA")',
        '        flat = Image.new("RGBA", image.size, (255, 255, 255, 255))',
        '        flat.alpha_composite(image)',
        `        stored = flat.convert(${mode(spec.stored.channels)}).resize((${spec.stored.side}, ${spec.stored.side}), Image.BOX)`,
        `        seen = stored.resize((${spec.width}, ${spec.height}), Image.BOX).convert(${mode(spec.channels)})`,
        `        return np.asarray(seen, dtype="float32").reshape(${spec.height}, ${spec.width}, ${spec.channels}) / 255`,
        '',
        '',
        'samples = [',
        '    (load_image(os.path.join(data_folder, name, file)), label)',
        '    for label, name in enumerate(classes)',
        '    for file in FILES[label]',
        ']',
        `# The images in the order LayerLab dealt them from seed ${spec.seed}; the last ${testCount} are the test split.`,
        `ORDER = ${pythonNumberList(order)}`,
        `TEST_COUNT = ${testCount}`,
        'dealt = [samples[index] for index in ORDER]',
        'train_samples, test_samples = dealt[: len(dealt) - TEST_COUNT], dealt[len(dealt) - TEST_COUNT :]',
        'x = np.stack([values for values, _ in train_samples])',
        'y = np.array([label for _, label in train_samples], dtype="int64")',
        `x_test = np.stack([values for values, _ in test_samples]) if test_samples else np.zeros((0, ${spec.height}, ${spec.width}, ${spec.channels}), dtype="float32")`,
        'y_test = np.array([label for _, label in test_samples], dtype="int64")',
        ...(oneHotTargets(code)
          ? [
              '# categorical_crossentropy compares whole distributions: one-hot targets.',
              'y = np.eye(len(classes), dtype="float32")[y]',
            ]
          : []),
        'sample_count = len(x)',
        `print(f"Data: {sample_count} images of ${spec.height}x${spec.width}x${spec.channels} to train on, {len(test_samples)} held out to test")`,
      ];
    },
    question: ({ query, oneUnit, predict }) => {
      const index = query.kind === 'sample' ? query.index : 0;
      return [
        `# 4. The test split, never trained on, measured once; then the playground's question, image #${index + 1}.`,
        'test_outputs = []',
        'for index in range(len(test_samples)):',
        '    test_x = x_test[index : index + 1]',
        ...predict('test_x', 'test_output').map((line) => `    ${line}`),
        '    test_outputs.append(np.asarray(test_output).reshape(-1))',
        'if test_outputs:',
        '    test_outputs = np.stack(test_outputs)',
        oneUnit
          ? '    test_predicted = (test_outputs[:, 0] > 0.5).astype("int64")'
          : '    test_predicted = test_outputs.argmax(axis=1)',
        '    print(f"test_accuracy {float((test_predicted == y_test).mean()):.4f}")',
        `query_index = ${index}`,
        'query_x = x[query_index : query_index + 1]',
        ...predict('query_x', 'probabilities'),
        'probabilities = np.asarray(probabilities).reshape(-1)',
        ...(oneUnit
          ? [
              "# One sigmoid unit answers the second class's probability.",
              'probabilities = np.array([1 - probabilities[0], probabilities[0]])',
            ]
          : []),
        ...pythonRanked('classes', 'Image #{query_index + 1} (a {classes[train_samples[query_index][1]]}):'),
      ];
    },
  },
};
