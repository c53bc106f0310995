/**
 * The PyTorch export: an nn.Module written from the drawn network (tensors kept channels-last
 * between layers, as in Keras; comments where PyTorch differs), Keras' starting weights, and a
 * training loop with the project's settings and Keras' losses and metrics, printing every epoch
 * and the parameter count. Optionally with DistributedDataParallel. Reads nothing but its
 * arguments.
 */
import type { PyTorchCode } from '../layers/types.js';
import { layerDef, layerKinds, type LayerKind } from '../layers/registry.js';
import { exampleGraph } from '../graph/examples.js';
import type { TrainingSettings } from '../training/settings.js';
import {
  carriesWeights,
  pythonCarriedArrays,
  pythonCarriedHelper,
  pythonListItems,
  pythonStoredHelper,
  pytorchCarriedRefusals,
} from './carried.js';
import type { PythonExport } from './keras.js';
import {
  ganRefusal,
  planExport,
  planModelOnly,
  plannedOutputs,
  planNetwork,
  type ExportOptions,
  type ExportPlan,
  type ExportRefusal,
  type ExportSource,
  type ModelOnlyPlan,
  type NetworkPlan,
  type PlannedOutput,
} from './plan.js';
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
import { pythonComment, pythonNumber, pythonString, wrapPython } from '../vocabulary/python.js';
import { ganPlan, pytorchGan, pythonGanSections } from './gan.js';
import { commentLines, describeShape, thousands } from '../vocabulary/code-text.js';

interface TorchLayer {
  layer: NetworkPlan['layers'][number];
  code: PyTorchCode;
  attribute: string;
}

function torchLayers(plan: NetworkPlan): TorchLayer[] {
  return plan.layers.map((layer) => {
    const attribute = `self.${layer.identifier}`;
    const code = layer.def.code.pytorch(layer.node.params as never, {
      name: pythonString(layer.node.name),
      inputs: layer.inputs,
      output: layer.output,
      attribute,
    });
    return { layer, code, attribute };
  });
}

let loadingKinds: readonly LayerKind[] | undefined;

/**
 * The kinds whose carried weights the PyTorch export loads: those whose code has `load` in every
 * one of their examples. Asked of the registry once, for the refusal's message.
 */
export function kindsPytorchLoads(): readonly LayerKind[] {
  loadingKinds ??= layerKinds.filter((kind) =>
    layerDef(kind).examples.every((example) => {
      // Every example plans: shared/codegen/layers.test.ts writes each one in every language.
      const planned = planNetwork(exampleGraph(kind, example));
      return (
        planned.ok && torchLayers(planned.network).some(({ layer, code }) => layer.node.id === 'probe' && code.load)
      );
    }),
  );
  return loadingKinds;
}

/** PyTorch's parameter count of the project's network, as the exported module reports it. */
export function pytorchParameterCount(plan: NetworkPlan): number {
  return torchLayers(plan).reduce((total, { code }) => total + code.params, 0);
}

/**
 * `gan`: the split of a GAN's chain, for a `generate` and a `judge` method beside `forward`.
 */
