/**
 * The TypeScript export: one program for tf.js that prepares the project's data, builds the drawn
 * network from the same seeds, trains it as LayerLab trains (seeded shuffle each epoch, Keras'
 * validation tail, early stopping), prints every epoch and ends with the playground's question.
 * Run on tf.js' CPU backend it repeats the app's CPU run. Reads nothing but its arguments.
 */
import { createRandom } from '../math/random.js';
import type { InitializerName, TypeScriptContext, WeightSlot } from '../layers/types.js';
import { typescriptCarried, typescriptStored } from './carried.js';
import type { TrainingSettings } from '../training/settings.js';
import { shuffleSalt } from '../training/train.js';
import { formatTypeScript } from './format.js';
import {
  camelCase,
  dataCodeOf,
  fedInputs,
  plannedOutputs,
  planExport,
  planModelOnly,
  type ExportOptions,
  type ExportPlan,
  type ExportRefusal,
  type ExportSource,
  type ModelOnlyPlan,
  type NetworkPlan,
  type SampleInput,
} from './plan.js';
import { hex, typescriptGanQuestion, typescriptGanTraining } from './gan.js';
import type { TypeScriptDataCode } from '../data/recipe.js';
import { recipeOf, type DataSpec } from '../data/recipes/index.js';
import { commentLines, describeShape, thousands } from '../vocabulary/code-text.js';
import { helperSources, type TypeScriptHelper } from './typescript-helpers.js';
import { tfInitializerCode } from '../layers/spellings.js';
import { typescriptComment, typescriptNumbers, typescriptString } from '../vocabulary/typescript-literals.js';

export interface TypeScriptExport {
  ok: true;
  files: { 'model.ts': string; 'package.json': string };
  /** The trained weights a program without data loads, to be saved beside it as weights.bin. */
  weights?: Uint8Array;
}

/** tf.js' names for Keras' losses. */
const tfLosses: Record<TrainingSettings['loss'], string> = {
  sparse_categorical_crossentropy: 'sparseCategoricalCrossentropy',
  categorical_crossentropy: 'categoricalCrossentropy',
  binary_crossentropy: 'binaryCrossentropy',
  mean_squared_error: 'meanSquaredError',
  mean_absolute_error: 'meanAbsoluteError',
};

/** The optimiser as LayerLab's createOptimizer makes it. */
function optimizerCode(settings: TrainingSettings): string {
  const rate = String(settings.learning_rate);
  switch (settings.optimizer) {
    case 'adam':
      return `tf.train.adam(${rate})`;
    case 'sgd':
      return settings.momentum > 0 ? `tf.train.momentum(${rate}, ${settings.momentum})` : `tf.train.sgd(${rate})`;
    case 'rmsprop':
      // Keras' defaults: rho 0.9, no momentum, epsilon 1e-7.
      return `tf.train.rmsprop(${rate}, 0.9, 0, 1e-7)`;
    case 'adagrad':
      // Keras' initial accumulator value.
      return `tf.train.adagrad(${rate}, 0.1)`;
  }
}

/** The value a weight starts from when the program draws it itself. */
function drawnWeight(name: InitializerName, weight: WeightSlot, seed: number): string {
  const shape = typescriptNumbers(weight.shape);
  if (name === 'orthogonal') return `orthogonal(${shape}, ${seed})`;
  if (name === 'zeros') return `tf.zeros(${shape})`;
  if (name === 'ones') return `tf.ones(${shape})`;
  return `${tfInitializerCode(name, seed)}.apply(${shape})`;
}

interface WrittenLayer {
  code: string;
  /** Weights set once the model is built, by index in the layer's getWeights(). */
  replaced: Map<number, string>;
}

/** Writes every layer, drawing seeds in compile order from the run's seed. */
function writeLayers(plan: NetworkPlan, seed: number, helpers: Set<TypeScriptHelper>): WrittenLayer[] {
  const random = createRandom(seed);
  const nextSeed = () => Math.floor(random() * 2 ** 31);
  return plan.layers.map((layer) => {
    const replaced = new Map<number, string>();
    const replace = (name: InitializerName, weight: WeightSlot, seed: number) => {
      replaced.set(weight.index, drawnWeight(name, weight, seed));
      helpers.add('replaceWeight');
      if (name === 'orthogonal') helpers.add('orthogonal');
    };
    const context: TypeScriptContext = {
      name: typescriptString(layer.node.name),
      inputs: layer.inputs,
      output: layer.output,
      nextSeed,
      initializer: (name, weight) => {
        const seed = nextSeed();
        if (name !== 'orthogonal') return tfInitializerCode(name, seed);
        replace(name, weight, seed);
        return `'zeros' /* orthogonal, set once built */`;
      },
      redraw: (name, weight) => replace(name, weight, nextSeed()),
    };
    return { code: layer.def.code.typescript(layer.node.params as never, context), replaced };
  });
}

