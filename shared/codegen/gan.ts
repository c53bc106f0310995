/**
 * The GAN steps of an exported program: the chain split at the generator's end into a generator
 * and a discriminator that share its layers, the two trained in turns as LayerLab's
 * `training/gan.ts` trains them, the samples of every epoch judged against their nearest real
 * images, and the playground's question, a noise seed. Reads nothing but its arguments.
 */
import { batchNoiseSalt, ganSampleCount, sampleNoiseSalt } from '../training/gan.js';
import { shuffleSalt } from '../training/train.js';
import type { TrainingSettings } from '../training/settings.js';
import { camelCase, type ExportPlan } from './plan.js';
import type { TypeScriptHelper } from './typescript-helpers.js';
import { pythonComment, pythonString } from '../vocabulary/python.js';
import { typescriptComment, typescriptNumbers, typescriptString } from '../vocabulary/typescript-literals.js';

/** A salt as the program writes it, such as 0x5eed5eed. */
export function hex(salt: number): string {
  return `0x${salt.toString(16)}`;
}

/**
 * The identifier the plan gave the layer `id`. A layer id is the project file's text, so it never
 * stands in for a missing identifier: a wire to a layer the plan does not hold is a LayerLab bug.
 */
function identifierOf(plan: ExportPlan, id: string): string {
  const identifier = plan.layers.find((layer) => layer.node.id === id)?.identifier;
  if (identifier === undefined) throw new Error('a wire into the discriminator from a layer the plan does not hold');
  return identifier;
}

/** The chain's split, as the plan names its layers. */
export function ganPlan(plan: ExportPlan) {
  const split = plan.gan;
  if (!split) throw new Error('not a GAN');
  const byId = new Map(plan.layers.map((layer) => [layer.node.id, layer]));
  const end = byId.get(split.end.id);
  const input = plan.inputs[0];
  if (!end || !input) throw new Error('not a GAN');
  const layersOf = (ids: readonly string[]) => ids.map((id) => byId.get(id)).filter((layer) => layer !== undefined);
  // The generator's layers past its Input, and the discriminator's, in graph order.
  const generator = layersOf(split.generator).filter((layer) => layer.node.kind !== 'Input');
  const discriminator = layersOf(split.discriminator);
  const noiseSize = input.output[1] ?? 1;
  const imageShape = end.output.slice(1) as number[];
  return { end, input, generator, discriminator, noiseSize, imageShape };
}