function moduleLines(
  plan: NetworkPlan,
  layers: readonly TorchLayer[],
  gan: Pick<ReturnType<typeof ganPlan>, 'end' | 'generator' | 'discriminator'> | null = null,
): string[] {
  const init: string[] = [];
  for (const { layer, code, attribute } of layers) {
    // Layers without weights or settings live in the forward pass alone.
    if (code.module === null) continue;
    init.push(
      '',
      ...commentLines(
        `${layer.node.kind}. ${layer.def.description.en} Output ${describeShape(layer.output)}, ${thousands(code.params)} parameters.`,
        '',
        '# ',
        92,
      ),
      ...(code.notes ?? []).flatMap((note) => commentLines(note, '', '# ', 92)),
      ...wrapPython(`${attribute} = ${code.module}`, 91),
    );
    if (code.init && code.init.length > 0) init.push("# Keras' starting weights.", ...code.init);
    if ((layer.node.carried || layer.stored) && code.load) {
      const arrays = pythonCarriedArrays(layer);
      init.push(
        layer.node.carried && !layer.stored
          ? `# Trained weights carried from ${pythonComment(layer.node.carried.from)}, turned from Keras' layout into PyTorch's.`
          : "# Its trained weights, turned from Keras' layout into PyTorch's.",
        'weights = [',
        ...pythonListItems(arrays, '    '),
        ']',
        'with torch.no_grad():',
        ...indent(code.load(arrays.map((_, index) => `weights[${index}]`))),
      );
    }
    if (layer.node.frozen === true && code.params > 0) {
      init.push(
        '# Frozen: training leaves these weights as they are (Keras: trainable = False).',
        `for parameter in ${attribute}.parameters():`,
        '    parameter.requires_grad_(False)',
      );
    }
  }
  const inputs = plan.inputs.map((layer) => layer.identifier);
  const chain = plan.chain;
  const names = new Map(layers.map(({ layer }) => [layer.node.id, chain ? 'x' : layer.identifier]));
  const forward: string[] = [];
  const linesOf = new Map<string, string[]>();
  for (const { layer, code } of layers) {
    if (layer.node.kind === 'Input') continue;
    const wiredIn = layer.sources.map((source) => names.get(source) ?? 'x');
    const notes = code.module === null ? (code.notes ?? []) : [];
    const lines = [
      `# ${layer.node.kind}: ${describeShape(layer.output)}`,
      ...notes.flatMap((note) => commentLines(note, '', '# ', 92)),
      ...wrapPython(`${names.get(layer.node.id) ?? 'x'} = ${code.forward(wiredIn)}`, 91),
    ];
    linesOf.set(layer.node.id, lines);
    forward.push(...lines);
  }
  // A GAN's two networks: the forward pass cut where the generator ends.
  const halves: string[] = [];
  if (gan) {
    const generatorLines = gan.generator.flatMap((layer) => linesOf.get(layer.node.id) ?? []);
    const endName = names.get(gan.end.node.id) ?? 'x';
    halves.push(
      '',
      `    def generate(self, ${chain ? 'x' : (plan.inputs[0]?.identifier ?? 'x')}):`,
      '        """The generator: noise in, an image out (the layers up to where it ends)."""',
      ...indent(generatorLines, 2),
      `        return ${endName}`,
      '',
      `    def judge(self, ${endName}):`,
      '        """The discriminator: an image in, the probability that it is real out."""',
      ...indent(
        gan.discriminator.flatMap((layer) => linesOf.get(layer.node.id) ?? []),
        2,
      ),
      `        return ${names.get(plan.outputs[0]?.node.id ?? '') ?? 'x'}`,
    );
  }
  const outputs = plan.outputs.map((layer) => names.get(layer.node.id) ?? 'x');
  const parameters = chain ? ['x'] : inputs;
  const penalties = layers.flatMap(({ code }) => code.penalty ?? []);
  return [
    ...(carriesWeights(plan.layers) ? [...pythonCarriedHelper, '', ''] : []),
    'class Network(nn.Module):',
    '    """The network drawn in LayerLab. Tensors flow channels-last between layers, as in Keras."""',
    '',
    '    def __init__(self):',
    '        super().__init__()',
    ...indent(init.slice(1), 2),
    '',
    `    def forward(self, ${parameters.join(', ')}):`,
    ...indent(forward, 2),
    `        return ${outputs.join(', ')}`,
    ...halves,
    ...(penalties.length > 0
      ? [
          '',
          '    def penalty(self):',
          '        """The weights\' L2 penalties, which Keras adds to the loss it trains on and logs."""',
          ...wrapPython(`        return ${penalties.join(' + ')}`, 99),
        ]
      : []),
  ];
}

/** The `Network` class alone: its layers, Keras' starting weights and the forward pass. */
export function writePytorchModule(network: NetworkPlan): string {
  return moduleLines(network, torchLayers(network)).join('\n');
}