/** What the model is given for a tensor of rows: the rows, or `feed(rows)` when a table is shared out among Inputs. */
function fedTypescript(plan: ExportPlan): (rows: string) => string {
  const shared = fedInputs(plan) !== null;
  return (rows) => (shared ? `feed(${rows})` : rows);
}

/** What the recipe's data and question steps read, with the helpers they ask for. */
function dataCode(plan: ExportPlan, helpers: Set<TypeScriptHelper>): TypeScriptDataCode<DataSpec> {
  return { ...dataCodeOf(plan), useHelper: (name) => helpers.add(name), fed: fedTypescript(plan) };
}

const trainedModelHeading = [
  `// 2. The model, wired as drawn, with tf.js' functional API. The seeds are drawn from the run's`,
  `// seed the way LayerLab draws them, so the weights start where the app's do.`,
];

function modelSection(
  plan: NetworkPlan,
  seed: number,
  helpers: Set<TypeScriptHelper>,
  heading: readonly string[] = trainedModelHeading,
): string[] {
  const written = writeLayers(plan, seed, helpers);
  const tensors = new Map(plan.layers.map((layer) => [layer.node.id, camelCase(layer.identifier)]));
  const lines = [...heading];
  const replacements: string[] = [];
  plan.layers.forEach((layer, index) => {
    const { code, replaced } = written[index] ?? { code: '', replaced: new Map<number, string>() };
    const tensor = tensors.get(layer.node.id) ?? 'tensor';
    if (layer.node.kind === 'Input') {
      lines.push(`// Input: ${describeShape(layer.output)}.`, `const ${tensor} = ${code};`);
      return;
    }
    const wiredIn = layer.sources.map((source) => tensors.get(source) ?? 'tensor');
    const applied = wiredIn.length === 1 ? wiredIn[0] : `[${wiredIn.join(', ')}]`;
    lines.push(
      ...commentLines(
        `${layer.node.kind}. ${layer.def.description.en} Output ${describeShape(layer.output)}, ${thousands(layer.params)} parameters.`,
        '',
        '// ',
      ),
    );
    if (replaced.size === 0) {
      lines.push(`const ${tensor} = ${code}.apply(${applied}) as tf.SymbolicTensor;`);
      return;
    }
    const layerVariable = `${tensor}Layer`;
    lines.push(
      `const ${layerVariable} = ${code};`,
      `const ${tensor} = ${layerVariable}.apply(${applied}) as tf.SymbolicTensor;`,
    );
    for (const [weight, value] of [...replaced].sort(([a], [b]) => a - b)) {
      replacements.push(`replaceWeight(${layerVariable}, ${weight}, ${value});`);
    }
  });
  const list = (layers: typeof plan.inputs) => {
    const names = layers.map((layer) => tensors.get(layer.node.id) ?? 'tensor');
    return names.length === 1 ? (names[0] ?? '') : `[${names.join(', ')}]`;
  };
  const inputs = list(plan.inputs);
  const wiring = inputs === 'inputs' ? 'inputs' : `inputs: ${inputs}`;
  lines.push(`const model = tf.model({ ${wiring}, outputs: ${list(plan.outputs)} });`);
  if (replacements.length > 0) {
    const bidirectional = plan.layers.some((layer) => (layer.node.params as { bidirectional?: boolean }).bidirectional);
    lines.push(
      '',
      ...commentLines(
        `Weights tf.js cannot draw as LayerLab does, set now that the model is built: orthogonal matrices (tf.js' own initialiser is slow and draws other numbers)${bidirectional ? ', and the second copy of a Bidirectional layer (tf.js would copy the first)' : ''}.`,
        '',
        '// ',
      ),
      ...replacements,
    );
  }
  const carried = typescriptCarried(plan.layers);
  if (carried.usesHelper) helpers.add('carriedTensor');
  lines.push(...carried.lines, `model.summary();`);
  return lines;
}

