/**
 * The playground: try the trained network. Character models take typed text and show the most
 * likely next characters, and can write on with a temperature; number models take a sequence;
 * image models take a digit drawn on a pad or a held-out image. Below, the whole held-out data:
 * a confusion matrix, the forecast over the series, or reconstructions with an anomaly threshold.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../../shared/data/build';
import { validationStart, type Evaluation } from '../../../shared/training/evaluate';
import { parseNumberList, type PlaygroundView } from '../../../shared/data/recipe';
import { recipeOf } from '../../../shared/data/recipes';
import { modeOf } from '../../../shared/training/modes';
import { defaultQuery, displayLabel, type Answer } from '../../../shared/training/predict';
import { usePercentFormat } from '../hooks/useProblemText';
import { RunSummary } from './RunSummary';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import { lessonInput } from '../store/lesson-slice';
import { selectDataCheck, selectGraph } from '../store/selectors';
import { evaluateTrained, generate, predict } from './client';
import { EvaluationView } from './EvaluationView';
import { GanPlayground } from './GanPlayground';
import { LookInside } from './LookInside';
import { ByHand, useFollowable } from './ByHand';
import { DrawingPad, PhotoImage, PixelImage, SampleImage } from './ImagePixels';
import { imageFileQuestion } from '../data/open-folder';
import { withChannels, type Pixels } from '../../../shared/data/pixels';
import { QueryForm, type Question } from './QueryForm';
import { TestSplitView } from './TestSplitView';

/** The ink (0 to 16) of the image a query names, `#12` or 64 numbers; blank when it names none. */
function imageInk(query: string, dataset: Dataset | null): number[] {
  const size = 64;
  const numbered = /^#\s*(\d+)$/.exec(query.trim());
  if (numbered && dataset) {
    const index = Number(numbered[1]) - 1;
    if (index >= 0 && index < (dataset.x.shape[0] ?? 0))
      return Array.from(dataset.x.values.subarray(index * size, (index + 1) * size), (value) => value * 16);
  }
  const numbers = parseNumberList(query);
  return numbers !== null && numbers.length === size ? numbers : Array.from({ length: size }, () => 0);
}

const usable = new Set(['completed', 'stopped', 'early-stopped', 'diverged', 'interrupted']);

/**
 * The likeliest classes with their probabilities; outputs that are not probabilities (a network
 * that does not end with softmax or sigmoid) are shown as scores, never as percentages.
 */
