/**
 * Transfer learning in the exported programs: the trained weights a layer carries, written into
 * the program (float32, little-endian, base64, as a project file holds them), and the layers
 * frozen. TypeScript and Keras load them with `setWeights`/`set_weights`; PyTorch through each
 * layer's own conversion from Keras' layout. Reads nothing but its arguments.
 */
import type { Problem } from '../vocabulary/problems.js';
import { severityOf } from '../vocabulary/problems.js';
import type { PlannedLayer } from './plan.js';
import { pythonComment, pythonString } from '../vocabulary/python.js';
import { cutText } from '../vocabulary/code-text.js';
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
  const refused = layers.filter((layer) => layer.node.carried && !loadable(layer));
  // Which kinds it does load is asked of the registry only when the learner is to read it.
  const loads = refused.length > 0 ? loadingKinds().join('\n') : '';
  return refused.map((layer) => ({
    code: 'export.pytorch-carried' as const,
    severity: severityOf('export.pytorch-carried'),
    nodeId: layer.node.id,
    wireIds: [],
    values: { name: layer.node.name, kind: layer.node.kind, loads },
    fix: { kind: 'drop-carried' as const, nodeId: layer.node.id },
  }));
}
