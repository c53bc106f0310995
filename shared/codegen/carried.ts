/**
 * Trained weights in the exported programs. Transfer learning: the weights a layer carries,
 * written into the program (float32, little-endian, base64, as a project file holds them), and the
 * layers frozen. A program without data: every layer's trained weights read from the weights file
 * beside it (`stored`). TypeScript and Keras load them with `setWeights`/`set_weights`; PyTorch
 * through each layer's own conversion from Keras' layout. Reads nothing but its arguments.
 */
import type { Problem } from '../vocabulary/problems.js';
import { severityOf } from '../vocabulary/problems.js';
import { storedWeightsFile, type PlannedLayer, type StoredWeight } from './plan.js';
import { pythonComment, pythonString } from '../vocabulary/python.js';
import { commentLines, cutText, thousands } from '../vocabulary/code-text.js';
import { typescriptComment, typescriptString } from '../vocabulary/typescript-literals.js';

/** Where the carried weights come from, each source written by the comment escaper of the language. */
function sourceOf(layers: readonly PlannedLayer[], comment: (text: string) => string): string {
  const sources = [...new Set(layers.flatMap((layer) => (layer.node.carried ? [layer.node.carried.from] : [])))];
  return sources.map(comment).join(', ');
}

const carriedComment = (layers: readonly PlannedLayer[], comment: (text: string) => string) =>
  `Trained weights these layers start from, carried from ${sourceOf(layers, comment)} (transfer learning): float32, little-endian, in base64.`;

const frozenComment = 'Frozen layers: training leaves their weights as they are (Keras: trainable = False).';

/** Lines that give the TypeScript model its carried weights and freeze its frozen layers. */
export function typescriptCarried(layers: readonly PlannedLayer[]): { lines: string[]; usesHelper: boolean } {
  const carried = layers.filter((layer) => layer.node.carried);
  const frozen = layers.filter((layer) => layer.node.frozen === true && layer.params > 0);
  const lines: string[] = [];
  if (carried.length > 0) {
    lines.push('', `// ${carriedComment(carried, typescriptComment)}`);
    for (const layer of carried) {
      lines.push(`model.getLayer(${typescriptString(layer.node.name)}).setWeights([`);
      for (const weight of layer.node.carried?.weights ?? []) {
        lines.push(
          `  carriedTensor([${weight.shape.join(', ')}], [`,
          ...cutText(weight.values, 92).map((piece) => `    ${typescriptString(piece)},`),
          `  ].join('')),`,
        );
      }
      lines.push(`]);`);
    }
  }
  if (frozen.length > 0) {
    lines.push(`// ${frozenComment}`);
    for (const layer of frozen) lines.push(`model.getLayer(${typescriptString(layer.node.name)}).trainable = false;`);
  }
  return { lines, usesHelper: carried.length > 0 };
}

/**
 * The NumPy arrays of a layer's carried weights, in Keras' order: each a Python expression over
 * several lines, to be indented where it is used.
 */
export function pythonCarriedArrays(layer: PlannedLayer): string[][] {
  if (layer.stored) return layer.stored.map((weight) => [`stored(${weight.offset}, ${pythonShape(weight)})`]);
  return (layer.node.carried?.weights ?? []).map((weight) => [
    `carried((${weight.shape.join(', ')}${weight.shape.length === 1 ? ',' : ''}),`,
    ...cutText(weight.values, 84).map((piece) => `    ${pythonString(piece)}`),
    ')',
  ]);
}

/** The expressions as items of a Python list: indented, each ending in a comma. */
export function pythonListItems(arrays: readonly (readonly string[])[], indentation: string): string[] {
  return arrays.flatMap((lines) =>
    lines.map((line, index) => `${indentation}${line}${index === lines.length - 1 ? ',' : ''}`),
  );
}

/** The Python helper the carried arrays call. */
export const pythonCarriedHelper = [
  'def carried(shape, text):',
  '    """A trained weight written into the program: float32 values, little-endian, in base64."""',
  '    return np.frombuffer(base64.b64decode(text), dtype="<f4").reshape(shape).copy()',
];

/** Lines that give the Keras model its carried weights and freeze its frozen layers. */
export function kerasCarried(layers: readonly PlannedLayer[]): string[] {
  const carried = layers.filter((layer) => layer.node.carried);
  const frozen = layers.filter((layer) => layer.node.frozen === true && layer.params > 0);
  const lines: string[] = [];
  if (carried.length > 0) {
    lines.push(`# ${carriedComment(carried, pythonComment)}`, ...pythonCarriedHelper);
    for (const layer of carried) {
      lines.push(
        `model.get_layer(${pythonString(layer.node.name)}).set_weights(`,
        '    [',
        ...pythonListItems(pythonCarriedArrays(layer), '        '),
        '    ]',
        ')',
      );
    }
  }
  if (frozen.length > 0) {
    lines.push(`# ${frozenComment}`);
    for (const layer of frozen) lines.push(`model.get_layer(${pythonString(layer.node.name)}).trainable = False`);
  }
  return lines;
}