/** Keras' loss on what the network outputs (probabilities after softmax, as drawn; not logits). */
function lossLines(settings: TrainingSettings, classes: boolean): string[] {
  const header = ['def loss_function(outputs, targets):'];
  switch (settings.loss) {
    case 'sparse_categorical_crossentropy':
      return [
        ...header,
        '    """Keras\' sparse categorical cross-entropy: the network outputs probabilities (it ends in',
        '    softmax, as drawn), so take the log of the clipped probability of each right class."""',
        '    probabilities = outputs / outputs.sum(dim=-1, keepdim=True)',
        '    return F.nll_loss(torch.log(probabilities.clamp(1e-7, 1 - 1e-7)), targets)',
      ];
    case 'categorical_crossentropy':
      return [
        ...header,
        '    """Keras\' categorical cross-entropy on probabilities and one-hot targets."""',
        '    probabilities = outputs / outputs.sum(dim=-1, keepdim=True)',
        '    return -(targets * torch.log(probabilities.clamp(1e-7, 1 - 1e-7))).sum(dim=-1).mean()',
      ];
    case 'binary_crossentropy':
      return [
        ...header,
        '    """Keras\' binary cross-entropy on probabilities (the output of a sigmoid)."""',
        `    return F.binary_cross_entropy(outputs.clamp(1e-7, 1 - 1e-7), ${classes ? 'targets.float().reshape(outputs.shape)' : 'targets'})`,
      ];
    case 'mean_squared_error':
      return [...header, '    return F.mse_loss(outputs, targets)'];
    case 'mean_absolute_error':
      return [...header, '    return F.l1_loss(outputs, targets)'];
  }
}

/** One output's loss on its column of `targets` (Keras' loss on what the output gives). */
function outputLossCode(output: PlannedOutput, index: number): string {
  const given = `outputs[${index}]`;
  const column = `targets[:, ${index} : ${index + 1}]`;
  switch (output.loss) {
    case 'sparse_categorical_crossentropy':
    case 'categorical_crossentropy':
      return `F.nll_loss(torch.log((${given} / ${given}.sum(dim=-1, keepdim=True)).clamp(1e-7, 1 - 1e-7)), targets[:, ${index}].long())`;
    case 'binary_crossentropy':
      return `F.binary_cross_entropy(${given}.clamp(1e-7, 1 - 1e-7), ${column})`;
    case 'mean_squared_error':
      return `F.mse_loss(${given}, ${column})`;
    case 'mean_absolute_error':
      return `F.l1_loss(${given}, ${column})`;
  }
}

/** The name Keras logs one output's loss or metric under (`kind_loss`), as a Python string. */
function logName(output: PlannedOutput, what: string): string {
  return pythonString([output.name, what].join('_'));
}

/** Several outputs: each one's loss on its column of targets, and their sum, as Keras adds them. */
function severalLossLines(outputs: readonly PlannedOutput[]): string[] {
  return [
    'def output_losses(outputs, targets):',
    `    """Each output's loss on its column of targets, named as Keras logs it."""`,
    '    return {',
    ...outputs.map((output, index) => `        ${logName(output, 'loss')}: ${outputLossCode(output, index)},`),
    '    }',
    '',
    '',
    'def loss_function(outputs, targets):',
    `    """The sum of the outputs' losses, as Keras adds them."""`,
    '    return sum(output_losses(outputs, targets).values())',
  ];
}

/** Several outputs: the loss, each output's loss and each one's metric, named as Keras logs them. */
function severalMeasureLines(outputs: readonly PlannedOutput[], penalized: boolean): string[] {
  const metrics = outputs.flatMap((output, index) => {
    const given = `outputs[${index}]`;
    const column = `targets[:, ${index} : ${index + 1}]`;
    const name = logName(output, output.metric ?? '');
    if (output.metric === 'accuracy') {
      const chosen = output.units === 1 ? `(${given} > 0.5).long().reshape(-1)` : `${given}.argmax(dim=-1)`;
      return [`        ${name}: (${chosen} == targets[:, ${index}].long()).float().mean().item(),`];
    }
    if (output.metric === 'mae') return [`        ${name}: (${given} - ${column}).abs().mean().item(),`];
    if (output.metric === 'mse') return [`        ${name}: ((${given} - ${column}) ** 2).mean().item(),`];
    return [];
  });
  return [
    'def measure(outputs, targets):',
    `    """The loss, and each output's loss and metric, of a batch, under Keras' names."""`,
    '    losses = output_losses(outputs, targets)',
    '    return {',
    penalized
      ? '        "loss": (sum(losses.values()) + model.penalty()).item(),'
      : '        "loss": sum(losses.values()).item(),',
    '        **{name: value.item() for name, value in losses.items()},',
    ...metrics,
    '    }',
  ];
}

