/**
 * The playground's question: one field, named as the recipe or the mode names it, the button that
 * asks, any buttons of the mode's own, and what is wrong with the question below.
 */
import type { HTMLAttributes, ReactNode } from 'react';

/** What the learner has asked so far, and how to ask again. */
export interface Question {
  query: string;
  setQuery: (query: string) => void;
  problem: string | null;
  ask: (asked?: string) => Promise<void>;
}

export function QueryForm({
  label,
  lines = false,
  inputMode,
  submit,
  question: { query, setQuery, problem, ask },
  children,
}: {
  label: string;
  /** A long sequence: wrapped over lines so all of it can be read and changed (Enter still asks). */
  lines?: boolean;
  /** `numeric` for a whole number, such as a noise seed: a touch keyboard shows digits. */
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  submit: string;
  question: Question;
  /** Buttons after the one that asks. */
  children?: ReactNode;
}) {
  const field = {
    value: query,
    'aria-invalid': problem !== null,
    'data-testid': 'playground-input',
    spellCheck: false,
  };
  return (
    <>
      <form
        className="playground-query"
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
        }}
      >
        <label className={`field${problem ? ' is-invalid' : ''}`}>
          <span className="field-name">{label}</span>
          {lines ? (
            <textarea
              rows={3}
              {...field}
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.shiftKey) {
                  event.preventDefault();
                  void ask();
                }
              }}
            />
          ) : (
            <input type="text" inputMode={inputMode} {...field} onChange={(event) => setQuery(event.target.value)} />
          )}
        </label>
        <button type="submit" className="button-primary">
          {submit}
        </button>
        {children}
      </form>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
