import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { LaunchpadError } from '../../lib/server/errors';
import { lastAccountItem, popupMemoryItem, recentPathsItem } from '../../lib/storage';
import type { Prompt } from '../../lib/ways-in/prompt';
import { ErrorText } from '../ErrorText';
import { StatusMessage } from '../StatusMessage';
import { useSignedIn } from '../use-signed-in';
import { useStored } from '../use-stored';
import { Launcher } from './Launcher';
import { SignInForm } from './SignInForm';

/** The toolbar popup, also shown in a small window when a shortcut needs the user to sign in. */
export function PopupApp({ prompt }: { prompt: Prompt | null }) {
  const state = useSignedIn();
  const lastAccount = useStored(lastAccountItem);
  const recent = useStored(recentPathsItem);
  const memory = useStored(popupMemoryItem);
  const [signedOut, setSignedOut] = useState(false);
  // Local storage only, read at once, no network: the first frame is ready in a few milliseconds.
  if (!state || lastAccount === undefined || !recent || !memory) return null;

  const { settings, profile, session } = state;
  // Only the popup writes this item, and one popup is open at a time: no lock needed.
  const remember = (patch: Partial<typeof memory>) => void popupMemoryItem.setValue({ ...memory, ...patch });
  const notice = prompt ? errorMessage(new LaunchpadError(prompt.reason)) : null;
  // One live region for both screens, so "Signed out" is announced as the sign-in form replaces the pages.
  const status = <StatusMessage status={signedOut && !session ? { tone: 'ok', text: t('popup_signed_out') } : null} />;

  if (session) {
    return (
      <>
        {status}
        <Launcher
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

  async function afterSignIn() {
    setSignedOut(false);
    if (prompt?.request) await sendMessage('open', prompt.request).catch(() => {});
    if (prompt) window.close();
  }

  const ended = lastAccount?.endedBecause ? errorMessage(new LaunchpadError(lastAccount.endedBecause)) : null;
  return (
    <>
      {status}
      <header>
        <h1>{t('extName')}</h1>
        {profile && (
          <p class="row hint">
            {new URL(profile.baseUrl).host}
            <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
              {t('popup_change_server')}
            </button>
          </p>
        )}
      </header>
      <ErrorText text={notice ?? ended} />
      {profile ? (
        <SignInForm
          username={lastAccount?.username ?? ''}
          lock={memory.lock}
          onLocked={(lock) => remember({ lock })}
          onSignedIn={afterSignIn}
        />
      ) : (
        <LazyServerSetup />
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