const pythonShape = (weight: StoredWeight) => `(${weight.shape.join(', ')}${weight.shape.length === 1 ? ',' : ''})`;

/** How many values the weights file holds. */
const storedValues = (layers: readonly PlannedLayer[]) =>
  layers.reduce(
    (sum, layer) =>
      sum + (layer.stored ?? []).reduce((own, weight) => own + weight.shape.reduce((a, b) => a * b, 1), 0),
    0,
  );

const storedComment = (values: number) =>
  `The trained weights: ${thousands(values)} float32 values, little-endian, one layer after another, in ${storedWeightsFile} beside this program.`;

/** The Python helper that reads the weights file, which `stored(offset, shape)` then slices. */
export function pythonStoredHelper(layers: readonly PlannedLayer[]): string[] {
  const values = storedValues(layers);
  return [
    ...commentLines(storedComment(values), '', '# ', 99),
    `STORED = np.fromfile(Path(__file__).with_name(${pythonString(storedWeightsFile)}), dtype="<f4")`,
    `if STORED.size != ${values}:`,
    `    raise SystemExit(f"${storedWeightsFile} holds {STORED.size} values, not ${values}: export it again")`,
    '',
    '',
    'def stored(offset, shape):',
    `    """One trained weight: its values from offset on in ${storedWeightsFile}, in Keras' layout."""`,
    '    return STORED[offset : offset + int(np.prod(shape))].reshape(shape).copy()',
  ];
}

/** Lines that give the Keras model the trained weights of every layer from the weights file. */
export function kerasStored(layers: readonly PlannedLayer[]): string[] {
  return layers.flatMap((layer) => {
    if (!layer.stored) return [];
    const call = `model.get_layer(${pythonString(layer.node.name)}).set_weights(`;
    const list = `[${layer.stored.map((weight) => `stored(${weight.offset}, ${pythonShape(weight)})`).join(', ')}]`;
    // One line when it fits, else the list on its own line, as Black writes it.
    return call.length + list.length + 1 <= 99 ? [`${call}${list})`] : [call, `    ${list}`, ')'];
  });
}

/** Lines that read the weights file and give the TypeScript model every layer's trained weights. */
export function typescriptStored(layers: readonly PlannedLayer[]): string[] {
  const values = storedValues(layers);
  if (values === 0) return [];
  return [
    ...commentLines(`2. ${storedComment(values)}`, '', '// '),
    `const storedBytes = readFileSync(new URL(${typescriptString(`./${storedWeightsFile}`)}, import.meta.url));`,
    `const storedView = new DataView(storedBytes.buffer, storedBytes.byteOffset, storedBytes.byteLength);`,
    `if (storedBytes.byteLength !== ${values * 4}) {`,
    `  throw new Error(\`${storedWeightsFile} holds \${storedBytes.byteLength / 4} values, not ${values}: export it again\`);`,
    `}`,
    `/** One trained weight: its values from \`offset\` on, read little-endian, shaped. */`,
    `const stored = (offset: number, shape: number[]) =>`,
    `  tf.tensor(Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => storedView.getFloat32((offset + i) * 4, true)), shape);`,
    ...layers.flatMap((layer) =>
      layer.stored
        ? [
            `model.getLayer(${typescriptString(layer.node.name)}).setWeights([${layer.stored.map((weight) => `stored(${weight.offset}, [${weight.shape.join(', ')}])`).join(', ')}]);`,
          ]
        : [],
    ),
  ];
}

/** Whether any layer carries weights: the Python programs then import base64. */
export function carriesWeights(layers: readonly PlannedLayer[]): boolean {
  return layers.some((layer) => layer.node.carried);
}

/** Layers whose carried weights the PyTorch export cannot load, each pinned to its layer. */
export function pytorchCarriedRefusals(
  layers: readonly PlannedLayer[],
  loadable: (layer: PlannedLayer) => boolean,
  loadingKinds: () => readonly string[],
): Problem[] {
  const refused = layers.filter((layer) => (layer.node.carried || layer.stored) && !loadable(layer));
  // Which kinds it does load is asked of the registry only when the learner is to read it.
  const loads = refused.length > 0 ? loadingKinds().join('\n') : '';
  return refused.map((layer) => {
    const values = { name: layer.node.name, kind: layer.node.kind, loads };
    // A program without data loads every layer's trained weights: nothing to drop.
    if (layer.stored) {
      const code = 'export.pytorch-trained' as const;
      return { code, severity: severityOf(code), nodeId: layer.node.id, wireIds: [], values };
    }
    const code = 'export.pytorch-carried' as const;
    const fix = { kind: 'drop-carried' as const, nodeId: layer.node.id };
    return { code, severity: severityOf(code), nodeId: layer.node.id, wireIds: [], values, fix };
  });
}
