/**
 * The Keras export: a Python program in the course's style (a Sequential model when the layers
 * form a chain, the functional API otherwise) that prepares the project's data with NumPy,
 * trains with the project's settings, prints every epoch and asks the playground's question.
 * Optionally inside tf.distribute.MirroredStrategy. Reads nothing but its arguments.
 */
import type { TrainingSettings } from '../training/settings.js';
import { carriesWeights, kerasCarried, kerasStored, pythonStoredHelper } from './carried.js';
import {
  ganRefusal,
  planExport,
  planModelOnly,
  plannedOutputs,
  type ExportOptions,
  type ExportPlan,
  type ExportRefusal,
  type ExportSource,
  type ModelOnlyPlan,
  type NetworkPlan,
  type PlannedOutput,
} from './plan.js';
import { kerasGan, pythonGanSections } from './gan.js';
import { kerasHardSigmoid } from '../layers/recurrent.js';
import {
  indent,
  pythonData,
  pythonFed,
  pythonAnswerLines,
  pythonFeed,
  pythonModelOnlyOpening,
  pythonOpening,
  pythonProgram,
  pythonQuestion,
  pythonSampleLines,
} from './python-program.js';
import { keyword, pythonCall, pythonNumber, pythonString, wrapPython } from '../vocabulary/python.js';
import { commentLines, describeShape, thousands } from '../vocabulary/code-text.js';

export interface PythonExport {
  ok: true;
  code: string;
  /** The trained weights a program without data loads, to be saved beside it as weights.bin. */
  weights?: Uint8Array;
}

function optimizerCode(settings: TrainingSettings): string {
  const rate = `learning_rate=${pythonNumber(settings.learning_rate)}`;
  switch (settings.optimizer) {
    case 'adam':
      return `keras.optimizers.Adam(${rate})`;
    case 'sgd':
      return pythonCall('keras.optimizers.SGD', [
        rate,
        keyword('momentum', pythonNumber(settings.momentum), settings.momentum === 0),
      ]);
    // Keras' defaults are LayerLab's: rho 0.9 and epsilon 1e-7; an initial accumulator of 0.1.
    case 'rmsprop':
      return `keras.optimizers.RMSprop(${rate})`;
    case 'adagrad':
      return `keras.optimizers.Adagrad(${rate})`;
  }
}

function layerComment(layer: NetworkPlan['layers'][number], indentation: string): string[] {
  if (layer.node.kind === 'Input') return [`${indentation}# Input: ${describeShape(layer.output)}.`];
  return commentLines(
    `${layer.node.kind}. ${layer.def.description.en} Output ${describeShape(layer.output)}, ${thousands(layer.params)} parameters.`,
    indentation,
    '# ',
  );
}

/** The model: Sequential for a chain, the functional API for branches and merges. */
export function writeKerasModel(plan: NetworkPlan): string[] {
  const expressions = plan.layers.map((layer) =>
    layer.def.code.keras(layer.node.params as never, {
      name: pythonString(layer.node.name),
      inputs: layer.inputs,
      output: layer.output,
    }),
  );
  if (plan.chain) {
    return [
      'model = keras.Sequential(',
      '    [',
      ...plan.layers.flatMap((layer, index) => [
        ...layerComment(layer, '        '),
        ...wrapPython(`        ${expressions[index]},`),
      ]),
      '    ]',
      ')',
    ];
  }
  const tensors = new Map(plan.layers.map((layer) => [layer.node.id, layer.identifier]));
  const list = (layers: typeof plan.inputs) => {
    const names = layers.map((layer) => layer.identifier);
    return names.length === 1 ? (names[0] ?? '') : `[${names.join(', ')}]`;
  };
  return [
    ...plan.layers.flatMap((layer, index) => {
      const wiredIn = layer.sources.map((source) => tensors.get(source) ?? 'x');
      const applied =
        layer.node.kind === 'Input' ? '' : wiredIn.length === 1 ? `(${wiredIn[0]})` : `([${wiredIn.join(', ')}])`;
      return [...layerComment(layer, ''), ...wrapPython(`${layer.identifier} = ${expressions[index]}${applied}`)];
    }),
    `model = keras.Model(inputs=${list(plan.inputs)}, outputs=${list(plan.outputs)})`,
  ];
}

