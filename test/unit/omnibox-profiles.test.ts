import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LaunchpadError } from '../../lib/server/errors';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { omniboxHandlers, splitProfile, type OmniboxDeps } from '../../lib/ways-in/omnibox';
import { profileOf, settingsOf } from '../support/profiles';

// "bdk staging ticket": a first word (or words) naming a profile opens on that profile's server.

const profile = profileOf;
const PROD = profile('prod', 'Prod');
const PROD_EU = profile('prod-eu', 'Prod EU');
const STAGING = profile('staging', 'Staging');
const SETTINGS = settingsOf([PROD, PROD_EU, STAGING]);

beforeEach(() => fakeBrowser.reset());

describe('splitProfile', () => {
  it.each([
    ['staging ticket', STAGING, true, ' ticket'],
    ['STAGING admin dashboard', STAGING, true, ' admin dashboard'],
    ['  staging', STAGING, true, ''],
    ['Prod EU ticket', PROD_EU, true, ' ticket'], // the longest name wins…
    ['prod   eu ticket', PROD, true, '   eu ticket'], // …as written, spaces and all
    ['prod ticket', PROD, true, ' ticket'],
    ['stagingticket', PROD, false, 'stagingticket'], // only a whole word names a profile
    ['qa ticket', PROD, false, 'qa ticket'],
    ['ticket', PROD, false, 'ticket'],
    ['', PROD, false, ''],
  ] as const)('%j: %o (named: %s), then %j', (text, expected, named, rest) => {
    expect(splitProfile(SETTINGS, text)).toEqual({ profile: expected, named, rest });
  });

  it('no profile set up: none', () => {
    expect(splitProfile(DEFAULT_SETTINGS, 'ticket')).toEqual({ profile: null, named: false, rest: 'ticket' });
  });
});

describe('the address bar with several profiles', () => {
  function deps(liveSession = async (id: string) => ({ token: `TOKEN-${id}`, serverUrl: `https://${id}.example.com` }) as Session) {
    const opened: string[] = [];
    const prompts: unknown[] = [];
    const d = {
      settings: async () => SETTINGS,
      recentPaths: vi.fn(async (id: string) => ({ agent: [`recent-of-${id}`], admin: [] })),
      lifecycleFor: vi.fn((id: string) => ({ liveSession: () => liveSession(id), revoke: async () => {} })),
      tabs: { open: async (url: string) => void opened.push(url) },
      remember: vi.fn(async () => {}),
      prompt: async (p: unknown) => void prompts.push(p),
      activate: vi.fn(async () => {}),
    } satisfies OmniboxDeps;
    return { d, handlers: omniboxHandlers(d), opened, prompts };
  }

  it.each([
    ['staging ticket', 'https://staging.example.com/agent/ticket?accessToken=TOKEN-staging'],
    ['Staging admin dashboard', 'https://staging.example.com/admin/welcome?accessToken=TOKEN-staging'],
    ['prod eu ticket', 'https://prod-eu.example.com/agent/ticket?accessToken=TOKEN-prod-eu'],
    ['prod ticket', 'https://prod.example.com/agent/ticket?accessToken=TOKEN-prod'],
    ['ticket', 'https://prod.example.com/agent/ticket?accessToken=TOKEN-prod'],
    ['qa/ticket', 'https://prod.example.com/agent/qa/ticket?accessToken=TOKEN-prod'],
  ])('%j opens %s', async (text, url) => {
    const { handlers, opened } = deps();
    await handlers.enter(text, 'new-tab');
    expect(opened).toEqual([url]);
  });

  it("remembers the page in the named profile's recent list, and leaves the active profile as it was", async () => {
    const { d, handlers } = deps();
    await handlers.enter('staging chat', 'new-tab');
    expect(d.remember).toHaveBeenCalledWith(STAGING.id, 'agent', 'chat');
    expect(d.activate).not.toHaveBeenCalled();
  });

  it("suggests from the named profile's recent pages, each keeping the name in front so Enter opens it there", async () => {
    const { d, handlers } = deps();
    const answer = await handlers.suggest('staging rec');
    expect(d.recentPaths).toHaveBeenCalledWith(STAGING.id);
    expect(answer.enter).toBe('Staging · Open Agent workbench: rec');
    expect(answer.suggestions.map((s) => s.content)).toEqual(['Staging agent recent-of-staging']);

    const { handlers: again, opened } = deps();
    await again.enter(answer.suggestions[0]!.content, 'current-tab');
    expect(opened).toEqual(['https://staging.example.com/agent/recent-of-staging?accessToken=TOKEN-staging']);
  });

  it('without a profile name: the active profile, suggestions as before', async () => {
    const { d, handlers } = deps();
    const answer = await handlers.suggest('rec');
    expect(d.recentPaths).toHaveBeenCalledWith(PROD.id);
    expect(answer.suggestions.map((s) => s.content)).toEqual(['agent recent-of-prod']);
  });

  it("signed out in the named profile: the prompt is for that profile, with what was asked", async () => {
    const { handlers, opened, prompts } = deps(() => Promise.reject(new LaunchpadError('signed-out')));
    await handlers.enter('staging ticket', 'new-tab');
    expect(opened).toEqual([]);
    expect(prompts).toEqual([
      { reason: 'signed-out', request: { profileId: STAGING.id, workspace: 'agent', path: 'ticket', target: 'new-tab' } },
    ]);
  });
});
