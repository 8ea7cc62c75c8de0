import { t } from '../lib/browser/i18n';
import { ErrorText } from './ErrorText';
import { useFocusOnMount } from './use-focus-on-mount';

interface Props {
  /** The question's id: it names the group. */
  id: string;
  question: string;
  yes: string;
  onYes(): void;
  onCancel(): void;
  busy: boolean;
  error: string | null;
  /** A second answer, offered after the first failed (the server out of reach, say), with what it means. */
  alternative?: { label: string; hint?: string; onClick(): void } | false;
}

/**
 * A question in place of the control that asked it, before something that cannot be undone.
 * Cancel has the focus, so Enter does no harm; Escape cancels.
 */
export function ConfirmQuestion({ id, question, yes, onYes, onCancel, busy, error, alternative }: Props) {
  const cancel = useFocusOnMount<HTMLButtonElement>();
  const hintId = `${id}-hint`;
  return (
    <div
      role="group"
      aria-labelledby={id}
      class="confirm"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <p id={id}>{question}</p>
      <ErrorText text={error} />
      {alternative && alternative.hint && (
        <p id={hintId} class="hint">
          {alternative.hint}
        </p>
      )}
      <div class="row wrap">
        <button type="button" class="danger" disabled={busy} onClick={onYes}>
          {yes}
        </button>
        {alternative && (
          <button type="button" disabled={busy} aria-describedby={alternative.hint ? hintId : undefined} onClick={alternative.onClick}>
            {alternative.label}
          </button>
        )}
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('popup_cancel')}
        </button>
      </div>
    </div>
  );
}
