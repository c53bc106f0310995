/**
 * Does the network fit its data? The Input must take the samples' shape and the output must give
 * the targets' shape; each mismatch is pinned to the layer to change, with the fix. Reads nothing
 * but its arguments.
 */
import type { Dataset } from '../data/build.js';
import type { Analysis } from '../graph/analyze.js';
import { severityOf, type Problem, type ProblemCode, type ProblemValues, type Fix } from '../vocabulary/problems.js';
import { formatShape, shapeAccepts, shapesEqual } from '../vocabulary/shape.js';
import { generatorEnds } from '../graph/gan.js';
import type { Graph } from '../graph/types.js';
import { suggestLoss, type TrainingSettings } from './settings.js';
import { classLosses, outputLoss } from './outputs.js';
import type { LayerNode } from '../graph/types.js';
import { layerDef } from '../layers/registry.js';

function activationOf(node: LayerNode): string | null {
  const activation = (node.params as Record<string, unknown>).activation;
  return typeof activation === 'string' ? activation : null;
}

function problem(code: ProblemCode, nodeId: string | null, values: ProblemValues, fix?: Fix, param?: string): Problem {
  return {
    code,
    severity: severityOf(code),
    nodeId,
    wireIds: [],
    values,
    ...(fix ? { fix } : {}),
    ...(param ? { param } : {}),
  };
}

/** Numbers or images as targets: a loss made for class probabilities does not fit them. */
function lossForNumbers(settings: TrainingSettings): Problem[] {
  if (!classLosses.has(settings.loss)) return [];
  return [
    problem(
      'data.loss-mismatch',
      null,
      { loss: settings.loss },
      { kind: 'set-setting', setting: 'loss', value: 'mean_squared_error' },
    ),
  ];
}

/**
 * A GAN against its real images: the noise is a vector, the generator's end gives an image shaped
 * like the real ones, the discriminator answers one probability, and both learn by binary
 * cross-entropy. Without the images' `generate` task a marked layer is a mistake.
 */
export function checkGanFit(graph: Graph, analysis: Analysis, dataset: Dataset, settings: TrainingSettings): Problem[] {
  const ends = generatorEnds(graph);
  if (dataset.target.kind !== 'generate') {
    return ends.map((end) =>
      problem(
        'data.gan-not-generate',
        end.id,
        { name: end.name },
        { kind: 'set-generator-end', nodeId: end.id, on: false },
      ),
    );
  }
  const imageShape = [null, ...dataset.x.shape.slice(1)];
  const found: Problem[] = [];
  const end = ends[0];
  if (!end) {
    // Offer the first layer after the Input that already gives an image's shape.
    const candidate = analysis.order.find(
      (id) => !analysis.inputs.includes(id) && shapesEqual(analysis.nodes.get(id)?.shape ?? [], imageShape),
    );
    return [
      problem(
        'data.gan-no-end',
        candidate ?? analysis.outputs[0] ?? null,
        {},
        candidate ? { kind: 'set-generator-end', nodeId: candidate, on: true } : undefined,
      ),
    ];
  }
  const endShape = analysis.nodes.get(end.id)?.shape;
  if (endShape && !shapesEqual(endShape, imageShape)) {
    found.push(
      problem('data.gan-image-shape', end.id, {
        expected: formatShape(imageShape),
        name: end.name,
        shape: formatShape(endShape),
      }),
    );
  }
  const inputId = analysis.inputs[0] ?? '';
  const input = graph.nodes.find((node) => node.id === inputId);
  const inputShape = analysis.nodes.get(inputId)?.shape;
  if (input && inputShape && inputShape.length !== 2) {
    found.push(
      problem(
        'data.gan-noise-shape',
        inputId,
        { name: input.name, shape: formatShape(inputShape) },
        { kind: 'set-param', nodeId: inputId, param: 'shape', value: [16] },
        'shape',
      ),
    );
  }
  const outputId = analysis.outputs[0] ?? '';
  const output = graph.nodes.find((node) => node.id === outputId);
  const outputShape = analysis.nodes.get(outputId)?.shape;
  if (output && outputShape && !shapesEqual(outputShape, [null, 1])) {
    found.push(
      problem(
        'data.gan-output',
        outputId,
        { name: output.name, shape: formatShape(outputShape) },
        output.kind === 'Dense' ? { kind: 'set-param', nodeId: outputId, param: 'units', value: 1 } : undefined,
        'units',
      ),
    );
  }
  if (settings.loss !== 'binary_crossentropy') {
    found.push(
      problem(
        'data.gan-loss',
        null,
        { loss: settings.loss },
        { kind: 'set-setting', setting: 'loss', value: 'binary_crossentropy' },
      ),
    );
  }
  return found;
}

