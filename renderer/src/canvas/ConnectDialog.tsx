/**
 * Edit → Wire a layer to another… (Ctrl+Shift+E): wires any two layers from the keyboard, the
 * selected layer's output by default, as dragging from one handle to the other does.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layerDef } from '../../../shared/layers/registry';
import { Dialog } from '../ui/Dialog';
import { useAppStore } from '../store';
import type { LayerFlowNode } from '../store/graph-slice';

/** A labelled choice of one layer, each written as its name and kind. */
function LayerChoice(props: {
  label: string;
  layers: readonly LayerFlowNode[];
  value: string;
  onChange: (id: string) => void;
  autoFocus?: boolean;
}) {
  return (
    <label className="field">
      <span className="field-name">{props.label}</span>
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)} autoFocus={props.autoFocus}>
        {props.layers.map((node) => (
          <option key={node.id} value={node.id}>
            {`${node.data.name} (${node.data.kind})`}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ConnectDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const nodes = useAppStore((state) => state.nodes);
  const edges = useAppStore((state) => state.edges);
  const connect = useAppStore((state) => state.connect);
  const selected = nodes.find((node) => node.selected) ?? nodes.at(-1);
  const [from, setFrom] = useState(selected?.id ?? '');
  const targets = nodes.filter((node) => node.id !== from && layerDef(node.data.kind).inputs !== 'none');
  const unwired = targets.find((node) => !edges.some((edge) => edge.target === node.id));
  const [to, setTo] = useState(unwired?.id ?? targets[0]?.id ?? '');
  const target = targets.some((node) => node.id === to) ? to : (targets[0]?.id ?? '');

  const wire = () => {
    if (!from || !target) return;
    connect({ source: from, target, sourceHandle: null, targetHandle: null });
    onClose();
  };

  return (
    <Dialog onClose={onClose} labelledBy={titleId} className="connect-dialog">
      <h2 id={titleId}>{t('connect.title')}</h2>
      {nodes.length < 2 ? (
        <p>{t('connect.needTwo')}</p>
      ) : (
        <form
          className="connect-form"
          onSubmit={(event) => {
            event.preventDefault();
            wire();
          }}
        >
          <LayerChoice label={t('connect.from')} layers={nodes} value={from} onChange={setFrom} autoFocus />
          <LayerChoice label={t('connect.to')} layers={targets} value={target} onChange={setTo} />
          <div className="dialog-actions">
            <button type="button" className="button-quiet" onClick={onClose}>
              {t('connect.cancel')}
            </button>
            <button type="submit" className="button-primary" disabled={!target}>
              {t('connect.wire')}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
