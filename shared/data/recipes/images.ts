/**
 * Images LayerLab ships (the 8×8 handwritten digits), to classify (by digit or by groups of
 * digits), to reconstruct (an autoencoder; the digits left out are the unusual ones) or to
 * generate (the real images a GAN's generator learns to imitate). The playground asks about an
 * image by number or a digit drawn on a pad. The exports carry the pixels themselves.
 */
import { z } from 'zod';
import { digitLabels, digitPixels } from '../digits-8x8.js';
import { imageSet, imageSources } from '../images.js';
import { localize } from '../../vocabulary/localized.js';
import { pythonNumberList, pythonString } from '../../vocabulary/python.js';
import { cutText, pythonRanked, typescriptRanked } from '../../vocabulary/code-text.js';
import { typescriptNumbers, typescriptString } from '../../vocabulary/typescript-literals.js';
import type { DatasetResult } from '../dataset.js';
import { oneHotTargets, parseNumberList, previewRows, type RecipeDef } from '../recipe.js';

export const imagesSpec = z
  .object({
    kind: z.literal('images'),
    source: z.enum(imageSources),
    /**
     * `classify`: the target is the image's class; `reconstruct`: the target is the image itself;
     * `generate`: the images are the real ones a GAN's generator learns to imitate.
     */
    task: z.enum(['classify', 'reconstruct', 'generate']),
    /**
     * The classes to train on, all when absent. For `reconstruct` the others are kept aside as the
     * unusual images an autoencoder should reconstruct badly (anomaly detection).
     */
    classes: z.array(z.number().int().min(0).max(9)).min(1).max(10).optional(),
    /** Use only the first `limit` images (of the classes kept): fewer train faster, and overfit. */
    limit: z.number().int().min(10).max(10_000).optional(),
    /**
     * Skip the first `offset` images (of the classes kept), so a lesson can learn from images that
     * another lesson, which took the first ones, never saw.
     */
    offset: z.number().int().min(0).max(10_000).optional(),
    /**
     * Classify into these groups of classes instead of the classes themselves (`even`: 0, 2, 4, 6,
     * 8). Images of classes in no group are left out. Instead of `classes`, and only to classify.
     */
    groups: z
      .array(
        z
          .object({
            name: z.string().min(1).max(32),
            classes: z.array(z.number().int().min(0).max(9)).min(1).max(10),
          })
          .strict(),
      )
      .min(2)
      .max(10)
      .optional(),
  })
  .strict();
type Spec = z.infer<typeof imagesSpec>;

/**
 * What an image recipe classifies into: for each class of the set, the index of its target (-1
 * when it is left out), and the targets' names. Without groups, the kept classes sorted: a model
 * of 3 digits has 3 outputs. Exported programs write the same table.
 */
export function imageGroups(
  spec: Spec,
  classNames: readonly string[],
): { ok: true; targetOf: number[]; labels: string[] } | Extract<DatasetResult, { ok: false }> {
  const refuse = (en: string, es: string) => ({ ok: false as const, field: 'groups', problem: { en, es } });
  if (!spec.groups) {
    const kept = [...new Set(spec.classes ?? classNames.map((_, index) => index))].sort((a, b) => a - b);
    return {
      ok: true,
      targetOf: classNames.map((_, index) => kept.indexOf(index)),
      labels: kept.map((index) => classNames[index] ?? String(index)),
    };
  }
  if (spec.classes) {
    return refuse(
      'Choose either the classes to keep or groups of them, not both.',
      'Elige las clases que se conservan o grupos de ellas, no ambas cosas.',
    );
  }
  if (spec.task !== 'classify') {
    return refuse(
      'Groups are classes to tell apart: they need the classify task.',
      'Los grupos son clases que distinguir: necesitan la tarea de clasificar.',
    );
  }
  const targetOf = classNames.map(() => -1);
  for (const [index, group] of spec.groups.entries()) {
    for (const found of group.classes) {
      const other = spec.groups[targetOf[found] ?? -1];
      if (other) {
        // A message for the data panel, which React escapes: not generated code.
        /* eslint-disable no-restricted-syntax */
        return refuse(
          `${classNames[found] ?? found} is in two groups, "${other.name}" and "${group.name}": an image has one answer.`,
          `${classNames[found] ?? found} está en dos grupos, «${other.name}» y «${group.name}»: una imagen tiene una sola respuesta.`,
        );
        /* eslint-enable no-restricted-syntax */
      }
      targetOf[found] = index;
    }
  }
  return { ok: true, targetOf, labels: spec.groups.map((group) => group.name) };
}