/** The training section of a TypeScript program for a GAN, given the optimiser's code. */
export function typescriptGanTraining(plan: ExportPlan, optimizer: string, helpers: Set<TypeScriptHelper>): string[] {
  const settings: TrainingSettings = plan.source.training;
  const { end, input, discriminator, noiseSize, imageShape } = ganPlan(plan);
  helpers.add('mulberry32').add('normalSampler').add('describeLogs').add('nearestReal');
  if (settings.shuffle) helpers.add('shuffledIndices');
  const tensorOf = (id: string) => (id === end.node.id ? 'image' : `${camelCase(identifierOf(plan, id))}Judged`);
  const wiring = discriminator.map((layer) => {
    const sources = layer.sources.map(tensorOf);
    const applied = sources.length === 1 ? sources[0] : `[${sources.join(', ')}]`;
    return `const ${tensorOf(layer.node.id)} = model.getLayer(${typescriptString(layer.node.name)}).apply(${applied}) as tf.SymbolicTensor;`;
  });
  const last = discriminator.at(-1);
  return [
    `// 3. Training a GAN: ${settings.epochs} epochs of batches of ${settings.batch_size}, the two networks in turns.`,
    `// The chain splits where the generator ends, at ${typescriptComment(end.node.name)}: the generator makes images from noise;`,
    `// the discriminator, the layers after it called again on an image of their own, says whether an`,
    `// image is real. They share the chain's layers, so training either trains the model above.`,
    `const generator = tf.model({ inputs: ${camelCase(input.identifier)}, outputs: ${camelCase(end.identifier)} });`,
    `const image = tf.input({ shape: ${typescriptNumbers(imageShape)} });`,
    ...wiring,
    `const discriminator = tf.model({ inputs: image, outputs: ${tensorOf(last?.node.id ?? '')} });`,
    `const generatorVariables = generator.trainableWeights.map((weight) => weight.read() as tf.Variable);`,
    `const discriminatorVariables = discriminator.trainableWeights.map((weight) => weight.read() as tf.Variable);`,
    `const discriminatorOptimizer = ${optimizer};`,
    `const generatorOptimizer = ${optimizer};`,
    `const epochs = ${settings.epochs};`,
    `const batchSize = ${settings.batch_size};`,
    `const noiseSize = ${noiseSize};`,
    `const batchesPerEpoch = Math.max(1, Math.ceil(sampleCount / batchSize));`,
    `// The same seeded streams as LayerLab: the order of the images, the batches' noise, and the`,
    `// noise of the ${ganSampleCount} samples drawn after every epoch (the same every epoch).`,
    `const shuffleRandom = mulberry32((seed ^ ${hex(shuffleSalt)}) >>> 0);`,
    `const batchNoise = normalSampler((seed ^ ${hex(batchNoiseSalt)}) >>> 0);`,
    `const drawNoise = (normal: () => number, count: number) => Float32Array.from({ length: count * noiseSize }, normal);`,
    `const sampleCountDrawn = ${ganSampleCount};`,
    `const fixedNoise = tf.tensor2d(drawNoise(normalSampler((seed ^ ${hex(sampleNoiseSalt)}) >>> 0), sampleCountDrawn), [sampleCountDrawn, noiseSize]);`,
    `// Keras' binary cross-entropy of probabilities: clipped to [1e-7, 1 - 1e-7], averaged.`,
    `const crossEntropy = (target: number, probabilities: tf.Tensor) =>`,
    `  tf.metrics.binaryCrossentropy(tf.fill(probabilities.shape, target), probabilities).mean() as tf.Scalar;`,
    `// One step of one network; a network frozen whole has nothing to move, so its loss is only measured.`,
    `const learn = (optimizer: tf.Optimizer, loss: () => tf.Scalar, variables: tf.Variable[]) =>`,
    `  variables.length === 0 ? loss() : optimizer.minimize(loss, true, variables);`,
    `// Each real image's digit, to say which digit each sample looks like most.`,
    `const realClasses = samples.map((image) => digitLabels[image]);`,
    `let finalLogs: Record<string, number> = {};`,
    `let diverged = false;`,
    `for (let epoch = 1; epoch <= epochs && !diverged; epoch += 1) {`,
    settings.shuffle
      ? `  const order = shuffledIndices(sampleCount, shuffleRandom);`
      : `  const order = Int32Array.from({ length: sampleCount }, (_, index) => index);`,
    `  const sums = { d_loss: 0, g_loss: 0, d_accuracy: 0 };`,
    `  for (let batch = 0; batch < batchesPerEpoch; batch += 1) {`,
    `    const indices = order.subarray(batch * batchSize, (batch + 1) * batchSize);`,
    `    const size = indices.length;`,
    `    const noiseForD = drawNoise(batchNoise, size);`,
    `    const noiseForG = drawNoise(batchNoise, size);`,
    `    const [dLoss, dAccuracy, gLoss] = tf.tidy(() => {`,
    `      const images = tf.gather(x, tf.tensor1d(indices, 'int32'));`,
    `      const fake = generator.apply(tf.tensor2d(noiseForD, [size, noiseSize]), { training: true }) as tf.Tensor;`,
    `      let accuracy: tf.Scalar = tf.scalar(0);`,
    `      // The discriminator: real images are 1, generated ones 0; only its weights move.`,
    `      const discriminatorLoss = learn(`,
    `        discriminatorOptimizer,`,
    `        () => {`,
    `          const onReal = discriminator.apply(images, { training: true }) as tf.Tensor;`,
    `          const onFake = discriminator.apply(fake, { training: true }) as tf.Tensor;`,
    `          accuracy = tf.keep(`,
    `            tf.add(tf.greater(onReal, 0.5).sum(), tf.lessEqual(onFake, 0.5).sum()).div(2 * size) as tf.Scalar,`,
    `          );`,
    `          return crossEntropy(1, onReal).add(crossEntropy(0, onFake)).mul(0.5) as tf.Scalar;`,
    `        },`,
    `        discriminatorVariables,`,
    `      );`,
    `      // The generator: its images should be called real; only its weights move.`,
    `      const generatorLoss = learn(`,
    `        generatorOptimizer,`,
    `        () => {`,
    `          const made = generator.apply(tf.tensor2d(noiseForG, [size, noiseSize]), { training: true }) as tf.Tensor;`,
    `          return crossEntropy(1, discriminator.apply(made, { training: true }) as tf.Tensor);`,
    `        },`,
    `        generatorVariables,`,
    `      );`,
    `      const read = [discriminatorLoss, accuracy, generatorLoss].map((value) => value?.dataSync()[0] ?? Number.NaN);`,
    `      accuracy.dispose();`,
    `      return read;`,
    `    });`,
    `    if (!Number.isFinite(dLoss) || !Number.isFinite(gLoss)) {`,
    `      console.log('A loss is no longer a number: training diverged, so it stops here.');`,
    `      diverged = true;`,
    `      break;`,
    `    }`,
    `    sums.d_loss += dLoss;`,
    `    sums.g_loss += gLoss;`,
    `    sums.d_accuracy += dAccuracy;`,
    `  }`,
    `  if (diverged) break;`,
    `  // The samples: the same noise drawn into images, each matched with its nearest real image.`,
    `  const drawnTensor = generator.predict(fixedNoise) as tf.Tensor;`,
    `  const drawn = drawnTensor.dataSync() as Float32Array;`,
    `  drawnTensor.dispose();`,
    `  const nearest = nearestReal(drawn, sampleCountDrawn, xValues);`,
    `  const logs = {`,
    `    d_loss: sums.d_loss / batchesPerEpoch,`,
    `    g_loss: sums.g_loss / batchesPerEpoch,`,
    `    d_accuracy: sums.d_accuracy / batchesPerEpoch,`,
    `    // How far each sample is from its nearest real image, and how many digits those are.`,
    `    sample_distance: nearest.distances.reduce((sum, value) => sum + value, 0) / Math.max(nearest.distances.length, 1),`,
    `    sample_classes: new Set(nearest.indices.map((index) => realClasses[index])).size,`,
    `  };`,
    '  console.log(`Epoch ${epoch}/${epochs}: ${describeLogs(logs)}`);',
    `  finalLogs = logs;`,
    `}`,
    `// One line a script can read: the last epoch's losses and the samples' logs.`,
    'console.log(`FINAL ${JSON.stringify(finalLogs)}`);',
  ];
}

