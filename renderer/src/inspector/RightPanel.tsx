/** The right-hand panel: the inspector, and the lesson's steps when a lesson is open. */
import { useTranslation } from 'react-i18next';
import { LessonPanel } from '../lessons/LessonPanel';
import { useAppStore } from '../store';
import { Inspector } from './Inspector';

const rightPanels = ['lesson', 'inspector'] as const;

export function RightPanel() {
  const { t } = useTranslation();
  const hasLesson = useAppStore((state) => state.lesson !== null);
  const panel = useAppStore((state) => state.rightPanel);
  const setPanel = useAppStore((state) => state.setRightPanel);
  const shown = hasLesson ? panel : 'inspector';
  return (
    <aside className="right-panel" aria-label={shown === 'lesson' ? t('lesson.title') : t('inspector.title')}>
      {hasLesson && (
        <div className="right-tabs" role="tablist">
          {rightPanels.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={shown === name}
              className="dock-tab"
              onClick={() => setPanel(name)}
            >
              {name === 'lesson' ? t('lesson.title') : t('inspector.title')}
            </button>
          ))}
        </div>
      )}
      {shown === 'lesson' ? <LessonPanel /> : <Inspector />}
    </aside>
  );
}
