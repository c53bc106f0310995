/**
 * Lesson templates: a network of the course with its data recipe, its training settings, its
 * steps in Spanish and English and the result it must reach. Versioned and schema-checked like a
 * project; a broken template is reported by its file name, never thrown. Reads nothing but its
 * arguments.
 */
import { z } from 'zod';
import { dataSpecSchema, type DataSpec } from '../data/spec.js';
import { withDefaultParams, type CarriedWeights, type Graph, type LayerNode } from '../graph/types.js';
import type { Localized } from '../vocabulary/localized.js';
import { defaultParamsOf, isLayerKind, type LayerKind } from '../layers/registry.js';
import { graphSchema } from '../project/project.js';
import { trainingParams, trainingSettingsSchema, type TrainingSettings } from '../training/settings.js';

export const currentTemplateVersion = 1;

const localized = z.object({ es: z.string().min(1).max(4000), en: z.string().min(1).max(4000) }).strict();

const settingNames: [string, ...string[]] = ['metrics', 'backend', ...Object.keys(trainingParams)];

/** What a step points at when the learner asks to be shown. */
const highlightSchema = z.union([
  z.object({ layer: z.string().min(1).max(64) }).strict(),
  z.object({ setting: z.enum(settingNames) }).strict(),
  z.object({ tab: z.enum(['data', 'training', 'playground']) }).strict(),
  /**
   * A view inside the network: watched while it trains, a layer looked inside in the playground
   * (with its gates), or a sample followed forward and backward by hand.
   */
  z
    .object({
      inside: z.enum(['training', 'playground', 'by-hand']),
      layer: z.string().min(1).max(64).optional(),
      gates: z.boolean().optional(),
    })
    .strict(),
]);

const metricTargetSchema = z
  .object({ name: z.string(), atLeast: z.number().finite().optional(), atMost: z.number().finite().optional() })
  .strict();

/**
 * What the trained network must answer to `input`: a class, or a number within a range; or only a
 * metric it must reach (or stay under, for a lesson about what a network cannot learn).
 */
const expectationSchema = z
  .object({
    input: z.string().min(1).max(200),
    answer: z.string().max(200).optional(),
    value: z.object({ min: z.number().finite(), max: z.number().finite() }).strict().optional(),
    /** A metric of the last epoch that must reach a figure, e.g. accuracy 1. */
    metric: metricTargetSchema.optional(),
    /** More metrics that must hold too: a GAN's samples must be both close to real and varied. */
    alsoMetrics: z.array(metricTargetSchema).max(5).optional(),
  })
  .strict()
  .refine(
    (expected) => expected.answer !== undefined || expected.value !== undefined || expected.metric !== undefined,
    { message: 'an expectation needs an answer, a value range or a metric' },
  );

/**
 * A layer a variant changes, by name: to another kind (an LSTM in place of a SimpleRNN, keeping
 * its place and wires) and/or with other settings (tanh instead of sigmoid).
 */
const layerChangeSchema = z
  .object({
    layer: z.string().min(1).max(64),
    kind: z.string().refine(isLayerKind, { message: 'unknown layer kind' }).optional(),
    params: z.record(z.string(), z.unknown()).optional(),
    /** Freeze the layer, or let it learn again. */
    frozen: z.boolean().optional(),
    /** `false`: forget the weights it carries, so it starts from drawn ones (a from-scratch run). */
    carried: z.literal(false).optional(),
  })
  .strict();

/**
 * Layers this lesson takes, trained, from another: transfer learning. The learner trains the
 * `from` lesson, then brings its layers of these names into this one.
 */
const carriesSchema = z
  .object({
    from: z.string().regex(/^[a-z0-9-]+$/),
    layers: z.array(z.string().min(1).max(64)).min(1).max(50),
  })
  .strict();

/** Changes a step can apply in one click (the exercise's better variant, another layer to compare). */
const variantSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    label: localized,
    data: dataSpecSchema.optional(),
    training: trainingSettingsSchema.partial().optional(),
    layers: z.array(layerChangeSchema).max(20).optional(),
    expected: expectationSchema,
  })
  .strict();