/** The question section of a TypeScript program for a GAN: the image from one noise seed. */
export function typescriptGanQuestion(plan: ExportPlan, seed: number): string[] {
  const { imageShape } = ganPlan(plan);
  const width = imageShape[1] ?? 8;
  return [
    `// 4. Ask the trained generator, as LayerLab's playground does: which image does noise seed ${seed} make?`,
    `const querySeed = ${seed};`,
    `const queryImage = generator.predict(tf.tensor2d(drawNoise(normalSampler(querySeed), 1), [1, noiseSize])) as tf.Tensor;`,
    `const queryPixels = queryImage.dataSync() as Float32Array;`,
    `const realness = (discriminator.predict(queryImage) as tf.Tensor).dataSync()[0];`,
    `const closest = nearestReal(queryPixels, 1, xValues);`,
    `const shades = ' .:-=+*#%@';`,
    `for (let row = 0; row < queryPixels.length; row += ${width}) {`,
    `  console.log(Array.from(queryPixels.slice(row, row + ${width}), (value) => shades[Math.max(0, Math.min(9, Math.round(value * 9)))]).join(''));`,
    `}`,
    'console.log(`Seed ${querySeed}: real, says the discriminator: ${realness.toFixed(2)}; nearest real image: a ${realClasses[closest.indices[0]]} (mean squared difference ${closest.distances[0].toFixed(4)})`);',
  ];
}