function compileLines(settings: TrainingSettings, outputs: PlannedOutput[] | null): string[] {
  if (outputs)
    return [
      '# Each output learns its own column with the loss that suits it; their sum is the loss.',
      'model.compile(',
      `    optimizer=${optimizerCode(settings)},`,
      `    loss={${outputs.map((output) => `${pythonString(output.name)}: ${pythonString(output.loss)}`).join(', ')}},`,
      `    metrics={${outputs.flatMap((output) => (output.metric ? [`${pythonString(output.name)}: [${pythonString(output.metric)}]`] : [])).join(', ')}},`,
      ')',
    ];
  return [
    'model.compile(',
    `    optimizer=${optimizerCode(settings)},`,
    `    loss=${pythonString(settings.loss)},`,
    `    metrics=[${settings.metrics.map(pythonString).join(', ')}],`,
    ')',
  ];
}

function trainingLines(plan: ExportPlan): string[] {
  const settings = plan.source.training;
  const validating = Math.floor((plan.dataset.x.shape[0] ?? 0) * settings.validation_split) > 0;
  const monitor = validating ? 'val_loss' : 'loss';
  const restoring = settings.early_stopping && settings.restore_best_weights;
  const lines = [
    `# 3. Training: ${settings.optimizer}, ${settings.loss}, batches of ${settings.batch_size}; one line per epoch.`,
  ];
  if (settings.early_stopping) {
    lines.push(
      `# Early stopping: stop once ${monitor} has not improved for ${settings.patience} epochs.`,
      ...wrapPython(
        `early_stopping = ${pythonCall('keras.callbacks.EarlyStopping', [
          `monitor=${pythonString(monitor)}`,
          `patience=${settings.patience}`,
          restoring ? 'restore_best_weights=True' : null,
        ])}`,
      ),
    );
  }
  lines.push(
    'history = model.fit(',
    `    ${pythonFed(plan, 'x')},`,
    '    y,',
    '    epochs=args.epochs,',
    `    batch_size=${settings.batch_size},`,
    ...(validating
      ? [
          `    # The last ${Number((settings.validation_split * 100).toFixed(2))}% of the samples, taken before shuffling, check the model.`,
          `    validation_split=${pythonNumber(settings.validation_split)},`,
        ]
      : []),
    ...(settings.shuffle ? [] : ['    shuffle=False,']),
    ...(settings.early_stopping ? ['    callbacks=[early_stopping],'] : []),
    '    verbose=2,',
    ')',
  );
  if (restoring) {
    lines.push(
      "# The restored epoch's loss and metrics after early stopping, else the last epoch's.",
      'stopped_early = early_stopping.stopped_epoch > 0',
      `final_epoch = int(np.argmin(history.history[${pythonString(monitor)}])) if stopped_early else -1`,
      'final = {name: float(values[final_epoch]) for name, values in history.history.items()}',
    );
  } else {
    lines.push(
      "# The last epoch's loss and metrics.",
      'final = {name: float(values[-1]) for name, values in history.history.items()}',
    );
  }
  lines.push('# One line a script can read.', 'print("FINAL", json.dumps(final))');
  return lines;
}

/** tf.js' hard sigmoid gates, written out: Keras 3's own hard_sigmoid is another function. */
function usesHardSigmoid(plan: NetworkPlan): boolean {
  return plan.layers.some(
    (layer) => (layer.node.params as Record<string, unknown>)['recurrent_activation'] === 'hard_sigmoid',
  );
}

const hardSigmoidLines = [
  `def ${kerasHardSigmoid}(x):`,
  `    """The gates' hard sigmoid as tf.js computes it; Keras 3's own hard_sigmoid is relu6(x + 3) / 6."""`,
  '    return tf.clip_by_value(0.2 * x + 0.5, 0.0, 1.0)',
];

/**
 * A project without data as a Keras program: the model, its trained weights from weights.bin (or
 * the weights it carries), and its answer to one input, given or made up.
 */