/**
 * A class loss compares probabilities: the output must make them, with softmax (one probability
 * per class, adding up to 1) or, for binary cross-entropy, sigmoid (each between 0 and 1). A
 * linear or relu output trains to nonsense and would be read as "percentages" below 0.
 */
function outputActivationProblems(graph: Graph, last: LayerNode, settings: TrainingSettings): Problem[] {
  if (!classLosses.has(settings.loss)) return [];
  const expected = settings.loss === 'binary_crossentropy' ? 'sigmoid' : 'softmax';
  // Dropout, Flatten and Reshape pass values on unchanged: the activation is the layer's before.
  let output = last;
  for (
    let step = 0;
    step < graph.nodes.length && activationOf(output) === null && layerDef(output.kind).traits?.passesValuesOn === true;
    step += 1
  ) {
    const source = graph.wires.find((wire) => wire.target === output.id)?.source;
    const before = graph.nodes.find((node) => node.id === source);
    if (!before) break;
    output = before;
  }
  const activation = activationOf(output) ?? 'linear';
  if (activation === expected) return [];
  const settable = (output.params as Record<string, unknown>).activation !== undefined;
  return [
    problem(
      'data.output-activation',
      output.id,
      { loss: settings.loss, name: output.name, activation, expected },
      settable ? { kind: 'set-param', nodeId: output.id, param: 'activation', value: expected } : undefined,
      settable ? 'activation' : undefined,
    ),
  ];
}

/**
 * A table shared out among several Inputs, by name: an Input the data gives no columns, and
 * columns sent to an Input the network does not have.
 */
function severalInputsProblems(
  byId: ReadonlyMap<string, Graph['nodes'][number]>,
  analysis: Analysis,
  inputs: NonNullable<Dataset['inputs']>,
): Problem[] {
  const names = analysis.inputs.map((id) => byId.get(id)?.name ?? id);
  const named = inputs.map((input) => input.name).join(', ');
  const found: Problem[] = [];
  analysis.inputs.forEach((id, index) => {
    if (!inputs.some((input) => input.name === names[index]))
      found.push(problem('data.input-columns', id, { name: names[index] ?? id, named }));
  });
  for (const input of inputs)
    if (!names.includes(input.name))
      found.push(problem('data.input-unknown', null, { name: input.name, columns: input.from.join(', ') }));
  return found;
}

/**
 * A table predicting several columns, each by an output node of that name: an output the data
 * gives no column, a column given to an output the network lacks, and each output against its
 * column (units for the classes or one number, and probabilities for classes). Each output's loss
 * follows from its column (outputs.ts), so the run's loss is not checked.
 */
function severalOutputsProblems(
  graph: Graph,
  byId: ReadonlyMap<string, Graph['nodes'][number]>,
  analysis: Analysis,
  outputs: NonNullable<Dataset['outputs']>,
  settings: TrainingSettings,
): Problem[] {
  const names = analysis.outputs.map((id) => byId.get(id)?.name ?? id);
  const named = outputs.map((output) => output.name).join(', ');
  const found: Problem[] = [];
  analysis.outputs.forEach((id, index) => {
    const node = byId.get(id);
    const shape = analysis.nodes.get(id)?.shape;
    const targets = outputs.find((output) => output.name === names[index]);
    if (!node || !shape) return;
    if (!targets) {
      found.push(problem('data.output-columns', id, { name: node.name, named }));
      return;
    }
    const unitsFix = (units: number): Fix | undefined =>
      node.kind === 'Dense' ? { kind: 'set-param', nodeId: id, param: 'units', value: units } : undefined;
    const units = shape[shape.length - 1] ?? null;
    if (targets.target.kind === 'class') {
      const classes = targets.target.labels.length;
      const expected = units === 1 && classes === 2 ? 1 : classes;
      if (!shapesEqual(shape, [null, expected]))
        found.push(
          problem(
            'data.output-classes',
            id,
            { classes: expected, name: node.name, shape: formatShape(shape) },
            unitsFix(expected),
            'units',
          ),
        );
      const loss = outputLoss(targets.target, units, settings);
      found.push(...outputActivationProblems(graph, node, { ...settings, loss }));
    } else if (!shapesEqual(shape, [null, 1])) {
      found.push(
        problem(
          'data.output-values',
          id,
          { size: 1, name: node.name, shape: formatShape(shape) },
          unitsFix(1),
          'units',
        ),
      );
    }
  });
  for (const output of outputs)
    if (!names.includes(output.name))
      found.push(problem('data.output-unknown', null, { name: output.name, column: output.column }));
  return found;
}

