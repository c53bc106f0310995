/**
 * Real models other people saved and published (tests/fixtures/public-models/, sources and
 * licenses in its SOURCES.md): each row says what `layerlab import` must make of one. An imported
 * model has the weight count its manifest gives, and LayerLab's network answers as tf.js' own
 * loader, reading the same files, does; a refused one names its real cause.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../shared/graph/compile';
import { importTfjsModel } from '../shared/tfjs-model/import';
import { decodeWeights } from '../shared/vocabulary/weights';
import { createRandom } from '../shared/math/random';

const folder = path.join(process.cwd(), 'tests', 'fixtures', 'public-models');

type Row =
  | { id: string; what: string; imports: { params: number; kinds: string[] } }
  | { id: string; what: string; refused: string };

const table: Row[] = [
  {
    id: 'ml5-dino-dense',
    what: 'an ml5.js save, its weights at "./model.weights.bin"',
    imports: { params: 594, kinds: ['Input', 'Dense', 'Dense'] },
  },
  {
    id: 'keras-charlstm-2groups',
    what: "Keras 2.1.5's converter: no format key, two weight groups, hard-sigmoid LSTM gates",
    imports: { params: 102_585, kinds: ['Input', 'LSTM', 'Dense', 'Activation'] },
  },
  {
    id: 'keras-divorce-relu',
    what: "Keras 2.7's converter: a Dense whose activation is a saved ReLU layer, then a Softmax layer",
    imports: { params: 110, kinds: ['Input', 'Dropout', 'Dense', 'Softmax'] },
  },
  {
    id: 'graph-model-gesture',
    what: 'a graph model, which is TensorFlow ops rather than layers',
    refused: 'model.json is a "graph-model" model; LayerLab imports tf.js layers models (format "layers-model") only',
  },
];

interface Manifest {
  modelTopology: unknown;
  weightsManifest: { paths: string[]; weights: tf.io.WeightsManifestEntry[] }[];
}

const readModel = (id: string): Manifest =>
  JSON.parse(readFileSync(path.join(folder, id, 'model.json'), 'utf8')) as Manifest;

/** A weight file named in the manifest, read from the model's folder (tf.js resolves "./" alike). */
const weightFile = (id: string) => (name: string) => new Uint8Array(readFileSync(path.join(folder, id, name)));

/** The model as tf.js itself loads the same files: every group's shards joined in manifest order. */
async function loadedByTfjs(id: string, manifest: Manifest): Promise<tf.LayersModel> {
  const read = weightFile(id);
  const parts = manifest.weightsManifest.flatMap((group) => group.paths.map((name) => read(name.replace(/^\.\//, ''))));
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: manifest.modelTopology as tf.io.ModelJSON['modelTopology'],
      weightSpecs: manifest.weightsManifest.flatMap((group) => group.weights),
      weightData: joined.buffer,
    }),
  );
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each(table)('$id: $what', (row) => {
  if ('refused' in row) {
    it('is refused, naming the real cause', () => {
      const manifest = readModel(row.id);
      const result = importTfjsModel(manifest, (name) => weightFile(row.id)(name.replace(/^\.\//, '')));
      expect(result.ok ? 'imported' : result.message).toBe(row.refused);
    });
    return;
  }
  it('imports with the manifest’s weight count, and answers as tf.js’ own loader does', async () => {
    const manifest = readModel(row.id);
    const result = importTfjsModel(manifest, (name) => weightFile(row.id)(name.replace(/^\.\//, '')));
    if (!result.ok) throw new Error(result.message);
    expect(result.graph.nodes.map((node) => node.kind)).toEqual(row.imports.kinds);
    const manifestCount = manifest.weightsManifest
      .flatMap((group) => group.weights)
      .reduce((sum, weight) => sum + weight.shape.reduce((a, b) => a * b, 1), 0);
    expect(manifestCount).toBe(row.imports.params);

    const compiled = compileGraph(result.graph, tf);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.problems));
    expect(compiled.model.countParams()).toBe(row.imports.params);
    compiled.model.setWeights(decodeWeights(result.trained).map((weight) => tf.tensor(weight.values, weight.shape)));
    const original = await loadedByTfjs(row.id, manifest);
    // Two made-up samples in [−1, 1] of the model's input shape.
    const random = createRandom(5);
    const shape = [2, ...(original.inputs[0]?.shape.slice(1) ?? []).map((size) => size ?? 1)];
    const samples = tf.tensor(
      Array.from({ length: shape.reduce((a, b) => a * b, 1) }, () => random() * 2 - 1),
      shape,
    );
    const theirs = (original.predict(samples) as tf.Tensor).dataSync();
    const ours = (compiled.model.predict(samples) as tf.Tensor).dataSync();
    expect(ours.length).toBe(theirs.length);
    ours.forEach((value, index) => expect(value).toBeCloseTo(theirs[index] ?? NaN, 5));
    tf.dispose([samples]);
    original.dispose();
    compiled.model.dispose();
  });
});
