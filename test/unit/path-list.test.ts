import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pageChoices, type PageChoice } from '../../lib/workspace/path-list';
import { COMMON_PAGES, LOGIN_PAGE } from '../../lib/workspace/paths';
import { cleanPath, MAX_RECENT, withRecentPath } from '../../lib/workspace/recent-paths';

/** A line as `name@path` (known pages), `/path` (a path of one's own), `typed:path` ("Open this path"). */
const lines = (choices: PageChoice[]) =>
  choices.map((c) => (c.typed ? `typed:${c.path}` : c.name ? `${c.name.replace('popup_page_', '')}@${c.path}` : `/${c.path}`));

describe('the pages the popup lists, and the one Enter opens (the first)', () => {
  it.each([
    // Nothing opened yet: the most used page first, the sign-in page last.
    ['agent', [], '', ['ticket@ticket', 'chat@chat', 'login@auth/login']],
    ['admin', [], '', ['dashboard@dashboard', 'welcome@welcome', 'login@auth/login']],
    // Recent first, newest first, common pages included; the other common pages after them.
    ['agent', ['chat'], '', ['chat@chat', 'ticket@ticket', 'login@auth/login']],
    ['agent', ['queue/42', 'ticket'], '', ['/queue/42', 'ticket@ticket', 'chat@chat', 'login@auth/login']],
    ['admin', ['welcome', 'reports', 'dashboard'], '', ['welcome@welcome', '/reports', 'dashboard@dashboard', 'login@auth/login']],
    // The sign-in page is never first for someone signed in, even opened last (older lists kept it).
    ['agent', ['auth/login', 'chat'], '', ['chat@chat', 'ticket@ticket', 'login@auth/login']],
    // Found by name in either language, or by path; the text as a path of its own after the matches.
    ['agent', [], 'TICK', ['ticket@ticket', 'typed:TICK']],
    ['agent', [], '工单', ['ticket@ticket', 'typed:工单']],
    ['agent', [], '会话', ['chat@chat', 'typed:会话']],
    ['agent', [], 'chats', ['chat@chat', 'typed:chats']],
    ['admin', [], '仪表', ['dashboard@dashboard', 'typed:仪表']],
    ['admin', [], '欢迎', ['welcome@welcome', 'typed:欢迎']],
    ['agent', [], '登录', ['login@auth/login', 'typed:登录']],
    ['agent', [], 'sign-in', ['login@auth/login', 'typed:sign-in']],
    // A listed path as typed: no line that repeats it.
    ['agent', [], 'ticket', ['ticket@ticket']],
    ['agent', [], '/ticket', ['ticket@ticket']],
    ['agent', [], '/auth/login', ['login@auth/login']],
    ['agent', ['queue/42'], 'queue/42', ['/queue/42']],
    // Nothing matches: "Open this path", Chinese and queries kept, the leading slash dropped.
    ['agent', [], 'settings/profile', ['typed:settings/profile']],
    ['agent', [], ' /任意路径?x=1 ', ['typed:任意路径?x=1']],
    ['agent', ['queue/42'], 'q', ['/queue/42', 'typed:q']],
    ['admin', ['queue/42'], 'Q', ['/queue/42', 'typed:Q']],
  ] as const)('%s, recent %j, filter %j', (workspace, recent, filter, expected) => {
    expect(lines(pageChoices(workspace, recent, filter))).toEqual(expected);
  });

  const messages = (locale: string) =>
    JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<
      string,
      { message: string }
    >;
  it.each(['en', 'zh_CN'])('finds every page by its %s name', (locale) => {
    const names = messages(locale);
    for (const page of [LOGIN_PAGE, ...COMMON_PAGES.agent, ...COMMON_PAGES.admin]) {
      expect(page.words, page.path).toContain(names[page.name]!.message.toLowerCase());
    }
  });
});

describe('recent paths', () => {
  it.each([
    ['/任意路径', '任意路径'],
    ['ticket?id=7&accessToken=secret#top', 'ticket?id=7#top'],
    ['x?accessToken=secret', 'x'],
    ['  //a/b  ', 'a/b'],
  ])('cleans %j to %j', (input, expected) => {
    expect(cleanPath(input)).toBe(expected);
  });

  it.each([
    [[], 'ticket', ['ticket']],
    [['chat', 'ticket'], 'ticket', ['ticket', 'chat']],
    [['ticket'], '/queue/42?accessToken=x', ['queue/42', 'ticket']],
    // The sign-in page and nothing at all are not kept.
    [['ticket'], 'auth/login', ['ticket']],
    [['ticket'], '  ', ['ticket']],
  ] as const)('%j, then %j opened: %j', (recent, opened, expected) => {
    expect(withRecentPath(recent, opened)).toEqual(expected);
  });

  it(`keeps the newest first, without duplicates, ${MAX_RECENT} at most`, () => {
    let recent: string[] = [];
    for (const path of ['a', 'b', 'ticket', 'c', 'a', 'd', 'e', 'f', 'chat', 'g', 'h']) recent = withRecentPath(recent, path);
    expect(recent).toEqual(['h', 'g', 'chat', 'f', 'e', 'd', 'a', 'c']);
  });
});