/** Keras' metrics, named as Keras logs them. */
function measureLines(settings: TrainingSettings, classes: boolean, penalized: boolean): string[] {
  // Keras logs the loss with the weights' penalties added, on training and validation data alike.
  const entries = [
    penalized
      ? '        "loss": (loss_function(outputs, targets) + model.penalty()).item(),'
      : '        "loss": loss_function(outputs, targets).item(),',
  ];
  for (const metric of settings.metrics) {
    if (metric === 'accuracy') {
      const right = !classes
        ? '(outputs == targets)'
        : settings.loss === 'binary_crossentropy'
          ? '((outputs > 0.5).long().reshape(-1) == targets)'
          : settings.loss === 'categorical_crossentropy'
            ? '(outputs.argmax(dim=-1) == targets.argmax(dim=-1))'
            : '(outputs.argmax(dim=-1) == targets)';
      entries.push(`        "accuracy": ${right}.float().mean().item(),`);
    }
    if (metric === 'mae') entries.push('        "mae": (outputs - targets).abs().mean().item(),');
    if (metric === 'mse') entries.push('        "mse": ((outputs - targets) ** 2).mean().item(),');
  }
  return [
    'def measure(outputs, targets):',
    '    """The loss and metrics of a batch, under Keras\' names."""',
    '    return {',
    ...entries,
    '    }',
  ];
}

function optimizerCode(settings: TrainingSettings, parameters = 'model.parameters()'): string {
  const rate = `lr=${pythonNumber(settings.learning_rate)}`;
  switch (settings.optimizer) {
    case 'adam':
      return `torch.optim.Adam(${parameters}, ${rate}, eps=1e-7)`;
    case 'sgd':
      return settings.momentum > 0
        ? `torch.optim.SGD(${parameters}, ${rate}, momentum=${pythonNumber(settings.momentum)})`
        : `torch.optim.SGD(${parameters}, ${rate})`;
    case 'rmsprop':
      return `torch.optim.RMSprop(${parameters}, ${rate}, alpha=0.9, eps=1e-7)`;
    case 'adagrad':
      return `torch.optim.Adagrad(${parameters}, ${rate}, initial_accumulator_value=0.1, eps=1e-7)`;
  }
}

/** The model's arguments for `rows`: the rows, or each Input's columns, unpacked, when a table is shared out. */
function fedPyTorch(plan: ExportPlan, rows: string): string {
  const fed = pythonFed(plan, rows);
  return fed === rows ? rows : `*${fed}`;
}