function ClassAnswer({ answer }: { answer: Extract<Answer, { kind: 'classes' }> }) {
  const { t } = useTranslation();
  const formatPercent = usePercentFormat();
  const largest = Math.max(...answer.top.map((entry) => Math.abs(entry.probability)), 1e-9);
  return (
    <>
      {!answer.probabilities && (
        <p className="muted" role="note">
          {t('playground.scores')}
        </p>
      )}
      <ol className="answer-classes" data-testid="playground-answer">
        {answer.top.map((entry) => {
          const share = answer.probabilities ? entry.probability : Math.max(0, entry.probability) / largest;
          return (
            <li key={entry.label}>
              <code className="answer-label" title={entry.label}>
                {displayLabel(entry.label)}
              </code>
              <span className="answer-bar">
                <span style={{ width: `${Math.max(share * 100, 0.5)}%` }} />
              </span>
              <span className="mono">
                {answer.probabilities ? formatPercent(entry.probability) : entry.probability.toFixed(3)}
              </span>
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** What a text the network just wrote is scrolled to, so it is seen rather than below the fold. */
const showGenerated = (element: HTMLElement | null) => element?.scrollIntoView({ block: 'nearest' });

/** Asks about a random held-out image, the fairest to try. */
function AnotherImage({
  heldOut,
  setQuery,
  ask,
}: Pick<Question, 'setQuery' | 'ask'> & { heldOut: { from: number; to: number } }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="button-quiet"
      onClick={() => {
        const number = heldOut.from + Math.floor(Math.random() * (heldOut.to - heldOut.from)) + 1;
        setQuery(`#${number}`);
        void ask(`#${number}`);
      }}
    >
      {t('playground.anotherImage')}
    </button>
  );
}

/**
 * The drawing pad, showing what was asked (the learner's drawing, or the image "#12" points at),
 * and a button that asks about a random held-out image.
 */
function QuestionPad({
  pad,
  ink,
  heldOut,
  setQuery,
  ask,
}: Pick<Question, 'setQuery' | 'ask'> & {
  pad: NonNullable<PlaygroundView['pad']>;
  ink: number[];
  heldOut: { from: number; to: number } | null;
}) {
  return (
    <div className="drawing-pad-column">
      <DrawingPad
        width={pad.width}
        height={pad.height}
        ink={ink}
        onDraw={(drawn) => {
          const text = drawn.join(' ');
          setQuery(text);
          void ask(text);
        }}
      />
      {heldOut && <AnotherImage heldOut={heldOut} setQuery={setQuery} ask={ask} />}
    </div>
  );
}

/**
 * For images asked by number (a learner's folder): the image "#12" points at, and a button that
 * asks about a random held-out one.
 */
function AskedImage({
  dataset,
  query,
  heldOut,
  setQuery,
  ask,
}: Pick<Question, 'setQuery' | 'ask'> & {
  dataset: Dataset;
  query: string;
  heldOut: { from: number; to: number } | null;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const images = dataset.images;
  const [count = 0, height = 1, width = 1, channels = 1] = dataset.x.shape;
  const asked = /^#\s*(\d+)$/.exec(query.trim());
  const index = asked ? Number(asked[1]) - 1 : -1;
  const size = height * width * channels;
  // An image file the learner brought, shown as it was read, while it is the question.
  const [brought, setBrought] = useState<{ name: string; pixels: Pixels } | null>(null);
  // A file that could not be read, shown until another question is typed.
  const [refused, setRefused] = useState<{ problem: string; query: string } | null>(null);
  const problem = refused?.query === query ? refused.problem : null;
  return (
    <div className="drawing-pad-column">
      {brought && !asked && (
        <PhotoImage
          values={Float32Array.from(brought.pixels.data, (value) => value / 255)}
          width={brought.pixels.width}
          height={brought.pixels.height}
          channels={brought.pixels.channels}
          size={Math.max(1, Math.round(96 / Math.max(brought.pixels.width, brought.pixels.height)))}
          label={brought.name}
        />
      )}
      <label className="button-quiet file-button">
        {t('playground.imageFile')}
        <input
          type="file"
          accept=".png,.jpg,.jpeg"
          className="visually-hidden"
          data-testid="playground-image-file"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            void imageFileQuestion(file).then((question) => {
              setRefused(question.ok ? null : { problem: localize(question.problem), query });
              if (!question.ok) return;
              // RGBA as decoded, shown without its alpha: grey or colour as the file is.
              setBrought({ name: file.name, pixels: withChannels(question.pixels, 3) });
              setQuery('');
              void ask(question.query);
            });
          }}
        />
      </label>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {images && index >= 0 && index < count && (
        <SampleImage
          images={images}
          values={dataset.x.values.subarray(index * size, (index + 1) * size)}
          size={12}
          label={t('data.imageOf', { number: index + 1, label: images.sampleClasses[index] ?? '' })}
        />
      )}
      {heldOut && <AnotherImage heldOut={heldOut} setQuery={setQuery} ask={ask} />}
    </div>
  );
}

/** The network's answer, in the data's terms: classes, a value, or the image it gave back. */
function AnswerView({ answer }: { answer: Answer | null }) {
  const { t } = useTranslation();
  if (answer?.kind === 'classes') return <ClassAnswer answer={answer} />;
  if (answer?.kind === 'outputs')
    return (
      <div className="answer-outputs" data-testid="playground-answers">
        {answer.parts.map((part) => (
          <div key={part.name} data-testid={`answer-${part.name}`}>
            <h4>{t('playground.testOutput', { output: part.name, column: part.column })}</h4>
            <AnswerView answer={part.answer} />
          </div>
        ))}
      </div>
    );
  if (answer?.kind === 'value')
    return (
      <p className="answer-value" data-testid="playground-answer">
        <span className="mono">{answer.value.toFixed(3)}</span>
      </p>
    );
  if (answer?.kind === 'image')
    return (
      <div className="answer-image" data-testid="playground-answer">
        <PixelImage values={answer.input} width={8} height={8} size={10} label={t('playground.shown')} />
        <span aria-hidden="true">→</span>
        <PixelImage values={answer.output} width={8} height={8} size={10} label={t('playground.given')} />
        <span className="mono">{t('playground.error', { error: answer.error.toFixed(4) })}</span>
      </div>
    );
  return null;
}

/** A character or word model writing on from the question, at a temperature, for a number of characters or words. */
function WriteOn({
  query,
  unit,
  setProblem,
}: {
  query: string;
  unit: 'characters' | 'words';
  setProblem: (problem: string | null) => void;
}) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [temperature, setTemperature] = useState(1);
  const [length, setLength] = useState(unit === 'words' ? 12 : 40);
  const [generated, setGenerated] = useState<string | null>(null);
  const write = async () => {
    const reply = await generate(query, length, temperature);
    if (!reply.ok) setProblem(localize(reply.problem));
    else if ('text' in reply) {
      setProblem(null);
      setGenerated(reply.text);
    }
  };
  return (
    <div className="playground-generate">
      <label>
        {t('playground.temperature')}{' '}
        <input
          type="range"
          min={0.1}
          max={2}
          step={0.1}
          value={temperature}
          onChange={(event) => setTemperature(Number(event.target.value))}
        />{' '}
        <span className="mono">{temperature.toFixed(1)}</span>
      </label>
      <label>
        {t(unit === 'words' ? 'playground.lengthWords' : 'playground.length')}{' '}
        <input
          type="number"
          min={1}
          max={500}
          value={length}
          onChange={(event) => setLength(Math.min(500, Math.max(1, Number(event.target.value) || 1)))}
        />
      </label>
      <button type="button" className="button-quiet" onClick={() => void write()}>
        {t('playground.generate')}
      </button>
      {generated !== null && (
        <p className="generated mono" data-testid="playground-generated" ref={showGenerated}>
          {generated}
        </p>
      )}
    </div>
  );
}

/** Each newly trained network measured once on the held-out data, in the worker. */
function useEvaluation(trainedId: string | undefined): Evaluation | null {
  const [evaluation, setEvaluation] = useState<Evaluation | null>(null);
  useEffect(() => {
    if (trainedId === undefined) return;
    let current = true;
    void evaluateTrained().then((result) => {
      if (current) setEvaluation(result);
    });
    return () => {
      current = false;
    };
  }, [trainedId]);
  return evaluation;
}

/** After a lesson's run the playground opens with the lesson's question, already asked. */
function usePendingQuery(
  setQuery: (query: string) => void,
  setAnswer: (answer: Answer, question: string) => void,
): void {
  const pendingQuery = useAppStore((state) => state.pendingQuery);
  useEffect(() => {
    if (pendingQuery === null) return;
    const pending = useAppStore.getState().takePendingQuery();
    if (pending === null) return;
    void predict(pending).then((reply) => {
      setQuery(pending);
      if (reply.ok && 'answer' in reply) setAnswer(reply.answer, pending);
    });
  }, [pendingQuery, setQuery, setAnswer]);
}

export function Playground() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const runs = useAppStore((state) => state.runs);
  const trained = [...runs].reverse().find((run) => usable.has(run.phase));
  const data = useAppStore((state) => state.data);
  // How the recipe asks: numbers, words or symbols on a line, a long sequence, or an image.
  const view = data ? recipeOf(data).playground(data) : null;
  const imageMode = view?.input === 'image';
  const dataCheck = useAppStore(selectDataCheck);
  const dataset = dataCheck.dataset?.ok ? dataCheck.dataset.dataset : null;
  const samples = dataset?.x.shape[0] ?? 0;
  // What the mode asks for, a string: the playground does not re-render when a layer is dragged.
  const asks = useAppStore((state) => {
    const built = selectDataCheck(state).dataset;
    return built?.ok ? modeOf(selectGraph(state), built.dataset).question : null;
  });
  // The held-out images, numbered from 1 as the playground writes them: the fairest to try.
  const heldOut =
    imageMode && samples > 0 && trained
      ? { from: validationStart(samples, trained.settings.validation_split) % samples, to: samples }
      : null;
  const evaluation = useEvaluation(trained?.id);
  const lessonQuery = useAppStore(lessonInput);
  const [query, setQuery] = useState(() => lessonQuery ?? (data ? defaultQuery(data) : ''));
  const [answer, setAnswerOnly] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The question the answer is to, and how many have been asked: looking inside follows each one.
  const [asked, setAsked] = useState({ question: query, count: 0 });
  const setAnswer = useCallback((answered: Answer, question: string) => {
    setAnswerOnly(answered);
    setAsked((before) => ({ question, count: before.count + 1 }));
  }, []);
  usePendingQuery(setQuery, setAnswer);
  const followable = useFollowable();

  if (!trained) return <p className="muted playground-empty">{t('playground.trainFirst')}</p>;

  const ask = async (asked = query) => {
    const reply = await predict(asked);
    if (!reply.ok) {
      setProblem(localize(reply.problem));
      setAnswerOnly(null);
    } else if ('answer' in reply) {
      setProblem(null);
      setAnswer(reply.answer, asked);
    }
  };

  // A GAN is asked for a noise seed, and answers with an image and the discriminator's view of it.
  if (asks === 'seed')
    return <GanPlayground run={trained} question={{ seed: query, setSeed: setQuery, answer, problem, ask }} />;

  return (
    <div className="playground">
      <div className="playground-try">
        <RunSummary run={trained} />
        <QueryForm
          label={
            view?.label
              ? localize(view.label)
              : t(
                  {
                    lines: 'playground.textInput',
                    text: 'playground.textInput',
                    image: 'playground.imageInput',
                    numbers: 'playground.numbersInput',
                  }[view?.input ?? 'numbers'],
                )
          }
          lines={view?.input === 'lines'}
          submit={t('playground.predict')}
          question={{ query, setQuery, problem, ask }}
        />
        <div className={imageMode ? 'playground-image' : 'playground-answer'}>
          {imageMode && !view.pad && dataset && (
            <AskedImage dataset={dataset} query={query} heldOut={heldOut} setQuery={setQuery} ask={ask} />
          )}
          {view?.pad && (
            <QuestionPad
              pad={view.pad}
              ink={imageInk(query, dataset)}
              heldOut={heldOut}
              setQuery={setQuery}
              ask={ask}
            />
          )}
          <AnswerView answer={answer} />
        </div>
        {view?.writes && <WriteOn query={query} unit={view.writes} setProblem={setProblem} />}
        {answer && <LookInside question={asked.question} asked={asked.count} />}
        {followable && <ByHand runId={trained.id} />}
      </div>
      {(evaluation || trained.outcome?.test) && (
        <div className="playground-whole">
          {trained.outcome?.test && <TestSplitView result={trained.outcome.test} />}
          {evaluation && <EvaluationView evaluation={evaluation} />}
        </div>
      )}
    </div>
  );
}
