/**
 * Every lesson template in templates/, end to end: it loads and validates, its network has no
 * errors, it trains in full with the engine the app and the command line use, and the trained
 * network gives the lesson's result; so does each variant. A new template file is picked up
 * without touching this test.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeGraph } from '../shared/graph/analyze';
import { checkExpectation } from '../shared/templates/expectation';
import { evaluateModel, suggestedThreshold, thresholdCounts } from '../shared/training/evaluate';
import { decodeWeights } from '../shared/vocabulary/weights';
import {
  applyVariant,
  carryInto,
  loadTemplates,
  parseTemplate,
  type LessonRun,
  type Template,
  type TemplateVariant,
} from '../shared/templates/template';
import { runTraining } from '../shared/training/run';
import { carriedLayers } from './helpers/carried-layers';

const directory = path.join(import.meta.dirname, '..', 'templates');
const golden = (...parts: string[]) => path.join(import.meta.dirname, 'golden', ...parts);

/**
 * A run's figures as golden.test.ts keeps the rest of a lesson's behaviour: its status, epochs and
 * final logs to 6 significant digits (the same seed on the same backend gives the same run; the
 * rounding leaves room for a different libm in the last bits, not for a changed computation).
 */
function trainingFigures(outcome: { status: string; epochsCompleted: number; finalLogs: Record<string, number> }) {
  const logs = Object.fromEntries(
    Object.entries(outcome.finalLogs)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => [name, Number(value.toPrecision(6))]),
  );
  return `${JSON.stringify({ status: outcome.status, epochs: outcome.epochsCompleted, logs }, null, 1)}\n`;
}
const files = readdirSync(directory)
  .filter((name) => name.endsWith('.json'))
  .sort()
  .map((name) => ({ name, content: readFileSync(path.join(directory, name), 'utf8') }));

/** Each file's template, or null when it does not load (its own test says why). */
const loaded = new Map(
  files.map((file) => {
    const result = parseTemplate(file.name, file.content);
    return [file.name, result.ok ? result.template : null] as const;
  }),
);

const variants = [...loaded].flatMap(([name, template]) =>
  (template?.variants ?? []).map((variant) => ({ name, id: variant.id })),
);

/**
 * Epochs to train a template for instead of its own setting. Every lesson so far trains in full
 * on the CPU backend, the longest (lesson 4.2's GRU variant) in about 41 s alone; a future
 * template whose full run is longer may set fewer epochs here (and the expectation it checks must
 * still hold after them).
 */
const epochLimit: Partial<Record<string, number>> = {};

/**
 * The longest run (lesson 4.2's GRU variant) takes about 41 s alone; beside the other test
 * files on a shared 2-core machine it takes longer, so each run has three minutes.
 */
const trainingTimeout = 180_000;

/** Every template that loads, for the lessons that carry another's layers. */
const allTemplates = [...loaded.values()].filter((template) => template !== null);

function templateOf(name: string): Template {
  const template = loaded.get(name);
  if (!template) throw new Error(`${name} does not load`);
  return template;
}

/**
 * Trains the template (as `variant` changes it) and checks its expectation; the model is
 * disposed. A lesson that carries a base lesson's layers gets them first, as the learner does,
 * and its frozen layers must come out of training exactly as they went in.
 */
async function trainAndCheck(template: Template, variant?: TemplateVariant) {
  const layers = await carriedLayers(template, allTemplates);
  const run: LessonRun = applyVariant({ ...template, graph: carryInto(template.graph, layers) }, variant);
  const settings = { ...run.training, epochs: epochLimit[template.id] ?? run.training.epochs };
  const result = await runTraining(tf, { graph: run.graph, data: run.data, settings });
  if (!result.ok) throw new Error(`${template.id} cannot train: ${JSON.stringify(result)}`);
  try {
    for (const node of run.graph.nodes.filter((candidate) => candidate.frozen === true && candidate.carried)) {
      const after = result.model.getLayer(node.name).getWeights();
      const before = decodeWeights(node.carried ?? { weights: [] });
      expect(
        after.map((tensor) => Array.from(tensor.dataSync())),
        `${node.name} is frozen`,
      ).toEqual(before.map((weight) => Array.from(weight.values)));
    }
    const check = checkExpectation(
      tf,
      result.model,
      result.mode,
      run.data,
      result.dataset,
      run.expected,
      result.outcome.finalLogs,
    );
    const evaluation = evaluateModel(tf, result.model, run.data, result.dataset, settings.validation_split);
    return { outcome: result.outcome, check, evaluation };
  } finally {
    result.model.dispose();
  }
}

let baseline = 0;
beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
  // The CPU backend's first tensor advises installing tfjs-node; these tests run tf.js itself on purpose.
  const production = tf.env().getBool('PROD');
  tf.env().set('PROD', true);
  tf.dispose(tf.scalar(0));
  tf.env().set('PROD', production);
  baseline = tf.memory().numTensors;
});

