/**
 * The trained layers a lesson carries from its base lesson, as the learner gets them: the base
 * lesson trained in full as its template says (on tf.js' current backend), then its layers of the
 * names the lesson lists. Each base is trained once per test file, however many lessons ask.
 */
import * as tf from '@tensorflow/tfjs';
import type { CarriedWeights } from '../../shared/graph/types';
import { encodeWeights } from '../../shared/vocabulary/weights';
import type { Template } from '../../shared/templates/template';
import { runTraining } from '../../shared/training/run';

const trainedBases = new Map<string, Promise<Record<string, CarriedWeights>>>();

export function carriedLayers(
  template: Template,
  templates: readonly Template[],
): Promise<Record<string, CarriedWeights>> {
  const carries = template.carries;
  if (!carries) return Promise.resolve({});
  const cached = trainedBases.get(carries.from);
  if (cached) return cached;
  const trained = (async () => {
    const base = templates.find((candidate) => candidate.id === carries.from);
    if (!base) throw new Error(`${template.id} carries layers from ${carries.from}, which does not load`);
    const result = await runTraining(tf, { graph: base.graph, data: base.data, settings: base.training });
    if (!result.ok) throw new Error(`${base.id} cannot train: ${JSON.stringify(result)}`);
    try {
      return Object.fromEntries(
        carries.layers.map((name) => {
          const weights = result.model.getLayer(name).getWeights();
          return [
            name,
            { from: base.id, weights: encodeWeights(weights.map((w) => ({ shape: w.shape, values: w.dataSync() }))) },
          ];
        }),
      );
    } finally {
      result.model.dispose();
    }
  })();
  trainedBases.set(carries.from, trained);
  return trained;
}
