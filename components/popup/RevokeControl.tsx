import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import { errorKindOf } from '../../lib/server/errors';
import { ErrorText } from '../ErrorText';
import { useAction } from '../use-action';

/** Revoke, after a confirmation that says what follows; if the server is out of reach, forget here. */
export function RevokeControl() {
  const [confirming, setConfirming] = useState(false);
  const [offline, setOffline] = useState(false);
  const { busy, error, run } = useAction();

  async function revoke() {
    const done = await run(async () => {
      try {
        await sendMessage('revoke');
      } catch (e) {
        const kind = errorKindOf(e);
        setOffline(kind === 'unreachable' || kind === 'timeout' || kind === 'server-error');
        throw e;
      }
    });
    if (done) setConfirming(false);
  }

  if (!confirming) {
    return (
      <button type="button" class="danger" onClick={() => setConfirming(true)}>
        {t('popup_revoke')}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby="revoke-question" class="confirm">
      <p id="revoke-question">{t('popup_revoke_confirm')}</p>
      <ErrorText text={error} />
      <div class="row">
        <button type="button" class="danger" disabled={busy} onClick={revoke} autoFocus>
          {t('popup_revoke_yes')}
        </button>
        {offline && (
          <button type="button" disabled={busy} onClick={() => run(() => sendMessage('forget'))}>
            {t('popup_forget_here')}
          </button>
        )}
        <button type="button" onClick={() => setConfirming(false)}>
          {t('popup_cancel')}
        </button>
      </div>
    </div>
  );
}
