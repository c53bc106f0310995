/**
 * A GAN's playground: the 64 images its generator drew after each epoch, from the same noise every
 * time, with an epoch slider to watch noise become digits; and one image drawn from a typed noise
 * seed, with the discriminator's verdict and the nearest real image beside it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RunSummary } from './RunSummary';
import type { Answer } from '../../../shared/training/predict';
import type { Run } from '../store/training-slice';
import { PixelImage } from './ImagePixels';
import { QueryForm } from './QueryForm';

/** How often each class is the nearest real image, most often first: "0 ×12 · 6 ×9". */
function nearestCounts(nearest: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of nearest) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([label, count]) => `${label} ×${count}`)
    .join(' · ');
}

/** The playground's question, asked and answered as for any network: here a noise seed. */
export interface GanQuestion {
  seed: string;
  setSeed: (seed: string) => void;
  answer: Answer | null;
  problem: string | null;
  ask: (seed?: string) => Promise<void>;
}

export function GanPlayground({ run, question }: { run: Run; question: GanQuestion }) {
  const { t } = useTranslation();
  const { seed, setSeed, problem, ask } = question;
  const answer = question.answer?.kind === 'sample' ? question.answer : null;
  const drawnEpochs = run.epochs.filter((update) => update.samples);
  const [chosen, setChosen] = useState<number | null>(null);
  // The slider follows the newest epoch until the learner moves it.
  const index = Math.min(chosen ?? drawnEpochs.length - 1, drawnEpochs.length - 1);
  const shown = drawnEpochs[index];
  const samples = shown?.samples;

  return (
    <div className="playground gan-playground">
      <div className="playground-try">
        <RunSummary run={run} />
        <QueryForm
          label={t('gan.seed')}
          inputMode="numeric"
          submit={t('gan.draw')}
          question={{ query: seed, setQuery: setSeed, problem, ask }}
        >
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              const next = String(Math.floor(Math.random() * 100_000));
              setSeed(next);
              void ask(next);
            }}
          >
            {t('gan.newSeed')}
          </button>
        </QueryForm>
        {answer && (
          <div className="answer-image gan-answer" data-testid="playground-answer">
            <figure className="gan-figure">
              <PixelImage values={answer.output} width={8} height={8} size={12} label={t('gan.drawn')} />
              <figcaption>{t('gan.drawnShort')}</figcaption>
            </figure>
            <div className="gan-verdict">
              <p>{t('gan.realness', { percent: (answer.realness * 100).toFixed(0) })}</p>
              <p className="muted">
                {t('gan.nearest', { label: answer.nearest.label, distance: answer.nearest.distance.toFixed(4) })}
              </p>
            </div>
            <figure className="gan-figure">
              <PixelImage values={answer.nearest.image} width={8} height={8} size={12} label={t('gan.nearestImage')} />
              <figcaption>{t('gan.nearestShort')}</figcaption>
            </figure>
          </div>
        )}
      </div>
      <section className="playground-whole evaluation" aria-label={t('gan.samples')}>
        <h3>{t('gan.samples')}</h3>
        {samples && shown ? (
          <>
            <label className="gan-epoch">
              {t('gan.epoch', { epoch: shown.epoch + 1, epochs: run.settings.epochs })}{' '}
              <input
                type="range"
                min={0}
                max={drawnEpochs.length - 1}
                value={index}
                onChange={(event) => setChosen(Number(event.target.value))}
                data-testid="gan-epoch"
              />
            </label>
            <div
              className="gan-grid"
              data-testid="gan-samples"
              data-epoch={shown.epoch + 1}
              style={{ gridTemplateColumns: `repeat(${Math.ceil(Math.sqrt(samples.count))}, auto)` }}
            >
              {Array.from({ length: samples.count }, (_, sample) => {
                const size = samples.height * samples.width * samples.channels;
                return (
                  <PixelImage
                    key={sample}
                    values={Array.from(samples.values.subarray(sample * size, (sample + 1) * size))}
                    width={samples.width}
                    height={samples.height}
                    size={4}
                    label={t('gan.sampleLabel', { number: sample + 1, label: samples.nearest[sample] ?? '' })}
                  />
                );
              })}
            </div>
            <p className="muted" data-testid="gan-sample-logs">
              {t('gan.logs', {
                distance: (shown.logs.sample_distance ?? Number.NaN).toFixed(4),
                classes: shown.logs.sample_classes ?? 0,
                accuracy: (shown.logs.d_accuracy ?? Number.NaN).toFixed(2),
              })}
            </p>
            <p className="muted">{t('gan.nearestCounts', { counts: nearestCounts(samples.nearest) })}</p>
          </>
        ) : (
          <p className="muted">{t('gan.noSamples')}</p>
        )}
      </section>
    </div>
  );
}