/**
 * What a Python framework writes of a GAN: its two networks (split from the chain, each with its
 * optimiser, one training step of each in turns, drawing and judging images), and the statement
 * that trains one batch. The loop around them and the question are the same in both.
 */
export interface PythonGan {
  networks: string[];
  step: string;
}

/** A GAN in Keras: two functional models over the chain's layers, trained in a tf.function step. */
export function kerasGan(plan: ExportPlan, optimizer: string): PythonGan {
  const { end, discriminator, imageShape } = ganPlan(plan);
  const networks = [
    `# The generator: the chain's layers up to ${pythonComment(end.node.name)}, where the generator ends.`,
    `generator = keras.Model(model.inputs, model.get_layer(${pythonString(end.node.name)}).output)`,
    '# The discriminator: the layers after it, called again on an image of their own. Both share',
    "# the chain's layers, so training either trains the model above.",
    `image = keras.Input(shape=(${imageShape.join(', ')}${imageShape.length === 1 ? ',' : ''}))`,
    ...discriminator.map((layer) => {
      const sources = layer.sources.map((id) => (id === end.node.id ? 'image' : `${identifierOf(plan, id)}_judged`));
      const applied = sources.length === 1 ? sources[0] : `[${sources.join(', ')}]`;
      return `${layer.identifier}_judged = model.get_layer(${pythonString(layer.node.name)})(${applied})`;
    }),
    `discriminator = keras.Model(image, ${discriminator.at(-1)?.identifier ?? 'image'}_judged)`,
    `discriminator_optimizer = ${optimizer}`,
    `generator_optimizer = ${optimizer}`,
    "# Keras' binary cross-entropy of probabilities (the output of a sigmoid).",
    'cross_entropy = keras.losses.BinaryCrossentropy()',
    '',
    '',
    '@tf.function',
    'def train_step(real, noise_for_d, noise_for_g):',
    '    """One batch: the discriminator learns (real 1, generated 0), then the generator learns to be',
    '    called real; each moves only its own weights."""',
    '    with tf.GradientTape() as tape:',
    '        fake = generator(noise_for_d, training=True)',
    '        on_real = discriminator(real, training=True)',
    '        on_fake = discriminator(fake, training=True)',
    '        d_loss = 0.5 * (cross_entropy(tf.ones_like(on_real), on_real) + cross_entropy(tf.zeros_like(on_fake), on_fake))',
    '    right = tf.reduce_sum(tf.cast(on_real > 0.5, "float32")) + tf.reduce_sum(tf.cast(on_fake <= 0.5, "float32"))',
    '    d_accuracy = right / (2 * tf.cast(tf.shape(real)[0], "float32"))',
    '    if discriminator.trainable_variables:',
    '        gradients = tape.gradient(d_loss, discriminator.trainable_variables)',
    '        discriminator_optimizer.apply_gradients(zip(gradients, discriminator.trainable_variables))',
    '    with tf.GradientTape() as tape:',
    '        on_made = discriminator(generator(noise_for_g, training=True), training=True)',
    '        g_loss = cross_entropy(tf.ones_like(on_made), on_made)',
    '    if generator.trainable_variables:',
    '        gradients = tape.gradient(g_loss, generator.trainable_variables)',
    '        generator_optimizer.apply_gradients(zip(gradients, generator.trainable_variables))',
    '    return d_loss, g_loss, d_accuracy',
    '',
    '',
    'def draw(noise):',
    '    """The generator\'s images for these noise vectors."""',
    '    return generator(noise, training=False).numpy()',
    '',
    '',
    'def judge(images):',
    '    """The discriminator\'s probability that each image is real."""',
    '    return discriminator(images, training=False).numpy().reshape(-1)',
  ];
  return { networks, step: 'losses = train_step(real, noise_for_d, noise_for_g)' };
}

