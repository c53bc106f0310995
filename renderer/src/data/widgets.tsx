/**
 * The data panel's widgets: one for each kind of control a recipe's panel lists
 * (`PanelField` in shared/data/recipe.ts). A recipe says what it edits; these say how. A bad
 * value is refused at its field, with why, and the recipe keeps its last good value.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumberList, type PanelField } from '../../../shared/data/recipe';
import type { DataSpec } from '../../../shared/data/spec';
import type { Localized } from '../../../shared/vocabulary/localized';
import { useLocalize } from '../hooks/useLocalize';
import { openedExtensions } from '../../../shared/data/open';
import { applyOpenedData, openDataFile, type Opened } from './open-data';
import { filesOfInput, openImageFolder } from './open-folder';
import { PhotoImage } from '../training/ImagePixels';
import { useAppStore } from '../store';
import { selectInputNames, selectOutputNames } from '../store/selectors';

type Field<W extends PanelField<DataSpec>['widget']> = Extract<PanelField<DataSpec>, { widget: W }>;

interface WidgetProps<W extends PanelField<DataSpec>['widget']> {
  field: Field<W>;
  spec: DataSpec;
  onChange: (spec: DataSpec) => void;
}

/** Free text, taken as typed; an empty text is not. */
function TextWidget({ field, spec, onChange }: WidgetProps<'text'>) {
  const localize = useLocalize();
  return (
    <label className="field">
      <span className="field-name">{localize(field.label)}</span>
      <textarea
        rows={3}
        value={field.get(spec)}
        maxLength={1_000_000}
        onChange={(event) => event.target.value.length > 0 && onChange(field.set(spec, event.target.value))}
      />
    </label>
  );
}

