import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import { isTransient } from '../../lib/server/errors';
import { ErrorText } from '../ErrorText';
import { useAction } from '../use-action';
import { useFocusOnMount } from '../use-focus-on-mount';

/** Revoke, after a confirmation that says what follows; if the server is out of reach, forget here. */
export function RevokeControl() {
  const [confirming, setConfirming] = useState(false);
  const [offline, setOffline] = useState(false);
  const { busy, error, run } = useAction();
  const opener = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  // Cancelled: the focus goes back to the button that opened the question.
  useEffect(() => {
    if (wasConfirming.current && !confirming) opener.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function revoke() {
    const done = await run(async () => {
      try {
        await sendMessage('revoke');
      } catch (e) {
        // The server could not answer (the same failures that keep a token through renewal).
        setOffline(isTransient(e));
        throw e;
      }
    });
    if (done) setConfirming(false);
  }

  if (!confirming) {
    return (
      <button type="button" class="danger" ref={opener} onClick={() => setConfirming(true)}>
        {t('popup_revoke')}
      </button>
    );
  }
  return <RevokeQuestion {...{ busy, error, offline, revoke, run }} onCancel={() => setConfirming(false)} />;
}

interface QuestionProps {
  busy: boolean;
  error: string | null;
  offline: boolean;
  revoke(): void;
  run: ReturnType<typeof useAction>['run'];
  onCancel(): void;
}

function RevokeQuestion({ busy, error, offline, revoke, run, onCancel }: QuestionProps) {
  const yes = useFocusOnMount<HTMLButtonElement>();
  return (
    <div role="group" aria-labelledby="revoke-question" class="confirm">
      <p id="revoke-question">{t('popup_revoke_confirm')}</p>
      <ErrorText text={error} />
      <div class="row">
        <button type="button" class="danger" disabled={busy} onClick={revoke} ref={yes}>
          {t('popup_revoke_yes')}
        </button>
        {offline && (
          <button type="button" disabled={busy} onClick={() => run(() => sendMessage('forget'))}>
            {t('popup_forget_here')}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          {t('popup_cancel')}
        </button>
      </div>
    </div>
  );
}