function build(spec: Spec): DatasetResult {
  const set = imageSet(spec.source);
  const size = set.height * set.width * set.channels;
  const grouping = imageGroups(spec, set.classNames);
  if (!grouping.ok) return grouping;
  const { targetOf, labels } = grouping;
  const chosen: number[] = [];
  const unusual: number[] = [];
  set.classes.forEach((found, index) => ((targetOf[found] ?? -1) >= 0 ? chosen : unusual).push(index));
  const offset = spec.offset ?? 0;
  const samples = chosen.slice(offset, offset + (spec.limit ?? chosen.length));
  if (samples.length < 2) {
    return {
      ok: false,
      field: spec.offset && spec.offset >= chosen.length - 1 ? 'offset' : 'classes',
      problem: {
        en: `Only ${samples.length} image is left of the ${chosen.length} kept: keep more classes, skip fewer or raise the limit.`,
        es: `Solo queda ${samples.length} imagen de las ${chosen.length} elegidas: conserva más clases, salta menos o sube el límite.`,
      },
    };
  }
  const gather = (indices: readonly number[]) => {
    const values = new Float32Array(indices.length * size);
    indices.forEach((image, sample) =>
      values.set(set.pixels.subarray(image * size, (image + 1) * size), sample * size),
    );
    return values;
  };
  const shape = [samples.length, set.height, set.width, set.channels];
  const x = gather(samples);
  const names = (indices: readonly number[]) => indices.map((image) => set.classNames[set.classes[image] ?? 0] ?? '');
  const sampleClasses = names(samples);
  const classify = spec.task === 'classify';
  const y = classify ? Float32Array.from(samples, (image) => targetOf[set.classes[image] ?? 0] ?? 0) : x;
  const held = spec.task === 'reconstruct' && unusual.length > 0 ? unusual : [];
  return {
    ok: true,
    dataset: {
      x: { values: x, shape, dtype: 'float32' },
      y: { values: y, shape: classify ? [samples.length] : shape, dtype: 'float32' },
      target: classify
        ? { kind: 'class', labels }
        : spec.task === 'generate'
          ? { kind: 'generate' }
          : { kind: 'image' },
      preview: samples.slice(0, previewRows).map((image, sample) => ({
        input: `#${sample + 1}`,
        target: classify ? (labels[targetOf[set.classes[image] ?? 0] ?? 0] ?? '') : `#${sample + 1}`,
      })),
      images: {
        height: set.height,
        width: set.width,
        channels: set.channels,
        sampleClasses,
        unusual:
          held.length > 0
            ? {
                x: {
                  values: gather(held),
                  shape: [held.length, set.height, set.width, set.channels],
                  dtype: 'float32',
                },
                classes: names(held),
              }
            : null,
      },
    },
  };
}

/** How many images a recipe keeps, without building it: its classes or groups, after the offset, up to the limit. */
function imageSampleCount(spec: Spec): number {
  const set = imageSet(spec.source);
  const grouping = imageGroups(spec, set.classNames);
  const targetOf = grouping.ok ? grouping.targetOf : [];
  const count = set.classes.reduce((total, found) => total + ((targetOf[found] ?? -1) >= 0 ? 1 : 0), 0);
  const left = Math.max(0, count - (spec.offset ?? 0));
  return Math.min(left, spec.limit ?? left);
}

/** Long strings cut into quoted pieces, for a literal over many lines. */
function pieces(text: string): string[] {
  return cutText(text, 88);
}

/** LayerLab's table of what each digit is classified as, and the answers' names (the kept digits, or the groups). */
function grouping(spec: Spec): { targetOf: number[]; labels: string[] } {
  const found = imageGroups(spec, imageSet(spec.source).classNames);
  // The plan has built this recipe already, so it is valid here.
  if (!found.ok) throw new Error(localize(found.problem, 'en'));
  return found;
}

/** The slice of the kept images a lesson uses, as `start, end` arguments (end left out for all). */
function range(spec: Spec): { start: number; end: number | null } {
  const start = spec.offset ?? 0;
  return { start, end: spec.limit === undefined ? null : start + spec.limit };
}

