/**
 * Edit → Wire a layer to another… (Ctrl+Shift+E): wires any two layers from the keyboard, the
 * selected layer's output by default, as dragging from one handle to the other does.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layerDef } from '../../../shared/layers/registry';
import { Dialog } from '../chrome/Dialog';
import { useAppStore } from '../store';

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
          <label className="field">
            <span className="field-name">{t('connect.from')}</span>
            <select value={from} onChange={(event) => setFrom(event.target.value)} autoFocus>
              {nodes.map((node) => (
                <option key={node.id} value={node.id}>
                  {`${node.data.name} (${node.data.kind})`}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-name">{t('connect.to')}</span>
            <select value={target} onChange={(event) => setTo(event.target.value)}>
              {targets.map((node) => (
                <option key={node.id} value={node.id}>
                  {`${node.data.name} (${node.data.kind})`}
                </option>
              ))}
            </select>
          </label>
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
