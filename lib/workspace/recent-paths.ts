import type { Workspace } from '../settings/settings';
import { updateItem } from '../browser/update-item';
import { profileItems } from '../storage';
import { LOGIN_PATH } from './paths';

/** Room for the common pages of a workspace and a few paths of one's own. */
export const MAX_RECENT = 8;

/** A path as the user would type it again: no leading slash, and never a token in its query. */
export function cleanPath(path: string): string {
  const trimmed = path.trim().replace(/^\/+/, '');
  const query = trimmed.indexOf('?');
  if (query < 0) return trimmed;
  const hash = trimmed.indexOf('#', query);
  const end = hash < 0 ? trimmed.length : hash;
  const params = new URLSearchParams(trimmed.slice(query + 1, end));
  params.delete('accessToken');
  const rest = params.toString();
  return trimmed.slice(0, query) + (rest ? `?${rest}` : '') + trimmed.slice(end);
}

/**
 * The recent list after opening `path`, common pages included: the first is what Enter opens next
 * time. The sign-in page is not kept: it is listed last anyway, never what Enter opens.
 */
export function withRecentPath(recent: readonly string[], path: string): string[] {
  const clean = cleanPath(path);
  if (!clean || clean === LOGIN_PATH) return [...recent];
  return [clean, ...recent.filter((p) => p !== clean)].slice(0, MAX_RECENT);
}

/** Remembers an opened path for the popup's list; two opens at once both count. */
export async function rememberPath(profileId: string, workspace: Workspace, path: string): Promise<void> {
  await updateItem(profileItems(profileId).recentPaths, (recent) => ({ ...recent, [workspace]: withRecentPath(recent[workspace], path) }));
}
