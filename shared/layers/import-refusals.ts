/**
 * Why a tf.js model is refused, one entry per reason: each says what is wrong, naming the layer,
 * the weight or the file, and where it can, what to do instead. Reads nothing but its arguments.
 */

/** A value as a message quotes it: JSON, cut short so a hostile file cannot flood the terminal. */
export function quote(value: unknown): string {
  let text: string;
  try {
    // A message for the import's refusal, never code: the terminal and the DOM escape it.
    // eslint-disable-next-line no-restricted-syntax
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** A weight's shape as messages write it: `[4, 3]`. */
export const formatDims = (dims: readonly (number | null)[]) => `[${dims.join(', ')}]`;

const count = (value: number) => value.toLocaleString('en-US');

export const importRefusals = {
  'json.refused-key': (v: { path: string; key: string }) =>
    `${v.path}: the key ${v.key} is not allowed in a model file`,
  'json.shape': (v: { path: string; problem: string }) => `model.json is not a tf.js model: ${v.path}: ${v.problem}`,
  'format.not-layers-model': (v: { format: string }) =>
    `model.json is a ${quote(v.format)} model; LayerLab imports tf.js layers models (format "layers-model") only`,
  'topology.not-a-model': (v: { className: string }) =>
    `modelTopology is a ${quote(v.className)}; LayerLab reads a Sequential or a functional Model`,
  'topology.shape': (v: { path: string; problem: string }) => `modelTopology.${v.path}: ${v.problem}`,
  'topology.no-input-shape': (v: { layer: string }) =>
    `the model does not say the shape of its input (layer '${v.layer}' has no batch_input_shape); LayerLab needs it to draw the network`,
  'topology.ends': (v: { which: 'inputs' | 'outputs'; listed: string; found: string }) =>
    v.which === 'inputs'
      ? `the model's inputs are ${v.listed}, but its input layers are ${v.found}; LayerLab needs every InputLayer to be an input`
      : `the model's outputs are ${v.listed}, but the layers that feed nothing are ${v.found}; LayerLab takes the layers that feed nothing as the outputs`,
  'layer.unknown-class': (v: { layer: string; className: string }) =>
    `layer '${v.layer}' is a ${v.className}, which LayerLab does not know`,
  'layer.bad-name': (v: { layer: string }) =>
    `layer name ${quote(v.layer)} is not one LayerLab can use: a letter, then up to 63 letters, digits, '_', '.' or '-'`,
  'layer.duplicate-name': (v: { layer: string }) => `two layers are named '${v.layer}'; layer names must be unique`,
  'layer.missing-param': (v: { layer: string; className: string; key: string }) =>
    `layer '${v.layer}' (${v.className}) does not give ${v.key}, which LayerLab needs`,
  'layer.bad-param': (v: { layer: string; className: string; param: string; value: unknown; allowed: string }) =>
    `layer '${v.layer}' (${v.className}): ${v.param} ${quote(v.value)} is not allowed; LayerLab takes ${v.allowed}`,
  'layer.unsupported': (v: { layer: string; className: string; key: string; value: unknown; why: string }) =>
    `layer '${v.layer}' (${v.className}) sets ${v.key} to ${quote(v.value)}, which LayerLab cannot draw: ${v.why}`,
  'layer.nested-outputs': (v: { layer: string; count: number }) =>
    `the nested model '${v.layer}' has ${v.count} outputs; LayerLab draws a nested model that hands one output on`,
  'layer.shared': (v: { layer: string; times: number }) =>
    `layer '${v.layer}' is applied ${v.times} times (shared weights), which LayerLab cannot draw`,
  'layer.unknown-source': (v: { layer: string; source: string }) =>
    `layer '${v.layer}' takes its input from '${v.source}', which is not a layer of the model`,
  'layer.inbound-format': (v: { layer: string }) =>
    `layer '${v.layer}': its inbound_nodes are in neither form LayerLab reads, tf.js' (Keras 2) [["name", 0, 0, {}]] or Keras 3's {"args": [tensors], "kwargs": {}} with no tensor among the kwargs`,
  'layer.second-output': (v: { layer: string; source: string; node: number; tensor: number }) =>
    `layer '${v.layer}' reads output ${v.tensor} of call ${v.node} of layer '${v.source}'; LayerLab layers have one call and one output`,
  'graph.errors': (v: { lines: string }) => `the imported network has errors: ${v.lines}`,
  'weights.path': (v: { path: string; why: string }) =>
    `weight file path ${quote(v.path)} is refused: ${v.why}; weight files must sit in the model.json's folder`,
  'weights.dtype': (v: { weight: string; dtype: string }) =>
    `weight '${v.weight}' is ${quote(v.dtype)}; LayerLab imports float32 weights only`,
  'weights.quantized': (v: { weight: string }) =>
    `weight '${v.weight}' is quantized; LayerLab imports float32 weights only (convert without quantization)`,
  'weights.duplicate': (v: { weight: string }) => `the manifest lists weight '${v.weight}' twice`,
  'weights.budget': (v: { total: number; limit: number }) =>
    `the model has ${count(v.total)} weights; LayerLab imports at most ${count(v.limit)}`,
  'weights.orphan': (v: { weight: string }) => `weight '${v.weight}' belongs to no layer of the model`,
  'weights.unexpected': (v: { weight: string; layer: string; kind: string; expected: string }) =>
    `weight '${v.weight}' is not one a ${v.kind} like '${v.layer}' has (it has ${v.expected})`,
  'weights.missing': (v: { layer: string; kind: string; weight: string; shape: string }) =>
    `layer '${v.layer}' (${v.kind}) needs its weight ${v.weight} ${v.shape}, which the manifest does not list`,
  'weights.shape': (v: { weight: string; shape: string; layer: string; expected: string }) =>
    `weight '${v.weight}' has shape ${v.shape}, but layer '${v.layer}' needs ${v.expected}`,
  'weights.missing-file': (v: { path: string }) => `weight file '${v.path}' is missing from the model.json's folder`,
  'weights.length': (v: { paths: string; bytes: number; expected: number }) =>
    `weight file ${v.paths} holds ${count(v.bytes)} bytes; the manifest needs ${count(v.expected)} (float32 values, 4 bytes each)`,
  'weights.not-finite': (v: { weight: string; value: string; index: number }) =>
    `weight '${v.weight}' holds ${v.value} at index ${count(v.index)}; LayerLab imports finite weights only`,
  internal: (v: { detail: string }) =>
    `LayerLab could not read this model (a LayerLab bug, please report it): ${v.detail}`,
} as const;

export type ImportRefusalCode = keyof typeof importRefusals;
type ValuesOf<C extends ImportRefusalCode> = Parameters<(typeof importRefusals)[C]>[0];

/**
 * Thrown inside the importer only, where a check deep in a reader fails; `importTfjsModel`
 * catches it and returns its message. Nothing outside this folder sees it thrown.
 */
export class ImportRefusal extends Error {
  constructor(
    readonly code: ImportRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

export function refusal<C extends ImportRefusalCode>(code: C, values: ValuesOf<C>): ImportRefusal {
  const message = (importRefusals[code] as (values: ValuesOf<C>) => string)(values);
  return new ImportRefusal(code, message);
}