function trainingLines(plan: ExportPlan, distributed: boolean, penalized: boolean): string[] {
  const settings = plan.source.training;
  const samples = plan.dataset.x.shape[0] ?? 0;
  const validating = Math.floor(samples * settings.validation_split) > 0;
  const monitor = validating ? 'val_loss' : 'loss';
  const restoring = settings.early_stopping && settings.restore_best_weights;
  const lines: string[] = [
    `# 3. Training: ${settings.optimizer}, ${settings.loss}, batches of ${settings.batch_size}; one line per epoch.`,
    `optimizer = ${optimizerCode(settings)}  # Keras' epsilon`,
    `BATCH_SIZE = ${settings.batch_size}`,
  ];
  if (validating) {
    lines.push(
      `# Keras holds out the last ${Number((settings.validation_split * 100).toFixed(2))}% of the samples, before any shuffling, to check the model.`,
      `validation_count = int(sample_count * ${pythonNumber(settings.validation_split)})`,
      'train_inputs, train_targets = x_tensor[:-validation_count], y_tensor[:-validation_count]',
      'validation_inputs, validation_targets = x_tensor[-validation_count:], y_tensor[-validation_count:]',
    );
  } else {
    lines.push('train_inputs, train_targets = x_tensor, y_tensor');
  }
  if (settings.shuffle) lines.push('shuffler = torch.Generator().manual_seed(SEED)');
  if (settings.early_stopping) {
    lines.push(
      `# Early stopping: stop once ${monitor} has not improved for ${settings.patience} epochs.`,
      `PATIENCE = ${settings.patience}`,
      'best_value, best_logs, epochs_without_gain = float("inf"), None, 0',
    );
  }
  const order = settings.shuffle
    ? '    # A new order of the samples each epoch, as Keras shuffles.\n    order = torch.randperm(len(train_inputs), generator=shuffler)'
    : '    order = torch.arange(len(train_inputs))';
  const share = distributed
    ? [
        "        # This process's share of the batch; DistributedDataParallel averages the gradients.",
        '        batch = batch[rank::world_size]',
      ]
    : [];
  lines.push(
    'for epoch in range(1, args.epochs + 1):',
    '    model.train()',
    ...order.split('\n'),
    '    totals, seen = {}, 0',
    '    for start in range(0, len(order), BATCH_SIZE):',
    '        batch = order[start : start + BATCH_SIZE]',
    ...share,
    '        batch_inputs = train_inputs[batch].to(device)',
    '        batch_targets = train_targets[batch].to(device)',
    `        outputs = ${distributed ? 'parallel_model' : 'model'}(${fedPyTorch(plan, 'batch_inputs')})`,
    penalized
      ? '        loss = loss_function(outputs, batch_targets) + model.penalty()'
      : '        loss = loss_function(outputs, batch_targets)',
    '        optimizer.zero_grad()',
    '        loss.backward()',
    '        optimizer.step()',
    "        # Keras logs each epoch's mean over its samples.",
    plannedOutputs(plan)
      ? '        for name, value in measure(tuple(part.detach() for part in outputs), batch_targets).items():'
      : '        for name, value in measure(outputs.detach(), batch_targets).items():',
    '            totals[name] = totals.get(name, 0.0) + value * len(batch)',
    '        seen += len(batch)',
  );
  if (distributed) {
    lines.push(
      '    # Every process saw part of the epoch: add their sums up.',
      '    summed = torch.tensor([*totals.values(), seen], dtype=torch.float64, device=device)',
      '    dist.all_reduce(summed)',
      '    logs = {name: (summed[index] / summed[-1]).item() for index, name in enumerate(totals)}',
    );
  } else {
    lines.push('    logs = {name: total / seen for name, total in totals.items()}');
  }
  if (validating) {
    lines.push(
      '    model.eval()',
      '    with torch.no_grad():',
      `        checked = measure(model(${fedPyTorch(plan, 'validation_inputs.to(device)')}), validation_targets.to(device))`,
      '    logs.update({f"val_{name}": value for name, value in checked.items()})',
    );
  }
  const report = [
    'summary = ", ".join(f"{name} {value:.4f}" for name, value in logs.items())',
    'print(f"Epoch {epoch}/{args.epochs}: {summary}")',
  ];
  lines.push(...indent(distributed ? ['if rank == 0:', ...indent(report)] : report));
  if (settings.early_stopping) {
    lines.push(
      `    if logs[${pythonString(monitor)}] < best_value:`,
      `        best_value, best_logs, epochs_without_gain = logs[${pythonString(monitor)}], logs, 0`,
      ...(restoring ? ['        best_state = copy.deepcopy(model.state_dict())'] : []),
      '    else:',
      '        epochs_without_gain += 1',
      '        if epochs_without_gain >= PATIENCE:',
      `            print(f"No gain in {PATIENCE} epochs: stopping early.")`,
      ...(restoring
        ? [
            "            # Back to the best epoch's weights.",
            '            model.load_state_dict(best_state)',
            '            logs = best_logs',
          ]
        : []),
      '            break',
    );
  }
  lines.push(
    "# One line a script can read: the last epoch's loss and metrics.",
    ...(distributed ? ['if rank == 0:', '    print("FINAL", json.dumps(logs))'] : ['print("FINAL", json.dumps(logs))']),
  );
  return lines;
}

