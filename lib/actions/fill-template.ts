import { LaunchpadError } from '../server/errors';
import type { ServerProfile, Workspace } from '../settings/settings';
import { workspaceUrl } from '../workspace/workspace-url';
import { clipSelection, fillPath, SELECTION } from './action';

// The rules of workspaceUrl depend only on the path against the app's root, so any server shows
// whether a template stays inside the workspace.
const ANY_SERVER: ServerProfile = { id: '', name: '', baseUrl: 'https://bytedesk.invalid', agentUrl: null, adminUrl: null, managed: false };

/** The placeholder sits in the path, not in the query or hash. */
const inPath = (template: string) => {
  const at = template.indexOf(SELECTION);
  const end = template.search(/[?#]/);
  return at >= 0 && (end < 0 || at < end);
};

/**
 * The path an action opens for `selection`, or an `invalid-input` error when it would leave the
 * workspace. `.` and `..` survive encoding as path segments (`%2e%2e` is `..` to a URL parser),
 * so they are refused in the path rather than opening another page than the one asked for.
 */
export function fillTemplate(template: string, selection: string, workspace: Workspace = 'agent'): string {
  if (/^\.{1,2}$/.test(clipSelection(selection)) && inPath(template)) {
    throw new LaunchpadError('invalid-input', { serverMessage: 'a dot segment leaves the page' });
  }
  const path = fillPath(template, selection);
  workspaceUrl(ANY_SERVER, workspace, path);
  return path;
}
