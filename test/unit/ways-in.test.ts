import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LaunchpadError } from '../../lib/server/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { parsePrompt, promptQuery } from '../../lib/ways-in/prompt';
import { runWayIn, type WaysInDeps } from '../../lib/ways-in/ways-in';
import { PROFILE } from '../support/profiles';

const SETTINGS: Settings = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id };
const SESSION = { token: 'T0K', serverUrl: PROFILE.baseUrl } as Session;

type Lifecycle = ReturnType<WaysInDeps['lifecycleFor']>;

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

  it('revokes from the toolbar menu, and explains when the server is out of reach', async () => {
    const { d, lifecycle, prompts } = deps({ revoke: vi.fn(async () => Promise.reject(new LaunchpadError('unreachable'))) });
    await runWayIn('revoke', d);
    expect(d.lifecycleFor).toHaveBeenCalledWith(PROFILE.id);
    expect(lifecycle.revoke).toHaveBeenCalledOnce();
    expect(prompts).toEqual([{ reason: 'unreachable' }]);
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
