import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LaunchpadError } from '../../lib/server/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { MAX_SUGGESTIONS, omniboxAnswer, omniboxHandlers, omniboxRequest, type OmniboxDeps } from '../../lib/ways-in/omnibox';
import { PROFILE } from '../support/profiles';

beforeEach(() => fakeBrowser.reset());

const NO_RECENT = { agent: [], admin: [] };

describe('what the address bar opens', () => {
  it.each([
    ['ticket', 'agent', { workspace: 'agent', path: 'ticket' }],
    ['  chat  ', 'agent', { workspace: 'agent', path: 'chat' }],
    // A page typed by its name opens that page: the admin console's dashboard is /welcome.
    ['dashboard', 'admin', { workspace: 'admin', path: 'welcome' }],
    ['admin Dashboard', 'agent', { workspace: 'admin', path: 'welcome' }],
    ['管理 仪表盘', 'agent', { workspace: 'admin', path: 'welcome' }],
    ['tickets', 'agent', { workspace: 'agent', path: 'ticket' }],
    ['ADMIN   welcome', 'agent', { workspace: 'admin', path: 'welcome' }],
    ['agent', 'admin', { workspace: 'agent', path: '' }],
    ['agent 任意路径?x=1#top', 'admin', { workspace: 'agent', path: '任意路径?x=1#top' }],
    ['agent /a b', 'agent', { workspace: 'agent', path: '/a b' }],
    ['管理 dashboard', 'agent', { workspace: 'admin', path: 'welcome' }],
    ['管理 dashboard/old', 'agent', { workspace: 'admin', path: 'dashboard/old' }],
    ['客服   工单/详情', 'admin', { workspace: 'agent', path: '工单/详情' }],
    // Only a whole first word names the workspace.
    ['agents/list', 'admin', { workspace: 'admin', path: 'agents/list' }],
    ['administrators', 'agent', { workspace: 'agent', path: 'administrators' }],
  ] as const)('%j (default %s) -> %j', (text, fallback, request) => {
    expect(omniboxRequest(text, fallback)).toEqual(request);
  });
});

describe('what the address bar suggests', () => {
  it('before any text: the hint, and the pages of the default workspace first, as the popup lists them', () => {
    const answer = omniboxAnswer('', 'admin', { agent: [], admin: ['reports/daily'] });
    expect(answer.enter).toBe('Bytedesk: type a page (ticket, chat, admin dashboard) or any path');
    expect(answer.suggestions.map((s) => s.content)).toEqual([
      'admin reports/daily',
      'admin welcome',
      'admin service/thread',
      'admin service/workgroup',
      'admin service/agent',
      'admin service/message',
    ]);
    expect(answer.suggestions[1]?.description).toBe('Admin console: Dashboard (/welcome)');
    expect(answer.suggestions[2]?.description).toBe('Admin console: Customer service › Conversations (/service/thread)');
    expect(answer.suggestions).toHaveLength(MAX_SUGGESTIONS);
  });

  it('says what Enter opens, and lists the other matches, not the same page twice', () => {
    const answer = omniboxAnswer('ticket', 'agent', NO_RECENT);
    expect(answer.enter).toBe('Open Agent workbench: ticket');
    expect(answer.suggestions.map((s) => s.content)).toEqual(['admin ticket/data', 'admin ticket/process', 'admin ticket/settings']);

    const partial = omniboxAnswer('/da', 'agent', NO_RECENT);
    expect(partial.enter).toBe('Open Agent workbench: /da');
    expect(partial.suggestions).toEqual([{ content: 'admin ticket/data', description: 'Admin console: Tickets › All tickets (/ticket/data)' }]);
  });

  it('a workspace word keeps to that workspace and includes its recent paths', () => {
    const answer = omniboxAnswer('admin rep', 'agent', { agent: ['reports'], admin: ['reports/daily', 'users'] });
    expect(answer.enter).toBe('Open Admin console: rep');
    expect(answer.suggestions.map((s) => s.content)).toEqual(['admin reports/daily', 'admin kb/quickreply', 'admin kb/autoreply', 'admin bi']);
    expect(answer.suggestions[0]).toEqual({ content: 'admin reports/daily', description: 'Admin console: /reports/daily (recent)' });
    expect(omniboxAnswer('agent', 'admin', NO_RECENT).enter).toBe('Open Agent workbench: /');
  });
});

describe('the address bar keyword in the background', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id, defaultWorkspace: 'admin' };
  function deps(liveSession: () => Promise<Session>) {
    const opened: [string, string][] = [];
    const prompts: unknown[] = [];
    const d: OmniboxDeps = {
      settings: async () => settings,
      recentPaths: async () => ({ agent: [], admin: ['users'] }),
      lifecycleFor: () => ({ liveSession: vi.fn(liveSession), revoke: vi.fn(async () => {}) }),
      tabs: { open: async (url, target) => void opened.push([url, target]) },
      remember: async () => {},
      prompt: async (p) => void prompts.push(p),
      activate: async () => {},
    };
    return { handlers: omniboxHandlers(d), opened, prompts };
  }
  const session = async () => ({ token: 'T0K', serverUrl: PROFILE.baseUrl }) as Session;

  it('opens in the default workspace, in the tab the browser chose', async () => {
    const { handlers, opened } = deps(session);
    await handlers.enter('dashboard', 'current-tab');
    expect(opened).toEqual([['https://desk.example.com/admin/welcome?accessToken=T0K', 'current-tab']]);
  });

  it('suggests from the settings and recent paths', async () => {
    const { handlers } = deps(session);
    expect((await handlers.suggest('us')).suggestions.map((s) => s.content)[0]).toBe('admin users');
    expect((await handlers.suggest('ass')).suggestions.map((s) => s.content)).toContain('agent robot');
  });

  it.each([
    ['signed out', 'signed-out'],
    ['server down', 'unreachable'],
  ] as const)('%s: prompts with what was asked, opens nothing', async (_, kind) => {
    const { handlers, opened, prompts } = deps(() => Promise.reject(new LaunchpadError(kind)));
    await handlers.enter('agent ticket', 'new-tab');
    expect(opened).toEqual([]);
    expect(prompts).toEqual([{ reason: kind, request: { workspace: 'agent', path: 'ticket', target: 'new-tab' } }]);
  });

  it('a path that leaves the workspace is refused before any token is asked for', async () => {
    const { handlers, opened, prompts } = deps(session);
    await handlers.enter('//evil.example/steal', 'new-tab');
    expect(opened).toEqual([]);
    expect(prompts).toMatchObject([{ reason: 'invalid-input' }]);
  });
});
