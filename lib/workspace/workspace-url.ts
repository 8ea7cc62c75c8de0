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
  const leaves = () => new LaunchpadError('invalid-input', { serverMessage: 'path leaves the workspace' });
  const relative = path.trim().replace(/^\/(?!\/)/, '').trimStart();
  // The URL parser drops tabs and newlines, which could hide a scheme or `//host` from the checks.
  if (/[\x00-\x1f\x7f]/.test(relative)) throw leaves();
  if (/^[a-z][a-z0-9+.-]*:/i.test(relative) || relative.startsWith('/') || relative.includes('\\')) throw leaves();
  let url: URL;
  try {
    url = new URL(relative, root);
  } catch {
    throw leaves();
  }
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) throw leaves();
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