function modelSetup(plan: ExportPlan, distributed: boolean): string[] {
  const classes = plan.dataset.target.kind === 'class';
  const targets =
    classes && plan.source.training.loss !== 'categorical_crossentropy'
      ? 'torch.from_numpy(y)'
      : 'torch.from_numpy(y).float()';
  const lines = [
    '# The data as tensors.',
    'x_tensor = torch.from_numpy(x)',
    ...(plannedOutputs(plan)
      ? [
          "# One column of targets per output (a class's index as a number), side by side: a batch takes",
          '# its rows of all of them at once.',
          'y_tensor = torch.from_numpy(np.column_stack([part.reshape(len(part)).astype("float32") for part in y]))',
        ]
      : [`y_tensor = ${targets}`]),
  ];
  if (distributed) {
    lines.push(
      '# One process per GPU (or several on the CPU), started by torchrun, which sets RANK, WORLD_SIZE,',
      '# LOCAL_RANK and the address the processes meet at:',
      '#     torchrun --nproc_per_node=NUMBER_OF_GPUS model_torch.py',
      'dist.init_process_group("nccl" if torch.cuda.is_available() else "gloo")',
      'rank, world_size = dist.get_rank(), dist.get_world_size()',
      'if torch.cuda.is_available():',
      '    device = torch.device("cuda", int(os.environ["LOCAL_RANK"]))',
      '    torch.cuda.set_device(device)',
      'else:',
      '    device = torch.device("cpu")',
      '# The same seed everywhere: every copy starts from the same weights, and shuffles alike.',
      'model = Network().to(device)',
      '# A copy of the model in every process; their gradients are averaged after each backward pass.',
      'parallel_model = DistributedDataParallel(model, device_ids=[device] if torch.cuda.is_available() else None)',
    );
  } else {
    lines.push('device = torch.device("cuda" if torch.cuda.is_available() else "cpu")', 'model = Network().to(device)');
  }
  lines.push(
    'parameter_count = sum(parameter.numel() for parameter in model.parameters())',
    `# LayerLab counts ${thousands(pytorchParameterCount(plan))} for PyTorch (${thousands(plan.totalParams)} in Keras: see the notes above).`,
    'print("Parameters:", parameter_count)',
  );
  return lines;
}

/** The PyTorch program, as text. */
export function writePytorchProgram(plan: ExportPlan, options: ExportOptions = {}): string {
  const distributed = options.distributed === true;
  const settings = plan.source.training;
  const layers = torchLayers(plan);
  const classes = plan.dataset.target.kind === 'class';
  const outputs = plannedOutputs(plan);
  const penalized = layers.some(({ code }) => (code.penalty ?? []).length > 0);
  const loss = outputs ? severalLossLines(outputs) : lossLines(settings, classes);
  const measure = outputs ? severalMeasureLines(outputs, penalized) : measureLines(settings, classes, penalized);
  const gan = plan.gan ? ganPlan(plan) : null;
  const body = [...moduleLines(plan, layers, gan), ...loss].join('\n');
  const restoring = settings.early_stopping && settings.restore_best_weights;
  const imports = [
    'import argparse',
    ...(carriesWeights(plan.layers) ? ['import base64'] : []),
    ...(restoring ? ['import copy'] : []),
    'import json',
    ...(distributed ? ['import os'] : []),
    '',
    'import numpy as np',
    'import torch',
    ...(distributed ? ['import torch.distributed as dist'] : []),
    ...(gan || /\bF\./.test(body) ? ['import torch.nn.functional as F'] : []),
    'from torch import nn',
    ...(distributed ? ['from torch.nn.parallel import DistributedDataParallel'] : []),
  ];
  const opening = pythonOpening(
    plan,
    'a PyTorch program',
    distributed
      ? 'torchrun --nproc_per_node=NUMBER_OF_GPUS model_torch.py [--epochs N]'
      : 'python model_torch.py [--epochs N]',
    imports,
  );
  opening.push("# Seeds PyTorch's generator, so a run repeats.", 'torch.manual_seed(SEED)');
  const model = [
    `# 2. The model: ${plan.chain ? 'one layer after another' : 'wired as drawn'}. PyTorch's layers want channels first; the`,
    "# forward pass turns tensors for them and back, so shapes between layers are Keras'.",
    ...moduleLines(plan, layers, gan),
  ];
  if (gan) {
    const generatorLayers = gan.generator.map((layer) => pythonString(layer.identifier));
    model.push(
      '',
      '',
      "# The generator's layers, by their names in the module; the rest are the discriminator's.",
      `GENERATOR_LAYERS = {${generatorLayers.join(', ')}}`,
    );
    return pythonProgram([
      opening,
      pythonData(plan),
      model,
      ...pythonGanSections(
        plan,
        pytorchGan(plan, (parameters) => optimizerCode(settings, parameters)),
      ),
    ]);
  }
  // Several outputs answer with one tensor each: `output` is the list of each one's answer.
  const question = pythonQuestion(plan, (input, output) => [
    'model.eval()',
    'with torch.no_grad():',
    outputs
      ? `    ${output} = [part[0].cpu().numpy() for part in model(${fedPyTorch(plan, `torch.from_numpy(${input}).to(device)`)})]`
      : `    ${output} = model(${fedPyTorch(plan, `torch.from_numpy(${input}).to(device)`)})[0].cpu().numpy()`,
  ]);
  const feed = pythonFeed(plan);
  const sections = [
    opening,
    pythonData(plan),
    ...(feed.length > 0 ? [feed] : []),
    model,
    loss,
    measure,
    modelSetup(plan, distributed),
    trainingLines(plan, distributed, penalized),
  ];
  if (distributed) sections.push(['if rank == 0:', ...indent(question)], ['dist.destroy_process_group()']);
  else sections.push(question);
  return pythonProgram(sections);
}

