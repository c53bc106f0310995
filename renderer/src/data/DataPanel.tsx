/**
 * The data the network trains on: which recipe, its raw data and window, and what it makes (the
 * vocabulary, the windows, the shapes of X and y). A bad value is refused at its field.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset } from '../../../shared/data/build';
import { defaultDataSpecs, type DataKind, type DataSpec } from '../../../shared/data/spec';
import { parseNumberList } from '../../../shared/training/predict';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';
import { selectDataCheck } from '../store/selectors';
import { PixelImage } from '../training/ImagePixels';

/** What a network does with images: the data spec's tasks, in the order the menu lists them. */
const imageTasks = ['classify', 'reconstruct', 'generate'] as const;

const dataKinds: DataKind[] = [
  'text-next-char',
  'sequence-next-value',
  'table',
  'images',
  'recall',
  'adding',
  'text-class',
];

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
          <PixelImage
            values={Array.from(dataset.x.values.subarray(index * size, (index + 1) * size))}
            width={images.width}
            height={images.height}
            size={5}
            label={t('data.imageOf', { number: index + 1, label: images.sampleClasses[index] ?? '' })}
          />
          <figcaption className="mono">{images.sampleClasses[index]}</figcaption>
        </figure>
      ))}
    </div>
  );
}

/**
 * Labelled texts, one a line as `label: text`; a line without its label is refused at its number,
 * and the recipe keeps its last good examples until the lines read.
 */
function ExamplesField({
  spec,
  onCommit,
}: {
  spec: Extract<DataSpec, { kind: 'text-class' }>;
  onCommit: (examples: { text: string; label: string }[]) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() =>
    spec.examples.map((example) => `${example.label}: ${example.text}`).join('\n'),
  );
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label className={`field${problem ? ' is-invalid' : ''}`}>
      <span className="field-name">{t('data.examples')}</span>
      <textarea
        rows={6}
        value={draft}
        spellCheck={false}
        aria-invalid={problem !== null}
        data-testid="text-examples"
        onChange={(event) => {
          setDraft(event.target.value);
          const lines = event.target.value.split('\n').filter((line) => line.trim() !== '');
          const examples: { text: string; label: string }[] = [];
          for (const [index, line] of lines.entries()) {
            const colon = line.indexOf(':');
            const label = line.slice(0, colon).trim();
            const text = line.slice(colon + 1).trim();
            if (colon < 1 || label === '' || text === '') {
              setProblem(t('data.exampleInvalid', { line: index + 1 }));
              return;
            }
            examples.push({ text, label });
          }
          if (examples.length < 2) {
            setProblem(t('data.examplesTooFew'));
            return;
          }
          setProblem(null);
          onCommit(examples);
        }}
      />
      <span className="field-hint">{t('data.examplesHint', { count: spec.examples.length })}</span>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}

const digitClasses = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/** Which digits an image recipe keeps: a toggle per digit; at least one stays on. */
function ClassToggles({
  spec,
  onCommit,
}: {
  spec: Extract<DataSpec, { kind: 'images' }>;
  onCommit: (classes: number[] | undefined) => void;
}) {
  const { t } = useTranslation();
  const kept = new Set(spec.classes ?? digitClasses);
  return (
    <fieldset className="field class-toggles">
      <legend className="field-name">{t('data.imageClasses')}</legend>
      {digitClasses.map((digit) => (
        <label key={digit} className="class-toggle">
          <input
            type="checkbox"
            checked={kept.has(digit)}
            disabled={kept.has(digit) && kept.size === 1}
            onChange={(event) => {
              const next = new Set(kept);
              if (event.target.checked) next.add(digit);
              else next.delete(digit);
              onCommit(next.size === digitClasses.length ? undefined : [...next].sort((a, b) => a - b));
            }}
          />
          {digit}
        </label>
      ))}
      <span className="field-hint">
        {t(spec.task === 'generate' ? 'data.imageClassesHintGenerate' : 'data.imageClassesHint')}
      </span>
    </fieldset>
  );
}

/** Rows of a table shown in the panel; the rest are counted. */
const shownTableRows = 50;

