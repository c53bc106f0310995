/** The dock under the canvas: problems, data, training and the playground, one tab at a time. */
import { PanelBoundary } from '../chrome/PanelBoundary';
import { useTranslation } from 'react-i18next';
import { DataPanel } from '../data/DataPanel';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { Playground } from '../training/Playground';
import { TrainingPanel } from '../training/TrainingPanel';
import { useAppStore } from '../store';
import type { DockTab } from '../store/ui-slice';

const tabs: DockTab[] = ['problems', 'data', 'training', 'playground'];

export function BottomDock() {
  const { t } = useTranslation();
  const tab = useAppStore((state) => state.dockTab);
  const setDockTab = useAppStore((state) => state.setDockTab);
  return (
    <section className={`dock${tab ? '' : ' is-closed'}`}>
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
