import type { MessageKey } from '../browser/i18n';
import type { Workspace } from '../settings/settings';
import { COMMON_PAGES, LOGIN_PAGE, LOGIN_PATH, PRESET_PATHS, type KnownPage } from './paths';

/** A line of the popup's list. */
export interface PageChoice {
  path: string;
  /** A known page's name; null for a path of its own. */
  name: MessageKey | null;
  /** The filter's text, which no listed path equals: opened as a path of its own. */
  typed: boolean;
}

/**
 * What the popup lists: the pages opened lately, newest first, then the other common pages, the
 * sign-in page last. A filter keeps those whose name (in either language) or path contains it,
 * and adds its text as a path unless that path is listed. The first line is what Enter opens: the
 * last page opened, else the workspace's most used page, never the sign-in page.
 */
export function pageChoices(workspace: Workspace, recent: readonly string[], filter: string): PageChoice[] {
  const common = COMMON_PAGES[workspace];
  const paths = new Set([...recent, ...common.map((page) => page.path)]);
  paths.delete(LOGIN_PATH);
  const pages: (Omit<KnownPage, 'name'> & Pick<PageChoice, 'name'>)[] = [
    ...[...paths].map((path) => common.find((page) => page.path === path) ?? { path, name: null, words: '' }),
    LOGIN_PAGE,
  ];

  const wanted = filter.trim().replace(/^\/+/, '');
  const needle = filter.trim().toLowerCase();
  const choices = pages
    .filter((page) => `/${page.path} ${page.words}`.toLowerCase().includes(needle))
    .map((page): PageChoice => ({ path: page.path, name: page.name, typed: false }));
  if (!wanted || choices.some((c) => c.path === wanted)) return choices;
  return [...choices, { path: wanted, name: null, typed: true }];
}

export interface PathChoice {
  path: string;
  kind: 'login' | 'preset' | 'recent' | 'custom';
}

/** How the address bar labels each kind of path. */
export const PATH_KIND_MESSAGE: Record<PathChoice['kind'], MessageKey> = {
  login: 'popup_kind_login',
  preset: 'popup_kind_preset',
  recent: 'popup_kind_recent',
  custom: 'popup_kind_custom',
};

/**
 * What the address bar suggests for a filter: the sign-in page, the presets and the other recent
 * paths that contain the filter, then the filter itself as a custom path unless it is listed already.
 */
export function pathChoices(workspace: Workspace, recent: readonly string[], filter: string): PathChoice[] {
  const wanted = filter.trim().replace(/^\/+/, '');
  const needle = wanted.toLowerCase();
  const presets = PRESET_PATHS[workspace];
  const known: PathChoice[] = [
    ...presets.map((path): PathChoice => ({ path, kind: path === LOGIN_PATH ? 'login' : 'preset' })),
    ...recent.filter((path) => !presets.includes(path)).map((path): PathChoice => ({ path, kind: 'recent' })),
  ];
  const matches = known.filter((c) => c.path.toLowerCase().includes(needle));
  if (!wanted || matches.some((c) => c.path === wanted)) return matches;
  return [...matches, { path: wanted, kind: 'custom' }];
}
