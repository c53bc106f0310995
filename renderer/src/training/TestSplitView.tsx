/**
 * The test split's result, apart from the training figures: samples never trained on nor
 * validated on, measured once when the run ended. Classes: accuracy, each class's precision,
 * recall and F1, and the confusion matrix; numbers: the mean absolute and root mean square errors.
 * A network of several outputs: each output's figures on the column it predicts.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OneResult, TestResult } from '../../../shared/training/test-split';
import { useFigureFormat, usePercentFormat } from '../hooks/useProblemText';

/** The figures of one output on its column. */
function OneResultView({ result }: { result: OneResult }) {
  const { t } = useTranslation();
  const formatPercent = usePercentFormat();
  const formatFigure = useFigureFormat();
  const note = useId();
  return result.kind === 'value' ? (
    <p className="mono">
      {t('playground.testValue', { mae: formatFigure(result.mae), rmse: formatFigure(result.rmse) })}
    </p>
  ) : (
    <>
      <p className="mono">{t('playground.testAccuracy', { accuracy: formatPercent(result.accuracy) })}</p>
      <table className="data-table">
        <thead>
          <tr>
            <th>{t('playground.testClass')}</th>
            <th>{t('playground.testPrecision')}</th>
            <th>{t('playground.testRecall')}</th>
            <th>{t('playground.testF1')}</th>
            <th>{t('playground.testSupport')}</th>
          </tr>
        </thead>
        <tbody>
          {result.perClass.map((entry) => (
            <tr key={entry.label}>
              <td className="mono">{entry.label}</td>
              <td className="mono">{entry.precision.toFixed(2)}</td>
              <td className="mono">{entry.recall.toFixed(2)}</td>
              <td className="mono">{entry.f1.toFixed(2)}</td>
              <td className="mono">{entry.support}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.perClass.length < result.classCount && (
        <p className="muted" data-testid="test-classes-listed">
          {t('playground.testClassesListed', { listed: result.perClass.length, count: result.classCount })}
        </p>
      )}
      {result.confusion.length > 0 && (
        <table className="data-table confusion-small" aria-describedby={note}>
          <thead>
            <tr>
              <th />
              {result.labels.map((label) => (
                <th key={label} className="mono">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.confusion.map((line, row) => (
              <tr key={row}>
                <th className="mono">{result.labels[row]}</th>
                {line.map((count, column) => (
                  <td key={column} className={`mono${row === column ? ' is-one' : ''}`}>
                    {count}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {result.confusion.length > 0 && (
        <p className="muted" id={note}>
          {t('playground.testConfusion')}
        </p>
      )}
    </>
  );
}

export function TestSplitView({ result }: { result: TestResult }) {
  const { t } = useTranslation();
  return (
    <section
      className="test-split"
      data-testid="test-split-result"
      aria-label={t('playground.testTitle', { samples: result.samples })}
    >
      <h3>{t('playground.testTitle', { samples: result.samples })}</h3>
      {result.kind === 'outputs' ? (
        result.parts.map((part) => (
          <div key={part.name} className="test-split-part" data-testid={`test-output-${part.name}`}>
            <h4>{t('playground.testOutput', { output: part.name, column: part.column })}</h4>
            <OneResultView result={part.result} />
          </div>
        ))
      ) : (
        <OneResultView result={result} />
      )}
    </section>
  );
}
