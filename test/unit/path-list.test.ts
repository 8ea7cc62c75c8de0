import { describe, expect, it } from 'vitest';
import { APP_PAGES } from '../../lib/workspace/app-pages';
import { pageChoices, type PageChoice, type PageListOptions } from '../../lib/workspace/path-list';
import { TOP_PAGES, type PageLanguage } from '../../lib/workspace/paths';
import type { Workspace } from '../../lib/settings/workspace';
import { cleanPath, MAX_RECENT, withRecentPath } from '../../lib/workspace/recent-paths';

/** A line as `label@path` (known pages), `/path` (a path of one's own), `typed:path` ("Open this path"). */
const lines = (choices: PageChoice[]) => choices.map((c) => (c.typed ? `typed:${c.path}` : c.label ? `${c.label}@${c.path}` : `/${c.path}`));
const top = (workspace: Workspace, language: PageLanguage = 'en'): PageListOptions => ({ pages: TOP_PAGES[workspace], language, superUser: false });
const all = (workspace: Workspace, language: PageLanguage = 'en', superUser = false): PageListOptions => ({ pages: APP_PAGES[workspace], language, superUser });

describe('the pages the popup lists, and the one Enter opens (the first)', () => {
  it.each([
    // Nothing opened yet: the most used page first; no sign-in page for someone signed in.
    ['agent', [], '', ['Tickets@ticket', 'Chat@chat']],
    ['admin', [], '', ['Dashboard@welcome']],
    // Recent first, newest first, top pages included; the other top pages after them.
    ['agent', ['chat'], '', ['Chat@chat', 'Tickets@ticket']],
    ['agent', ['queue/42', 'ticket'], '', ['/queue/42', 'Tickets@ticket', 'Chat@chat']],
    // A path the app does not have (its 404 page) stays what it is: a path of one's own.
    ['admin', ['welcome', 'reports', 'dashboard'], '', ['Dashboard@welcome', '/reports', '/dashboard']],
    // The sign-in page is never listed, even opened last (older lists kept it).
    ['agent', ['auth/login', 'chat'], '', ['Chat@chat', 'Tickets@ticket']],
    // Found by name in either language, by path or by the app's own menu words; the text as a path after the matches.
    ['agent', [], 'TICK', ['Tickets@ticket', 'typed:TICK']],
    ['agent', [], '工单', ['Tickets@ticket', 'typed:工单']],
    ['agent', [], '会话', ['Chat@chat', 'typed:会话']],
    ['agent', [], 'chats', ['Chat@chat', 'typed:chats']],
    ['admin', [], '仪表', ['Dashboard@welcome', 'typed:仪表']],
    ['admin', [], 'welcome', ['Dashboard@welcome']],
    // A listed path as typed: no line that repeats it.
    ['agent', [], 'ticket', ['Tickets@ticket']],
    ['agent', [], '/ticket', ['Tickets@ticket']],
    ['agent', ['queue/42'], 'queue/42', ['/queue/42']],
    // Nothing matches: only the text, as a path (the popup says no page is called so); Chinese and queries kept.
    ['agent', [], 'zzz', ['typed:zzz']],
    ['agent', [], ' /任意路径?x=1 ', ['typed:任意路径?x=1']],
    ['agent', [], '/auth/login', ['typed:auth/login']],
    ['agent', ['queue/42'], 'q', ['/queue/42', 'typed:q']],
  ] as const)('%s, recent %j, filter %j', (workspace, recent, filter, expected) => {
    expect(lines(pageChoices(recent, filter, top(workspace)))).toEqual(expected);
  });

  it.each([
    // The real apps' pages by their menu names, in the popup's language, found in either.
    ['admin', 'en', '会话', ['Customer service › Conversations@service/thread', 'Quality check@quality', 'typed:会话']],
    ['admin', 'zh', 'conversations', ['在线客服 › 会话@service/thread', 'typed:conversations']],
    ['admin', 'zh', 'thread', ['在线客服 › 会话@service/thread', 'typed:thread']],
    ['admin', 'zh', '快捷回复', ['知识库 › 快捷回复@kb/quickreply', 'typed:快捷回复']],
    ['admin', 'en', 'token', ['Personal settings › Access tokens@setting/token', 'typed:token']],
    ['admin', 'en', 'members', ['Organisation › Members@team/member', 'typed:members']],
    ['agent', 'zh', 'contact', ['联系人@contact']],
    ['agent', 'en', 'AI助手', ['AI assistant@robot', 'typed:AI助手']],
  ] as const)('%s in %s, filter %j', (workspace, language, filter, expected) => {
    expect(lines(pageChoices([], filter, all(workspace, language)))).toEqual(expected);
  });

  it('lists the super-admin pages to super administrators only', () => {
    const paths = (superUser: boolean) => pageChoices([], '', all('admin', 'en', superUser)).map((c) => c.path);
    expect(paths(false).filter((p) => p.startsWith('super/'))).toEqual([]);
    expect(paths(true)).toContain('super/user');
    expect(paths(true).length).toBeGreaterThan(paths(false).length);
  });

  it.each(['agent', 'admin'] as const)('the %s catalogue: unique paths, a name in both languages, the top pages first, no sign-in page', (workspace) => {
    const pages = APP_PAGES[workspace];
    expect(new Set(pages.map((p) => p.path)).size).toBe(pages.length);
    expect(pages.slice(0, TOP_PAGES[workspace].length)).toEqual(TOP_PAGES[workspace]);
    for (const page of pages) expect(page.name.en && page.name.zh, page.path).toBeTruthy();
    expect(pages.map((p) => p.path)).not.toContain('auth/login');
    expect(pages.map((p) => p.path), 'the admin console has no /dashboard page').not.toContain('dashboard');
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
