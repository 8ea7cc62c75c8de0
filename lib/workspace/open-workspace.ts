import type { TabOpener } from '../browser/tabs';
import { LaunchpadError } from '../server/errors';
import { profileById } from '../settings/profiles';
import type { OpenIn, ServerProfile, Settings, Workspace } from '../settings/settings';
import type { TokenLifecycle } from '../token/lifecycle';
import { isSessionFor } from '../token/session';
import { signedWorkspaceUrl, workspaceRoot, workspaceUrl } from './workspace-url';

export interface OpenRequest {
  /** The profile to open it in; the active profile when left out. */
  profileId?: string;
  workspace: Workspace;
  path: string;
  /** Overrides the open-in setting (a modifier key in the popup). */
  target?: OpenIn;
}

export interface OpenDeps {
  settings(): Promise<Settings>;
  lifecycleFor(profileId: string): Pick<TokenLifecycle, 'liveSession'>;
  tabs: TabOpener;
  /** Remembers the path for the popup's list of recent paths. */
  remember(profileId: string, workspace: Workspace, path: string): Promise<void>;
  /** Takes the token out of tab `tabId`'s address once it has loaded (the opt-in clean address bar). */
  cleanAddress?(tabId: number, signedUrl: string): void;
  /** Told of each page opened, after its tab was asked for (the token is confirmed after, in the background). */
  opened?(page: OpenedPage): void;
  /** The clock (Date.now unless a test gives one). */
  now?(): number;
}

/** A page just opened with a token, in tab `tabId` where the browser said which. */
export interface OpenedPage {
  tabId: number | undefined;
  profileId: string;
  workspace: Workspace;
  path: string;
  token: string;
  /** When the open began: a confirmation of the token since then covers it. */
  since: number;
}

/** The profile a request is for: the one it names, else the active one. */
export async function requestedProfile(request: Pick<OpenRequest, 'profileId'>, deps: Pick<OpenDeps, 'settings'>): Promise<ServerProfile> {
  const settings = await deps.settings();
  const profile = profileById(settings, request.profileId ?? settings.activeProfileId);
  if (!profile) throw new LaunchpadError('not-set-up');
  return profile;
}

/** The page's address with a fresh token of its own profile's session (to open, or to share on request). */
export async function freshSignedUrl(
  request: Omit<OpenRequest, 'target'>,
  deps: Pick<OpenDeps, 'settings' | 'lifecycleFor'>,
): Promise<{ url: string; token: string; profile: ServerProfile; settings: Settings }> {
  const settings = await deps.settings();
  const profile = await requestedProfile(request, { settings: async () => settings });
  workspaceUrl(profile, request.workspace, request.path); // a bad path fails before any request
  const session = await deps.lifecycleFor(profile.id).liveSession();
  if (!isSessionFor(session, profile)) throw new LaunchpadError('signed-out');
  return { url: signedWorkspaceUrl(profile, request.workspace, request.path, session.token), token: session.token, profile, settings };
}

/** Every way in (popup, shortcut, menu, address bar) ends here: a workspace path, opened with a fresh token. */
export async function openWorkspace(request: OpenRequest, deps: OpenDeps): Promise<void> {
  const since = deps.now?.() ?? Date.now();
  const { url, token, profile, settings } = await freshSignedUrl(request, deps);
  const tabId = await deps.tabs.open(url, request.target ?? settings.openIn, workspaceRoot(profile, request.workspace).href);
  if (settings.cleanAddressBar && typeof tabId === 'number') deps.cleanAddress?.(tabId, url);
  const { workspace, path } = request;
  deps.opened?.({ tabId: typeof tabId === 'number' ? tabId : undefined, profileId: profile.id, workspace, path, token, since });
  await deps.remember(profile.id, request.workspace, request.path);
}
