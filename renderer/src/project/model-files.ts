/**
 * File → Export trained model and Import model: the worker's last trained network as tf.js
 * files, and a tf.js layers model (model.json with its weight files) put on the canvas with its
 * trained weights, kept for saving and exporting. An import is checked before anything is built;
 * a refusal changes nothing on screen.
 */
import i18next from 'i18next';
import { localize } from '../../../shared/vocabulary/localized';
import { readJson } from '../../../shared/vocabulary/safe-json';
import { importTfjsModel } from '../../../shared/tfjs-model/import';
import { emptyProject } from '../../../shared/project/project';
import { useAppStore } from '../store';
import { loadIntoStore } from './convert';
import { exportTrainedModel } from '../training/client';
import { downloadFile } from './download';

/** A model.json over this is refused before it is read. */
const maxModelJsonBytes = 16 * 1024 * 1024;

export async function exportModel(): Promise<void> {
  const reply = await exportTrainedModel();
  const state = useAppStore.getState();
  if (!reply.ok) {
    state.setNotice({ kind: 'error', text: localize(reply.problem, state.language) });
    return;
  }
  if (!('modelJson' in reply)) return;
  downloadFile('model.json', `${JSON.stringify(reply.modelJson, null, 2)}\n`, 'application/json');
  downloadFile('weights.bin', reply.weightsBin);
  state.setNotice({ kind: 'info', text: i18next.t('modelFiles.exported') });
}

/** Asks for model.json and its weight files (several files at once). */
function pickFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.json,.bin,application/json';
    input.addEventListener('change', () => resolve([...(input.files ?? [])]));
    input.addEventListener('cancel', () => resolve([]));
    input.click();
  });
}

/** The importer's warnings (lines such as "the nested model 'x' is drawn as its 7 layers") as sentences. */
function asSentences(lines: readonly string[]): string {
  return lines.map((line) => `${line.charAt(0).toUpperCase()}${line.slice(1)}.`).join(' ');
}

export async function importModel(): Promise<void> {
  const files = await pickFiles();
  if (files.length === 0) return;
  const state = useAppStore.getState();
  const refuse = (reason: string) =>
    state.setNotice({ kind: 'error', text: i18next.t('modelFiles.refused', { reason }) });
  const modelFile = files.find((file) => file.name.endsWith('.json'));
  if (!modelFile) return refuse(i18next.t('modelFiles.noModelJson'));
  if (modelFile.size > maxModelJsonBytes) return refuse(i18next.t('modelFiles.tooLarge', { name: modelFile.name }));
  const read = readJson(await modelFile.text());
  if (!read.ok) return refuse(read.message);
  // Only the files chosen together with model.json, by their plain names, can be read.
  const weights = new Map<string, Uint8Array>();
  for (const file of files) if (file !== modelFile) weights.set(file.name, new Uint8Array(await file.arrayBuffer()));
  const imported = importTfjsModel(read.value, (path) => weights.get(path) ?? null);
  if (!imported.ok) return refuse(imported.message);
  const name = imported.modelName ?? modelFile.name.replace(/\.json$/, '');
  // Opened as a project file without data would be, its weights kept for saving and exporting.
  const project = { ...emptyProject(name), graph: imported.graph, trained: imported.trained };
  loadIntoStore(
    { ...project, createdWith: `LayerLab ${__APP_VERSION__}`, lesson: null, dataFile: null },
    { name, path: null, readOnly: false },
  );
  // Not saved anywhere yet.
  useAppStore.setState({ savedEdits: null });
  const nodes = imported.graph.nodes;
  state.setNotice({
    kind: 'info',
    text: i18next.t('modelFiles.imported', { count: nodes.length, warnings: asSentences(imported.warnings) }),
  });
}
