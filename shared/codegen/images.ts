/**
 * The data and question steps of an exported program for an image recipe, in TypeScript and in
 * Python. The pixels are written into the program, so it runs with nothing else installed; they
 * are decoded and chosen as LayerLab's `buildDataset` does, in the same order. Reads nothing but
 * its arguments.
 */
import { digitLabels, digitPixels } from '../data/digits-8x8.js';
import { imageGroups } from '../data/build.js';
import { imageSet } from '../data/images.js';
import { localize } from '../vocabulary/localized.js';
import type { DataSpec } from '../data/spec.js';
import type { ExportPlan } from './plan.js';
import { pythonNumberList, pythonString } from '../vocabulary/python.js';
import { cutText, pythonRanked, typescriptRanked } from '../vocabulary/code-text.js';
import { typescriptNumbers, typescriptString } from '../vocabulary/typescript-literals.js';

type ImagesSpec = Extract<DataSpec, { kind: 'images' }>;

/** Long strings cut into quoted pieces, for a literal over many lines. */
function pieces(text: string): string[] {
  return cutText(text, 88);
}

/** LayerLab's table of what each digit is classified as, and the answers' names (the kept digits, or the groups). */
function grouping(spec: ImagesSpec): { targetOf: number[]; labels: string[] } {
  const found = imageGroups(spec, imageSet(spec.source).classNames);
  // The plan has built this recipe already, so it is valid here.
  if (!found.ok) throw new Error(localize(found.problem, 'en'));
  return found;
}

/** The slice of the kept images a lesson uses, as `start, end` arguments (end left out for all). */
function range(spec: ImagesSpec): { start: number; end: number | null } {
  const start = spec.offset ?? 0;
  return { start, end: spec.limit === undefined ? null : start + spec.limit };
}

function keptComment(spec: ImagesSpec): string {
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

export function typescriptImageData(plan: ExportPlan, spec: ImagesSpec): string[] {
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
        : [`// Targets: the images themselves; an autoencoder learns to give back what it is shown.`, `const y = x;`]),
    spec.groups
      ? 'console.log(`Data: ${sampleCount} images of 8×8 pixels, answers ${classes.join(", ")}`);'
      : 'console.log(`Data: ${sampleCount} images of 8×8 pixels, digits ${classes.join(", ")}`);',
  ];
}

export function typescriptImageQuestion(plan: ExportPlan, index: number): string[] {
  const classify = plan.data.kind === 'images' && plan.data.task === 'classify';
  const asked = [
    `const queryIndex = ${index};`,
    `const queryImage = x.slice([queryIndex, 0, 0, 0], [1, 8, 8, 1]);`,
    `const output = model.predict(queryImage) as tf.Tensor;`,
  ];
  if (!classify) {
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
}

export function pythonImageData(spec: ImagesSpec, oneHotTargets: boolean): string[] {
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
          ...(oneHotTargets
            ? [
                '# categorical_crossentropy compares whole distributions: one-hot targets.',
                'y = np.eye(len(classes), dtype="float32")[y]',
              ]
            : []),
        ]
      : spec.task === 'generate'
        ? ["# No targets: these are the real images a GAN's generator learns to imitate."]
        : ['# Targets: the images themselves; an autoencoder learns to give back what it is shown.', 'y = x.copy()']),
    `print(f"Data: {sample_count} images of 8x8 pixels, ${spec.groups ? 'answers' : 'digits'} {', '.join(classes)}")`,
  ];
}

export function pythonImageQuestion(
  plan: ExportPlan,
  index: number,
  predict: (input: string, output: string) => string[],
): string[] {
  const classify = plan.data.kind === 'images' && plan.data.task === 'classify';
  const asked = [`query_index = ${index}`, 'query_x = x[query_index : query_index + 1]'];
  if (!classify) {
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
}
