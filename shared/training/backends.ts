/**
 * Which tf.js backend trains a network: the fastest one the machine really has that can compute
 * every gradient the network needs. Pure: the worker probes the machine and passes what it found.
 * Reads nothing but its arguments.
 */
import { layerDef, layerKinds, type LayerKind } from '../layers/registry.js';
import { joinLocalized, type Localized } from '../vocabulary/localized.js';
import { wasmKernelsLayerLabAdds } from './fast-kernels.js';

export const backendNames = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof backendNames)[number];
export type BackendPreference = BackendName | 'auto';

/** What the worker found on this machine. */
export interface BackendEnvironment {
  webgpu: { available: boolean; software: boolean; adapter: string };
  webgl: { available: boolean; software: boolean; renderer: string };
  wasm: boolean;
}

/**
 * Layers whose gradients need kernels tf.js 4.22's WASM backend does not register: a network with
 * them trains there only with the kernel LayerLab supplies (`wasmKernelsLayerLabAdds`), else not
 * at all (it can still predict). A test checks each kernel is still missing from tf.js.
 */
export const wasmMissingGradients: Partial<Record<LayerKind, string>> = Object.fromEntries(
  layerKinds.flatMap((kind) => {
    const kernel = layerDef(kind).traits?.wasmMissingGradient;
    return kernel ? [[kind, kernel]] : [];
  }),
);

export interface BackendChoice {
  name: BackendName;
  /** Why this backend, in the learner's words. */
  reason: Localized;
}

export const backendLabels: Record<BackendName, Localized> = {
  webgpu: { en: 'WebGPU (GPU)', es: 'WebGPU (GPU)' },
  webgl: { en: 'WebGL (GPU)', es: 'WebGL (GPU)' },
  wasm: { en: 'WASM (CPU)', es: 'WASM (CPU)' },
  cpu: { en: 'CPU (plain JavaScript)', es: 'CPU (JavaScript puro)' },
};

/**
 * Layers of the graph that the WASM backend cannot train, with the kernel each lacks: those whose
 * missing kernel LayerLab does not supply (`supplied`, by default what `installFastKernels` adds;
 * a test passes none to see tf.js alone).
 */
export function wasmBlockers(
  kinds: Iterable<LayerKind>,
  supplied: readonly string[] = wasmKernelsLayerLabAdds,
): { kind: LayerKind; kernel: string }[] {
  const blockers: { kind: LayerKind; kernel: string }[] = [];
  for (const kind of new Set(kinds)) {
    const kernel = wasmMissingGradients[kind];
    if (kernel && !supplied.includes(kernel)) blockers.push({ kind, kernel });
  }
  return blockers;
}

/**
 * The backends to try, best first, each with its reason. The worker tries them in order with a
 * time limit each, and reports every failure; nothing falls back silently.
 */
export function planBackends(
  environment: BackendEnvironment,
  kinds: Iterable<LayerKind>,
  preference: BackendPreference,
  supplied: readonly string[] = wasmKernelsLayerLabAdds,
): BackendChoice[] {
  const blockers = wasmBlockers(kinds, supplied);
  const blockedText = blockers.map((blocker) => `${blocker.kind} (${blocker.kernel})`).join(', ');
  const plan: BackendChoice[] = [];
  const add = (name: BackendName, reason: Localized) => {
    if (!plan.some((choice) => choice.name === name)) plan.push({ name, reason });
  };

  if (preference !== 'auto') {
    if (preference === 'wasm' && blockers.length > 0) {
      // Asked for WASM, which cannot train this network: say so and take the next best.
      const why: Localized = {
        en: `WASM cannot train ${blockedText}: tf.js has no gradient kernel for it there.`,
        es: `WASM no puede entrenar ${blockedText}: tf.js no tiene allí su kernel de gradiente.`,
      };
      return planBackends(environment, kinds, 'auto', supplied).map((choice) => ({
        name: choice.name,
        reason: joinLocalized(why, choice.reason),
      }));
    }
    add(preference, { en: 'Chosen in the training settings.', es: 'Elegido en los ajustes de entrenamiento.' });
    add('cpu', { en: 'The chosen backend could not start.', es: 'El backend elegido no pudo arrancar.' });
    return plan;
  }

  if (environment.webgpu.available && !environment.webgpu.software) {
    add('webgpu', {
      en: `A GPU is available (${environment.webgpu.adapter}).`,
      es: `Hay una GPU disponible (${environment.webgpu.adapter}).`,
    });
  }
  if (environment.webgl.available && !environment.webgl.software) {
    add('webgl', {
      en: `A GPU is available (${environment.webgl.renderer}).`,
      es: `Hay una GPU disponible (${environment.webgl.renderer}).`,
    });
  }
  const noGpu: Localized = { en: 'No GPU found', es: 'No se encontró GPU' };
  if (blockers.length === 0 && environment.wasm) {
    add('wasm', {
      en: `${noGpu.en}: WASM is the fastest CPU backend.`,
      es: `${noGpu.es}: WASM es el backend de CPU más rápido.`,
    });
  }
  // Software WebGL pays off for convolutions only: it trained an Embedding at 39 texts a second,
  // where LayerLab's CPU segment sum reached about 500.
  const convolutionBlocked = blockers.some((blocker) => layerDef(blocker.kind).traits?.convolves === true);
  if (convolutionBlocked && environment.webgl.available) {
    // Measured here: a small CNN trained at 109 samples/s on software WebGL against 9–33 on CPU.
    add('webgl', {
      en: `${noGpu.en} and WASM cannot train ${blockedText}; WebGL in software is faster than plain CPU for convolutions.`,
      es: `${noGpu.es} y WASM no puede entrenar ${blockedText}; WebGL por software es más rápido que la CPU pura para convoluciones.`,
    });
  }
  add('cpu', {
    en: blockers.length > 0 ? `WASM cannot train ${blockedText}.` : `${noGpu.en}.`,
    es: blockers.length > 0 ? `WASM no puede entrenar ${blockedText}.` : `${noGpu.es}.`,
  });
  return plan;
}
