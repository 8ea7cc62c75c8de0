import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import { isTransient } from '../../lib/server/errors';
import { ConfirmQuestion } from '../ConfirmQuestion';
import { useAction } from '../use-action';

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
  return (
    <ConfirmQuestion
      id="sign-out-question"
      question={t('popup_revoke_confirm')}
      yes={t('popup_revoke_yes')}
      onYes={() => void end('revoke')}
      onCancel={() => setConfirming(false)}
      busy={busy}
      error={error}
      alternative={offline && { label: t('popup_forget_here'), hint: t('popup_forget_hint'), onClick: () => void end('forget') }}
    />
  );
}
