import type { Ref } from 'preact';
import { useFocusOnMount } from './use-focus-on-mount';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  /** Shown under the field and read with it; ids of hints elsewhere go in `describedBy`. */
  error?: string | undefined;
  warning?: string | undefined;
  hint?: string;
  describedBy?: string;
  required?: boolean;
  /** Focus when it appears (ignored with `inputRef`, whose owner decides). */
  autoFocus?: boolean;
  placeholder?: string;
  inputRef?: Ref<HTMLInputElement>;
  type?: 'text' | 'url' | 'email' | 'tel' | 'password';
  autoComplete?: string;
}

/** A labelled input whose hint, warning and error are announced with it. */
export function TextField(props: TextFieldProps) {
  const { id, error, warning, hint } = props;
  const focusRef = useFocusOnMount<HTMLInputElement>(props.autoFocus === true);
  const describedBy = [
    props.describedBy,
    hint && `${id}-hint`,
    warning && `${id}-warning`,
    error && `${id}-error`,
  ].filter(Boolean);
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        ref={props.inputRef ?? focusRef}
        // Preact types each input type apart; all of these are one-line text boxes.
        type={(props.type ?? 'text') as 'text'}
        autoComplete={props.autoComplete ?? 'off'}
        spellcheck={false}
        required={props.required}
        placeholder={props.placeholder}
        value={props.value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy.length ? describedBy.join(' ') : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      {hint && <p id={`${id}-hint`} class="hint">{hint}</p>}
      {warning && <p id={`${id}-warning`} class="field-warning">{warning}</p>}
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
    </div>
  );
}
