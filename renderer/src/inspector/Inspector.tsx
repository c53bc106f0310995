/** The inspector: the selected layer's name and parameters, generated from the registry. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { layerDef } from '../../../shared/layers/registry';
import type { AnyParamValue } from '../../../shared/layers/params';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import type { LayerFlowNode } from '../store/graph-slice';
import { ParamField } from '../ui/ParamField';
import { useNumberFormat, useProblemText } from '../hooks/useProblemText';
import { selectAnalysis, selectGraph, selectLayerProblems, selectNodeAnalysis } from '../store/selectors';
import { keptTrainedOf } from '../project/convert';
import { carriedFromTrained } from '../../../shared/graph/weight-order';
import { formatShape } from '../../../shared/vocabulary/shape';
import { weightCount } from '../../../shared/vocabulary/weights';
import { toneOf } from '../problems/tone';

function NameField({ node }: { node: LayerFlowNode }) {
  const { t } = useTranslation();
  const id = useId();
  const renameLayer = useAppStore((state) => state.renameLayer);
  const [draft, setDraft] = useState(node.data.name);
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(node.data.name);

  // A rename from elsewhere replaces the draft (the field is keyed by layer, so a new selection
  // starts afresh).
  if (shown !== node.data.name) {
    setShown(node.data.name);
    setDraft(node.data.name);
    setProblem(null);
  }

  const onChange = (name: string) => {
    setDraft(name);
    const result = renameLayer(node.id, name);
    setProblem(
      result === 'invalid'
        ? t('inspector.nameInvalid')
        : result === 'taken'
          ? t('inspector.nameTaken', { name })
          : null,
    );
  };

  return (
    <div className={`field${problem ? ' is-invalid' : ''}`} data-param="name">
      <label className="field-name" htmlFor={id}>
        {t('inspector.name')}
      </label>
      <input
        id={id}
        type="text"
        value={draft}
        aria-invalid={problem !== null}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        autoComplete="off"
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A yes/no setting of the layer's role in training, with what it means beneath. */
function Switch(props: {
  name: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  label: string;
  hint: string;
}) {
  return (
    <div className="field field-bool" data-param={props.name}>
      <label>
        <input type="checkbox" checked={props.checked} onChange={(event) => props.onChange(event.target.checked)} />
        <span className="field-name">{props.label}</span>
      </label>
      <p className="field-hint">{props.hint}</p>
    </div>
  );
}

/**
 * Whether the layer ends a GAN's generator, whether training changes its weights, and the trained
 * weights it starts from.
 */
function TrainingFields({ node, weighted }: { node: LayerFlowNode; weighted: boolean }) {
  const { t } = useTranslation();
  const setFrozen = useAppStore((state) => state.setFrozen);
  const setGeneratorEnd = useAppStore((state) => state.setGeneratorEnd);
  const dropCarried = useAppStore((state) => state.dropCarried);
  const formatNumber = useNumberFormat();
  const carried = node.data.carried;
  // An imported model's (or an opened file's) weights, which training does not start from until
  // its layers carry them.
  const kept = useAppStore((state) => (carried ? null : keptTrainedOf(state)));
  const carryKept = () => {
    const state = useAppStore.getState();
    const trained = keptTrainedOf(state);
    if (!trained) return;
    state.carryWeights(carriedFromTrained(selectGraph(state), selectAnalysis(state), trained, state.projectName));
  };
  // An Input has no weights to learn, and cannot end a generator: nothing to set here.
  if (node.data.kind === 'Input' && !weighted) return null;
  return (
    <>
      <h4 className="inspector-section">{t('inspector.learning')}</h4>
      {node.data.kind !== 'Input' && (
        <Switch
          name="generatorEnd"
          checked={node.data.generatorEnd === true}
          onChange={(on) => setGeneratorEnd(node.id, on)}
          label={t('inspector.generatorEnd')}
          hint={t('inspector.generatorEndHint')}
        />
      )}
      {weighted && (
        <>
          <Switch
            name="frozen"
            checked={node.data.frozen === true}
            onChange={(on) => setFrozen(node.id, on)}
            label={t('inspector.frozen')}
            hint={t('inspector.frozenHint')}
          />
          <div className="field" data-testid="carried-weights">
            <p className={carried ? 'carried-note' : 'muted'}>
              {carried
                ? t('inspector.carried', {
                    from: carried.from,
                    count: weightCount(carried.weights),
                    formatted: formatNumber(weightCount(carried.weights)),
                  })
                : t('inspector.notCarried')}
            </p>
            {carried && (
              <button type="button" onClick={() => dropCarried(node.id)}>
                {t('inspector.dropCarried')}
              </button>
            )}
            {kept && (
              <>
                <p className="muted">{t('inspector.keptHint')}</p>
                <button type="button" onClick={carryKept}>
                  {t('inspector.carryKept')}
                </button>
              </>
            )}
          </div>
        </>
      )}
    </>
  );
}