/** A whole number in a range, refused at the field with the range when it is not one. */
function WholeWidget({ field, spec, onChange }: WidgetProps<'whole'>) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [draft, setDraft] = useState(String(field.get(spec)));
  const [invalid, setInvalid] = useState(false);
  const { min, max } = field;
  return (
    <label className={`field field-inline${invalid ? ' is-invalid' : ''}`}>
      <span className="field-name">{localize(field.label)}</span>
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
          if (ok) onChange(field.set(spec, typed));
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

/** Numbers separated by commas or spaces; the first entry that is not a number is named. */
function NumbersWidget({ field, spec, onChange }: WidgetProps<'numbers'>) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [draft, setDraft] = useState(field.get(spec).join(', '));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label className={`field${problem ? ' is-invalid' : ''}`}>
      <span className="field-name">{localize(field.label)}</span>
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
            onChange(field.set(spec, values));
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

function ToggleWidget({ field, spec, onChange }: WidgetProps<'toggle'>) {
  const localize = useLocalize();
  return (
    <label className="field field-bool">
      <span>
        <input
          type="checkbox"
          checked={field.get(spec)}
          onChange={(event) => onChange(field.set(spec, event.target.checked))}
        />{' '}
        <span className="field-name">{localize(field.label)}</span>
      </span>
      <span className="field-hint">{localize(field.hint)}</span>
    </label>
  );
}

function ChoiceWidget({ field, spec, onChange }: WidgetProps<'choice'>) {
  const localize = useLocalize();
  return (
    <label className="field field-inline">
      <span className="field-name">{localize(field.label)}</span>
      <select value={field.get(spec)} onChange={(event) => onChange(field.set(spec, event.target.value))}>
        {field.options.map((option) => (
          <option key={option.value} value={option.value}>
            {localize(option.label)}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Rows of a table shown in the panel; the rest are counted. */
const shownTableRows = 50;

/** A table as a table: the input columns by name, then the target. */
function RowsWidget({ field }: { field: Field<'rows'> }) {
  const { t } = useTranslation();
  const shown = field.rows.slice(0, shownTableRows);
  return (
    <table className="data-table" data-testid="data-table-rows">
      <caption className="muted">{t('data.tableCaption', { count: field.rows.length })}</caption>
      <thead>
        <tr>
          <th>#</th>
          {field.columns.map((column, index) => (
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
        {field.rows.length > shown.length && (
          <tr>
            <td className="muted" colSpan={field.columns.length + 2}>
              {t('data.moreRows', { count: field.rows.length - shown.length })}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

/**
 * Labelled texts, one a line as `label: text`; a line without its label is refused at its number,
 * and the recipe keeps its last good examples until the lines read.
 */
function LabelledLinesWidget({ field, spec, onChange }: WidgetProps<'labelled-lines'>) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const [draft, setDraft] = useState(() =>
    field
      .get(spec)
      .map((example) => `${example.label}: ${example.text}`)
      .join('\n'),
  );
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label className={`field${problem ? ' is-invalid' : ''}`}>
      <span className="field-name">{localize(field.label)}</span>
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
          onChange(field.set(spec, examples));
        }}
      />
      <span className="field-hint">{localize(field.hint)}</span>
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}

/** Toggles, one per option, of which at least one stays on; `onChange` gets those on, in order. */
function ToggleList<T extends string | number>({
  label,
  hint,
  options,
  on,
  onChange,
}: {
  label: Localized;
  hint: Localized;
  options: readonly T[];
  on: ReadonlySet<T>;
  onChange: (on: T[]) => void;
}) {
  const localize = useLocalize();
  return (
    <fieldset className="field class-toggles">
      <legend className="field-name">{localize(label)}</legend>
      {options.map((option) => (
        <label key={option} className="class-toggle">
          <input
            type="checkbox"
            checked={on.has(option)}
            disabled={on.has(option) && on.size === 1}
            onChange={(event) =>
              onChange(options.filter((other) => (other === option ? event.target.checked : on.has(other))))
            }
          />
          {option}
        </label>
      ))}
      <span className="field-hint">{localize(hint)}</span>
    </fieldset>
  );
}

/** Which classes to keep; all of them reads `undefined`. */
function ClassTogglesWidget({ field, spec, onChange }: WidgetProps<'class-toggles'>) {
  return (
    <ToggleList
      label={field.label}
      hint={field.hint}
      options={field.classes}
      on={new Set(field.get(spec) ?? field.classes)}
      onChange={(kept) =>
        onChange(field.set(spec, kept.length === field.classes.length ? undefined : kept.sort((a, b) => a - b)))
      }
    />
  );
}

/**
 * A button that opens the learner's data as the File menu does: a file, or a folder (`folder`)
 * with its progress shown while it is read; beside it, the name the spec holds. What cannot be
 * opened is refused at the field, the data as it was.
 */
function OpenButton({
  label,
  name,
  shown,
  accept,
  folder = false,
  open,
}: {
  label: Localized;
  name: 'file' | 'folder';
  shown: string;
  accept?: string;
  folder?: boolean;
  open: (files: File[], progress: (text: string) => void) => Promise<Opened> | null;
}) {
  const localize = useLocalize();
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  return (
    <div className={`field${problem ? ' is-invalid' : ''}`}>
      <label className="button-quiet file-button">
        {localize(label)}
        <input
          type="file"
          accept={accept}
          // A directory chooser: React passes the attribute through as it is written.
          {...(folder ? { webkitdirectory: '' } : {})}
          data-testid={`data-${name}`}
          className="visually-hidden"
          onChange={(event) => {
            // Taken before the input is cleared, which empties its list.
            const chosen = Array.from(event.target.files ?? []);
            event.target.value = '';
            void open(chosen, setProgress)?.then((opened) => {
              setProgress(null);
              // Cancelled by the learner: nothing to correct, the data as it was.
              setProblem(opened.ok || opened.cancelled ? null : localize(opened.problem));
              if (opened.ok) applyOpenedData(opened.spec, opened.source);
            });
          }}
        />
      </label>{' '}
      <span className="mono" data-testid={`data-${name}-name`}>
        {progress ?? shown}
      </span>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}

function FileWidget({ field, spec }: Omit<WidgetProps<'file'>, 'onChange'>) {
  return (
    <OpenButton
      label={field.label}
      name="file"
      shown={field.get(spec)}
      accept={openedExtensions}
      open={(files) => (files[0] ? openDataFile(files[0]) : null)}
    />
  );
}

/** Which of some named options are on. */
function TogglesWidget({ field, spec, onChange }: WidgetProps<'toggles'>) {
  return (
    <ToggleList
      label={field.label}
      hint={field.hint}
      options={field.options}
      on={new Set(field.get(spec))}
      onChange={(on) => onChange(field.set(spec, on))}
    />
  );
}

function FolderWidget({ field, spec }: Omit<WidgetProps<'folder'>, 'onChange'>) {
  return (
    <OpenButton
      label={field.label}
      name="folder"
      shown={field.get(spec)}
      folder
      open={(files, progress) =>
        files.length > 0 ? openImageFolder(filesOfInput(files), (done, total) => progress(`${done} / ${total}`)) : null
      }
    />
  );
}

/**
 * Each of the canvas' outputs to a column it predicts, as a class or a number: shown when the
 * network has several outputs (or the data still predicts several columns). An output whose
 * column is "nothing" predicts none; the first output with a column is the main target.
 */
function OutputMapWidget({ field, spec, onChange }: WidgetProps<'output-map'>) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const outputs = useAppStore(selectOutputNames);
  const list = field.get(spec);
  if (outputs.length < 2 && list.length < 2) return null;
  type Entry = (typeof list)[number];
  // The main target, not yet given to an output by name, goes to the first output.
  const fallback = list[0] && !outputs.includes(list[0].output) && outputs.length > 0 ? list[0] : null;
  const rows: Entry[] = outputs.map(
    (output, index) =>
      list.find((entry) => entry.output === output) ??
      (index === 0 && fallback ? { ...fallback, output } : { output, column: '', task: 'class' }),
  );
  // Entries for outputs the canvas does not have stay listed, so the learner sees and can drop them.
  const orphans = list.filter((entry) => !outputs.includes(entry.output) && entry !== fallback);
  const change = (output: string, next: Partial<Entry>) =>
    onChange(
      field.set(
        spec,
        [...rows, ...orphans]
          .map((entry) => (entry.output === output ? { ...entry, ...next } : entry))
          .filter((entry) => entry.column !== ''),
      ),
    );
  return (
    <fieldset className="field input-map" data-testid="output-map">
      <legend className="field-name">{localize(field.label)}</legend>
      {field.hint && <span className="field-hint">{localize(field.hint)}</span>}
      {[...rows, ...orphans].map((entry, index) => (
        <div key={`${entry.output}-${index}`} className="field-inline output-row">
          <span className="mono">
            {outputs.includes(entry.output) ? entry.output : t('data.outputMissing', { name: entry.output })}
          </span>
          <select
            aria-label={t('data.columnOf', { output: entry.output })}
            value={entry.column}
            onChange={(event) =>
              change(entry.output, {
                column: event.target.value,
                task: field.taskOf(event.target.value),
              })
            }
          >
            <option value="">{t('data.predictsNothing')}</option>
            {field.columns.map((column) => (
              <option key={column} value={column}>
                {column}
              </option>
            ))}
          </select>
          {entry.column !== '' && (
            <select
              aria-label={t('data.taskOf', { output: entry.output })}
              value={entry.task}
              onChange={(event) => change(entry.output, { task: event.target.value === 'value' ? 'value' : 'class' })}
            >
              <option value="class">{t('data.taskClass')}</option>
              <option value="value">{t('data.taskValue')}</option>
            </select>
          )}
        </div>
      ))}
    </fieldset>
  );
}

/**
 * Each column to one of the canvas' Input nodes: shown when the network has several Inputs (or
 * the data still shares its columns among some), each column with a menu of the Inputs' names.
 */
function InputMapWidget({ field, spec, onChange }: WidgetProps<'input-map'>) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const inputs = useAppStore(selectInputNames);
  const map = field.get(spec);
  const listed = Object.values(map);
  if (inputs.length < 2 && listed.length === 0) return null;
  const fallback = listed[0] ?? inputs[0] ?? '';
  const chosen = (column: string) => map[column] ?? fallback;
  return (
    <fieldset className="field input-map" data-testid="input-map">
      <legend className="field-name">{localize(field.label)}</legend>
      {field.hint && <span className="field-hint">{localize(field.hint)}</span>}
      {field.columns.map((column) => {
        const value = chosen(column);
        const options = inputs.includes(value) ? inputs : [...inputs, value];
        return (
          <label key={column} className="field-inline">
            <span className="mono">{column}</span>
            <select
              aria-label={t('data.inputOf', { column })}
              value={value}
              onChange={(event) =>
                onChange(
                  field.set(
                    spec,
                    Object.fromEntries(
                      field.columns.map((name) => [name, name === column ? event.target.value : chosen(name)]),
                    ),
                  ),
                )
              }
            >
              {options.map((name) => (
                <option key={name} value={name}>
                  {inputs.includes(name) ? name : t('data.inputMissing', { name })}
                </option>
              ))}
            </select>
          </label>
        );
      })}
      {listed.length > 0 && (
        <button type="button" className="button-quiet" onClick={() => onChange(field.set(spec, {}))}>
          {t('data.inputMapReset')}
        </button>
      )}
    </fieldset>
  );
}

/** Each class with its count and first images; the largest class's bar is full width. */
function ClassGridWidget({ field }: { field: Field<'class-grid'> }) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const most = Math.max(1, ...field.classes.map((entry) => entry.count));
  return (
    <div className="field" data-testid="class-grid">
      <span className="field-name">{localize(field.label)}</span>
      <ul className="class-grid">
        {field.classes.map((entry) => (
          <li key={entry.name} className={entry.kept ? undefined : 'is-left-out'} data-testid="class-row">
            <span className="class-name mono">{entry.name}</span>
            <span className="class-count" title={t('data.imageCount', { count: entry.count })}>
              <span className="class-bar" style={{ width: `${(entry.count / most) * 100}%` }} />
              <span className="mono">{entry.count}</span>
            </span>
            <span className="class-images">
              {entry.images.map((values, index) => (
                <PhotoImage
                  key={index}
                  values={values}
                  width={field.width}
                  height={field.height}
                  channels={field.channels}
                  size={Math.max(1, Math.round(32 / Math.max(field.width, field.height)))}
                  label={t('data.imageOf', { number: index + 1, label: entry.name })}
                />
              ))}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ListWidget({ field }: { field: Field<'list'> }) {
  const localize = useLocalize();
  return (
    <div className="field" data-testid="image-groups">
      <span className="field-name">{localize(field.label)}</span>
      <ul className="image-groups">
        {field.items.map((item) => (
          <li key={item.name}>
            <code>{JSON.stringify(item.name)}</code>:{' '}
            {typeof item.value === 'string' ? item.value : localize(item.value)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One control of a recipe's panel, drawn by its widget. */
export function PanelFieldView({
  field,
  spec,
  onChange,
}: {
  field: PanelField<DataSpec>;
  spec: DataSpec;
  onChange: (spec: DataSpec) => void;
}) {
  const localize = useLocalize();
  switch (field.widget) {
    case 'text':
      return <TextWidget field={field} spec={spec} onChange={onChange} />;
    case 'numbers':
      return <NumbersWidget field={field} spec={spec} onChange={onChange} />;
    case 'whole':
      return <WholeWidget field={field} spec={spec} onChange={onChange} />;
    case 'toggle':
      return <ToggleWidget field={field} spec={spec} onChange={onChange} />;
    case 'choice':
      return <ChoiceWidget field={field} spec={spec} onChange={onChange} />;
    case 'note':
      return <p className="muted">{localize(field.text)}</p>;
    case 'rows':
      return <RowsWidget field={field} />;
    case 'labelled-lines':
      return <LabelledLinesWidget field={field} spec={spec} onChange={onChange} />;
    case 'class-toggles':
      return <ClassTogglesWidget field={field} spec={spec} onChange={onChange} />;
    case 'list':
      return <ListWidget field={field} />;
    case 'file':
      return <FileWidget field={field} spec={spec} />;
    case 'toggles':
      return <TogglesWidget field={field} spec={spec} onChange={onChange} />;
    case 'folder':
      return <FolderWidget field={field} spec={spec} />;
    case 'class-grid':
      return <ClassGridWidget field={field} />;
    case 'input-map':
      return <InputMapWidget field={field} spec={spec} onChange={onChange} />;
    case 'output-map':
      return <OutputMapWidget field={field} spec={spec} onChange={onChange} />;
  }
}
