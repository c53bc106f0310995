/** The dock under the canvas: problems, data, training and the playground, one tab at a time. */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PanelBoundary } from '../chrome/PanelBoundary';
import { DataPanel } from '../data/DataPanel';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { Playground } from '../training/Playground';
import { TrainingPanel } from '../training/TrainingPanel';
import { useAppStore } from '../store';
import type { DockTab } from '../store/ui-slice';

const tabs: DockTab[] = ['problems', 'data', 'training', 'playground'];

/** The dock's height, kept between sessions: charts and the playground's pictures want room. */
const heightKey = 'layerlab.dockHeight';
const defaultHeight = 330;
const minHeight = 160;

function clampHeight(height: number): number {
  return Math.round(Math.min(Math.max(height, minHeight), Math.max(minHeight, window.innerHeight - 220)));
}

function storedHeight(): number {
  const stored = Number(window.localStorage.getItem(heightKey));
  return Number.isFinite(stored) && stored > 0 ? clampHeight(stored) : defaultHeight;
}

export function BottomDock() {
  const { t } = useTranslation();
  const tab = useAppStore((state) => state.dockTab);
  const setDockTab = useAppStore((state) => state.setDockTab);
  const [height, setHeight] = useState(storedHeight);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  const resize = (next: number) => {
    const clamped = clampHeight(next);
    setHeight(clamped);
    window.localStorage.setItem(heightKey, String(clamped));
  };
  return (
    <section className={`dock${tab ? '' : ' is-closed'}`} style={tab ? { height } : undefined}>
      {tab && (
        <div
          className="dock-resizer"
          role="separator"
          aria-orientation="horizontal"
          aria-label={t('dock.resize')}
          aria-valuenow={height}
          aria-valuemin={minHeight}
          tabIndex={0}
          data-testid="dock-resizer"
          onPointerDown={(event) => {
            event.currentTarget.setPointerCapture(event.pointerId);
            drag.current = { startY: event.clientY, startHeight: height };
          }}
          onPointerMove={(event) => {
            if (drag.current) resize(drag.current.startHeight + drag.current.startY - event.clientY);
          }}
          onPointerUp={() => (drag.current = null)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowUp') resize(height + 20);
            else if (event.key === 'ArrowDown') resize(height - 20);
            else return;
            event.preventDefault();
          }}
        />
      )}
      <div className="dock-header">
        <div className="dock-tabs" role="tablist" aria-label={t('dock.label')}>
          {tabs.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              id={`dock-tab-${name}`}
              aria-selected={tab === name}
              aria-controls={`dock-panel-${name}`}
              className="dock-tab"
              onClick={() => setDockTab(name)}
            >
              {t(`dock.${name}`)}
            </button>
          ))}
        </div>
        <span className="status-spacer" />
        {tab && (
          <button
            type="button"
            className="dock-fold"
            onClick={() => setDockTab(null)}
            aria-label={t('dock.fold')}
            title={t('dock.fold')}
          >
            ▾
          </button>
        )}
      </div>
      {tab && (
        <div className="dock-body" role="tabpanel" id={`dock-panel-${tab}`} aria-labelledby={`dock-tab-${tab}`}>
          <PanelBoundary resetKey={tab}>
            {tab === 'problems' && <ProblemsPanel />}
            {tab === 'data' && <DataPanel />}
            {tab === 'training' && <TrainingPanel />}
            {tab === 'playground' && <Playground />}
          </PanelBoundary>
        </div>
      )}
    </section>
  );
}
