import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import { isTransient } from '../../lib/server/errors';
import { ErrorText } from '../ErrorText';
import { useAction } from '../use-action';
import { useFocusOnMount } from '../use-focus-on-mount';

/**
 * Sign out, after a confirmation in its place that says once what follows (the token is revoked
 * on the server). Cancel has the focus, Escape cancels; if the server is out of reach, the offer
 * to sign out on this device only.
 */
export function SignOutControl({ profileId, onSignedOut }: { profileId: string; onSignedOut(): void }) {
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

  async function end(how: 'revoke' | 'forget') {
    const done = await run(async () => {
      try {
        await sendMessage(how, { profileId });
      } catch (e) {
        // The server could not answer (the same failures that keep a token through renewal).
        setOffline(isTransient(e));
        throw e;
      }
    });
    if (done) onSignedOut();
  }

  if (!confirming) {
    return (
      <button type="button" class="danger" ref={opener} onClick={() => setConfirming(true)}>
        {t('popup_revoke')}
      </button>
    );
  }
  return <SignOutQuestion {...{ busy, error, offline, end }} onCancel={() => setConfirming(false)} />;
}

interface QuestionProps {
  busy: boolean;
  error: string | null;
  offline: boolean;
  end(how: 'revoke' | 'forget'): void;
  onCancel(): void;
}

function SignOutQuestion({ busy, error, offline, end, onCancel }: QuestionProps) {
  const cancel = useFocusOnMount<HTMLButtonElement>();
  return (
    <div
      role="group"
      aria-labelledby="sign-out-question"
      class="confirm"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}
    >
      <p id="sign-out-question">{t('popup_revoke_confirm')}</p>
      <ErrorText text={error} />
      {offline && (
        <p id="forget-hint" class="hint">
          {t('popup_forget_hint')}
        </p>
      )}
      <div class="row wrap">
        <button type="button" class="danger" disabled={busy} onClick={() => end('revoke')}>
          {t('popup_revoke_yes')}
        </button>
        {offline && (
          <button type="button" disabled={busy} aria-describedby="forget-hint" onClick={() => end('forget')}>
            {t('popup_forget_here')}
          </button>
        )}
        <button type="button" ref={cancel} onClick={onCancel}>
          {t('popup_cancel')}
        </button>
      </div>
    </div>
  );
}
