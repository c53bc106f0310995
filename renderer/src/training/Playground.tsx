/**
 * The playground: try the trained network. Character models take typed text and show the most
 * likely next characters, and can write on with a temperature; number models take a sequence.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultQuery, type Answer } from '../../../shared/training/predict';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import { lessonInput } from '../store/lesson-slice';
import { generate, predict } from './client';

const usable = new Set(['completed', 'stopped', 'early-stopped', 'diverged', 'interrupted']);

export function Playground() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const runs = useAppStore((state) => state.runs);
  const trained = [...runs].reverse().find((run) => usable.has(run.phase));
  const data = useAppStore((state) => state.data);
  const textMode = data?.kind === 'text-next-char';
  const lessonQuery = useAppStore(lessonInput);
  const [query, setQuery] = useState(() => lessonQuery ?? (data ? defaultQuery(data) : ''));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [temperature, setTemperature] = useState(1);
  const [length, setLength] = useState(40);
  const [generated, setGenerated] = useState<string | null>(null);

  // After a lesson's run the playground opens with the lesson's question, already asked.
  const pendingQuery = useAppStore((state) => state.pendingQuery);
  useEffect(() => {
    if (pendingQuery === null) return;
    const pending = useAppStore.getState().takePendingQuery();
    if (pending === null) return;
    void predict(pending).then((reply) => {
      setQuery(pending);
      if (reply.ok && 'answer' in reply) setAnswer(reply.answer);
    });
  }, [pendingQuery]);

  if (!trained) return <p className="muted playground-empty">{t('playground.trainFirst')}</p>;

  const ask = async () => {
    const reply = await predict(query);
    if (!reply.ok) {
      setProblem(localize(reply.problem));
      setAnswer(null);
    } else if ('answer' in reply) {
      setProblem(null);
      setAnswer(reply.answer);
    }
  };

  const write = async () => {
    const reply = await generate(query, length, temperature);
    if (!reply.ok) setProblem(localize(reply.problem));
    else if ('text' in reply) {
      setProblem(null);
      setGenerated(reply.text);
    }
  };

  return (
    <div className="playground">
      <p className="muted">{t('playground.using', { run: trained.number })}</p>
      <form
        className="playground-query"
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
        }}
      >
        <label className={`field${problem ? ' is-invalid' : ''}`}>
          <span className="field-name">{textMode ? t('playground.textInput') : t('playground.numbersInput')}</span>
          <input
            type="text"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-invalid={problem !== null}
            data-testid="playground-input"
            spellCheck={false}
          />
        </label>
        <button type="submit" className="button-primary">
          {t('playground.predict')}
        </button>
      </form>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {answer?.kind === 'classes' && (
        <ol className="answer-classes" data-testid="playground-answer">
          {answer.top.map((entry) => (
            <li key={entry.label}>
              <code className="answer-label">{JSON.stringify(entry.label)}</code>
              <span className="answer-bar">
                <span style={{ width: `${Math.max(entry.probability * 100, 0.5)}%` }} />
              </span>
              <span className="mono">{(entry.probability * 100).toFixed(1)} %</span>
            </li>
          ))}
        </ol>
      )}
      {answer?.kind === 'value' && (
        <p className="answer-value" data-testid="playground-answer">
          <span className="mono">{answer.value.toFixed(3)}</span>
        </p>
      )}
      {textMode && (
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
            {t('playground.length')}{' '}
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
            <p className="generated mono" data-testid="playground-generated">
              {generated}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