function trainingSection(plan: ExportPlan, helpers: Set<TypeScriptHelper>): string[] {
  const settings = plan.source.training;
  const samples = plan.dataset.x.shape[0] ?? 0;
  const validationCount = Math.floor(samples * settings.validation_split);
  const validating = validationCount > 0;
  const trainingCount = samples - validationCount;
  const shuffling = settings.shuffle && trainingCount > 1;
  const [xTrain, yTrain] = validating ? ['xTrain', 'yTrain'] : ['x', 'y'];
  const monitor = validating ? 'val_loss' : 'loss';
  const restoring = settings.early_stopping && settings.restore_best_weights;
  helpers.add('kerasLogs');
  helpers.add('describeLogs');
  if (shuffling) helpers.add('shuffledIndices').add('mulberry32');
  const metrics = settings.metrics.map((metric) => `'${metric}'`).join(', ');
  const shared = fedInputs(plan);
  const fed = fedTypescript(plan);
  // Several outputs: y holds one tensor of targets per output.
  const outputs = plannedOutputs(plan);
  const eachY = (targets: (name: string) => string) =>
    outputs ? `y.map((targets) => ${targets('targets')})` : targets('y');
  const lines = [
    ...(shared
      ? [
          `// The network has ${shared.length} Inputs, each given its own columns of a row: ${shared.map((input) => typescriptComment(input.name)).join(', ')}.`,
          `const networkInputs = [${shared.map((input) => typescriptNumbers(input.columns)).join(', ')}];`,
          `const feed = (rows: tf.Tensor) => networkInputs.map((columns) => tf.gather(rows, columns, 1));`,
        ]
      : []),
    `// 3. Training: ${settings.optimizer}, ${settings.loss}, ${settings.epochs} epochs of batches of ${settings.batch_size}.`,
    `model.compile({`,
    `  optimizer: ${optimizerCode(settings)},`,
    ...(outputs
      ? [
          `  // Each output learns its own column with the loss that suits it; their sum is the loss.`,
          `  loss: { ${outputs.map((output) => `${typescriptString(output.name)}: '${tfLosses[output.loss]}'`).join(', ')} },`,
          `  metrics: { ${outputs.flatMap((output) => (output.metric ? [`${typescriptString(output.name)}: '${output.metric}'`] : [])).join(', ')} },`,
        ]
      : [`  loss: '${tfLosses[settings.loss]}',`, `  metrics: [${metrics}],`]),
    `});`,
    `const epochs = ${settings.epochs};`,
    `const batchSize = ${settings.batch_size};`,
  ];
  if (validating) {
    lines.push(
      `// Hold out the last ${Number((settings.validation_split * 100).toFixed(2))}% of the samples to check the model, before any shuffling, as Keras does.`,
      `const trainingCount = sampleCount - Math.floor(sampleCount * ${settings.validation_split});`,
      `const xTrain = x.slice(0, trainingCount);`,
      `const yTrain = ${eachY((targets) => `${targets}.slice(0, trainingCount)`)};`,
      `const validationData: [${shared ? 'tf.Tensor[]' : 'tf.Tensor'}, ${outputs ? 'tf.Tensor[]' : 'tf.Tensor'}] = [${fed('x.slice(trainingCount)')}, ${eachY((targets) => `${targets}.slice(trainingCount)`)}];`,
    );
  }
  if (shuffling) {
    lines.push(
      `// tf.js shuffles with Math.random; shuffle each epoch with a generator seeded from the run's`,
      `// seed instead, as LayerLab does, so every run repeats.`,
      `const shuffleRandom = mulberry32((seed ^ ${hex(shuffleSalt)}) >>> 0);`,
    );
  }
  if (settings.early_stopping) {
    lines.push(
      `// Early stopping: stop once ${monitor} has not improved for ${settings.patience} epochs${restoring ? ", and go back to the best epoch's weights" : ''}.`,
      `const patience = ${settings.patience};`,
      `let best: { value: number; logs: Record<string, number>${restoring ? '; weights: tf.Tensor[]' : ''} } | null = null;`,
      `let epochsWithoutGain = 0;`,
      `let stoppedEarly = false;`,
    );
  }
  const fitOptions = `{ epochs: 1, batchSize, shuffle: false,${validating ? ' validationData,' : ''} verbose: 0 }`;
  lines.push(`let finalLogs: Record<string, number> = {};`, `for (let epoch = 1; epoch <= epochs; epoch += 1) {`);
  if (shuffling) {
    const count = validating ? 'trainingCount' : 'sampleCount';
    lines.push(
      `  const order = tf.tensor1d(shuffledIndices(${count}, shuffleRandom), 'int32');`,
      shared
        ? `  const xEpoch = tf.tidy(() => feed(tf.gather(${xTrain}, order)));`
        : `  const xEpoch = tf.gather(${xTrain}, order);`,
      outputs
        ? `  const yEpoch = ${yTrain}.map((targets) => tf.gather(targets, order));`
        : `  const yEpoch = tf.gather(${yTrain}, order);`,
      `  const history = await model.fit(xEpoch, yEpoch, ${fitOptions});`,
      `  tf.dispose([order, xEpoch, yEpoch]);`,
    );
  } else {
    if (shared) lines.splice(lines.length - 1, 0, `const xFed = feed(${xTrain});`);
    lines.push(`  const history = await model.fit(${shared ? 'xFed' : xTrain}, ${yTrain}, ${fitOptions});`);
  }
  lines.push(
    `  const logs = kerasLogs(history);`,
    '  console.log(`Epoch ${epoch}/${epochs}: ${describeLogs(logs)}`);',
    `  if (!Number.isFinite(logs.loss)) {`,
    `    console.log('The loss is no longer a number: training diverged, so it stops here.');`,
    `    break;`,
    `  }`,
    `  finalLogs = logs;`,
  );
  if (settings.early_stopping) {
    const snapshot = restoring ? ', weights: model.getWeights().map((weight) => weight.clone())' : '';
    lines.push(
      `  if (best === null || logs.${monitor} < best.value) {`,
      ...(restoring ? [`    if (best !== null) tf.dispose(best.weights);`] : []),
      `    best = { value: logs.${monitor}, logs${snapshot} };`,
      `    epochsWithoutGain = 0;`,
      `  } else if (++epochsWithoutGain >= patience) {`,
      '    console.log(`No gain in ${patience} epochs: stopping early.`);',
      `    stoppedEarly = true;`,
      `    break;`,
      `  }`,
    );
  }
  lines.push(`}`);
  if (restoring) {
    lines.push(
      `if (stoppedEarly && best !== null) {`,
      `  model.setWeights(best.weights);`,
      `  finalLogs = best.logs;`,
      `}`,
    );
  }
  lines.push(
    `// One line a script can read: the last epoch's loss and metrics${restoring ? " (the restored epoch's after early stopping)" : ''}.`,
    'console.log(`FINAL ${JSON.stringify(finalLogs)}`);',
  );
  return lines;
}

