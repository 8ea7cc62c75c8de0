import { LaunchpadError } from '../server/errors';
import type { ServerProfile, Workspace } from '../settings/settings';

/** The root of a web app: `<base>/agent/` or `<base>/admin/`, on its override base if set. */
export function workspaceRoot(profile: ServerProfile, workspace: Workspace): URL {
  const base = (workspace === 'agent' ? profile.agentUrl : profile.adminUrl) ?? profile.baseUrl;
  return new URL(`${base}/${workspace}/`);
}

/**
 * The address of `path` inside a web app. Leading slash optional; unicode, query and hash kept.
 * Anything that would leave the app (a scheme, `//host`, a backslash, `..` past its root) is
 * refused, because the token is attached next.
 */
export function workspaceUrl(profile: ServerProfile, workspace: Workspace, path: string): URL {
  const root = workspaceRoot(profile, workspace);
  const relative = path.trim().replace(/^\/(?!\/)/, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.startsWith('/') || relative.includes('\\')) {
    throw new LaunchpadError('invalid-input', { serverMessage: 'path leaves the workspace' });
  }
  const url = new URL(relative, root);
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) {
    throw new LaunchpadError('invalid-input', { serverMessage: 'path leaves the workspace' });
  }
  return url;
}

/** The address to open: the path with `accessToken` set, replacing any already there. */
export function signedWorkspaceUrl(
  profile: ServerProfile,
  workspace: Workspace,
  path: string,
  token: string,
): string {
  const url = workspaceUrl(profile, workspace, path);
  url.searchParams.set('accessToken', token);
  return url.href;
}
