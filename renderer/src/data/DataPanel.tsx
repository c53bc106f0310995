/**
 * The data the network trains on: which recipe, its raw data and settings, and what it makes (the
 * vocabulary, the windows, the shapes of X and y). Each recipe lists its own controls and says
 * how its preview reads (shared/data/recipes/); this panel draws them and names no kind. A bad
 * value is refused at its field.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../../shared/data/build';
import { recipeOf, recipes } from '../../../shared/data/recipes';
import { switchedSpec, type DataKind } from '../../../shared/data/spec';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore, type AppState } from '../store';
import { selectDataCheck } from '../store/selectors';
import { SampleImage } from '../training/ImagePixels';
import { PanelFieldView } from './widgets';
import { pointToDataFile, proposeStarter, soughtText } from './open-data';

/** Images shown in the data panel: enough to see the handwriting vary. */
const shownImages = 24;

/** The first images of an image recipe, each with its class. */
function ImageStrip({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const images = dataset.images;
  if (!images) return null;
  const size = images.height * images.width * images.channels;
  const count = Math.min(shownImages, dataset.x.shape[0] ?? 0);
  return (
    <div className="image-strip" data-testid="data-images">
      {Array.from({ length: count }, (_, index) => (
        <figure key={index}>
          <SampleImage
            images={images}
            values={dataset.x.values.subarray(index * size, (index + 1) * size)}
            size={5}
            label={t('data.imageOf', { number: index + 1, label: images.sampleClasses[index] ?? '' })}
          />
          <figcaption className="mono">{images.sampleClasses[index]}</figcaption>
        </figure>
      ))}
    </div>
  );
}

/** The first window, one-hot: one row per character, one column per vocabulary entry. */
function OneHotGrid({ window, labels }: { window: string; labels: string[] }) {
  const { t } = useTranslation();
  return (
    <table className="one-hot" aria-label={t('data.oneHot')} data-testid="one-hot">
      <caption className="muted">{t('data.oneHotCaption', { window: JSON.stringify(window) })}</caption>
      <thead>
        <tr>
          <th />
          {labels.map((label) => (
            <th key={label} className="mono">
              {label === ' ' ? '␣' : label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from(window).map((character, row) => (
          <tr key={row}>
            <th className="mono">{character === ' ' ? '␣' : character}</th>
            {labels.map((label) => (
              <td key={label} className={label === character ? 'is-one' : undefined}>
                {label === character ? 1 : 0}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A learner's table: each column's type, missing and distinct values and role; the rows left out; the split. */
function TableFactsView({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const facts = dataset.table;
  if (!facts) return null;
  const types = { number: t('data.typeNumber'), words: t('data.typeWords') };
  const roles = { input: t('data.roleInput'), target: t('data.roleTarget'), ignored: t('data.roleIgnored') };
  return (
    <>
      <table className="data-table table-columns" data-testid="table-columns">
        <caption className="muted">{t('data.columnsCaption', { rows: facts.rows })}</caption>
        <thead>
          <tr>
            <th>{t('data.column')}</th>
            <th>{t('data.type')}</th>
            <th>{t('data.missing')}</th>
            <th>{t('data.distinct')}</th>
            <th>{t('data.role')}</th>
          </tr>
        </thead>
        <tbody>
          {facts.columns.map((column) => (
            <tr key={column.name} className={`role-${column.role}`}>
              <td className="mono">{column.name}</td>
              <td>{types[column.type]}</td>
              <td className="mono">{column.missing}</td>
              <td className="mono">{column.distinct}</td>
              <td>
                {column.input
                  ? t('data.roleInputOf', { name: column.input })
                  : column.output
                    ? t('data.roleTargetOf', { name: column.output })
                    : roles[column.role]}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted" data-testid="test-split">
        {t(facts.windows ? 'data.testWindows' : 'data.testSplit', {
          test: facts.testRows,
          train: dataset.x.shape[0] ?? 0,
        })}
      </p>
      {facts.badCount > 0 && (
        <div className="bad-rows" data-testid="bad-rows">
          <p>{t('data.badRows', { count: facts.badCount })}</p>
          <ul>
            {facts.bad.map((bad, index) => (
              <li key={index} className="mono">
                {localize(bad)}
              </li>
            ))}
          </ul>
          {facts.badCount > facts.bad.length && (
            <p className="muted">{t('data.badRowsMore', { count: facts.badCount - facts.bad.length })}</p>
          )}
        </div>
      )}
    </>
  );
}

const labelsHeading = {
  vocabulary: 'data.vocabulary',
  words: 'data.vocabularyWords',
  classes: 'data.classes',
} as const;
/** Labels listed by name: a vocabulary of thousands of words is counted past these, not drawn. */
const shownLabels = 200;

/**
 * The data file the project keeps outside itself, not found as saved: why, and a button to point
 * to it (the same file is taken as it is; another one only when the learner says so).
 */
function SoughtFile({ sought }: { sought: NonNullable<AppState['dataSought']> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const language = useAppStore((state) => state.language);
  const [problem, setProblem] = useState<string | null>(null);
  const extension = /\.[^.]+$/.exec(sought.file.name)?.[0] ?? '';
  return (
    <div className="data-sought field-error" role="alert" data-testid="data-sought">
      <p>{soughtText(sought, language)}</p>
      <label className="button-quiet file-button">
        {t('data.pointToFile')}
        <input
          type="file"
          accept={extension}
          data-testid="data-point-to-file"
          className="visually-hidden"
          onChange={(event) => {
            const chosen = event.target.files?.[0];
            event.target.value = '';
            if (chosen)
              void pointToDataFile(chosen).then((opened) =>
                setProblem(opened.ok || opened.cancelled ? null : localize(opened.problem)),
              );
          }}
        />
      </label>
      {problem && <p className="field-error">{problem}</p>}
    </div>
  );
}

export function DataPanel() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const data = useAppStore((state) => state.data);
  const setData = useAppStore((state) => state.setData);
  const check = useAppStore(selectDataCheck);
  const built = check.dataset;
  const preview = data ? recipeOf(data).preview(data) : null;
  const canvasEmpty = useAppStore((state) => state.nodes.length === 0);
  // A network that does not fit this data (drawn for other data) may be replaced by a starter.
  const misfit = check.problems.some((problem) => problem.severity === 'error');
  const sought = useAppStore((state) => state.dataSought);

  return (
    <div className="data-panel">
      <div className="data-form">
        <label className="field">
          <span className="field-name">{t('data.source')}</span>
          <select
            value={data?.kind ?? 'none'}
            onChange={(event) => {
              const kind = event.target.value as DataKind | 'none';
              setData(kind === 'none' ? null : switchedSpec(data, kind));
            }}
          >
            <option value="none">{t('data.none')}</option>
            {recipes.map((recipe) => (
              <option key={recipe.kind} value={recipe.kind}>
                {localize(recipe.title)}
              </option>
            ))}
          </select>
        </label>
        {sought && <SoughtFile sought={sought} />}
        {data &&
          !sought &&
          recipeOf(data)
            .panel(data)
            .map((field, index) => (
              // Keyed by kind: another recipe's fields start from its own values, not this one's drafts.
              <PanelFieldView key={`${data.kind}-${index}`} field={field} spec={data} onChange={setData} />
            ))}
        {!data && <p className="muted">{t('data.choose')}</p>}
      </div>
      {built && !built.ok && !sought && (
        // Large data being built off the window is news, not a fault.
        <p className={built.pending ? 'muted' : 'field-error'} role={built.pending ? 'status' : 'alert'}>
          {localize(built.problem)}
        </p>
      )}
      {built?.ok && preview && (
        <div className="data-preview" data-testid="data-preview">
          <p className="data-shapes">
            <span>
              {t('data.inputs')} <code>{`(${built.dataset.x.shape.join(', ')})`}</code>
              {/* A table shared out among several Inputs: what each of them is given. */}
              {built.dataset.inputs && built.dataset.inputs.length > 1 && (
                <span data-testid="shared-inputs">
                  {' → '}
                  {built.dataset.inputs.map((input, index) => (
                    <span key={input.name}>
                      {index > 0 && ', '}
                      {input.name} <code>{`(${built.dataset.x.shape[0] ?? 0}, ${input.columns.length})`}</code>
                    </span>
                  ))}
                </span>
              )}
            </span>
            {/* A GAN's real images have no targets: y would only repeat X. */}
            {built.dataset.target.kind !== 'generate' && !built.dataset.outputs && (
              <span>
                {t('data.targets')} <code>{`(${built.dataset.y.shape.join(', ')})`}</code>
              </span>
            )}
            {/* Several columns predicted: each output's targets, by the output's name. */}
            {built.dataset.outputs && (
              <span data-testid="shared-outputs">
                {t('data.targets')}{' '}
                {built.dataset.outputs.map((output, index) => (
                  <span key={output.name}>
                    {index > 0 && ', '}
                    {output.name} <code>{`(${output.y.shape.join(', ')})`}</code>
                  </span>
                ))}
              </span>
            )}
            {built.dataset.target.kind === 'class' && (
              <span>
                {t(labelsHeading[preview.labels], { count: built.dataset.target.labels.length })}{' '}
                {built.dataset.target.labels.slice(0, shownLabels).map((label, index) => (
                  <code key={label} className="vocab-entry" title={String(index)}>
                    {index}:{JSON.stringify(label)}
                  </code>
                ))}
                {built.dataset.target.labels.length > shownLabels &&
                  ` ${t('data.moreLabels', { count: built.dataset.target.labels.length - shownLabels })}`}
              </span>
            )}
          </p>
          {built.dataset.words && (
            <p className="muted" data-testid="word-count">
              {t('data.words', { count: built.dataset.words.length })}
            </p>
          )}
          {built.dataset.images && <ImageStrip dataset={built.dataset} />}
          <TableFactsView dataset={built.dataset} />
          {(canvasEmpty || misfit) && (
            <button
              type="button"
              className="button-primary starter-button"
              onClick={() => useAppStore.getState().asOneStep(() => proposeStarter(built.dataset))}
            >
              {t(canvasEmpty ? 'data.starter' : 'data.replaceWithStarter')}
            </button>
          )}
          {preview.oneHot && built.dataset.target.kind === 'class' && built.dataset.preview[0] && (
            <OneHotGrid window={built.dataset.preview[0].input} labels={built.dataset.target.labels} />
          )}
          {preview.headings && (
            <table className="data-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>{localize(preview.headings.input)}</th>
                  <th>{localize(preview.headings.target)}</th>
                </tr>
              </thead>
              <tbody>
                {built.dataset.preview.map((row, index) => (
                  <tr key={index}>
                    <td className="muted">{index}</td>
                    <td className="mono">{JSON.stringify(row.input)}</td>
                    <td className="mono">{JSON.stringify(row.target)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
