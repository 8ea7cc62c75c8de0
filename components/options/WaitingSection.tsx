import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { desktopNotices } from '../../lib/browser/notifications';
import { updateItem } from '../../lib/browser/update-item';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { activeProfile, type Settings } from '../../lib/settings/settings';
import { waitingItem, waitingNoticeItem } from '../../lib/storage';
import { accountOf, stateFor, withCountShown } from '../../lib/work/waiting';
import { ErrorText } from '../ErrorText';
import { useSignedIn } from '../use-signed-in';
import { useStored } from '../use-stored';

const UNSUPPORTED_TEXT = { 'not-on-server': 'waiting_not_on_server', 'no-authority': 'waiting_no_authority' } as const;

/**
 * The count of conversations waiting for the active profile's agent: on or off, a notice when it
 * rises, and why it is missing on a server that does not report it.
 */
export function WaitingSection({ settings }: { settings: Settings }) {
  const profile = activeProfile(settings);
  const states = useStored(waitingItem);
  const notify = useStored(waitingNoticeItem);
  // Why the count is missing is the signed-in account's (another account's answer is not this one's).
  const session = useSignedIn()?.session ?? null;
  const [error, setError] = useState<string | null>(null);
  const state = profile && states ? stateFor(states, profile.id, session && accountOf(session)) : undefined;
  const unsupported = state?.kind === 'unsupported' ? state.reason : null;

  // The user is looking at why the count is missing: the server is asked again now (it may have
  // been upgraded, or the account given the authority), not after the usual day.
  useEffect(() => {
    if (unsupported) void sendMessage('checkWaiting').catch(() => {});
  }, [profile?.id, unsupported !== null]);

  if (!profile || states === undefined || notify === undefined) return null;
  const shown = state?.kind !== 'off';

  async function show(on: boolean) {
    setError(null);
    try {
      await updateItem(waitingItem, (current) => withCountShown(current, profile!.id, on));
      if (on) await sendMessage('checkWaiting');
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  function notifyMe(on: boolean) {
    setError(null);
    // Asked inside the click, before any await: Firefox prompts only during the user's gesture.
    const allowed = on ? desktopNotices.request() : Promise.resolve(true);
    void allowed
      .then(async (granted) => {
        if (!granted) setError(t('waiting_notify_denied'));
        await waitingNoticeItem.setValue(on && granted);
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }

  return (
    <section class="card" aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">{t('waiting_heading')}</h2>
      <label class="check">
        <input type="checkbox" role="switch" checked={shown} onChange={(e) => void show(e.currentTarget.checked)} />
        <span>
          {t('waiting_show')}
          <span class="hint">{t('waiting_show_hint', profile.name)}</span>
        </span>
      </label>
      <label class="check">
        <input type="checkbox" role="switch" checked={notify} disabled={!shown} onChange={(e) => notifyMe(e.currentTarget.checked)} />
        {t('waiting_notify')}
      </label>
      {shown && unsupported && <p class="hint">{t(UNSUPPORTED_TEXT[unsupported])}</p>}
      <ErrorText text={error} />
    </section>
  );
}
