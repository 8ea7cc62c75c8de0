import type { MessageKey } from '../browser/i18n';
import type { Workspace } from '../settings/settings';
import { COMMON_PAGES, LOGIN_PAGE, LOGIN_PATH, type KnownPage } from './paths';

/** A line of the popup's list. */
export interface PageChoice {
  path: string;
  /** A known page's name; null for a path of its own. */
  name: MessageKey | null;
  /** The filter's text, which no listed path equals: opened as a path of its own. */
  typed: boolean;
}

/**
 * What the popup and the address bar list: the pages opened lately, newest first, then the other common pages, the
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