/** A GAN in PyTorch: the module's `generate` and `judge`, each side's parameters with its optimiser. */
export function pytorchGan(plan: ExportPlan, optimizer: (parameters: string) => string): PythonGan {
  const { end } = ganPlan(plan);
  const networks = [
    'device = torch.device("cuda" if torch.cuda.is_available() else "cpu")',
    'model = Network().to(device)',
    'parameter_count = sum(parameter.numel() for parameter in model.parameters())',
    'print("Parameters:", parameter_count)',
    `# The generator's weights (the layers up to ${pythonComment(end.node.name)}) and the discriminator's (the layers`,
    '# after it), each with its own optimiser; frozen ones are left out.',
    `generator_parameters = [p for name, p in model.named_parameters() if name.split(".")[0] in GENERATOR_LAYERS and p.requires_grad]`,
    `discriminator_parameters = [p for name, p in model.named_parameters() if name.split(".")[0] not in GENERATOR_LAYERS and p.requires_grad]`,
    `discriminator_optimizer = ${optimizer('discriminator_parameters')} if discriminator_parameters else None`,
    `generator_optimizer = ${optimizer('generator_parameters')} if generator_parameters else None`,
    '',
    '',
    'def cross_entropy(target, probabilities):',
    '    """Keras\' binary cross-entropy on probabilities (the output of a sigmoid), clipped as Keras clips."""',
    '    return F.binary_cross_entropy(probabilities.clamp(1e-7, 1 - 1e-7), torch.full_like(probabilities, target))',
    '',
    '',
    'def train_step(real, noise_for_d, noise_for_g):',
    '    """One batch: the discriminator learns (real 1, generated 0), then the generator learns to be',
    '    called real; each moves only its own weights."""',
    '    model.train()',
    '    fake = model.generate(noise_for_d).detach()',
    '    on_real = model.judge(real)',
    '    on_fake = model.judge(fake)',
    '    d_loss = 0.5 * (cross_entropy(1.0, on_real) + cross_entropy(0.0, on_fake))',
    '    d_accuracy = ((on_real > 0.5).sum() + (on_fake <= 0.5).sum()).item() / (2 * len(real))',
    '    if discriminator_optimizer is not None:',
    '        discriminator_optimizer.zero_grad()',
    '        d_loss.backward()',
    '        discriminator_optimizer.step()',
    '    on_made = model.judge(model.generate(noise_for_g))',
    '    g_loss = cross_entropy(1.0, on_made)',
    '    if generator_optimizer is not None:',
    '        generator_optimizer.zero_grad()',
    '        g_loss.backward()',
    '        generator_optimizer.step()',
    '    return d_loss.item(), g_loss.item(), d_accuracy',
    '',
    '',
    'def draw(noise):',
    '    """The generator\'s images for these noise vectors."""',
    '    model.eval()',
    '    with torch.no_grad():',
    '        return model.generate(torch.from_numpy(noise).to(device)).cpu().numpy()',
    '',
    '',
    'def judge(images):',
    '    """The discriminator\'s probability that each image is real."""',
    '    model.eval()',
    '    with torch.no_grad():',
    '        return model.judge(torch.from_numpy(images).to(device)).cpu().numpy().reshape(-1)',
  ];
  return {
    networks,
    step: 'losses = train_step(torch.from_numpy(real).to(device), torch.from_numpy(noise_for_d).to(device), torch.from_numpy(noise_for_g).to(device))',
  };
}

/**
 * The training section of a Python program for a GAN: the networks, then the loop that trains
 * them in turns and judges every epoch's samples against their nearest real images. NumPy draws
 * the noise from the run's seed; the numbers are not the app's (those are tf.js'), but the loop is.
 */
