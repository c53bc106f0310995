/**
 * The open lesson: its steps in order, each able to point at the layer or setting it talks about,
 * the exercise's variant in one click, and "check my network" against the lesson's own graph.
 */
import { useReactFlow } from '@xyflow/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareGraphs, describeDifference } from '../../../shared/templates/compare';
import type { Carries, TemplateStep } from '../../../shared/templates/template';
import { useShallow } from 'zustand/react/shallow';
import { takeTrainedLayers, watchInside } from '../training/client';
import { lessonLibrary } from './templates';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import { selectGraph } from '../store/selectors';
import { lessonGraph } from '../store/lesson-slice';
import type { ExpectationItem } from '../../../shared/templates/expectation';
import { displayLabel } from '../../../shared/training/predict';
import { useFigureFormat, useNumberFormat } from '../hooks/useProblemText';

/**
 * A lesson that starts from another's trained layers (transfer learning): brings them in from the
 * worker when that lesson was the last one trained, or sends the learner to train it first.
 */
function CarriedLayers({ carries }: { carries: Carries }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const lastTrained = useAppStore((state) => state.lastTrained);
  const received = useAppStore(
    useShallow((state) =>
      state.nodes
        .filter((node) => node.data.carried && carries.layers.includes(node.data.name))
        .map((node) => node.data.name),
    ),
  );
  const openTemplate = useAppStore((state) => state.openTemplate);
  const [problem, setProblem] = useState<string | null>(null);
  const source = lessonLibrary.templates.find((template) => template.id === carries.from);
  if (!source) return null;
  const title = localize(source.title);
  const ready = lastTrained?.templateId === carries.from;
  const bring = async () => {
    if (!lastTrained) return;
    const taken = await takeTrainedLayers(lastTrained.runId, carries.layers, title);
    setProblem(taken.ok ? null : localize(taken.problem));
  };
  const all = received.length === carries.layers.length;
  return (
    <div className={`lesson-carried${all ? ' is-done' : ''}`} data-testid="lesson-carried" role="status">
      <p>
        {all
          ? t('lesson.carriedDone', { layers: carries.layers.join(', '), lesson: title })
          : t('lesson.carriedNeeded', { layers: carries.layers.join(', '), lesson: title })}
      </p>
      {!all && ready && (
        <button type="button" onClick={() => void bring()}>
          {t('lesson.carryBring', { lesson: title })}
        </button>
      )}
      {!all && !ready && (
        <>
          <p className="muted">{t('lesson.carryTrainFirst', { lesson: title })}</p>
          <button type="button" className="button-quiet" onClick={() => openTemplate(source)}>
            {t('lesson.carryOpen', { lesson: title })}
          </button>
        </>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

/** One requirement of the lesson against what the run gave, in the learner's words. */
function VerdictItem({ item }: { item: ExpectationItem }) {
  const { t } = useTranslation();
  const formatFigure = useFigureFormat();
  const formatNumber = useNumberFormat();
  // What the run measured, to four digits; the lesson's targets as the lesson writes them.
  const figure = (value: number | null) => (value === null ? '—' : formatFigure(value));
  const target = (value: number | null) => (value === null ? '—' : formatNumber(value));
  const text =
    item.kind === 'answer'
      ? t('lesson.verdictAnswer', {
          input: item.input,
          got: displayLabel(item.got),
          expected: displayLabel(item.expected),
        })
      : item.kind === 'value'
        ? t('lesson.verdictValue', {
            input: item.input,
            got: figure(item.got),
            min: target(item.min),
            max: target(item.max),
          })
        : t(item.atLeast !== undefined ? 'lesson.verdictAtLeast' : 'lesson.verdictAtMost', {
            name: item.name,
            got: figure(item.got),
            target: target(item.atLeast ?? item.atMost ?? null),
          });
  return (
    <li className={item.ok ? 'is-met' : 'is-missed'}>
      <span aria-hidden="true">{item.ok ? '✓' : '✗'}</span> {text}
    </li>
  );
}

/**
 * Whether the last finished run gave the lesson's result (its variant's, when one is applied),
 * with the numbers, as `layerlab train` says it.
 */
function LessonVerdict() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const run = useAppStore((state) => [...state.runs].reverse().find((candidate) => candidate.lessonCheck !== null));
  const check = run?.lessonCheck;
  if (!run || !check) return null;
  return (
    <section
      className={`lesson-verdict ${check.met ? 'is-met' : 'is-missed'}`}
      data-testid="lesson-verdict"
      aria-label={t('lesson.verdictTitle')}
    >
      <h4>
        {check.met ? t('lesson.verdictMet') : t('lesson.verdictMissed')}
        {run.variant && <span className="muted"> · {localize(run.variant)}</span>}
      </h4>
      <ul>
        {check.items.map((item, index) => (
          <VerdictItem key={index} item={item} />
        ))}
      </ul>
      {!check.met && <p className="muted">{t('lesson.verdictTryAgain')}</p>}
    </section>
  );
}

export function LessonPanel() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const lesson = useAppStore((state) => state.lesson);
  const language = useAppStore((state) => state.language);
  const setLessonStep = useAppStore((state) => state.setLessonStep);
  const applyVariant = useAppStore((state) => state.applyVariant);
  const setHighlight = useAppStore((state) => state.setHighlight);
  const setDockTab = useAppStore((state) => state.setDockTab);
  const selectOnly = useAppStore((state) => state.selectOnly);
  const { fitView } = useReactFlow();
  const [differences, setDifferences] = useState<string[] | null>(null);

  if (!lesson) return <p className="inspector-empty">{t('lesson.none')}</p>;
  const { template, step: current } = lesson;

  const show = (step: TemplateStep) => {
    const highlight = step.highlight;
    if (!highlight) return;
    if ('inside' in highlight) {
      // A layer to look inside is chosen by selecting it, as a click on the canvas does.
      const node = useAppStore.getState().nodes.find((candidate) => candidate.data.name === highlight.layer);
      if (node) selectOnly(node.id);
      if (highlight.inside === 'training') watchInside(true);
      setDockTab(highlight.inside === 'training' ? 'training' : 'playground');
      setHighlight({ kind: 'inside', name: highlight.inside, gates: highlight.gates === true });
    } else if ('layer' in highlight) {
      const node = useAppStore.getState().nodes.find((candidate) => candidate.data.name === highlight.layer);
      if (!node) return;
      selectOnly(node.id);
      void fitView({ nodes: [{ id: node.id }], duration: 300, maxZoom: 1.1 });
      setHighlight({ kind: 'layer', name: highlight.layer });
    } else if ('setting' in highlight) {
      setDockTab('training');
      setHighlight({ kind: 'setting', name: highlight.setting });
    } else {
      setDockTab(highlight.tab);
    }
  };

  const check = () => {
    // Against the network the learner chose to build: the lesson's, or its applied variant's.
    const state = useAppStore.getState();
    const found = compareGraphs(selectGraph(state), lessonGraph(state) ?? template.graph);
    setDifferences(found.map((difference) => describeDifference(difference, language)));
  };

  return (
    <div className="lesson-panel" data-testid="lesson-panel">
      <header className="lesson-header">
        <p className="muted">{t('gallery.lesson', { lesson: template.lesson })}</p>
        <h3>{localize(template.title)}</h3>
      </header>
      {template.carries && <CarriedLayers carries={template.carries} />}
      <LessonVerdict />
      <ol className="lesson-steps">
        {template.steps.map((step, index) => (
          <li key={index} className={index === current ? 'is-current' : ''}>
            <button
              type="button"
              className="lesson-step-title"
              onClick={() => setLessonStep(index)}
              aria-expanded={index === current}
            >
              <span className="lesson-step-number">{index + 1}</span> {localize(step.title)}
            </button>
            {index === current && (
              <div className="lesson-step-body">
                <p>{localize(step.body)}</p>
                <div className="lesson-step-actions">
                  {step.highlight && (
                    <button type="button" className="button-quiet" onClick={() => show(step)}>
                      {t('lesson.show')}
                    </button>
                  )}
                  {step.variant && (
                    <button
                      type="button"
                      className="button-quiet"
                      onClick={() => step.variant && applyVariant(step.variant)}
                      disabled={lesson.variant === step.variant}
                    >
                      {lesson.variant === step.variant
                        ? t('lesson.variantApplied')
                        : localize(
                            template.variants.find((variant) => variant.id === step.variant)?.label ?? {
                              en: '',
                              es: '',
                            },
                          )}
                    </button>
                  )}
                  {index < template.steps.length - 1 && (
                    <button type="button" className="button-quiet" onClick={() => setLessonStep(index + 1)}>
                      {t('lesson.next')}
                    </button>
                  )}
                </div>
              </div>
            )}
          </li>
        ))}
      </ol>
      <div className="lesson-check">
        <button type="button" className="button-quiet" onClick={check}>
          {t('lesson.check')}
        </button>
        {differences !== null && (
          <div data-testid="lesson-differences" role="status">
            {differences.length === 0 ? (
              <p className="lesson-match">{t('lesson.matches')}</p>
            ) : (
              <ul>
                {differences.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