/** A table recipe as a table: the input columns by name, then the target. */
function TableView({ spec }: { spec: Extract<DataSpec, { kind: 'table' }> }) {
  const { t } = useTranslation();
  const shown = spec.rows.slice(0, shownTableRows);
  return (
    <table className="data-table" data-testid="data-table-rows">
      <caption className="muted">{t('data.tableCaption', { count: spec.rows.length })}</caption>
      <thead>
        <tr>
          <th>#</th>
          {spec.columns.map((column, index) => (
            <th key={index} className="mono">
              {column}
            </th>
          ))}
          <th>{t('data.tableTarget')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((row, index) => (
          <tr key={index}>
            <td className="muted">{index + 1}</td>
            {row.map((value, column) => (
              <td key={column} className="mono">
                {value}
              </td>
            ))}
          </tr>
        ))}
        {spec.rows.length > shown.length && (
          <tr>
            <td className="muted" colSpan={spec.columns.length + 2}>
              {t('data.moreRows', { count: spec.rows.length - shown.length })}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function WindowField({ value, onCommit }: { value: number; onCommit: (window: number) => void }) {
  return <WholeNumberField name="window" value={value} min={1} max={512} onCommit={onCommit} />;
}

/** A whole number in a range, refused at the field with the range when it is not one. */
function WholeNumberField({
  name,
  value,
  min,
  max,
  onCommit,
}: {
  name: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(String(value));
  const [invalid, setInvalid] = useState(false);
  return (
    <label className={`field field-inline${invalid ? ' is-invalid' : ''}`}>
      <span className="field-name">{t(`data.${name}`)}</span>
      <input
        type="text"
        inputMode="numeric"
        value={draft}
        aria-invalid={invalid}
        onChange={(event) => {
          setDraft(event.target.value);
          const typed = Number(event.target.value);
          const ok = /^\d+$/.test(event.target.value.trim()) && typed >= min && typed <= max;
          setInvalid(!ok);
          if (ok) onCommit(typed);
        }}
      />
      {invalid && (
        <span className="field-error" role="alert">
          {t('data.wholeNumberInvalid', { min, max })}
        </span>
      )}
    </label>
  );
}

function SequenceField({
  spec,
  onCommit,
}: {
  spec: Extract<DataSpec, { kind: 'sequence-next-value' }>;
  onCommit: (values: number[]) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(spec.values.join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label className={`field${problem ? ' is-invalid' : ''}`}>
      <span className="field-name">{t('data.values')}</span>
      <textarea
        rows={3}
        value={draft}
        aria-invalid={problem !== null}
        onChange={(event) => {
          setDraft(event.target.value);
          const values = parseNumberList(event.target.value);
          if (values === null) {
            // Name the first entry that is not a number, so the learner finds it.
            const bad = event.target.value
              .split(/[\s,;]+/)
              .find((part) => part !== '' && !Number.isFinite(Number(part)));
            setProblem(t('data.notANumber', { entry: bad ?? '' }));
          } else if (values.length < 2) {
            setProblem(t('data.tooFewValues'));
          } else {
            setProblem(null);
            onCommit(values);
          }
        }}
      />
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </label>
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

export function DataPanel() {
  const { t } = useTranslation();
  const localize = useLocalize();
  const data = useAppStore((state) => state.data);
  const setData = useAppStore((state) => state.setData);
  const check = useAppStore(selectDataCheck);
  const built = check.dataset;

  return (
    <div className="data-panel">
      <div className="data-form">
        <label className="field">
          <span className="field-name">{t('data.source')}</span>
          <select
            value={data?.kind ?? 'none'}
            onChange={(event) => {
              const kind = event.target.value as DataKind | 'none';
              setData(kind === 'none' ? null : { ...defaultDataSpecs[kind] });
            }}
          >
            <option value="none">{t('data.none')}</option>
            {dataKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`data.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        {data?.kind === 'text-next-char' && (
          <>
            <label className="field">
              <span className="field-name">{t('data.text')}</span>
              <textarea
                rows={3}
                value={data.text}
                maxLength={1_000_000}
                onChange={(event) => event.target.value.length > 0 && setData({ ...data, text: event.target.value })}
              />
            </label>
            <WindowField value={data.window} onCommit={(window) => setData({ ...data, window })} />
          </>
        )}
        {data?.kind === 'sequence-next-value' && (
          <>
            <SequenceField
              key={data.values.length === 0 ? 'empty' : 'values'}
              spec={data}
              onCommit={(values) => setData({ ...data, values })}
            />
            <WindowField value={data.window} onCommit={(window) => setData({ ...data, window })} />
            <label className="field field-bool">
              <span>
                <input
                  type="checkbox"
                  checked={data.scale === 'max'}
                  onChange={(event) => setData({ ...data, scale: event.target.checked ? 'max' : 'none' })}
                />{' '}
                <span className="field-name">{t('data.scale')}</span>
              </span>
              <span className="field-hint">{t('data.scaleHint')}</span>
            </label>
          </>
        )}
        {data?.kind === 'table' && (
          <>
            <label className="field field-inline">
              <span className="field-name">{t('data.targetKind')}</span>
              <select
                value={data.target}
                onChange={(event) => setData({ ...data, target: event.target.value === 'value' ? 'value' : 'class' })}
              >
                <option value="class">{t('data.targetClass')}</option>
                <option value="value">{t('data.targetValue')}</option>
              </select>
            </label>
            <TableView spec={data} />
          </>
        )}
        {data?.kind === 'text-class' && (
          <>
            <ExamplesField spec={data} onCommit={(examples) => setData({ ...data, examples })} />
            <WholeNumberField
              name="textLength"
              value={data.length}
              min={1}
              max={500}
              onCommit={(length) => setData({ ...data, length })}
            />
          </>
        )}
        {(data?.kind === 'recall' || data?.kind === 'adding') && (
          <>
            <p className="muted">{t(data.kind === 'recall' ? 'data.recallHint' : 'data.addingHint')}</p>
            <WholeNumberField
              name="recallLength"
              value={data.length}
              min={data.kind === 'recall' ? 2 : 4}
              max={200}
              onCommit={(length) => setData({ ...data, length })}
            />
            {data.kind === 'recall' && (
              <WholeNumberField
                name="recallSymbols"
                value={data.symbols}
                min={2}
                max={10}
                onCommit={(symbols) => setData({ ...data, symbols })}
              />
            )}
            <WholeNumberField
              name="recallSamples"
              value={data.samples}
              min={10}
              max={10000}
              onCommit={(samples) => setData({ ...data, samples })}
            />
          </>
        )}
        {data?.kind === 'images' && (
          <>
            <p className="muted">{t('data.digitsCredit')}</p>
            <label className="field field-inline">
              <span className="field-name">{t('data.imageTask')}</span>
              <select
                value={data.task}
                onChange={(event) => {
                  const task = imageTasks.find((candidate) => candidate === event.target.value) ?? 'classify';
                  setData({ ...data, task });
                }}
              >
                <option value="classify">{t(data.groups ? 'data.taskClassifyGroups' : 'data.taskClassify')}</option>
                <option value="reconstruct">{t('data.taskReconstruct')}</option>
                <option value="generate">{t('data.taskGenerate')}</option>
              </select>
            </label>
            {data.groups ? (
              <div className="field" data-testid="image-groups">
                <span className="field-name">{t('data.imageGroups')}</span>
                <ul className="image-groups">
                  {data.groups.map((group) => (
                    <li key={group.name}>
                      <code>{JSON.stringify(group.name)}</code>: {group.classes.join(', ')}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <ClassToggles
                spec={data}
                onCommit={(classes) => {
                  const { classes: _previous, ...rest } = data;
                  setData(classes === undefined ? rest : { ...rest, classes });
                }}
              />
            )}
            <WholeNumberField
              name="imageOffset"
              value={data.offset ?? 0}
              min={0}
              max={10000}
              onCommit={(offset) => {
                const { offset: _previous, ...rest } = data;
                setData(offset === 0 ? rest : { ...rest, offset });
              }}
            />
          </>
        )}
        {!data && <p className="muted">{t('data.choose')}</p>}
      </div>
      {built && !built.ok && (
        <p className="field-error" role="alert">
          {localize(built.problem)}
        </p>
      )}
      {built?.ok && (
        <div className="data-preview" data-testid="data-preview">
          <p className="data-shapes">
            <span>
              {t('data.inputs')} <code>{`(${built.dataset.x.shape.join(', ')})`}</code>
            </span>
            {/* A GAN's real images have no targets: y would only repeat X. */}
            {built.dataset.target.kind !== 'generate' && (
              <span>
                {t('data.targets')} <code>{`(${built.dataset.y.shape.join(', ')})`}</code>
              </span>
            )}
            {built.dataset.target.kind === 'class' && (
              <span>
                {t(data?.kind === 'text-next-char' || data?.kind === 'recall' ? 'data.vocabulary' : 'data.classes', {
                  count: built.dataset.target.labels.length,
                })}{' '}
                {built.dataset.target.labels.map((label, index) => (
                  <code key={label} className="vocab-entry" title={String(index)}>
                    {index}:{JSON.stringify(label)}
                  </code>
                ))}
              </span>
            )}
          </p>
          {built.dataset.words && (
            <p className="muted" data-testid="word-count">
              {t('data.words', { count: built.dataset.words.length })}
            </p>
          )}
          {data?.kind === 'images' && <ImageStrip dataset={built.dataset} />}
          {data?.kind === 'text-next-char' && built.dataset.target.kind === 'class' && built.dataset.preview[0] && (
            <OneHotGrid window={built.dataset.preview[0].input} labels={built.dataset.target.labels} />
          )}
          {data?.kind !== 'images' && (
            <table className="data-table">
              <thead>
                <tr>
                  <th>#</th>
                  <th>
                    {data?.kind === 'table'
                      ? data.columns.join(', ')
                      : data?.kind === 'text-class'
                        ? t('data.text')
                        : data?.kind === 'recall' || data?.kind === 'adding'
                          ? t('data.sequence')
                          : t('data.input')}
                  </th>
                  <th>
                    {data?.kind === 'table' ||
                    data?.kind === 'text-class' ||
                    data?.kind === 'recall' ||
                    data?.kind === 'adding'
                      ? t('data.tableTarget')
                      : t('data.target')}
                  </th>
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
