import type { TabOpener } from '../browser/tabs';
import { LaunchpadError } from '../server/errors';
import { activeProfile, type OpenIn, type Settings, type Workspace } from '../settings/settings';
import type { TokenLifecycle } from '../token/lifecycle';
import { isSessionOf } from '../token/session';
import { signedWorkspaceUrl, workspaceRoot, workspaceUrl } from './workspace-url';

export interface OpenRequest {
  workspace: Workspace;
  path: string;
  /** Overrides the open-in setting (a modifier key in the popup). */
  target?: OpenIn;
}

export interface OpenDeps {
  settings(): Promise<Settings>;
  lifecycle: Pick<TokenLifecycle, 'liveSession'>;
  tabs: TabOpener;
  /** Remembers the path for the popup's list of recent paths. */
  remember(workspace: Workspace, path: string): Promise<void>;
}

/** Every way in (popup, shortcut, menu) ends here: a workspace path, opened with a fresh token. */
export async function openWorkspace(request: OpenRequest, deps: OpenDeps): Promise<void> {
  const settings = await deps.settings();
  const profile = activeProfile(settings);
  if (!profile) throw new LaunchpadError('not-set-up');
  workspaceUrl(profile, request.workspace, request.path); // a bad path fails before any request
  const session = await deps.lifecycle.liveSession();
  if (!isSessionOf(session, profile.baseUrl)) throw new LaunchpadError('signed-out');
  const url = signedWorkspaceUrl(profile, request.workspace, request.path, session.token);
  await deps.tabs.open(url, request.target ?? settings.openIn, workspaceRoot(profile, request.workspace).href);
  await deps.remember(request.workspace, request.path);
}