function keptComment(spec: Spec): string {
  const what = spec.groups
    ? 'The answers this lesson asks for, and the group of each digit (-1: left out)'
    : 'The digits this lesson keeps (-1: left out)';
  const used =
    spec.offset !== undefined
      ? ', and which of their images it uses'
      : spec.limit !== undefined
        ? ', and how many images of them it uses'
        : '';
  return `${what}${used}.`;
}

const credit = [
  'the 8×8 handwritten digits of the UCI "Optical Recognition of Handwritten Digits" set',
  '(Alpaydin and Kaynak, 1998; CC BY 4.0), as scikit-learn ships them: one base-17 character',
  'per pixel (ink from 0 to 16), 64 per image, row by row, and one character per label.',
];

const digitClasses = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export const images: RecipeDef<Spec> = {
  kind: 'images',
  schema: imagesSpec,
  defaultSpec: { kind: 'images', source: 'digits-8x8', task: 'classify' },
  title: { en: 'Images: handwritten digits', es: 'Imágenes: dígitos escritos a mano' },
  build,

  panel: (spec) => [
    {
      widget: 'note',
      text: {
        en: '1,797 handwritten digits, 8×8 pixels: UCI “Optical Recognition of Handwritten Digits” (Alpaydin and Kaynak, 1998), CC BY 4.0, as scikit-learn ships it. It ships with LayerLab.',
        es: '1.797 dígitos escritos a mano, de 8×8 píxeles: «Optical Recognition of Handwritten Digits» de UCI (Alpaydin y Kaynak, 1998), CC BY 4.0, tal como lo distribuye scikit-learn. Viene con LayerLab.',
      },
    },
    {
      widget: 'choice',
      label: { en: 'task', es: 'tarea' },
      options: [
        {
          value: 'classify',
          label: spec.groups
            ? { en: 'classify: which group of digits', es: 'clasificar: qué grupo de dígitos' }
            : { en: 'classify: which digit', es: 'clasificar: qué dígito' },
        },
        {
          value: 'reconstruct',
          label: { en: 'reconstruct: give the image back', es: 'reconstruir: devolver la imagen' },
        },
        { value: 'generate', label: { en: 'generate: a GAN draws new ones', es: 'generar: una GAN dibuja otras' } },
      ],
      get: (current) => current.task,
      set: (current, value) => ({
        ...current,
        task: value === 'reconstruct' || value === 'generate' ? value : 'classify',
      }),
    },
    spec.groups
      ? {
          widget: 'list',
          label: { en: 'answers (groups of digits)', es: 'respuestas (grupos de dígitos)' },
          items: spec.groups.map((group) => ({ name: group.name, value: group.classes.join(', ') })),
        }
      : {
          widget: 'class-toggles',
          label: { en: 'digits kept', es: 'dígitos que se conservan' },
          hint:
            spec.task === 'generate'
              ? {
                  en: 'The generator learns to draw the digits kept; the discriminator sees only these as real.',
                  es: 'El generador aprende a dibujar los dígitos que se conservan; el discriminador solo ve estos como reales.',
                }
              : {
                  en: 'For reconstruction, the digits left out are the unusual ones the playground tests.',
                  es: 'Para reconstruir, los dígitos que se dejan fuera son los raros con los que se prueba en Probar.',
                },
          classes: digitClasses,
          get: (current) => current.classes,
          set: (current, classes) => {
            const { classes: _previous, ...rest } = current;
            return classes === undefined ? rest : { ...rest, classes };
          },
        },
    {
      widget: 'whole',
      label: { en: 'skip the first images', es: 'saltar las primeras imágenes' },
      min: 0,
      max: 10000,
      get: (current) => current.offset ?? 0,
      set: (current, offset) => {
        const { offset: _previous, ...rest } = current;
        return offset === 0 ? rest : { ...rest, offset };
      },
    },
  ],
  preview: () => ({ labels: 'classes', headings: null }),
  playground: (spec) => ({
    input: 'image',
    ...(spec.source === 'digits-8x8' ? { pad: { width: 8, height: 8 } } : {}),
  }),

  defaultQuery(spec) {
    // A GAN's question is the seed of the noise its generator turns into an image.
    if (spec.task === 'generate') return '1';
    // The last image: it is among those held out for validation, so the network never trained on it.
    return `#${imageSampleCount(spec)}`;
  },

  /**
   * An image query: `#12`, the data's 12th image, or the pixels themselves as numbers from 0 to 16
   * (ink, as the digits are stored), row by row, which is what the playground's drawing pad writes.
   */
  encodeQuery(_spec, dataset, text) {
    const [count = 0, height = 1, width = 1, channels = 1] = dataset.x.shape;
    const size = height * width * channels;
    const shape = [1, height, width, channels];
    const asked = /^#\s*(\d+)$/.exec(text.trim());
    if (asked) {
      const index = Number(asked[1]) - 1;
      if (index >= 0 && index < count) {
        return {
          ok: true,
          values: Float32Array.from(dataset.x.values.subarray(index * size, (index + 1) * size)),
          shape,
        };
      }
      return {
        ok: false,
        problem: {
          en: `There is no image ${text.trim()}: the data holds images #1 to #${count}.`,
          es: `No hay imagen ${text.trim()}: los datos tienen las imágenes #1 a #${count}.`,
        },
      };
    }
    const numbers = parseNumberList(text);
    if (numbers === null || numbers.length !== size || numbers.some((value) => value < 0 || value > 16)) {
      return {
        ok: false,
        problem: {
          en: `Draw a digit on the pad, or type # and an image's number (#1 to #${count}), or ${size} numbers from 0 to 16.`,
          es: `Dibuja un dígito en el recuadro, o escribe # y el número de una imagen (#1 a #${count}), o ${size} números de 0 a 16.`,
        },
      };
    }
    return { ok: true, values: Float32Array.from(numbers, (value) => value / 16), shape };
  },

  planQuery(spec, dataset, query) {
    if (spec.task === 'generate') {
      const asked = /^\d{1,9}$/.exec(query?.trim() ?? '');
      return { kind: 'seed', seed: asked ? Number(asked[0]) : Number(images.defaultQuery(spec)) };
    }
    const asked = /^#(\d+)$/.exec(query?.trim() ?? '');
    const index = asked ? Number(asked[1]) - 1 : -1;
    const fallback = /^#(\d+)$/.exec(images.defaultQuery(spec));
    return {
      kind: 'sample',
      index: index >= 0 && index < (dataset.x.shape[0] ?? 0) ? index : Number(fallback?.[1] ?? 1) - 1,
    };
  },

  typescript: {
    data: ({ spec }) => {
      const classify = spec.task === 'classify';
      const { targetOf, labels } = grouping(spec);
      const { start, end } = range(spec);
      return [
        `// 1. The data: ${credit[0]}`,
        ...credit.slice(1).map((line) => `// ${line}`),
        // Arrays joined, not chains of + : a thousand nested additions overflow a parser's stack.
        `const digitPixels = [`,
        ...pieces(digitPixels).map((piece) => `  ${typescriptString(piece)},`),
        `].join('');`,
        `const digitLabels = [`,
        ...pieces(digitLabels).map((piece) => `  ${typescriptString(piece)},`),
        `].join('');`,
        `// ${keptComment(spec)}`,
        `const classes = [${labels.map(typescriptString).join(', ')}];`,
        `const targetOf = ${typescriptNumbers(targetOf)};`,
        `const images: number[] = [];`,
        `for (let image = 0; image < digitLabels.length; image += 1) {`,
        `  if (targetOf[Number(digitLabels[image])] >= 0) images.push(image);`,
        `}`,
        `const samples = images.slice(${[start, ...(end === null ? [] : [end])].join(', ')});`,
        `const sampleCount = samples.length;`,
        `// Inputs: each image's ink divided by 16, so it lies in [0, 1], (samples, 8, 8, 1).`,
        `const xValues = new Float32Array(sampleCount * 64);`,
        `samples.forEach((image, sample) => {`,
        `  for (let pixel = 0; pixel < 64; pixel += 1) {`,
        `    xValues[sample * 64 + pixel] = parseInt(digitPixels[image * 64 + pixel], 17) / 16;`,
        `  }`,
        `});`,
        `const x = tf.tensor4d(xValues, [sampleCount, 8, 8, 1]);`,
        ...(classify
          ? [
              `// Targets: each image's answer, as an index into classes, as float32, which tf.js' losses take.`,
              `const yValues = Float32Array.from(samples, (image) => targetOf[Number(digitLabels[image])]);`,
              `const y = tf.tensor1d(yValues);`,
            ]
          : spec.task === 'generate'
            ? [`// No targets: these are the real images a GAN's generator learns to imitate.`]
            : [
                `// Targets: the images themselves; an autoencoder learns to give back what it is shown.`,
                `const y = x;`,
              ]),
        spec.groups
          ? 'console.log(`Data: ${sampleCount} images of 8×8 pixels, answers ${classes.join(", ")}`);'
          : 'console.log(`Data: ${sampleCount} images of 8×8 pixels, digits ${classes.join(", ")}`);',
      ];
    },
    question: ({ spec, query }) => {
      const index = query.kind === 'sample' ? query.index : 0;
      const asked = [
        `const queryIndex = ${index};`,
        `const queryImage = x.slice([queryIndex, 0, 0, 0], [1, 8, 8, 1]);`,
        `const output = model.predict(queryImage) as tf.Tensor;`,
      ];
      if (spec.task !== 'classify') {
        return [
          `// 4. Ask the trained network, as LayerLab's playground does: how well does it give image #${index + 1} back?`,
          ...asked,
          `const error = tf.losses.meanSquaredError(queryImage, output).dataSync()[0];`,
          'console.log(`Image #${queryIndex + 1} (a ${digitLabels[samples[queryIndex]]}) comes back with a squared error of ${error.toFixed(4)}`);',
        ];
      }
      return [
        `// 4. Ask the trained network, as LayerLab's playground does: which digit is image #${index + 1}?`,
        ...asked,
        ...typescriptRanked('classes', 'Image #${queryIndex + 1} (a ${digitLabels[samples[queryIndex]]}):'),
      ];
    },
  },

  python: {
    data: (code) => {
      const { spec } = code;
      const quote = (piece: string) => `    ${pythonString(piece)}`;
      const classify = spec.task === 'classify';
      const { targetOf, labels } = grouping(spec);
      const { start, end } = range(spec);
      const slice = start === 0 && end === null ? '' : `[${start === 0 ? '' : start}:${end ?? ''}]`;
      return [
        `# 1. The data: ${credit[0]}`,
        ...credit.slice(1).map((line) => `# ${line}`),
        'DIGIT_PIXELS = (',
        ...pieces(digitPixels).map(quote),
        ')',
        'DIGIT_LABELS = (',
        ...pieces(digitLabels).map(quote),
        ')',
        'all_images = np.array([int(ink, 17) for ink in DIGIT_PIXELS], dtype="float32").reshape(-1, 8, 8, 1) / 16',
        'all_labels = np.array([int(label) for label in DIGIT_LABELS], dtype="int64")',
        `# ${keptComment(spec)}`,
        `classes = [${labels.map(pythonString).join(', ')}]`,
        `target_of = np.array(${pythonNumberList(targetOf)})`,
        'kept = target_of[all_labels] >= 0',
        `x = all_images[kept]${slice}`,
        `labels = all_labels[kept]${slice}`,
        'sample_count = len(x)',
        ...(classify
          ? [
              "# Targets: each image's answer, as an index into classes.",
              'y = target_of[labels].astype("int64")',
              ...(oneHotTargets(code)
                ? [
                    '# categorical_crossentropy compares whole distributions: one-hot targets.',
                    'y = np.eye(len(classes), dtype="float32")[y]',
                  ]
                : []),
            ]
          : spec.task === 'generate'
            ? ["# No targets: these are the real images a GAN's generator learns to imitate."]
            : [
                '# Targets: the images themselves; an autoencoder learns to give back what it is shown.',
                'y = x.copy()',
              ]),
        `print(f"Data: {sample_count} images of 8x8 pixels, ${spec.groups ? 'answers' : 'digits'} {', '.join(classes)}")`,
      ];
    },
    question: ({ spec, query, predict }) => {
      const index = query.kind === 'sample' ? query.index : 0;
      const asked = [`query_index = ${index}`, 'query_x = x[query_index : query_index + 1]'];
      if (spec.task !== 'classify') {
        return [
          `# 4. Ask the trained network, as LayerLab's playground does: how well does it give image #${index + 1} back?`,
          ...asked,
          ...predict('query_x', 'reconstruction'),
          'error = float(np.mean((np.asarray(reconstruction).reshape(-1) - query_x.reshape(-1)) ** 2))',
          'print(f"Image #{query_index + 1} (a {labels[query_index]}) comes back with a squared error of {error:.4f}")',
        ];
      }
      return [
        `# 4. Ask the trained network, as LayerLab's playground does: which digit is image #${index + 1}?`,
        ...asked,
        ...predict('query_x', 'probabilities'),
        ...pythonRanked('classes', 'Image #{query_index + 1} (a {labels[query_index]}):'),
      ];
    },
  },
};
