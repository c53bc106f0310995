/**
 * One setting, in the inspector (a layer's parameter) or the training panel. What the learner
 * types is checked against the setting's schema; a refused value stays in the field, marked, with
 * the allowed range, and the layer or the run keeps its last good value.
 */
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedValues, formatParamValue, parseParamText } from '../../../shared/layers/param-input';
import type { AnyParamValue, ParamSpec } from '../../../shared/layers/params';
import { useLocalize } from '../hooks/useLocalize';
import { useAppStore } from '../store';

interface ParamFieldProps {
  name: string;
  /** The field's key while its text is refused (Train waits): `training.epochs`, `<layer id>.units`. */
  field: string;
  spec: ParamSpec;
  value: AnyParamValue;
  onCommit: (value: AnyParamValue) => void;
}

export function ParamField({ name, field, spec, value, onCommit }: ParamFieldProps) {
  const { t } = useTranslation();
  const localize = useLocalize();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [draft, setDraft] = useState(() => formatParamValue(value));
  const [problem, setProblem] = useState<string | null>(null);
  const [shown, setShown] = useState(value);

  // A change from elsewhere (undo, a fix, another tab) replaces the draft; the learner's own
  // keystrokes, which produced this value, are kept as typed ("5,5" is not rewritten to "5, 5").
  if (shown !== value) {
    setShown(value);
    const typed = parseParamText(spec, draft);
    if (!typed.ok || formatParamValue(typed.value) !== formatParamValue(value)) {
      setDraft(formatParamValue(value));
      setProblem(null);
    }
  }

  const setFieldRefused = useAppStore((state) => state.setFieldRefused);
  const refused = problem !== null;
  useEffect(() => {
    setFieldRefused(field, refused);
    return () => setFieldRefused(field, false);
  }, [field, refused, setFieldRefused]);

  const description = localize(spec.description);

  if (spec.type === 'bool') {
    return (
      <div className="field field-bool" data-param={name}>
        <label htmlFor={id}>
          <input
            id={id}
            type="checkbox"
            checked={value === true}
            onChange={(event) => onCommit(event.target.checked)}
          />
          <span className="field-name">{name}</span>
        </label>
        <p className="field-hint" id={hintId}>
          {description}
        </p>
      </div>
    );
  }

  if (spec.type === 'enum') {
    return (
      <div className="field" data-param={name}>
        <label className="field-name" htmlFor={id}>
          {name}
        </label>
        <select
          id={id}
          value={String(value)}
          aria-describedby={hintId}
          onChange={(event) => onCommit(event.target.value)}
        >
          {spec.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
        <p className="field-hint" id={hintId}>
          {description}
        </p>
      </div>
    );
  }

  const onChange = (text: string) => {
    setDraft(text);
    const parsed = parseParamText(spec, text);
    if (parsed.ok) {
      setProblem(null);
      onCommit(parsed.value);
    } else {
      setProblem(localize(parsed.problem));
    }
  };

  const revert = () => {
    setDraft(formatParamValue(value));
    setProblem(null);
  };

  return (
    <div className={`field${problem ? ' is-invalid' : ''}`} data-param={name}>
      <label className="field-name" htmlFor={id}>
        {name}
      </label>
      <input
        id={id}
        type="text"
        inputMode={spec.type === 'float' ? 'decimal' : 'numeric'}
        value={draft}
        placeholder={
          spec.type === 'optionalInt' ? t('inspector.emptyMeans', { meaning: localize(spec.emptyMeans) }) : ''
        }
        aria-invalid={problem !== null}
        aria-describedby={problem ? errorId : hintId}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') revert();
        }}
        spellCheck={false}
        autoComplete="off"
      />
      {problem ? (
        <p className="field-error" id={errorId} role="alert">
          {problem}
        </p>
      ) : (
        <p className="field-hint" id={hintId}>
          {description}{' '}
          <span className="field-range">{t('inspector.allowed', { allowed: localize(allowedValues(spec)) })}</span>
        </p>
      )}
    </div>
  );
}