/**
 * A project without data as a PyTorch program: the module, its trained weights from weights.bin
 * turned into PyTorch's layout (or the weights it carries), and its answer to one input.
 */
export function writePytorchModelOnly(plan: ModelOnlyPlan): string {
  const layers = torchLayers(plan);
  const module = moduleLines(plan, layers);
  const imports = [
    'import argparse',
    ...(carriesWeights(plan.layers) ? ['import base64'] : []),
    'import json',
    ...(plan.weightsFile ? ['from pathlib import Path'] : []),
    '',
    'import numpy as np',
    'import torch',
    ...(/\bF\./.test(module.join('\n')) ? ['import torch.nn.functional as F'] : []),
    'from torch import nn',
  ];
  const opening = pythonModelOnlyOpening(
    plan,
    'a PyTorch program',
    'python model_torch.py [--input SAMPLE.json]',
    imports,
  );
  const given = plan.samples.length > 1 ? '*[torch.from_numpy(part) for part in x]' : 'torch.from_numpy(x)';
  return pythonProgram([
    opening,
    ...(plan.weightsFile ? [pythonStoredHelper(plan.layers)] : []),
    [
      `# 1. The model: ${plan.chain ? 'one layer after another' : 'wired as drawn'}. PyTorch's layers want channels first; the`,
      "# forward pass turns tensors for them and back, so shapes between layers are Keras'.",
      ...module,
    ],
    [
      `# 2. The network${plan.weightsFile ? ', its trained weights loaded as it is built' : ''}, answering rather than training (eval mode).`,
      'model = Network()',
      'model.eval()',
      `# LayerLab counts ${thousands(pytorchParameterCount(plan))} for PyTorch (${thousands(plan.totalParams)} in Keras).`,
      'print("Parameters:", sum(parameter.numel() for parameter in model.parameters()))',
    ],
    pythonSampleLines(plan.samples),
    [
      'with torch.no_grad():',
      `    answer = model(${given})`,
      plan.outputs.length > 1 ? 'answer = [part.numpy() for part in answer]' : 'answer = [answer.numpy()]',
      ...pythonAnswerLines(plan.outputs.length),
    ],
  ]);
}

/** Layers whose carried or trained weights the PyTorch export cannot load, each pinned to its layer. */
function loadRefusals(plan: NetworkPlan) {
  const loads = new Map(torchLayers(plan).map(({ layer, code }) => [layer.node.id, code.load !== undefined]));
  return pytorchCarriedRefusals(plan.layers, (layer) => loads.get(layer.node.id) === true, kindsPytorchLoads);
}

/** The project as a PyTorch program, or the problems that stop it. */
export function exportPytorch(source: ExportSource, options: ExportOptions = {}): PythonExport | ExportRefusal {
  if (source.data === null) {
    const modelOnly = planModelOnly(source);
    if (!modelOnly.ok) return modelOnly;
    const refused = loadRefusals(modelOnly.plan);
    if (refused.length > 0) return { ok: false, problems: refused };
    const { weightsFile } = modelOnly.plan;
    return { ok: true, code: writePytorchModelOnly(modelOnly.plan), ...(weightsFile ? { weights: weightsFile } : {}) };
  }
  const planned = planExport(source, options);
  if (!planned.ok) return planned;
  const gan = ganRefusal(planned.plan, options);
  if (gan) return gan;
  const refused = loadRefusals(planned.plan);
  if (refused.length > 0) return { ok: false, problems: refused };
  return { ok: true, code: writePytorchProgram(planned.plan, options) };
}
