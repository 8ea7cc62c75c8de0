import { useState } from 'preact/hooks';
import type { Action } from '../../lib/actions/action';
import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import type { OpenIn, ServerProfile, Settings, Workspace } from '../../lib/settings/settings';
import { waitingItem } from '../../lib/storage';
import { administers, type Session } from '../../lib/token/session';
import { accountOf, stateFor } from '../../lib/work/waiting';
import { ErrorText } from '../ErrorText';
import { useAction } from '../use-action';
import { useStored } from '../use-stored';
import { AccountArea } from './AccountArea';
import { PathPicker } from './PathPicker';
import { ShareRow } from './ShareRow';
import { waitingCount, WaitingLine } from './WaitingLine';

interface Props {
  profile: ServerProfile;
  /** The profile's session. */
  session: Session;
  settings: Settings;
  recent: Record<Workspace, string[]>;
  /** The workspace chosen last time (the default workspace when none was). */
  workspace: Workspace;
  /** Remembers the workspace chosen, for the next time. */
  onWorkspace(workspace: Workspace): void;
  /** A problem to show on arrival (a shortcut that could not open its page). */
  notice: string | null;
  onSignedOut(): void;
}

/** Signed in: the account, Agent | Admin, the pages, and Open. */
export function Launcher({ profile, session, settings, recent, workspace: initial, onWorkspace, notice, onSignedOut }: Props) {
  // An agent who is no administrator has the workbench only: no Admin switch to lead nowhere.
  const admin = administers(session.user);
  const [chosen, setWorkspace] = useState<Workspace>(initial);
  const workspace = admin ? chosen : 'agent';
  const { busy, error, run } = useAction();
  const profileId = profile.id;
  // From storage, as the background last read it (for this account only): the popup itself never asks the server.
  const waiting = stateFor(useStored(waitingItem) ?? {}, profileId, accountOf(session));
  // An action chosen in the list asks for its value; its form loads then (most openings never ask).
  const [asking, setAsking] = useState<{ action: Action; Form: typeof import('./ActionValue').ActionValue } | null>(null);
  const ask = (action: Action) => void import('./ActionValue').then((m) => setAsking({ action, Form: m.ActionValue }));

  function choose(chosen: Workspace) {
    setWorkspace(chosen);
    onWorkspace(chosen);
  }

  async function open(path: string, alternate: boolean) {
    const target: OpenIn | undefined = alternate
      ? settings.openIn === 'current-tab' ? 'new-tab' : 'current-tab'
      : undefined;
    if (await run(() => sendMessage('open', { profileId, workspace, path, target }))) window.close();
  }

  async function openUsersPage() {
    await browser.tabs.create({ url: browser.runtime.getURL('/users.html') });
    window.close();
  }

  return (
    <>
      <AccountArea session={session} onSignedOut={onSignedOut} />
      <ErrorText text={notice} />
      {admin && (
        <fieldset class="switch">
          <legend class="visually-hidden">{t('popup_workspace')}</legend>
          {(['agent', 'admin'] as const).map((w) => (
            <label key={w} class={workspace === w ? 'on' : undefined}>
              <input type="radio" name="workspace" value={w} checked={workspace === w} onChange={() => choose(w)} />
              {t(w === 'agent' ? 'popup_agent' : 'popup_admin')}
            </label>
          ))}
        </fieldset>
      )}
      <WaitingLine state={waiting} now={Date.now()} />
      {asking?.action.workspace === workspace ? (
        <asking.Form action={asking.action} busy={busy} onOpen={open} onBack={() => setAsking(null)} />
      ) : (
      <PathPicker
        workspace={workspace}
        // Someone waits: the chat page comes first, and Enter right after opening goes there.
        lead={workspace === 'agent' && waitingCount(waiting) > 0 ? 'chat' : undefined}
        recent={recent[workspace]}
        superUser={session.user.superUser}
        openIn={settings.openIn}
        busy={busy}
        onOpen={open}
        rowMenu={(row) => <ShareRow {...row} profile={profile} workspace={workspace} />}
        actions={settings.actions.filter((a) => a.workspace === workspace)}
        onAction={ask}
      />
      )}
      <ErrorText text={error} />
      <footer class="row">
        {session.user.superUser && (
          <button type="button" class="link" onClick={() => void openUsersPage()}>
            {t('users_open')}
          </button>
        )}
        <span class="spacer" />
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </footer>
    </>
  );
}
