import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { errorMessage, signInErrorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { LaunchpadError } from '../../lib/server/errors';
import { updateItem } from '../../lib/browser/update-item';
import { canAdd, canEdit, setActiveProfile } from '../../lib/settings/profiles';
import { parseSettings, type ServerProfile } from '../../lib/settings/settings';
import { popupMemoryItem, settingsItem } from '../../lib/storage';
import { promptOpens, type Prompt } from '../../lib/ways-in/prompt';
import { ErrorText } from '../ErrorText';
import { StatusMessage } from '../StatusMessage';
import { shownItems, shownProfileId, useSignedIn } from '../use-signed-in';
import { useStored } from '../use-stored';
import { HostAccess } from './HostAccess';
import { Launcher } from './Launcher';
import { lockOn } from './account-lock';
import { ProfileSwitcher, useProfileKeys } from './ProfileSwitcher';

type SignInFormType = typeof import('./SignInForm').SignInForm;
let signInFormModule: Promise<typeof import('./SignInForm')> | null = null;

/**
 * The sign-in form, loaded only when signed out (most openings are signed in and never need it).
 * Asked for while rendering, not in an effect a frame later.
 */
function useSignInForm(wanted: boolean): SignInFormType | null {
  const [Form, setForm] = useState<SignInFormType | null>(null);
  if (wanted) signInFormModule ??= import('./SignInForm');
  useEffect(() => {
    if (wanted) void signInFormModule!.then((m) => setForm(() => m.SignInForm));
  }, [wanted]);
  return Form;
}

/** The toolbar popup, also shown in a small window when a shortcut needs the user to sign in. */
export function PopupApp({ prompt }: { prompt: Prompt | null }) {
  // A shortcut's prompt is about the profile it acted on; otherwise the active profile.
  const [shownId, setShownId] = useState(prompt?.request?.profileId);
  const state = useSignedIn(shownId);
  // Asked for in the same round trip as the settings (see shownProfileId), not after them.
  const items = shownItems(shownProfileId(state?.settings, shownId));
  const lastAccount = useStored(items.lastAccount);
  const recent = useStored(items.recentPaths);
  const memory = useStored(popupMemoryItem);
  const [signedOut, setSignedOut] = useState(false);
  const profiles = state?.settings.profiles ?? [];
  const profileId = state?.profile?.id;
  // While the user picks a page, the background asks the server about the token: the open need not wait.
  useEffect(() => {
    if (profileId) void sendMessage('confirm', { profileId }).catch(() => {});
  }, [profileId]);
  const switchTo = (chosen: ServerProfile) => {
    setShownId(chosen.id);
    setSignedOut(false);
    // Shortcuts, the menu and the address bar act on the active profile: the one last chosen here.
    void updateItem(settingsItem, (stored) => setActiveProfile(parseSettings(stored), chosen.id));
  };
  useProfileKeys(profiles, switchTo);
  const SignInForm = useSignInForm(!!state?.profile && !state.session);
  // Local storage only, read at once, no network: the first frame is ready in a few milliseconds.
  if (!state || lastAccount === undefined || !recent || !memory) return null;

  const { settings, profile, session } = state;
  const switcher = profile && profiles.length > 1 && <ProfileSwitcher profiles={profiles} shown={profile} onSwitch={switchTo} />;
  // Only the popup writes this item, and one popup is open at a time: no lock needed.
  const remember = (patch: Partial<typeof memory>) => void popupMemoryItem.setValue({ ...memory, ...patch });
  // Signed in by now (in another window, say), "you are signed out" is no longer true.
  const notice = prompt && prompt.reason !== 'signed-out' ? errorMessage(new LaunchpadError(prompt.reason)) : null;
  // One live region for both screens, so "Signed out" is announced as the sign-in form replaces the pages.
  const status = <StatusMessage status={signedOut && !session ? { tone: 'ok', text: t('popup_signed_out') } : null} />;

  // A session is the shown profile's only (see useSignedIn): signed in, there is a profile.
  if (session && profile) {
    return (
      <>
        {status}
        {switcher}
        <Launcher
          profile={profile}
          session={session}
          settings={settings}
          recent={recent}
          workspace={memory.workspace ?? settings.defaultWorkspace}
          onWorkspace={(workspace) => remember({ workspace })}
          notice={notice}
          onSignedOut={() => setSignedOut(true)}
        />
      </>
    );
  }

  // Signed out: the header and the form appear together, once the form has loaded (a few ms).
  if (profile && !SignInForm) return status;

  async function afterSignIn() {
    setSignedOut(false);
    if (prompt?.request) await sendMessage('open', prompt.request).catch(() => {});
    if (prompt) window.close();
  }

  const ended = lastAccount?.endedBecause ? errorMessage(new LaunchpadError(lastAccount.endedBecause)) : null;
  const host = profile && new URL(profile.baseUrl).host;
  // A shortcut's window says what signing in opens. Being signed out is why it is here, not a
  // problem; any other reason (a revoked token, the server out of reach) is one, said in its words.
  const opens = prompt?.request ? promptOpens(prompt.request) : null;
  const problem = prompt && !(opens && prompt.reason === 'signed-out') ? signInErrorMessage(new LaunchpadError(prompt.reason), host ?? '') : null;
  return (
    <>
      {status}
      {switcher}
      <header>
        <h1>{t('extName')}</h1>
        {profile && (
          <p class="row hint">
            {host}
            {canEdit(settings, profile) && (
              <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
                {t('popup_change_server')}
              </button>
            )}
          </p>
        )}
        {profile && <HostAccess profile={profile} />}
      </header>
      {opens && <p class="opens">{opens}</p>}
      <ErrorText text={problem ?? ended} />
      {profile && SignInForm ? (
        <SignInForm
          profileId={profile.id}
          host={host!}
          username={lastAccount?.username ?? ''}
          lock={lockOn(memory.lock, profile)}
          onLocked={(lock) => remember({ lock: { ...lock, profileId: profile.id, serverUrl: profile.baseUrl } })}
          onSignedIn={afterSignIn}
        />
      ) : canAdd(settings) ? (
        <LazyServerSetup />
      ) : (
        // The organisation's policy allows no profiles of one's own, and set none: nothing to fill in.
        <p>{t('popup_servers_managed')}</p>
      )}
    </>
  );
}

/** First run only: the server form and its checks load when needed, not with every popup. */
function LazyServerSetup() {
  const [Setup, setSetup] = useState<FunctionComponent | null>(null);
  // Asked for while rendering, not in the effect a frame later.
  const [loading] = useState(() => import('./ServerSetup'));
  useEffect(() => {
    void loading.then((m) => setSetup(() => m.ServerSetup));
  }, [loading]);
  return Setup && <Setup />;
}
