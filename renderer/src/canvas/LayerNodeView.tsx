/**
 * How one layer looks on the canvas: its kind and name, its main parameters, its output shape and
 * parameter count, and, when something is wrong with it, what and the one-click fix.
 */
import { Handle, Position, useStore, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatShape } from '../../../shared/vocabulary/shape';
import { formatParamValue } from '../../../shared/layers/param-input';
import { layerDef } from '../../../shared/layers/registry';
import { kindLabel } from '../../../shared/graph/summary';
import type { AnyParamValue } from '../../../shared/layers/params';
import { useNumberFormat, useProblemText } from '../hooks/useProblemText';
import { useAppStore } from '../store';
import type { LayerFlowNode } from '../store/graph-slice';
import { selectLayerProblems, selectNodeAnalysis } from '../store/selectors';
import { toneOf } from '../problems/tone';

/** The first few parameters are the ones a learner changes most (units, filters, activation). */
const summaryLength = 3;

/**
 * Below this zoom the parameter rows (12 px) would be under 11 px on screen: the layer shows its
 * kind, name and shape in larger type, and its parameters in the inspector.
 */
export const compactBelowZoom = 11 / 12;

/** Below this zoom even a compact layer's name and shape would not fit it: only its kind shows. */
export const tinyBelowZoom = 0.6;

function LayerNodeViewComponent({ id, data, selected }: NodeProps<LayerFlowNode>) {
  const { t } = useTranslation();
  const analysis = useAppStore((state) => selectNodeAnalysis(state, id));
  const problems = useAppStore(useShallow((state) => selectLayerProblems(state, id)));
  const applyFix = useAppStore((state) => state.applyFix);
  const { message, fixLabel } = useProblemText();
  const formatNumber = useNumberFormat();
  const def = layerDef(data.kind);
  const highlighted = useAppStore((state) =>
    state.highlight?.kind === 'layer' && state.highlight.name === data.name ? state.highlight.at : null,
  );
  const inside = useAppStore((state) =>
    state.lookingInside?.layer === data.name ? (state.lookingInside.step ?? '') : null,
  );
  // In the registry's order (units, activation…), whatever order a file stored them in.
  const values = data.params as Record<string, AnyParamValue>;
  const params = Object.keys(def.params)
    .slice(0, summaryLength)
    .map((name) => [name, values[name] ?? null] as const);
  const problem = problems[0];
  const status = problem ? ` has-${toneOf(problem)}` : '';
  const compact = useStore((state) => state.transform[2] < compactBelowZoom);
  const tiny = useStore((state) => state.transform[2] < tinyBelowZoom);

  return (
    <div
      key={highlighted ?? 'plain'}
      className={`layer-node category-${def.category}${selected ? ' is-selected' : ''}${status}${highlighted ? ' is-highlighted' : ''}${compact ? ' is-compact' : ''}${tiny ? ' is-tiny' : ''}${inside !== null ? ' is-looked-inside' : ''}`}
      data-testid={`layer-${data.name}`}
      data-kind={data.kind}
      role="group"
      aria-label={t('node.label', { kind: data.kind, name: data.name })}
    >
      {def.inputs !== 'none' && (
        <Handle
          type="target"
          position={Position.Left}
          className="layer-handle"
          data-testid={`in-${data.name}`}
          role="button"
          aria-label={t('node.inputHandle', { name: data.name })}
        />
      )}
      <div className="layer-node-header">
        <span className="layer-node-kind">{kindLabel(data)}</span>
        <span className="layer-node-name">{data.name}</span>
        {(data.frozen === true || data.carried || data.generatorEnd === true) && (
          <span className="layer-node-badges">
            {data.generatorEnd === true && (
              <span
                className="layer-node-badge is-generator-end"
                title={t('node.generatorEndTitle')}
                data-testid={`generator-end-${data.name}`}
              >
                {t('node.generatorEnd')}
              </span>
            )}
            {data.carried && (
              <span
                className="layer-node-badge is-trained"
                title={t('node.carriedTitle', { from: data.carried.from })}
                data-testid={`carried-${data.name}`}
              >
                {t('node.carried')}
              </span>
            )}
            {data.frozen === true && (
              <span
                className="layer-node-badge is-frozen"
                title={t('node.frozenTitle')}
                data-testid={`frozen-${data.name}`}
              >
                {t('node.frozen')}
              </span>
            )}
          </span>
        )}
      </div>
      {inside !== null && (
        <p className="layer-node-inside" data-testid={`inside-${data.name}`}>
          {inside === '' ? t('node.inside') : t('node.insideAt', { step: inside })}
        </p>
      )}
      <dl className="layer-node-params">
        {params.length === 0 && <dd className="layer-node-none">{t('node.noParams')}</dd>}
        {params.map(([name, value]) => (
          <div key={name} className="layer-node-param">
            <dt>{name}</dt>
            <dd data-param={name}>{formatParamValue(value) || '—'}</dd>
          </div>
        ))}
      </dl>
      <div className="layer-node-footer">
        <span className="layer-node-shape" data-testid={`shape-${data.name}`}>
          {analysis.shape ? formatShape(analysis.shape) : '?'}
        </span>
        <span className="layer-node-count" data-testid={`params-${data.name}`}>
          {analysis.params === null
            ? ''
            : t('node.params', { count: analysis.params, formatted: formatNumber(analysis.params) })}
        </span>
      </div>
      {problem && (
        <div
          className={`layer-node-problem severity-${toneOf(problem)}`}
          role="alert"
          data-testid={`problem-${data.name}`}
        >
          <p>{message(problem)}</p>
          {problem.fix && (
            <button
              type="button"
              className="nodrag fix-button"
              onClick={(event) => {
                event.stopPropagation();
                if (problem.fix) applyFix(problem.fix);
              }}
            >
              {fixLabel(problem.fix)}
            </button>
          )}
          {problems.length > 1 && (
            <span className="layer-node-more">{t('node.moreProblems', { count: problems.length - 1 })}</span>
          )}
        </div>
      )}
      <Handle
        type="source"
        position={Position.Right}
        className="layer-handle"
        data-testid={`out-${data.name}`}
        role="button"
        aria-label={t('node.outputHandle', { name: data.name })}
      />
    </div>
  );
}

export const LayerNodeView = memo(LayerNodeViewComponent);