/**
 * An ordinary network against its data, with one Input (or a table shared out among several) and one output: the Input takes the
 * samples' shape, the output gives the targets', and the loss and the output's activation suit
 * the targets.
 */
export function checkOrdinaryFit(
  graph: Graph,
  analysis: Analysis,
  dataset: Dataset,
  settings: TrainingSettings,
): Problem[] {
  const found: Problem[] = [];
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const inputId = analysis.inputs[0] ?? '';
  const outputId = analysis.outputs[0] ?? '';
  /** An Input against the shape of the samples it is given. */
  const inputShapeProblem = (id: string, sampleShape: number[]) => {
    const input = byId.get(id);
    const dataShape = [null, ...sampleShape];
    const inputShape = analysis.nodes.get(id)?.shape;
    if (input && inputShape && !shapeAccepts(inputShape, dataShape))
      found.push(
        problem(
          'data.input-shape',
          id,
          { data: formatShape(dataShape), shape: formatShape(inputShape), name: input.name },
          { kind: 'set-param', nodeId: id, param: 'shape', value: sampleShape },
          'shape',
        ),
      );
  };
  if (dataset.inputs && analysis.inputs.length > 1) {
    found.push(...severalInputsProblems(byId, analysis, dataset.inputs));
    for (const id of analysis.inputs) {
      const columns = dataset.inputs.find((input) => input.name === byId.get(id)?.name)?.columns;
      if (columns !== undefined) inputShapeProblem(id, [columns.length]);
    }
  }
  // One Input reads all of x (a table split among several Inputs but drawn with one, too).
  else inputShapeProblem(inputId, dataset.x.shape.slice(1));
  // Word indices reach an Embedding: it needs a vector for every index the data holds.
  const words = dataset.words?.length ?? 0;
  const embedding = graph.wires
    .filter((wire) => wire.source === inputId)
    .map((wire) => byId.get(wire.target))
    .find((node) => node?.kind === 'Embedding');
  if (words > 0 && embedding?.kind === 'Embedding' && embedding.params.input_dim < words) {
    found.push(
      problem(
        'data.embedding-vocabulary',
        embedding.id,
        { name: embedding.name, inputDim: embedding.params.input_dim, words },
        { kind: 'set-param', nodeId: embedding.id, param: 'input_dim', value: words },
        'input_dim',
      ),
    );
  }
  if (dataset.outputs && analysis.outputs.length > 1) {
    found.push(...severalOutputsProblems(graph, byId, analysis, dataset.outputs, settings));
    return found;
  }
  const output = byId.get(outputId);
  const outputShape = analysis.nodes.get(outputId)?.shape;
  if (!output || !outputShape) return found;
  const unitsFix = (units: number): Fix | undefined =>
    output.kind === 'Dense' ? { kind: 'set-param', nodeId: outputId, param: 'units', value: units } : undefined;
  if (dataset.target.kind === 'class') {
    if (!classLosses.has(settings.loss)) {
      const units = outputShape[outputShape.length - 1] ?? null;
      const suggested = suggestLoss(dataset.target, activationOf(output), units).loss;
      found.push(
        problem(
          'data.loss-for-classes',
          null,
          { loss: settings.loss, suggested },
          { kind: 'set-setting', setting: 'loss', value: suggested },
        ),
      );
    }
    found.push(...outputActivationProblems(graph, output, settings));
    const classes = dataset.target.labels.length;
    const expected = settings.loss === 'binary_crossentropy' && classes === 2 ? 1 : classes;
    if (!shapesEqual(outputShape, [null, expected])) {
      found.push(
        problem(
          'data.output-classes',
          outputId,
          { classes: expected, name: output.name, shape: formatShape(outputShape) },
          unitsFix(expected),
          'units',
        ),
      );
    }
  } else if (dataset.target.kind === 'image') {
    const expected = [null, ...dataset.y.shape.slice(1)];
    if (!shapesEqual(outputShape, expected)) {
      found.push(
        problem('data.output-image', outputId, {
          expected: formatShape(expected),
          name: output.name,
          shape: formatShape(outputShape),
        }),
      );
    }
    found.push(...lossForNumbers(settings));
  } else {
    const size = dataset.y.shape[1] ?? 1;
    if (!shapesEqual(outputShape, [null, size])) {
      found.push(
        problem(
          'data.output-values',
          outputId,
          { size, name: output.name, shape: formatShape(outputShape) },
          unitsFix(size),
          'units',
        ),
      );
    }
    found.push(...lossForNumbers(settings));
  }
  return found;
}