/** The program before formatting: every step, its comments, and the helpers it calls. */
export function writeTypeScriptProgram(plan: ExportPlan): string {
  const helpers = new Set<TypeScriptHelper>();
  const model = modelSection(plan, plan.source.training.seed, helpers);
  const gan = plan.gan !== null;
  const training = gan
    ? typescriptGanTraining(plan, optimizerCode(plan.source.training), helpers)
    : trainingSection(plan, helpers);
  // Convolutions' filter gradients run on tf.js' slow CPU kernel unless the program brings LayerLab's.
  const convolves = plan.layers.some((layer) => layer.def.traits?.convolves === true);
  if (convolves) helpers.add('fastConvKernel');
  // So do an Embedding's, on tf.js' segment sum.
  const looksUp = plan.layers.some((layer) => layer.def.traits?.readsIndices === true);
  if (looksUp) helpers.add('fastSegmentSumKernel');
  const sections = [
    [
      `// A network drawn in LayerLab, exported as a TypeScript program for tf.js.`,
      `// Run it with: npm install && npx tsx model.ts`,
      `import * as tf from '@tensorflow/tfjs';`,
      ...(recipeOf(plan.data).typescript.imports ?? []),
    ],
    [
      `/** The project this program was exported from. */`,
      `const projectName = ${typescriptString(plan.source.name)};`,
      `/** The run's seed: it fixes the starting weights and the order of the samples, as in LayerLab. */`,
      `const seed = ${plan.source.training.seed};`,
      `// The plain-JavaScript backend: it runs anywhere, and gives the numbers LayerLab's CPU runs give.`,
      `await tf.setBackend('cpu');`,
      ...(convolves
        ? [`// Convolutions train about ten times faster with this kernel (defined below).`, `installFastConvKernel();`]
        : []),
      ...(looksUp
        ? [
            `// Embeddings train hundreds of times faster with this kernel (defined below).`,
            `installFastSegmentSumKernel();`,
          ]
        : []),
      'console.log(`Training ${JSON.stringify(projectName)} with seed ${seed}`);',
    ],
    recipeOf(plan.data).typescript.data(dataCode(plan, helpers)),
    model,
    training,
    plan.query.kind === 'seed'
      ? typescriptGanQuestion(plan, plan.query.seed)
      : recipeOf(plan.data).typescript.question(dataCode(plan, helpers)),
    [`// Helpers, called above (function declarations are hoisted).`, helperSources(helpers)],
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/**
 * The model section alone, with the helpers it calls: the tf.js code that builds `model` from
 * `seed`, as LayerLab's compiler would.
 */
export function writeTypeScriptModel(network: NetworkPlan, seed: number): string {
  const helpers = new Set<TypeScriptHelper>();
  return [...modelSection(network, seed, helpers), helperSources(helpers)].join('\n');
}

/** The sample the program answers: the one `--input` names, checked against each Input's shape, or a made-up one. */
function sampleSection(samples: readonly SampleInput[]): string[] {
  const several = samples.length > 1;
  const shape = (sample: SampleInput) => typescriptNumbers(sample.shape);
  const made = (sample: SampleInput) => `madeUpSample(${shape(sample)}, ${sample.below ?? 'null'})`;
  // The Input's own shape, null where it takes any size.
  const declared = (sample: SampleInput) =>
    `[${sample.declared.map((size) => (size === null ? 'null' : String(size))).join(', ')}]`;
  const given = (sample: SampleInput, value: string) =>
    `givenSample(${value}, ${declared(sample)}, '${sample.dtype}', ${typescriptString(sample.name)})`;
  const list = (parts: string[]) => (several ? `[${parts.join(', ')}]` : (parts[0] ?? ''));
  return [
    `// 3. One input: the sample in the JSON file --input names, else a made-up one.`,
    `const flatSample = (value: unknown): unknown[] => (Array.isArray(value) ? value.flatMap(flatSample) : [value]);`,
    `/** A sample no data gave: position i holds (i × 37 mod 101) / 100, or i × 37 mod below for token indices; the Python exports make the same one. */`,
    `const madeUpSample = (shape: number[], below: number | null) =>`,
    `  tf.tensor(`,
    `    Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => (below === null ? ((i * 37) % 101) / 100 : (i * 37) % below)),`,
    `    [1, ...shape],`,
    `    below === null ? 'float32' : 'int32',`,
    `  );`,
    `/** A sample from the --input file, as a batch of one, its size held to the Input's shape (null: any). */`,
    `const givenSample = (sample: unknown, shape: (number | null)[], dtype: 'float32' | 'int32', name: string) => {`,
    `  const values = flatSample(sample);`,
    `  const known = shape.reduce<number>((a, b) => a * (b ?? 1), 1);`,
    `  const open = shape.includes(null);`,
    `  const fits = values.length > 0 && values.length % known === 0 && (open || values.length === known);`,
    `  if (!fits || values.some((value) => typeof value !== 'number')) {`,
    "    throw new Error(`--input: ${name} takes numbers of shape ${shape.map((size) => size ?? 'None').join(' × ')}, the file gives ${values.length} values`);",
    `  }`,
    `  const sized = shape.map((size) => size ?? values.length / known);`,
    `  return tf.tensor(values as number[], [1, ...sized], dtype);`,
    `};`,
    `const inputAt = process.argv.indexOf('--input');`,
    `const inputFile = inputAt >= 0 ? process.argv[inputAt + 1] : undefined;`,
    `const sample: unknown = inputFile === undefined ? null : JSON.parse(readFileSync(inputFile, 'utf8'));`,
    ...(several
      ? [
          `if (sample !== null && (!Array.isArray(sample) || sample.length !== ${samples.length})) {`,
          `  throw new Error('--input: give a list of ${samples.length} samples, one for each Input');`,
          `}`,
          `const parts = sample as unknown[];`,
        ]
      : []),
    `const x = sample === null ? ${list(samples.map(made))} : ${list(samples.map((entry, index) => given(entry, several ? `parts[${index}]` : 'sample')))};`,
  ];
}

/**
 * A project without data as a TypeScript program: the model, its trained weights from weights.bin
 * (or the weights it carries), and its answer to one input, given or made up.
 */
export function writeTypeScriptModelOnly(plan: ModelOnlyPlan): string {
  const helpers = new Set<TypeScriptHelper>();
  const model = modelSection(plan, plan.seed, helpers, [
    plan.weightsFile
      ? `// 1. The model, wired as drawn, with tf.js' functional API; its trained weights follow.`
      : `// 1. The model, wired as drawn, with tf.js' functional API, its weights drawn from the project's seed.`,
  ]);
  const several = plan.outputs.length > 1;
  const sections = [
    [
      `// A network drawn in LayerLab, exported as a TypeScript program for tf.js: it builds the network,`,
      `// ${plan.weightsFile ? 'loads its trained weights from weights.bin ' : ''}and answers one input.`,
      `// Run it with: npm install && npx tsx model.ts [--input SAMPLE.json]`,
      `import * as tf from '@tensorflow/tfjs';`,
      `import { readFileSync } from 'node:fs';`,
    ],
    [
      `/** The project this program was exported from. */`,
      `const projectName = ${typescriptString(plan.source.name)};`,
      `// The plain-JavaScript backend: it runs anywhere, and gives the numbers LayerLab's CPU gives.`,
      `await tf.setBackend('cpu');`,
      'console.log(`Answering with ${JSON.stringify(projectName)}`);',
    ],
    model,
    typescriptStored(plan.layers),
    sampleSection(plan.samples),
    [
      `const answer = model.predict(x) as tf.Tensor${several ? '[]' : ''};`,
      `// One line a script can read: the answer for the sample, without the batch axis.`,
      several
        ? 'console.log(`OUTPUT ${JSON.stringify(await Promise.all(answer.map(async (part) => ((await part.array()) as unknown[])[0])))}`);'
        : 'console.log(`OUTPUT ${JSON.stringify(((await answer.array()) as unknown[])[0])}`);',
    ],
    ...(helpers.size > 0
      ? [[`// Helpers, called above (function declarations are hoisted).`, helperSources(helpers)]]
      : []),
  ];
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}

/** The program's package.json: tf.js, pinned, what the data step reads with, and what type-checks and runs it. */
function packageJson(plan: ExportPlan | null): string {
  // A program without data reads its weights and its sample with Node's fs.
  const packages = plan
    ? recipeOf(plan.data).typescript.packages
    : { dependencies: {}, devDependencies: { '@types/node': '^20.0.0' } };
  const manifest = {
    name: 'layerlab-export',
    private: true,
    type: 'module',
    scripts: {
      start: 'tsx model.ts',
      typecheck:
        'tsc --strict --noEmit --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck model.ts',
    },
    dependencies: { '@tensorflow/tfjs': '4.22.0', ...packages?.dependencies },
    devDependencies: { tsx: '^4.19.0', typescript: '^5.6.0', ...packages?.devDependencies },
  };
  // A JSON file, not code: no user text in it.
  // eslint-disable-next-line no-restricted-syntax
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** The project as a formatted TypeScript program, or the problems that stop it. */
export async function exportTypeScript(
  source: ExportSource,
  options: ExportOptions = {},
): Promise<TypeScriptExport | ExportRefusal> {
  if (source.data === null) {
    const modelOnly = planModelOnly(source);
    if (!modelOnly.ok) return modelOnly;
    const program = await formatTypeScript(writeTypeScriptModelOnly(modelOnly.plan));
    const { weightsFile } = modelOnly.plan;
    return {
      ok: true,
      files: { 'model.ts': program, 'package.json': packageJson(null) },
      ...(weightsFile ? { weights: weightsFile } : {}),
    };
  }
  const planned = planExport(source, options);
  if (!planned.ok) return planned;
  const program = await formatTypeScript(writeTypeScriptProgram(planned.plan));
  return { ok: true, files: { 'model.ts': program, 'package.json': packageJson(planned.plan) } };
}
