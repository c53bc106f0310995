/** The layer palette, generated from the registry and grouped by category. */
import { useReactFlow } from '@xyflow/react';
import { useMemo, useState, type DragEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { layerDef, layersByCategory, type LayerKind } from '../../../shared/layers/registry';
import { layerDragType } from '../canvas/Canvas';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';

export function Palette() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const addLayerAfterSelection = useAppStore((state) => state.addLayerAfterSelection);
  const { screenToFlowPosition } = useReactFlow();
  const [query, setQuery] = useState('');

  const groups = useMemo(() => {
    const needle = query.trim().toLowerCase();
    return layersByCategory()
      .map((group) => ({
        ...group,
        kinds: group.kinds.filter((kind) => needle === '' || kind.toLowerCase().includes(needle)),
      }))
      .filter((group) => group.kinds.length > 0);
  }, [query]);

  /**
   * Double-click or Enter adds the layer after the selected one, wired to it, or in the middle
   * of the canvas when none is selected.
   */
  const addAtCentre = (kind: LayerKind) => {
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = canvas
      ? { x: canvas.left + canvas.width / 2 - 80, y: canvas.top + canvas.height / 2 - 30 }
      : { x: 0, y: 0 };
    addLayerAfterSelection(kind, screenToFlowPosition(centre));
  };

  const onDragStart = (event: DragEvent, kind: LayerKind) => {
    event.dataTransfer.setData(layerDragType, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  const onKeyDown = (event: KeyboardEvent, kind: LayerKind) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      addAtCentre(kind);
    }
  };

  return (
    <aside className="palette" aria-label={t('palette.title')}>
      <h2 className="panel-title">{t('palette.title')}</h2>
      <input
        className="palette-search"
        type="search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      <p className="palette-hint">{t('palette.hint')}</p>
      <div className="palette-groups">
        {groups.length === 0 && <p className="palette-empty">{t('palette.empty', { query })}</p>}
        {groups.map((group) => (
          <section
            key={group.category}
            className="palette-group"
            aria-label={t(`palette.categories.${group.category}`)}
          >
            <h3>{t(`palette.categories.${group.category}`)}</h3>
            <ul>
              {group.kinds.map((kind) => (
                <li key={kind}>
                  <div
                    className={`palette-item category-${group.category}`}
                    draggable
                    tabIndex={0}
                    role="button"
                    data-testid={`palette-${kind}`}
                    title={localize(layerDef(kind).description)}
                    onDragStart={(event) => onDragStart(event, kind)}
                    onDoubleClick={() => addAtCentre(kind)}
                    onKeyDown={(event) => onKeyDown(event, kind)}
                  >
                    <span className="palette-item-kind">{kind}</span>
                    <span className="palette-item-description">{localize(layerDef(kind).description)}</span>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </aside>
  );
}