describe('every template', () => {
  it('the directory holds templates, with distinct ids', () => {
    expect(files.length).toBeGreaterThan(0);
    const { templates, broken } = loadTemplates(files);
    expect(broken).toEqual([]);
    const ids = templates.map((template) => template.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(files.map((file) => file.name))('%s loads, validates, and its network has no errors', (name) => {
    const file = files.find((entry) => entry.name === name);
    const result = parseTemplate(name, file?.content);
    expect(result).toEqual(expect.objectContaining({ ok: true }));
    const analysis = analyzeGraph(templateOf(name).graph);
    expect(analysis.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it.each(files.map((file) => file.name))(
    '%s trains in full and gives the lesson’s result',
    async (name) => {
      const template = templateOf(name);
      const { outcome, check, evaluation } = await trainAndCheck(template);
      expect(outcome.status).toBe('completed');
      await expect(trainingFigures(outcome)).toMatchFileSnapshot(golden(template.id, 'training.json'));
      expect(check.details.join(', ')).not.toMatch(/≠|outside|misses|cannot/);
      expect(check.met).toBe(true);
      // The playground's picture of the held-out data agrees with what training reported.
      const logs = outcome.finalLogs;
      if (evaluation?.kind === 'confusion') {
        const accuracy = logs.val_accuracy ?? logs.accuracy;
        if (template.training.loss !== 'binary_crossentropy' && accuracy !== undefined)
          expect(evaluation.correct / evaluation.total).toBeCloseTo(accuracy, 5);
        expect(evaluation.matrix.flat().reduce((sum, count) => sum + count, 0)).toBe(evaluation.total);
      }
      if (evaluation?.kind === 'reconstruction') {
        const usual = evaluation.items.filter((item) => !item.unusual);
        const mean = usual.reduce((sum, item) => sum + item.error, 0) / usual.length;
        expect(mean).toBeCloseTo(logs.val_loss ?? logs.loss ?? Number.NaN, 4);
        const unusual = evaluation.items.filter((item) => item.unusual);
        if (unusual.length > 0) {
          // Images of classes never trained on come back worse: at the suggested threshold, most are caught.
          const counts = thresholdCounts(evaluation.items, suggestedThreshold(evaluation.items));
          expect(counts.caught / unusual.length).toBeGreaterThan(0.5);
        }
      }
    },
    trainingTimeout,
  );

  // A template without variants adds no case here; `it.each` of nothing would fail, so skip instead.
  it.skipIf(variants.length === 0).each(variants)(
    '$name, variant $id, trains and gives its result',
    async (entry) => {
      const template = templateOf(entry.name);
      const variant = template.variants.find((candidate) => candidate.id === entry.id);
      const { outcome, check } = await trainAndCheck(template, variant);
      expect(outcome.status).toBe('completed');
      await expect(trainingFigures(outcome)).toMatchFileSnapshot(golden(`${template.id}.${entry.id}`, 'training.json'));
      expect(check.details.join(', ')).not.toMatch(/≠|outside|misses|cannot/);
      expect(check.met).toBe(true);
    },
    trainingTimeout,
  );
});

describe('a broken template', () => {
  const good = files[0];
  const mutated = (change: (json: Record<string, unknown>) => void): string => {
    const json = JSON.parse(good?.content ?? '{}') as Record<string, unknown>;
    change(json);
    return JSON.stringify(json);
  };
  type Json = Record<string, unknown> & { nodes: Record<string, unknown>[] };

  it('is reported by its file name, saying where, and the good ones still load', () => {
    const broken = [
      { name: 'bad-json.json', content: '{ "templateVersion": 1, "id": }' },
      {
        name: 'unknown-kind.json',
        content: mutated((json) => {
          const node = (json.graph as Json).nodes[1];
          if (node) node.kind = 'Transformer';
        }),
      },
      {
        name: 'no-such-layer.json',
        content: mutated((json) => {
          (json.steps as Record<string, unknown>[])[0] = {
            title: { es: 'Mira', en: 'Look' },
            body: { es: 'Esta capa.', en: 'This layer.' },
            highlight: { layer: 'lstm' },
          };
        }),
      },
      { name: 'no-expected.json', content: mutated((json) => delete json.expected) },
    ];
    const { templates, broken: reported } = loadTemplates([...files, ...broken]);
    expect(templates.map((template) => template.id).sort()).toEqual([...loaded.values()].map((t) => t?.id).sort());
    expect(reported).toEqual([
      // V8 names the place by its position, or (Node 20) by quoting the text around it.
      { name: 'bad-json.json', message: expect.stringMatching(/^not JSON: .*(position 30|"id": \})/) },
      { name: 'unknown-kind.json', message: 'graph.nodes.1.kind: unknown layer kind' },
      { name: 'no-such-layer.json', message: 'steps.0.highlight: no layer is called lstm' },
      { name: 'no-expected.json', message: expect.stringMatching(/^expected: /) },
    ]);
  });
});

afterAll(() => {
  // Checked last, over every run above: training, prediction and disposal leave nothing behind.
  expect(tf.memory().numTensors, 'tensors left behind').toBe(baseline);
});
