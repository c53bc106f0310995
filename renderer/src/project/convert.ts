/** The store's work as a project file, and a loaded project back into the store. */
import type { LoadedProject, Project } from '../../../shared/project/schema';
import { currentFormatVersion } from '../../../shared/project/format';
import { lessonLibrary } from '../lessons/templates';
import { useAppStore, type AppState } from '../store';
import type { LayerFlowNode } from '../store/graph-slice';
import { selectGraph } from '../store/selectors';

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
    training: state.training,
  };
}

/** Replaces the work on screen with `project`; the history starts afresh. */
export function loadIntoStore(
  project: LoadedProject,
  file: { name: string; path: string | null; readOnly: boolean },
): void {
  const nodes: LayerFlowNode[] = project.graph.nodes.map(({ id, position, ...data }) => ({
    id,
    type: 'layer',
    position: { ...position },
    data,
    selected: false,
  }));
  const template = project.lesson
    ? lessonLibrary.templates.find((candidate) => candidate.id === project.lesson?.templateId)
    : undefined;
  useAppStore.setState({
    nodes,
    edges: project.graph.wires.map((wire) => ({ ...wire })),
    data: project.data,
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
  });
  useAppStore.setState((state) => ({
    savedEdits: { nodes: state.nodes, edges: state.edges, data: state.data, training: state.training },
  }));
  useAppStore.temporal.getState().clear();
}
