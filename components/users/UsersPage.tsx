import { useEffect, useRef, useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/settings';
import { t } from '../../lib/browser/i18n';
import { PageHeader } from '../PageHeader';
import { SignInButton } from '../SignInButton';
import { useSignedIn } from '../use-signed-in';
import { BatchForm } from './BatchForm';
import { OneUserForm } from './OneUserForm';

/** Super administrators create users here, one or many, through the server's API. */
export function UsersPage() {
  // A signed-in profile stays shown (and acted on) when another becomes active; signed out, the
  // page follows the active one, which "Sign in…" signs in.
  const [pinned, setPinned] = useState<string>();
  const state = useSignedIn(pinned);
  const shownId = state?.profile?.id;
  const signedIn = Boolean(state?.session);
  useEffect(() => {
    if (state) setPinned(signedIn ? shownId : undefined);
  }, [shownId, signedIn, state === undefined]);
  useEffect(() => {
    document.title = `${t('users_page_title')} – ${t('extName')}`;
  }, []);

  // The last settings read: while another profile's items load, the batch (maybe running) stays mounted.
  const lastSettings = useRef<Settings | undefined>(undefined);
  if (state) lastSettings.current = state.settings;
  const settings = lastSettings.current;
  const session = state?.session;
  const here = session?.user.superUser && shownId ? { profileId: shownId, serverUrl: session.serverUrl } : null;
  return (
    <main class="page">
      <PageHeader title={t('users_page_title')} />
      {state && !session && (
        <div class="card">
          <p>{t('users_need_sign_in')}</p>
          <div class="actions">
            <SignInButton label={t('users_sign_in')} primary />
          </div>
        </div>
      )}
      {session && !session.user.superUser && <p class="card">{t('users_need_super', session.user.nickname)}</p>}
      {here && session && (
        <>
          <p class="intro">{t('users_signed_in_as', [session.user.nickname, new URL(session.serverUrl).host])}</p>
          <OneUserForm here={here} />
        </>
      )}
      {/* Mounted whatever the session: a run stays on screen, paused, when its profile signs out or changes. */}
      {settings && <BatchForm settings={settings} here={here} />}
    </main>
  );
}