function pythonGanTraining(plan: ExportPlan, { networks, step }: PythonGan): string[] {
  const settings: TrainingSettings = plan.source.training;
  const { noiseSize } = ganPlan(plan);
  return [
    `# 3. Training a GAN: ${settings.optimizer} at ${settings.learning_rate}, batches of ${settings.batch_size}, the two networks in turns.`,
    `NOISE_SIZE = ${noiseSize}`,
    `BATCH_SIZE = ${settings.batch_size}`,
    "# Noise and the order of the images, drawn from the run's seed.",
    'rng = np.random.default_rng(SEED)',
    ...networks,
    '',
    '',
    'def nearest_real(images):',
    '    """For each image, its nearest real image (mean squared difference): that digit, and the difference."""',
    '    flat = images.reshape(len(images), -1)',
    '    pool = x.reshape(len(x), -1)',
    '    differences = ((flat[:, None, :] - pool[None, :, :]) ** 2).mean(axis=2)',
    '    best = differences.argmin(axis=1)',
    '    return labels[best], differences[np.arange(len(flat)), best]',
    '',
    '',
    `# The same ${ganSampleCount} noise vectors every epoch: the samples change because the generator does.`,
    `fixed_noise = rng.standard_normal((${ganSampleCount}, NOISE_SIZE)).astype("float32")`,
    'final = {}',
    'for epoch in range(1, args.epochs + 1):',
    settings.shuffle ? '    order = rng.permutation(sample_count)' : '    order = np.arange(sample_count)',
    '    sums = np.zeros(3)',
    '    batches = 0',
    '    for start in range(0, sample_count, BATCH_SIZE):',
    '        real = x[order[start : start + BATCH_SIZE]]',
    '        noise_for_d = rng.standard_normal((len(real), NOISE_SIZE)).astype("float32")',
    '        noise_for_g = rng.standard_normal((len(real), NOISE_SIZE)).astype("float32")',
    `        ${step}`,
    '        sums += [float(value) for value in losses]',
    '        batches += 1',
    '    nearest_labels, differences = nearest_real(draw(fixed_noise))',
    '    logs = {',
    '        "d_loss": sums[0] / batches,',
    '        "g_loss": sums[1] / batches,',
    '        "d_accuracy": sums[2] / batches,',
    '        # How far each sample is from its nearest real image, and how many digits those are.',
    '        "sample_distance": float(differences.mean()),',
    '        "sample_classes": len(set(nearest_labels.tolist())),',
    '    }',
    '    print(f"Epoch {epoch}/{args.epochs}: " + ", ".join(f"{name} {value:.4f}" for name, value in logs.items()))',
    '    if not np.isfinite(logs["d_loss"]) or not np.isfinite(logs["g_loss"]):',
    '        print("A loss is no longer a number: training diverged, so it stops here.")',
    '        break',
    '    final = logs',
    '# One line a script can read.',
    'print("FINAL", json.dumps(final))',
  ];
}

/** The question section of a Python program for a GAN: the image of the lesson's noise seed. */
function pythonGanQuestion(plan: ExportPlan): string[] {
  const { imageShape } = ganPlan(plan);
  const seed = plan.query.kind === 'seed' ? plan.query.seed : 1;
  const width = imageShape[1] ?? 8;
  return [
    `# 4. Ask the trained generator, as LayerLab's playground does: which image does noise seed ${seed} make?`,
    `query_seed = ${seed}`,
    'query_image = draw(np.random.default_rng(query_seed).standard_normal((1, NOISE_SIZE)).astype("float32"))',
    'realness = float(judge(query_image)[0])',
    'nearest_label, difference = nearest_real(query_image)',
    'SHADES = " .:-=+*#%@"',
    `for row in query_image.reshape(-1, ${width}):`,
    '    print("".join(SHADES[int(np.clip(round(value * 9), 0, 9))] for value in row))',
    'print(',
    '    f"Seed {query_seed}: real, says the discriminator: {realness:.2f}; "',
    '    f"nearest real image: a {nearest_label[0]} (mean squared difference {difference[0]:.4f})"',
    ')',
  ];
}

/** The training and question sections of a Python program for a GAN, as `framework` writes it. */
export function pythonGanSections(plan: ExportPlan, framework: PythonGan): string[][] {
  return [pythonGanTraining(plan, framework), pythonGanQuestion(plan)];
}
