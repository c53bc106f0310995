/** How one layer looks on the canvas: its kind, its name, its main parameters, its handles. */
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatParamValue } from '../../../shared/layers/param-input';
import { layerDef } from '../../../shared/layers/registry';
import type { AnyParamValue } from '../../../shared/layers/params';
import type { LayerFlowNode } from '../store/graph-slice';

/** The first few parameters are the ones a learner changes most (units, filters, activation). */
const summaryLength = 3;

function LayerNodeViewComponent({ data, selected }: NodeProps<LayerFlowNode>) {
  const { t } = useTranslation();
  const def = layerDef(data.kind);
  const params = Object.entries(data.params as Record<string, AnyParamValue>).slice(0, summaryLength);
  return (
    <div
      className={`layer-node category-${def.category}${selected ? ' is-selected' : ''}`}
      data-testid={`layer-${data.name}`}
      data-kind={data.kind}
    >
      {def.inputs !== 'none' && (
        <Handle type="target" position={Position.Left} className="layer-handle" data-testid={`in-${data.name}`} />
      )}
      <div className="layer-node-header">
        <span className="layer-node-kind">{data.kind}</span>
        <span className="layer-node-name">{data.name}</span>
      </div>
      <dl className="layer-node-params">
        {params.length === 0 && <dd className="layer-node-none">{t('node.noParams')}</dd>}
        {params.map(([name, value]) => (
          <div key={name} className="layer-node-param">
            <dt>{name}</dt>
            <dd data-param={name}>{formatParamValue(value) || '—'}</dd>
          </div>
        ))}
      </dl>
      <Handle type="source" position={Position.Right} className="layer-handle" data-testid={`out-${data.name}`} />
    </div>
  );
}

export const LayerNodeView = memo(LayerNodeViewComponent);