function LayerInspector({ node }: { node: LayerFlowNode }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const setParam = useAppStore((state) => state.setParam);
  const removeLayers = useAppStore((state) => state.removeLayers);
  const def = layerDef(node.data.kind);
  const values = node.data.params as Record<string, AnyParamValue>;
  const analysis = useAppStore((state) => selectNodeAnalysis(state, node.id));
  const problems = useAppStore(useShallow((state) => selectLayerProblems(state, node.id)));
  const applyFix = useAppStore((state) => state.applyFix);
  const { message, fixLabel } = useProblemText();
  const formatNumber = useNumberFormat();

  return (
    <div className="inspector-body" data-testid="inspector-layer">
      <header className={`inspector-header category-${def.category}`}>
        <h3>{node.data.kind}</h3>
        <p>{localize(def.description)}</p>
      </header>
      <dl className="inspector-facts">
        <div>
          <dt>{t('inspector.output')}</dt>
          <dd className="mono">{analysis.shape ? formatShape(analysis.shape) : '?'}</dd>
        </div>
        <div>
          <dt>{t('inspector.weights')}</dt>
          <dd className="mono">{analysis.params === null ? '?' : formatNumber(analysis.params)}</dd>
        </div>
      </dl>
      {problems.map((problem, index) => (
        <div key={`${problem.code}-${index}`} className={`inspector-problem severity-${toneOf(problem)}`} role="alert">
          <p>{message(problem)}</p>
          {problem.fix && (
            <button type="button" className="fix-button" onClick={() => problem.fix && applyFix(problem.fix)}>
              {fixLabel(problem.fix)}
            </button>
          )}
        </div>
      ))}
      <NameField key={node.id} node={node} />
      {Object.keys(def.params).length > 0 && <h4 className="inspector-section">{t('inspector.parameters')}</h4>}
      {Object.entries(def.params).map(([name, spec]) => (
        <ParamField
          key={`${node.id}:${name}`}
          name={name}
          field={`${node.id}.${name}`}
          spec={spec}
          value={values[name] ?? spec.default}
          onCommit={(value) => setParam(node.id, name, value)}
        />
      ))}
      <TrainingFields node={node} weighted={analysis.params !== null && analysis.params > 0} />
      <button type="button" className="button-danger" onClick={() => removeLayers([node.id])}>
        {t('inspector.delete')}
      </button>
    </div>
  );
}

export function Inspector() {
  const { t } = useTranslation();
  const selected = useAppStore(useShallow((state) => state.nodes.filter((node) => node.selected)));
  return (
    <div className="inspector">
      <h2 className="panel-title">{t('inspector.title')}</h2>
      {selected.length === 0 && <p className="inspector-empty">{t('inspector.nothingSelected')}</p>}
      {selected.length > 1 && (
        <p className="inspector-empty">{t('inspector.manySelected', { count: selected.length })}</p>
      )}
      {selected.length === 1 && selected[0] && <LayerInspector node={selected[0]} />}
    </div>
  );
}
