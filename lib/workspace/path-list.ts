import { LOGIN_PATH, pageLabel, pageWords, type AppPage, type PageLanguage } from './paths';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The path of the page whose name is `text` in either language ("dashboard", "仪表盘"), else
 * `text` itself: a page typed by its name opens that page, not a path of that name.
 */
export function pathNamed(pages: readonly AppPage[], text: string): string {
  const page = pages.find((p) => same(p.name.en, text) || same(p.name.zh, text));
  return page ? page.path : text;
}

/** A line of the popup's list. */
export interface PageChoice {
  path: string;
  /** A known page's name as its app's menu leads to it ("在线客服 › 会话"); null for a path of one's own. */
  label: string | null;
  /** The filter's text, which no listed path equals: opened as a path of its own. */
  typed: boolean;
}

export interface PageListOptions {
  /** The app's pages known so far: its top pages until the whole catalogue has loaded. */
  pages: readonly AppPage[];
  language: PageLanguage;
  /** Super administrators also see the pages their app shows to them alone. */
  superUser: boolean;
}

/**
 * What the popup and the address bar list: the pages opened lately, newest first, then the app's
 * other pages in its menu's order. A filter keeps those whose name or menu (in either language),
 * path or other words contain it, and adds its text as a path unless that path is listed. The
 * first line is what Enter opens: the last page opened, else the app's most used page. The
 * sign-in page is not listed: whoever sees the list is signed in (typed, it still opens).
 */
export function pageChoices(recent: readonly string[], filter: string, { pages, language, superUser }: PageListOptions): PageChoice[] {
  const known = new Map(pages.filter((page) => superUser || !page.superOnly).map((page) => [page.path, page]));
  const paths = new Set([...recent, ...known.keys()]);
  paths.delete(LOGIN_PATH);

  const wanted = filter.trim().replace(/^\/+/, '');
  const needle = filter.trim().toLowerCase();
  const choices = [...paths]
    .filter((path) => {
      const page = known.get(path);
      return (page ? pageWords(page) : `/${path}`.toLowerCase()).includes(needle);
    })
    .map((path): PageChoice => {
      const page = known.get(path);
      return { path, label: page ? pageLabel(page, language) : null, typed: false };
    });
  if (!wanted || choices.some((c) => c.path === wanted)) return choices;
  return [...choices, { path: wanted, label: null, typed: true }];
}
