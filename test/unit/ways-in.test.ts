import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LaunchpadError } from '../../lib/server/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { parsePrompt, promptOpens, promptQuery } from '../../lib/ways-in/prompt';
import { menuItems, runWayIn, type WaysInDeps } from '../../lib/ways-in/ways-in';
import { localeTranslator } from '../support/locale';
import { PROFILE } from '../support/profiles';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id };
const SESSION = { token: 'T0K', serverUrl: PROFILE.baseUrl } as Session;

// revoke: a spy, to see that no way in signs anyone out.
type Lifecycle = ReturnType<WaysInDeps['lifecycleFor']> & { revoke(): Promise<void> };

function deps(overrides: Partial<Lifecycle> = {}, settings = SETTINGS) {
  const opened: string[] = [];
  const prompts: unknown[] = [];
  const lifecycle = { liveSession: vi.fn(async () => SESSION), revoke: vi.fn(async () => {}), ...overrides };
  const d = {
    settings: async () => settings,
    lifecycleFor: vi.fn((_: string): Lifecycle => lifecycle),
    tabs: { open: async (url: string) => void opened.push(url) },
    remember: async () => {},
    prompt: async (p: unknown) => void prompts.push(p),
    activate: vi.fn(async () => {}),
  } satisfies WaysInDeps;
  return { d, lifecycle, opened, prompts };
}

beforeEach(() => fakeBrowser.reset());

describe('shortcuts and menu items', () => {
  it.each([
    ['open-agent-ticket', 'https://desk.example.com/agent/ticket?accessToken=T0K'],
    ['open-agent-chat', 'https://desk.example.com/agent/chat?accessToken=T0K'],
    ['open-admin-dashboard', 'https://desk.example.com/admin/welcome?accessToken=T0K'],
  ])('%s opens %s', async (id, url) => {
    const { d, opened, prompts } = deps();
    await runWayIn(id, d);
    expect(opened).toEqual([url]);
    expect(prompts).toEqual([]);
  });

  it('signed out: prompts to sign in, with what was asked, and opens nothing', async () => {
    const { d, opened, prompts } = deps({ liveSession: async () => Promise.reject(new LaunchpadError('signed-out')) });
    await runWayIn('open-agent-ticket', d);
    expect(opened).toEqual([]);
    expect(prompts).toEqual([{ reason: 'signed-out', request: { workspace: 'agent', path: 'ticket' } }]);
  });

  it('not set up: prompts without asking for a token', async () => {
    const { d, lifecycle, opened, prompts } = deps({}, DEFAULT_SETTINGS);
    await runWayIn('open-admin-dashboard', d);
    expect(lifecycle.liveSession).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
    expect(prompts).toMatchObject([{ reason: 'not-set-up' }]);
  });

  it('the toolbar menu has no Sign out that revokes without a question: no such item, and its old id signs nobody out', async () => {
    expect(menuItems(SETTINGS).map((item) => item.title)).not.toContain('Sign out');
    expect(menuItems(SETTINGS).map((item) => item.id)).not.toContain('revoke');
    const { d, lifecycle, opened, prompts } = deps();
    await runWayIn('revoke', d);
    expect(lifecycle.revoke).not.toHaveBeenCalled();
    expect([opened, prompts]).toEqual([[], []]);
  });

  it('ignores ids it does not know', async () => {
    const { d, opened, prompts } = deps();
    await runWayIn('something-else', d);
    expect([opened, prompts]).toEqual([[], []]);
  });
});

describe('prompt query', () => {
  it.each([
    [{ reason: 'signed-out', request: { workspace: 'agent', path: '任意/路径?x=1' } }],
    [{ reason: 'unreachable' }],
  ] as const)('round-trips %j', (prompt) => {
    expect(parsePrompt(promptQuery(prompt))).toEqual(prompt);
  });

  it.each(['', '?workspace=agent&path=ticket', '?reason=signed-out&workspace=evil&path=x'])('reads %j safely', (query) => {
    const prompt = parsePrompt(query);
    expect(prompt?.request).toBeUndefined();
  });
});

describe('the sign-in window a shortcut opens', () => {
  it.each([
    ['agent', 'ticket', 'Sign in to open Tickets', '登录后打开“工单”'],
    ['agent', 'chat', 'Sign in to open Chat', '登录后打开“聊天”'],
    ['admin', 'welcome', 'Sign in to open Dashboard', '登录后打开“仪表盘”'],
    ['admin', 'dashboard', 'Sign in to open /dashboard', '登录后打开“/dashboard”'],
    ['agent', 'ticket?search=ORDER-1234', 'Sign in to open /ticket?search=ORDER-1234', '登录后打开“/ticket?search=ORDER-1234”'],
    ['agent', '任意路径', 'Sign in to open /任意路径', '登录后打开“/任意路径”'],
  ] as const)('says what signing in opens, by the name the popup lists: %s %s', (workspace, path, en, zh) => {
    expect(promptOpens({ workspace, path }, localeTranslator('en'))).toBe(en);
    expect(promptOpens({ workspace, path }, localeTranslator('zh_CN'))).toBe(zh);
  });
});
