import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Action } from '../../lib/actions/action';
import { splitAction } from '../../lib/actions/action-omnibox';
import { LaunchpadError } from '../../lib/server/errors';
import { DEFAULT_SETTINGS, type ServerProfile, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { omniboxHandlers, type OmniboxDeps } from '../../lib/ways-in/omnibox';
import { menuItems, runWayIn } from '../../lib/ways-in/ways-in';

// Actions on selected text reach the context menu, the address bar and the same open as every way in.

const profile = (id: string, name: string): ServerProfile => ({ id, name, baseUrl: `https://${id}.example.com`, agentUrl: null, adminUrl: null, managed: false });
const PROD = profile('prod', 'Prod');
const STAGING = profile('staging', 'Staging');
const ORDER: Action = { id: 'a1', name: 'Order', workspace: 'agent', template: 'ticket?search={selection}' };
const ORDER_LINE: Action = { id: 'a2', name: 'Order line', workspace: 'admin', template: 'orders/{selection}' };
const MAIL: Action = { id: 'a3', name: 'Mail', workspace: 'agent', template: 'customer?email={selection}' };
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, profiles: [PROD, STAGING], activeProfileId: PROD.id, actions: [ORDER, ORDER_LINE, MAIL] };

beforeEach(() => fakeBrowser.reset());

function deps(settings = SETTINGS, liveSession = async (id: string) => ({ token: `T-${id}`, serverUrl: `https://${id}.example.com` }) as Session) {
  const opened: string[] = [];
  const prompts: unknown[] = [];
  const d = {
    settings: async () => settings,
    recentPaths: async () => ({ agent: [], admin: [] }),
    lifecycleFor: vi.fn((id: string) => ({ liveSession: () => liveSession(id), revoke: async () => {} })),
    tabs: { open: async (url: string) => void opened.push(url) },
    remember: vi.fn(async () => {}),
    prompt: async (p: unknown) => void prompts.push(p),
    activate: vi.fn(async () => {}),
  } satisfies OmniboxDeps;
  return { d, handlers: omniboxHandlers(d), opened, prompts };
}

describe('the context menu', () => {
  it('has one item per action, on a selection only, first, with the selection in its title', () => {
    const items = menuItems({ ...SETTINGS, profiles: [PROD] });
    expect(items.slice(0, 3)).toEqual([
      { id: 'action/a1', title: 'Open in Bytedesk: Order — “%s”', contexts: ['selection'] },
      { id: 'action/a2', title: 'Open in Bytedesk: Order line — “%s”', contexts: ['selection'] },
      { id: 'action/a3', title: 'Open in Bytedesk: Mail — “%s”', contexts: ['selection'] },
    ]);
    expect(menuItems({ ...SETTINGS, actions: [] }).some((i) => i.id.startsWith('action/'))).toBe(false);
  });

  it.each([
    ['action/a1', ' ORDER-1234 ', 'https://prod.example.com/agent/ticket?search=ORDER-1234&accessToken=T-prod'],
    ['action/a1', 'a&b #1', 'https://prod.example.com/agent/ticket?search=a%26b+%231&accessToken=T-prod'],
    ['action/a2', 'x/../y', 'https://prod.example.com/admin/orders/x%2F..%2Fy?accessToken=T-prod'],
  ])('%s on %j opens %s, signed, on the active profile', async (id, selection, url) => {
    const { d, opened, prompts } = deps();
    await runWayIn(id, d, selection);
    expect(opened).toEqual([url]);
    expect(prompts).toEqual([]);
  });

  it('signed out: the prompt, with the filled path to open after signing in', async () => {
    const { d, opened, prompts } = deps(SETTINGS, async () => Promise.reject(new LaunchpadError('signed-out')));
    await runWayIn('action/a1', d, 'ORDER-1234');
    expect(opened).toEqual([]);
    expect(prompts).toEqual([{ reason: 'signed-out', request: { workspace: 'agent', path: 'ticket?search=ORDER-1234' } }]);
  });

  it('a selection that would leave the page is refused before any token is asked for; a removed action does nothing', async () => {
    const { d, opened, prompts } = deps();
    await runWayIn('action/a2', d, '..');
    await runWayIn('action/gone', d, 'x');
    expect(d.lifecycleFor).not.toHaveBeenCalled();
    expect(opened).toEqual([]);
    expect(prompts).toEqual([{ reason: 'invalid-input' }]);
  });
});

describe('the address bar', () => {
  it.each([
    ['Order ORDER-1234', ORDER, 'ORDER-1234'],
    ['order   a b ', ORDER, 'a b'],
    ['Order line 7', ORDER_LINE, '7'], // the longest name wins
    ['mail', MAIL, ''],
    ['Orders 7', null, ''], // a whole word only
    ['ticket', null, ''],
  ] as const)('%j: %o with %j', (text, action, value) => {
    expect(splitAction(SETTINGS.actions, text)).toEqual(action ? { action, value } : null);
  });

  it.each([
    ['Order ORDER-1234', 'https://prod.example.com/agent/ticket?search=ORDER-1234&accessToken=T-prod'],
    ['staging Mail a+b@example.com', 'https://staging.example.com/agent/customer?email=a%2Bb%40example.com&accessToken=T-staging'],
    ['ticket', 'https://prod.example.com/agent/ticket?accessToken=T-prod'],
  ])('%j opens %s', async (text, url) => {
    const { handlers, opened } = deps();
    await handlers.enter(text, 'new-tab');
    expect(opened).toEqual([url]);
  });

  it('says what Enter opens for an action, and suggests the actions whose name begins with the text', async () => {
    const { handlers } = deps();
    expect((await handlers.suggest('Order ORDER-1234')).enter).toBe('Open Order with “ORDER-1234”: /ticket?search=ORDER-1234');
    const answer = await handlers.suggest('ord');
    expect(answer.suggestions.slice(0, 2)).toEqual([
      { content: 'Order ', description: 'Order (action): /ticket?search={selection}' },
      { content: 'Order line ', description: 'Order line (action): /orders/{selection}' },
    ]);
    const named = await handlers.suggest('staging ma');
    expect(named.suggestions[0]!.content).toBe('Staging Mail ');
  });
});
