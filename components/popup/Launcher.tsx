import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { timeLeft } from '../../lib/format/time-left';
import { sendMessage } from '../../lib/messaging';
import { LaunchpadError } from '../../lib/server/errors';
import type { OpenIn, Settings, Workspace } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { ErrorText } from '../ErrorText';
import { useAction } from '../use-action';
import { PathPicker } from './PathPicker';
import { RevokeControl } from './RevokeControl';

interface Props {
  session: Session;
  settings: Settings;
  recent: Record<Workspace, string[]>;
  /** A problem to show on arrival (a shortcut that could not open its page). */
  notice: string | null;
}

/** Signed in: who and where, Agent | Admin, the path list, revoke. */
export function Launcher({ session, settings, recent, notice }: Props) {
  const [workspace, setWorkspace] = useState<Workspace>(settings.defaultWorkspace);
  const { busy, error, run } = useAction();
  const host = new URL(session.serverUrl).host;
  const left = session.expiresAt === null ? null : timeLeft(session.expiresAt, Date.now(), browser.i18n.getUILanguage());

  async function open(path: string, alternate: boolean) {
    const target: OpenIn | undefined = alternate
      ? settings.openIn === 'current-tab' ? 'new-tab' : 'current-tab'
      : undefined;
    if (await run(() => sendMessage('open', { workspace, path, target }))) window.close();
  }

  async function openUsersPage() {
    await browser.tabs.create({ url: browser.runtime.getURL('/users.html') });
    window.close();
  }

  return (
    <>
      <header class="who">
        <h1 class="visually-hidden">{t('extName')}</h1>
        <p>
          <strong>{session.user.nickname}</strong> <span class="hint">{host}</span>
        </p>
        <p class="hint">
          {session.expiresAt === null
            ? t('popup_expiry_unknown')
            : left
              ? t('popup_expires', left)
              : t('popup_expired')}
        </p>
        {session.renewalFailed && (
          <p class="warn">{t('popup_renewal_failed', errorMessage(new LaunchpadError(session.renewalFailed.kind)))}</p>
        )}
      </header>
      <ErrorText text={notice} />
      <fieldset class="switch">
        <legend class="visually-hidden">{t('popup_workspace')}</legend>
        {(['agent', 'admin'] as const).map((w) => (
          <label key={w} class={workspace === w ? 'on' : undefined}>
            <input type="radio" name="workspace" value={w} checked={workspace === w} onChange={() => setWorkspace(w)} />
            {t(w === 'agent' ? 'popup_agent' : 'popup_admin')}
          </label>
        ))}
      </fieldset>
      <PathPicker key={workspace} workspace={workspace} recent={recent[workspace]} busy={busy} onOpen={open} />
      <ErrorText text={error} />
      <footer class="row">
        <RevokeControl />
        <span class="spacer" />
        {session.user.superUser && (
          <button type="button" class="link" onClick={() => void openUsersPage()}>
            {t('users_open')}
          </button>
        )}
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </footer>
    </>
  );
}
