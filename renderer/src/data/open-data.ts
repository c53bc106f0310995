/**
 * Opening a file of the learner's own data: which recipe opens it (by the recipes' `opens`), and
 * its bytes read as UTF-8 text, refused with a clear reason when they are too many, empty, not
 * text, or not UTF-8. The data panel's button, File → Open data and a file dropped on the window
 * all come here.
 */
import type { DataSpec } from '../../../shared/data/recipes';
import { openedExtensions, recipeOpening } from '../../../shared/data/open';
import { localize, type Localized } from '../../../shared/vocabulary/localized';
import type { Dataset } from '../../../shared/data/build';
import { starterNetwork } from '../../../shared/training/starter';
import { useAppStore } from '../store';
import { flowOf } from '../store/graph-slice';
import { selectDataset } from '../store/selectors';
import { textOf, tooLarge } from '../../../shared/data/text-file';

export type Opened = { ok: true; spec: DataSpec } | { ok: false; problem: Localized };

/** The data spec for a file the learner opened or dropped, or why it cannot be opened. */
export async function openDataFile(file: File): Promise<Opened> {
  const recipe = recipeOpening(file.name);
  if (!recipe?.opens)
    return {
      ok: false,
      problem: {
        en: `LayerLab opens these files as data: ${openedExtensions}; ${JSON.stringify(file.name)} is not one of them.`,
        es: `LayerLab abre estos archivos como datos: ${openedExtensions}; ${JSON.stringify(file.name)} no es ninguno de ellos.`,
      },
    };
  // Refused before reading: a 1 GB file is never read into memory.
  if (file.size > recipe.opens.maxBytes) return tooLarge(file.name, file.size, recipe.opens.maxBytes);
  const read = textOf(file.name, new Uint8Array(await file.arrayBuffer()), recipe.opens.maxBytes);
  return read.ok ? { ok: true, spec: recipe.opens.spec(file.name, read.text) } : read;
}

/**
 * On an empty canvas, a starter network for `dataset` (inputs sized to the features, a small
 * hidden stack, the output and loss the target implies), with the loss and metrics it trains with.
 */
export function proposeStarter(dataset: Dataset): void {
  const starter = starterNetwork(dataset);
  useAppStore.setState({
    ...flowOf(starter.graph),
    training: { ...useAppStore.getState().training, ...starter.training },
  });
  useAppStore.getState().frameNetwork();
}

/**
 * Makes `spec` the project's data, and on an empty canvas proposes a starter network for it, as
 * one step the learner can undo. The Data tab opens on it.
 */
export function applyOpenedData(spec: DataSpec): void {
  const state = useAppStore.getState();
  state.asOneStep(() => {
    state.setData(spec);
    if (state.nodes.length > 0) return;
    // Built as the Data tab will read it, once: the store keeps the build of the current spec.
    const built = selectDataset(useAppStore.getState());
    if (built?.ok) proposeStarter(built.dataset);
  });
  useAppStore.getState().setDockTab('data');
}

/** Opens a data file the learner chose or dropped; a file that cannot be opened is said so. */
export async function openDataFromFile(file: File): Promise<void> {
  const opened = await openDataFile(file);
  if (opened.ok) applyOpenedData(opened.spec);
  else
    useAppStore
      .getState()
      .setNotice({ kind: 'error', text: localize(opened.problem, useAppStore.getState().language) });
}

/** File → Open data…: the file chooser, for the files some recipe opens. */
export function chooseDataFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = openedExtensions;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (file) void openDataFromFile(file);
  });
  input.click();
}
