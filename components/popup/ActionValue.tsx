import { useState } from 'preact/hooks';
import type { Action } from '../../lib/actions/action';
import { fillTemplate } from '../../lib/actions/fill-template';
import { t } from '../../lib/browser/i18n';
import { ErrorText } from '../ErrorText';
import { useFocusOnMount } from '../use-focus-on-mount';

interface Props {
  action: Action;
  busy: boolean;
  /** The filled path; `alternate` as the list's Shift+Enter. */
  onOpen(path: string, alternate: boolean): void;
  onBack(): void;
}

/** An action chosen in the popup asks for the value a selection would give: Enter opens, Escape goes back. */
export function ActionValue({ action, busy, onOpen, onBack }: Props) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useFocusOnMount<HTMLInputElement>();

  function open(alternate: boolean) {
    if (busy || !value.trim()) return;
    try {
      onOpen(fillTemplate(action.template, value, action.workspace), alternate);
    } catch {
      setError(t('actions_value_refused'));
    }
  }

  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter') open(event.shiftKey);
    else if (event.key === 'Escape') onBack();
    else return;
    event.preventDefault();
  }

  return (
    <div class="picker action-value">
      <label for="action-value">{t('actions_value_label', action.name)}</label>
      <input
        id="action-value"
        type="text"
        ref={input}
        autoComplete="off"
        spellcheck={false}
        value={value}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby="action-value-hint"
        onInput={(e) => (setValue(e.currentTarget.value), setError(null))}
        onKeyDown={onKeyDown}
      />
      <p id="action-value-hint" class="hint">
        {t('actions_value_hint')}
      </p>
      <ErrorText text={error} />
      <div class="row">
        <button type="button" onClick={onBack}>
          {t('actions_back')}
        </button>
        <span class="spacer" />
        <button type="button" class="primary" disabled={busy || !value.trim()} onClick={(e) => open(e.shiftKey)}>
          {t('popup_open', action.name)}
        </button>
      </div>
    </div>
  );
}
