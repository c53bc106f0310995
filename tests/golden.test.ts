/**
 * Golden files of today's behaviour, for every lesson and each of its variants: what the canvas
 * shows of its network (shapes, parameters, problems), the dataset its recipe builds, how the
 * playground encodes the lesson's question, the TypeScript, Keras and PyTorch programs it exports
 * byte for byte, and the tf.js model it exports. A change to any of them fails here with the
 * difference; one made on purpose is accepted with `npx vitest run tests/golden.test.ts -u`, and
 * the diff of tests/golden/ is then part of the commit that explains it.
 *
 * The lessons' training figures are golden too, in templates.test.ts, where each lesson trains.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportKeras } from '../shared/codegen/keras';
import type { ExportSource } from '../shared/codegen/plan';
import { exportPytorch } from '../shared/codegen/pytorch';
import { exportTypeScript } from '../shared/codegen/typescript';
import { buildDataset, type TensorData } from '../shared/data/build';
import { analyzeGraph } from '../shared/graph/analyze';
import { compileGraph } from '../shared/graph/compile';
import type { CarriedWeights, Graph } from '../shared/graph/types';
import { encodeWeights } from '../shared/vocabulary/weights';
import { applyVariant, carryInto, parseTemplate, type Template } from '../shared/templates/template';
import { exportTfjsModel } from '../shared/tfjs-model/export';
import { defaultQuery, encodeQuery } from '../shared/training/predict';

const root = process.cwd();
const golden = (...parts: string[]) => path.join(root, 'tests', 'golden', ...parts);

const templates = readdirSync(path.join(root, 'templates'))
  .filter((file) => file.endsWith('.json'))
  .sort()
  .map((file) => {
    const loaded = parseTemplate(file, readFileSync(path.join(root, 'templates', file), 'utf8'));
    if (!loaded.ok) throw new Error(`${file}: ${loaded.message}`);
    return loaded.template;
  });

/** Every lesson as the learner opens it, then each of its variants. */
const cases = templates.flatMap((template) => [
  { id: template.id, template, variant: undefined },
  ...template.variants.map((variant) => ({ id: `${template.id}.${variant.id}`, template, variant })),
]);

function sha256(bytes: ArrayBufferView): string {
  return createHash('sha256')
    .update(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
    .digest('hex');
}

/** A tensor as its shape, type and a hash of its bytes: any changed value changes the hash. */
function tensorDigest(data: TensorData) {
  return { shape: data.shape, dtype: data.dtype, sha256: sha256(data.values) };
}

/** The weights a graph starts with under seed 1, as tf.js builds them. */
function seededWeights(graph: Graph) {
  const built = compileGraph(graph, tf, { seed: 1 });
  if (!built.ok) throw new Error('the network does not compile');
  try {
    return built.model.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() }));
  } finally {
    built.model.dispose();
  }
}

/**
 * The layers a lesson carries, with its base's seeded starting weights instead of trained ones:
 * the exports' carried sections are then written as for a learner, without training the base.
 */
function seededCarried(template: Template): Record<string, CarriedWeights> {
  const carries = template.carries;
  if (!carries) return {};
  const base = templates.find((candidate) => candidate.id === carries.from);
  if (!base) throw new Error(`${template.id} carries from ${carries.from}, which does not load`);
  const built = compileGraph(base.graph, tf, { seed: 1 });
  if (!built.ok) throw new Error(`${base.id} does not compile`);
  try {
    return Object.fromEntries(
      carries.layers.map((name) => [
        name,
        {
          from: base.title.en,
          weights: encodeWeights(
            built.model
              .getLayer(name)
              .getWeights()
              .map((weight) => ({ shape: weight.shape, values: weight.dataSync() })),
          ),
        },
      ]),
    );
  } finally {
    built.model.dispose();
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe.each(cases)('golden: $id', ({ id, template, variant }) => {
  const lesson = applyVariant({ ...template, graph: carryInto(template.graph, seededCarried(template)) }, variant);
  const source: ExportSource = {
    name: template.title.en,
    graph: lesson.graph,
    data: lesson.data,
    training: lesson.training,
  };
  const options = { query: template.expected.input };

  it('the canvas shows the same shapes, parameters and problems', async () => {
    const analysis = analyzeGraph(lesson.graph);
    const names = new Map(lesson.graph.nodes.map((node) => [node.id, node.name]));
    const canvas = {
      layers: analysis.order.map((nodeId) => {
        const node = analysis.nodes.get(nodeId);
        return { name: names.get(nodeId), output: node?.shape ?? null, params: node?.params ?? null };
      }),
      totalParams: analysis.totalParams,
      problems: analysis.problems.map((problem) => ({
        code: problem.code,
        severity: problem.severity,
        layer: problem.nodeId === null ? null : (names.get(problem.nodeId) ?? null),
        param: problem.param ?? null,
        values: problem.values,
        fix: problem.fix ?? null,
      })),
    };
    await expect(`${JSON.stringify(canvas, null, 1)}\n`).toMatchFileSnapshot(golden(id, 'canvas.json'));
  });

  it('the recipe builds the same dataset, and the playground encodes the question the same way', async () => {
    const built = buildDataset(lesson.data);
    if (!built.ok) throw new Error(`${id}: ${built.field}: ${built.problem.en}`);
    const { dataset } = built;
    const query = encodeQuery(lesson.data, dataset, template.expected.input ?? defaultQuery(lesson.data));
    const data = {
      x: tensorDigest(dataset.x),
      y: tensorDigest(dataset.y),
      target: dataset.target,
      preview: dataset.preview.slice(0, 5),
      words: dataset.words?.slice(0, 20) ?? null,
      images:
        dataset.images === undefined
          ? null
          : {
              size: [dataset.images.height, dataset.images.width, dataset.images.channels],
              classes: dataset.images.sampleClasses.length,
              unusual: dataset.images.unusual === null ? null : tensorDigest(dataset.images.unusual.x),
            },
      query: query.ok ? { shape: query.shape, sha256: sha256(query.values) } : { refused: query.problem.en },
    };
    await expect(`${JSON.stringify(data, null, 1)}\n`).toMatchFileSnapshot(golden(id, 'data.json'));
  });

  it('exports the same TypeScript, Keras and PyTorch programs', async () => {
    const typescript = await exportTypeScript(source, options);
    const keras = exportKeras(source, options);
    const pytorch = exportPytorch(source, options);
    if (!typescript.ok || !keras.ok || !pytorch.ok) throw new Error(`${id}: an export was refused`);
    await expect(typescript.files['model.ts']).toMatchFileSnapshot(golden(id, 'model.ts.txt'));
    await expect(typescript.files['package.json']).toMatchFileSnapshot(golden(id, 'package.json.txt'));
    await expect(keras.code).toMatchFileSnapshot(golden(id, 'keras.py.txt'));
    await expect(pytorch.code).toMatchFileSnapshot(golden(id, 'pytorch.py.txt'));
  });

  it('exports the same tf.js model', async () => {
    const exported = await exportTfjsModel(tf, lesson.graph, {
      weights: encodeWeights(seededWeights(lesson.graph)),
    });
    if (!exported.ok) throw new Error(`${id}: the tf.js export was refused`);
    const model = { ...exported.modelJson, weightsBinSha256: sha256(exported.weightsBin) };
    await expect(`${JSON.stringify(model, null, 1)}\n`).toMatchFileSnapshot(golden(id, 'tfjs-model.json'));
  });
});
