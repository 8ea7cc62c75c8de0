import type { MessageKey } from '../browser/i18n';
import type { Workspace } from '../settings/settings';
import { LOGIN_PATH, PRESET_PATHS } from './paths';

export interface PathChoice {
  path: string;
  kind: 'login' | 'preset' | 'recent' | 'custom';
}

/** How the popup and the address bar label each kind of path. */
export const PATH_KIND_MESSAGE: Record<PathChoice['kind'], MessageKey> = {
  login: 'popup_kind_login',
  preset: 'popup_kind_preset',
  recent: 'popup_kind_recent',
  custom: 'popup_kind_custom',
};

/**
 * What the popup lists for a filter: the sign-in page, the presets and recent paths that
 * contain the filter, then the filter itself as a custom path unless it is listed already.
 */
export function pathChoices(workspace: Workspace, recent: readonly string[], filter: string): PathChoice[] {
  const wanted = filter.trim().replace(/^\/+/, '');
  const needle = wanted.toLowerCase();
  const known: PathChoice[] = [
    ...PRESET_PATHS[workspace].map((path): PathChoice => ({ path, kind: path === LOGIN_PATH ? 'login' : 'preset' })),
    ...recent.map((path): PathChoice => ({ path, kind: 'recent' })),
  ];
  const matches = known.filter((c) => c.path.toLowerCase().includes(needle));
  if (!wanted || matches.some((c) => c.path === wanted)) return matches;
  return [...matches, { path: wanted, kind: 'custom' }];
}