const stepSchema = z
  .object({
    title: localized,
    body: localized,
    highlight: highlightSchema.optional(),
    /** The id of a variant this step offers to apply. */
    variant: z.string().optional(),
  })
  .strict();

export const templateSchema = z
  .object({
    templateVersion: z.literal(currentTemplateVersion),
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** The course module (1–7) and the lesson within it, e.g. "4.1". */
    module: z.number().int().min(1).max(7),
    lesson: z.string().regex(/^[1-7]\.[0-9]+$/),
    order: z.number().int().min(0),
    title: localized,
    summary: localized,
    graph: graphSchema,
    data: dataSpecSchema,
    training: trainingSettingsSchema,
    steps: z.array(stepSchema).min(1).max(50),
    expected: expectationSchema,
    variants: z.array(variantSchema).max(10).default([]),
    carries: carriesSchema.optional(),
  })
  .strict()
  .superRefine((template, context) => {
    const names = new Set(template.graph.nodes.map((node) => node.name));
    (template.carries?.layers ?? []).forEach((layer, position) => {
      if (!names.has(layer)) {
        context.addIssue({
          code: 'custom',
          path: ['carries', 'layers', position],
          message: `no layer is called ${layer}`,
        });
      }
    });
    template.variants.forEach((variant, index) => {
      (variant.layers ?? []).forEach((change, position) => {
        if (!names.has(change.layer)) {
          context.addIssue({
            code: 'custom',
            path: ['variants', index, 'layers', position, 'layer'],
            message: `no layer is called ${change.layer}`,
          });
        }
      });
    });
    template.steps.forEach((step, index) => {
      if (
        step.highlight &&
        'layer' in step.highlight &&
        step.highlight.layer !== undefined &&
        !names.has(step.highlight.layer)
      ) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'highlight'],
          message: `no layer is called ${step.highlight.layer}`,
        });
      }
      if (step.variant && !template.variants.some((variant) => variant.id === step.variant)) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'variant'],
          message: `no variant is called ${step.variant}`,
        });
      }
    });
  });

export type Expectation = z.infer<typeof expectationSchema>;
export type TemplateStep = z.infer<typeof stepSchema>;
export type LayerChange = {
  layer: string;
  kind?: LayerKind;
  params?: Record<string, unknown>;
  frozen?: boolean;
  carried?: false;
};
export type Carries = z.infer<typeof carriesSchema>;
export type TemplateVariant = Omit<z.infer<typeof variantSchema>, 'training' | 'layers'> & {
  training?: Partial<TrainingSettings>;
  layers?: LayerChange[];
};

export interface Template {
  id: string;
  module: number;
  lesson: string;
  order: number;
  title: Localized;
  summary: Localized;
  graph: Graph;
  data: DataSpec;
  training: TrainingSettings;
  steps: TemplateStep[];
  expected: Expectation;
  variants: TemplateVariant[];
  carries?: Carries;
}

export type TemplateLoad = { ok: true; template: Template } | { ok: false; name: string; message: string };

/** Checks one template file's contents (already parsed JSON, or text). */
export function parseTemplate(name: string, content: unknown): TemplateLoad {
  let json = content;
  if (typeof content === 'string') {
    try {
      json = JSON.parse(content);
    } catch (thrown) {
      return { ok: false, name, message: `not JSON: ${thrown instanceof Error ? thrown.message : String(thrown)}` };
    }
  }
  const parsed = templateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, name, message: `${issue?.path.join('.') || 'the file'}: ${issue?.message ?? 'invalid'}` };
  }
  const { templateVersion: _version, ...template } = parsed.data;
  return {
    ok: true,
    template: {
      ...template,
      graph: { nodes: template.graph.nodes.map(withDefaultParams), wires: template.graph.wires },
      training: template.training as TrainingSettings,
      variants: template.variants as TemplateVariant[],
    },
  };
}

