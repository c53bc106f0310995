/**
 * The data file being opened: its name, how much of it is read (then that its table is being
 * read), and Cancel, which stops the worker and leaves the data as it was.
 */
import { useTranslation } from 'react-i18next';
import { useNumberFormat, usePercentFormat } from '../hooks/useProblemText';
import { useOpening } from './open-data';

export function OpeningBar() {
  const { t } = useTranslation();
  const formatPercent = usePercentFormat();
  const formatCount = useNumberFormat();
  const { opening, cancel } = useOpening();
  if (!opening) return null;
  const { name, stage, fraction } = opening;
  return (
    <div className="notice notice-info opening" role="status" data-testid="opening">
      <span>
        {stage === 'reading'
          ? t('data.openingRead', { name, done: formatPercent(fraction ?? 0) })
          : stage === 'decoding'
            ? t('data.openingImages', {
                name,
                done: formatCount(opening.images?.done ?? 0),
                total: formatCount(opening.images?.total ?? 0),
              })
            : stage === 'building'
              ? t('data.openingBuild', { name })
              : fraction === null
                ? t('data.openingParse', { name })
                : t('data.openingRows', { name, done: formatPercent(fraction) })}
      </span>
      <progress
        max={1}
        aria-label={t('data.openingProgress', { name })}
        {...(fraction === null ? {} : { value: fraction })}
      />
      <button type="button" className="button-quiet" onClick={() => cancel?.()}>
        {t('data.openingCancel')}
      </button>
    </div>
  );
}
