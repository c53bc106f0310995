/** The store's work as a project file, and a loaded project back into the store. */
import type { LoadedProject, Project } from '../../../shared/project/schema';
import { currentFormatVersion } from '../../../shared/vocabulary/project-format';
import { lessonLibrary } from '../lessons/templates';
import { useAppStore, type AppState } from '../store';
import { flowOf } from '../store/graph-slice';
import { selectGraph } from '../store/selectors';
import type { Graph } from '../../../shared/graph/types';
import type { Trained } from '../../../shared/vocabulary/weights';
import { restoreTrained, trainedWeights } from '../training/client';
import type { DataFile, FoundData } from '../../../shared/data/data-file';
import { heldFileOf } from '../../../shared/project/schema';
import { soughtDataFile, withDataText } from '../../../shared/project/load';

/**
 * The file the data was read from, as the project keeps it: the one opened, while the data still
 * holds its text; the one sought, while it is not found; else none (saving works out a size and hash).
 */
function dataFileOf(state: AppState): DataFile | null {
  const held = heldFileOf(state.data);
  if (!held) return null;
  if (held.text === '') return state.dataSought?.file ?? null;
  return state.dataSource?.text === held.text ? state.dataSource.file : null;
}

export function projectFromState(state: AppState): Project {
  return {
    formatVersion: currentFormatVersion,
    createdWith: `LayerLab ${__APP_VERSION__}`,
    name: state.projectName,
    lesson: state.lesson
      ? { templateId: state.lesson.template.id, step: state.lesson.step, variant: state.lesson.variant }
      : null,
    graph: selectGraph(state),
    data: state.data,
    dataFile: dataFileOf(state),
    training: state.training,
  };
}

/**
 * The data of a loaded project, with what its host found of a data file it keeps outside itself
 * (`found`: main's look on the desktop; nothing in a browser, which cannot look by path): the text
 * read again when it is the same file, else the file sought, for the Data tab to ask for.
 */
function dataFound(
  project: LoadedProject,
  found: FoundData | undefined,
): Pick<AppState, 'data' | 'dataSource' | 'dataSought'> {
  const sought = soughtDataFile(project);
  const held = heldFileOf(project.data);
  if (!sought) {
    // An autosave keeps the text inside, with the file it came from.
    const source = project.dataFile && held ? { file: project.dataFile, text: held.text } : null;
    return { data: project.data, dataSource: source, dataSought: null };
  }
  const looked = found ?? { status: 'missing', looked: [], why: 'no-paths' };
  if (looked.status !== 'found')
    return { data: project.data, dataSource: null, dataSought: { file: sought, found: looked } };
  const { data, dataFile } = withDataText(project, looked.text, looked.path);
  return { data, dataSource: dataFile ? { file: dataFile, text: looked.text } : null, dataSought: null };
}

/** Replaces the work on screen with `project`; the history starts afresh. */
export function loadIntoStore(
  project: LoadedProject,
  file: { name: string; path: string | null; readOnly: boolean; data?: FoundData },
): void {
  const { nodes, edges } = flowOf(project.graph);
  const template = project.lesson
    ? lessonLibrary.templates.find((candidate) => candidate.id === project.lesson?.templateId)
    : undefined;
  useAppStore.setState({
    nodes,
    edges,
    ...dataFound(project, file.data),
    training: project.training,
    runs: [],
    lesson:
      template && project.lesson ? { template, step: project.lesson.step, variant: project.lesson.variant } : null,
    rightPanel: template ? 'lesson' : 'inspector',
    projectName: project.name,
    projectPath: file.path,
    readOnly: file.readOnly,
    galleryOpen: false,
    highlight: null,
    pendingQuery: null,
    // Kept as the file had them, for saving and exporting: without data no run rebuilds them.
    keptTrained: project.trained ? { structure: structureOf(project.graph), trained: project.trained } : null,
  });
  useAppStore.setState((state) => ({
    savedEdits: { nodes: state.nodes, edges: state.edges, data: state.data, training: state.training },
  }));
  useAppStore.temporal.getState().clear();
  useAppStore.getState().frameNetwork();
  // Weights the file kept (the app's or `layerlab train --save`'s): ready to ask, no training needed.
  if (project.trained) restoreTrained(project.trained);
}

/**
 * A graph as its trained weights see it: layers and wires, not where they sit on the canvas, nor
 * whether a layer is frozen or starts from carried weights (neither changes what it computes).
 */
function structureOf(graph: Graph): string {
  const known = structures.get(graph);
  if (known !== undefined) return known;
  const structure = JSON.stringify([
    graph.nodes.map(({ position: _position, frozen: _frozen, carried: _carried, ...layer }) => layer),
    graph.wires,
  ]);
  structures.set(graph, structure);
  return structure;
}

/**
 * Each graph's structure, worked out once: the inspector asks on every change of the store (a
 * training run's every batch), and selectGraph hands back the same graph until the canvas changes.
 */
const structures = new WeakMap<Graph, string>();

/** The weights the opened file or imported model came with, while the network on screen is still theirs. */
export function keptTrainedOf(state: AppState): Trained | null {
  if (!state.keptTrained) return null;
  return state.keptTrained.structure === structureOf(selectGraph(state)) ? state.keptTrained.trained : null;
}

/**
 * The last run's weights as the project keeps them, when they belong to the network on screen
 * (a network changed since it was trained would not fit them), with its epochs and logs; else
 * the weights the opened file or imported model came with, while the network is still theirs.
 */
export async function trainedForSave(state: AppState): Promise<Trained | null> {
  const structure = structureOf(selectGraph(state));
  const kept = keptTrainedOf(state);
  const held = await trainedWeights();
  if (!held || structureOf(held.graph) !== structure) return kept;
  const run = state.runs.find((candidate) => candidate.id === held.runId);
  if (!run?.outcome) return kept;
  const logs = Object.fromEntries(Object.entries(run.outcome.finalLogs).filter(([, value]) => Number.isFinite(value)));
  return { weights: held.weights, epochs: run.outcome.epochsCompleted, logs, backend: held.backend };
}