/** Loads every template, in course order; broken ones are listed by name beside the good ones. */
export function loadTemplates(files: { name: string; content: unknown }[]): {
  templates: Template[];
  broken: { name: string; message: string }[];
} {
  const templates: Template[] = [];
  const broken: { name: string; message: string }[] = [];
  for (const file of files) {
    const loaded = parseTemplate(file.name, file.content);
    if (loaded.ok) templates.push(loaded.template);
    else broken.push({ name: loaded.name, message: loaded.message });
  }
  templates.sort(
    (a, b) => a.module - b.module || a.lesson.localeCompare(b.lesson, 'en', { numeric: true }) || a.order - b.order,
  );
  return { templates, broken };
}

/** What a lesson trains on and must reach, with a variant's changes on top when one is given. */
export interface LessonRun {
  graph: Graph;
  data: DataSpec;
  training: TrainingSettings;
  expected: Expectation;
}

/**
 * One layer as a variant changes it: a new kind starts from that kind's defaults, keeping the
 * settings both kinds share (an LSTM keeps the SimpleRNN's units); given settings go on top.
 */
export function changeLayer(node: LayerNode, change: LayerChange): LayerNode {
  const kind = change.kind ?? node.kind;
  const kept =
    kind === node.kind
      ? node.params
      : Object.fromEntries(
          Object.entries(defaultParamsOf(kind)).map(([name, value]) => [
            name,
            Object.hasOwn(node.params, name) ? (node.params as Record<string, unknown>)[name] : value,
          ]),
        );
  const { frozen, carried, ...rest } = node;
  const frozenNow = change.frozen ?? frozen;
  // Weights trained for another kind do not fit this one.
  const carriedNow = change.carried === false || kind !== node.kind ? undefined : carried;
  return {
    ...rest,
    kind,
    params: { ...kept, ...change.params },
    ...(frozenNow ? { frozen: true } : {}),
    ...(carriedNow ? { carried: carriedNow } : {}),
  } as LayerNode;
}

/** The graph with trained weights carried into the layers of the names given; others as they are. */
export function carryInto(graph: Graph, layers: Readonly<Record<string, CarriedWeights>>): Graph {
  return {
    nodes: graph.nodes.map((node) => {
      const carried = Object.hasOwn(layers, node.name) ? layers[node.name] : undefined;
      return carried ? ({ ...node, carried } as LayerNode) : node;
    }),
    wires: graph.wires,
  };
}

/** The graph with a variant's layer changes made, by layer name. */
export function variantGraph(graph: Graph, changes: readonly LayerChange[] = []): Graph {
  if (changes.length === 0) return graph;
  return {
    nodes: graph.nodes.map((node) => {
      const change = changes.find((candidate) => candidate.layer === node.name);
      return change ? changeLayer(node, change) : node;
    }),
    wires: graph.wires,
  };
}

/** The template's run as `variant` changes it: its network, data, training settings, expectation. */
export function applyVariant(template: Template, variant?: TemplateVariant): LessonRun {
  if (!variant)
    return { graph: template.graph, data: template.data, training: template.training, expected: template.expected };
  return {
    graph: variantGraph(template.graph, variant.layers),
    data: variant.data ?? template.data,
    training: { ...template.training, ...variant.training },
    expected: variant.expected,
  };
}

/** The course's modules, for the gallery's headings. */
export const courseModules: Record<number, Localized> = {
  1: { es: 'Introducción al deep learning', en: 'Introduction to deep learning' },
  2: { es: 'Fundamentos de redes neuronales', en: 'Neural network fundamentals' },
  3: { es: 'Redes convolucionales', en: 'Convolutional networks' },
  4: { es: 'Redes recurrentes', en: 'Recurrent networks' },
  5: { es: 'Técnicas avanzadas', en: 'Advanced techniques' },
  6: { es: 'Herramientas y frameworks', en: 'Tools and frameworks' },
  7: { es: 'Proyectos prácticos', en: 'Hands-on projects' },
};