export function writeKerasModelOnly(plan: ModelOnlyPlan): string {
  const hardSigmoid = usesHardSigmoid(plan);
  const imports = [
    'import argparse',
    ...(carriesWeights(plan.layers) && !plan.weightsFile ? ['import base64'] : []),
    'import json',
    ...(plan.weightsFile ? ['from pathlib import Path'] : []),
    '',
    'import numpy as np',
    ...(hardSigmoid ? ['import tensorflow as tf'] : []),
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
  ];
  const opening = pythonModelOnlyOpening(
    plan,
    'a Keras program',
    'python model.py [--input SAMPLE.json] (TensorFlow 2)',
    imports,
  );
  const weights = plan.weightsFile
    ? [...pythonStoredHelper(plan.layers), '', '', ...kerasStored(plan.layers)]
    : kerasCarried(plan.layers);
  const answer = plan.outputs.length > 1 ? 'model.predict(x, verbose=0)' : '[model.predict(x, verbose=0)]';
  return pythonProgram([
    opening,
    ...(hardSigmoid ? [hardSigmoidLines] : []),
    [
      `# 1. The model, ${plan.chain ? 'one layer after another (a Sequential model)' : "wired as drawn (Keras' functional API)"}.`,
      ...writeKerasModel(plan),
      'model.summary()',
    ],
    ...(weights.length > 0
      ? [
          [
            plan.weightsFile
              ? '# 2. Its trained weights, layer by layer.'
              : '# 2. The trained weights its layers carry.',
            ...weights,
          ],
        ]
      : []),
    pythonSampleLines(plan.samples),
    [`answer = ${answer}`, ...pythonAnswerLines(plan.outputs.length)],
  ]);
}

/** The Keras program, as text. */
export function writeKerasProgram(plan: ExportPlan, options: ExportOptions = {}): string {
  const settings = plan.source.training;
  // A GAN's loop takes its own gradients with tf.GradientTape.
  const gan = plan.gan !== null;
  const hardSigmoid = usesHardSigmoid(plan);
  const imports = [
    'import argparse',
    ...(carriesWeights(plan.layers) ? ['import base64'] : []),
    'import json',
    '',
    'import numpy as np',
    ...(options.distributed || gan || hardSigmoid ? ['import tensorflow as tf'] : []),
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
  ];
  const opening = pythonOpening(plan, 'a Keras program', 'python model.py [--epochs N] (TensorFlow 2)', imports);
  opening.push(
    "# Seeds Python's, NumPy's and TensorFlow's generators, so a run repeats.",
    'keras.utils.set_random_seed(SEED)',
  );
  if (hardSigmoid) opening.push('', '', ...hardSigmoidLines);
  // A GAN compiles nothing: its loop below trains the generator and the discriminator itself.
  const build = [
    ...writeKerasModel(plan),
    ...kerasCarried(plan.layers),
    ...(gan ? [] : compileLines(settings, plannedOutputs(plan))),
  ];
  const model = options.distributed
    ? [
        ...commentLines(
          `2. The model, ${plan.chain ? 'one layer after another' : 'wired as drawn'}, built inside MirroredStrategy's scope: a copy on every GPU of this machine, each batch split between them and their gradients summed. batch_size stays the whole batch, so each GPU gets batch_size / replicas samples.`,
          '',
          '# ',
        ),
        'strategy = tf.distribute.MirroredStrategy()',
        'print("Replicas:", strategy.num_replicas_in_sync)',
        'with strategy.scope():',
        ...indent(build),
        'model.summary()',
      ]
    : [
        `# 2. The model, ${plan.chain ? 'one layer after another (a Sequential model)' : "wired as drawn (Keras' functional API)"}.`,
        ...build,
        'model.summary()',
      ];
  if (gan) {
    return pythonProgram([
      opening,
      pythonData(plan),
      model,
      ...pythonGanSections(plan, kerasGan(plan, optimizerCode(settings))),
    ]);
  }
  // Several outputs answer with one array each: `output` is the list of each one's answer.
  const question = pythonQuestion(plan, (input, output) => [
    plannedOutputs(plan)
      ? `${output} = [part[0] for part in model.predict(${pythonFed(plan, input)}, verbose=0)]`
      : `${output} = model.predict(${pythonFed(plan, input)}, verbose=0)[0]`,
  ]);
  const feed = pythonFeed(plan);
  return pythonProgram([
    opening,
    pythonData(plan),
    ...(feed.length > 0 ? [feed] : []),
    model,
    trainingLines(plan),
    question,
  ]);
}

/** The project as a Keras program, or the problems that stop it. */
export function exportKeras(source: ExportSource, options: ExportOptions = {}): PythonExport | ExportRefusal {
  if (source.data === null) {
    const modelOnly = planModelOnly(source);
    if (!modelOnly.ok) return modelOnly;
    const { weightsFile } = modelOnly.plan;
    return { ok: true, code: writeKerasModelOnly(modelOnly.plan), ...(weightsFile ? { weights: weightsFile } : {}) };
  }
  const planned = planExport(source, options);
  if (!planned.ok) return planned;
  const gan = ganRefusal(planned.plan, options);
  if (gan) return gan;
  return { ok: true, code: writeKerasProgram(planned.plan, options) };
}
