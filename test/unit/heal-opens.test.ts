// Pages opened on trust (a token the server confirmed minutes ago, handed out with no wait) are
// followed by a question in the background; a token refused meanwhile is renewed once and the
// pages still showing it are sent to the fresh address, or to the sign-in prompt.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renewalAlarmFor } from '../../lib/browser/renewal-alarm';
import { defineItem } from '../../lib/browser/stored-item';
import type { BytedeskClient } from '../../lib/server/client';
import { LaunchpadError } from '../../lib/server/errors';
import type { Workspace } from '../../lib/settings/settings';
import { signedTabsItem } from '../../lib/storage';
import { createOpenHealer, showsSignedTab } from '../../lib/token/heal-opens';
import { createTokenLifecycle } from '../../lib/token/lifecycle';
import { renewSession } from '../../lib/token/renewal';
import { createSessionWriter } from '../../lib/token/session-writer';
import { createPasswordVault, type KeyStore } from '../../lib/token/password-vault';
import { sessionStoreFor } from '../../lib/token/session-store';
import { tokenEnd } from '../../lib/token/trust';
import type { Prompt } from '../../lib/ways-in/prompt';
import { createSignedTabs, type SignedTabMap } from '../../lib/workspace/signed-tabs';
import { onApiRefusal } from '../../lib/browser/web-app-sign-out';
import { installMissingApis } from '../support/fake-missing-apis';
import { PROFILE, profileOf, settingsOf } from '../support/profiles';
import { fakeJwt } from '../support/tokens';

const DAY = 86_400_000;
const USER = { username: 'admin@email.com', nickname: 'Admin', superUser: true };
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const OTHER = profileOf('p9', 'Other');

const rejected = () => new LaunchpadError('token-rejected');
const unreachable = () => new LaunchpadError('unreachable');
const pageUrl = (path: string, token: string) => `${PROFILE.baseUrl}/agent/${path}?accessToken=${token}`;

/** The vault's key, as the extension's IndexedDB keeps it: the same for a restarted worker. */
let key: CryptoKey | null = null;
const keyStore: KeyStore = { load: async () => key, save: async (k) => void (key = k) };

/** The real lifecycle over a scripted server, and the healer over tabs that are plain values. */
function setup() {
  let now = T0;
  const revoked = new Set<string>();
  const grant = () => ({ accessToken: fakeJwt(USER.username, now, 30 * DAY), user: USER });
  const client = {
    login: vi.fn(async () => grant()),
    exchange: vi.fn(async (token: string) => (revoked.has(token) ? Promise.reject(rejected()) : grant())),
    profile: vi.fn(async (token: string) => (revoked.has(token) ? Promise.reject(rejected()) : USER)),
    logout: vi.fn(async () => {}),
  };
  const store = sessionStoreFor(PROFILE.id);
  const lifecycle = createTokenLifecycle({
    store,
    vault: createPasswordVault(keyStore),
    scheduler: renewalAlarmFor(PROFILE.id),
    client: () => client as unknown as BytedeskClient,
    profile: async () => PROFILE,
    now: () => now,
  });
  /** What each tab shows; a tab not in it is closed. */
  const shown = new Map<number, string>();
  const navigate = vi.fn(async (tabId: number, url: string) => void shown.set(tabId, url));
  const prompt = vi.fn(async (_prompt: Prompt, _tabId?: number) => {});
  const tabs = createSignedTabs(signedTabsItem);
  const healer = createOpenHealer({
    lifecycleFor: () => lifecycle,
    sessionToken: async () => (await store.load())?.token ?? null,
    settings: async () => settingsOf([PROFILE, OTHER]),
    tabs,
    tabUrl: async (tabId) => shown.get(tabId) ?? null,
    navigate,
    prompt,
    now: () => now,
  });

  /** An open as openWorkspace does it: the live token, the tab, then the healer told. */
  async function open(tabId: number | undefined, path = 'ticket', workspace: Workspace = 'agent') {
    const since = now;
    const { token } = await lifecycle.liveSession();
    if (tabId !== undefined) shown.set(tabId, pageUrl(path, token));
    healer.afterOpen({ tabId, profileId: PROFILE.id, workspace, path, token, since });
    return token;
  }
  const signIn = (rememberPassword: boolean) =>
    lifecycle.signIn({ username: USER.username, password: 'admin', persist: false, rememberPassword });
  /** Everything the background started has finished. */
  const settled = () => new Promise((r) => setTimeout(r, 20));
  return { client, lifecycle, store, healer, tabs, shown, navigate, prompt, open, signIn, settled, revoked, advance: (ms: number) => void (now += ms) };
}

beforeEach(() => {
  fakeBrowser.reset();
  key = null;
});

describe('pages opened on a token revoked elsewhere', () => {
  it('A page opened on a token revoked elsewhere ends signed in, or on the sign-in prompt: 20 opens on trust open at once, then one password login, and each page goes to the same page with the fresh token', async () => {
    const t = setup();
    const { token: old } = await t.signIn(true); // confirmed: trusted for 5 minutes
    t.advance(60_000);
    t.revoked.add(old); // the admin console's Token management
    const ids = Array.from({ length: 20 }, (_, i) => i + 1);
    const handed = await Promise.all(ids.map((id) => t.open(id, `page-${id}`)));
    expect(new Set(handed), 'no open waited for the server').toEqual(new Set([old]));
    await t.settled();

    const fresh = (await t.store.load())!.token;
    expect(fresh).not.toBe(old);
    expect(t.client.login, 'the sign-in, then one renewal').toHaveBeenCalledTimes(2);
    expect(t.client.exchange).toHaveBeenCalledOnce();
    expect(t.client.profile, 'one question for the token, however many opens').toHaveBeenCalledOnce();
    expect(ids.map((id) => t.shown.get(id))).toEqual(ids.map((id) => pageUrl(`page-${id}`, fresh)));
    expect(t.prompt).not.toHaveBeenCalled();
    expect(await t.open(21), 'the next open has the fresh token').toBe(fresh);
  });

  it('only our tabs that still show the refused token are healed', async () => {
    const t = setup();
    const { token: old } = await t.signIn(true);
    t.advance(60_000);
    await t.open(1);
    await t.open(2);
    await t.open(3);
    await t.settled();
    t.shown.set(2, 'https://elsewhere.example.org/'); // the user went elsewhere in tab 2
    t.shown.delete(3); // and closed tab 3
    t.shown.set(4, pageUrl('ticket', old)); // a tab the extension did not open
    t.advance(1000);
    t.revoked.add(old);
    await t.open(5);
    await t.settled();

    const fresh = (await t.store.load())!.token;
    expect(Object.fromEntries(t.shown)).toEqual({
      1: pageUrl('ticket', fresh),
      2: 'https://elsewhere.example.org/',
      4: pageUrl('ticket', old),
      5: pageUrl('ticket', fresh),
    });
    expect(t.navigate).toHaveBeenCalledTimes(2);
  });

  it('A page opened on a token revoked elsewhere ends signed in, or on the sign-in prompt: nothing can renew (no password remembered), so each of those tabs shows the sign-in prompt for its own page', async () => {
    const t = setup();
    const { token: old } = await t.signIn(false);
    t.advance(60_000);
    t.revoked.add(old);
    await Promise.all([t.open(1, 'ticket'), t.open(2, 'chat'), t.open(undefined, 'dashboard', 'admin')]);
    await t.settled();

    expect(t.navigate).not.toHaveBeenCalled();
    expect(t.prompt.mock.calls).toEqual(
      expect.arrayContaining([
        [{ reason: 'token-rejected', request: { profileId: PROFILE.id, workspace: 'agent', path: 'ticket' } }, 1],
        [{ reason: 'token-rejected', request: { profileId: PROFILE.id, workspace: 'agent', path: 'chat' } }, 2],
        // An open whose tab is unknown: one prompt window.
        [{ reason: 'token-rejected', request: { profileId: PROFILE.id, workspace: 'admin', path: 'dashboard' } }],
      ]),
    );
    expect(t.prompt).toHaveBeenCalledTimes(3);
    expect(t.client.login, 'the sign-in only: no password to try').toHaveBeenCalledOnce();
    expect(await t.store.load()).toBeNull();
  });

  it('an open that read the session just before the renewal landed gets the renewed token, not the sign-in prompt', async () => {
    const t = setup();
    const stale = await t.signIn(true);
    t.advance(1000);
    t.revoked.add(stale.token);
    const renewed = await t.lifecycle.renew();
    const writer = createSessionWriter({ store: t.store, scheduler: renewalAlarmFor(PROFILE.id), renewalAt: () => null, belongs: async () => true });
    const deps = { store: t.store, vault: createPasswordVault(keyStore), writer, client: () => t.client as unknown as BytedeskClient, revokeTokens: async () => {}, now: () => T0 };
    await expect(renewSession(stale, true, deps)).resolves.toMatchObject({ token: renewed.token });
    expect(t.client.login, 'the sign-in, then the one renewal').toHaveBeenCalledTimes(2);
  });

  it('a failed password login is not tried again, however many opens follow', async () => {
    const t = setup();
    const { token: old } = await t.signIn(true);
    t.advance(60_000);
    t.revoked.add(old);
    t.client.login.mockRejectedValue(new LaunchpadError('wrong-credentials')); // the password was changed elsewhere
    await Promise.all([1, 2, 3, 4, 5].map((id) => t.open(id)));
    await t.settled();
    expect(t.client.login, 'the sign-in, then one try').toHaveBeenCalledTimes(2);
    expect(t.prompt).toHaveBeenCalledTimes(5);
  });

  it.each([
    ['the question', 'profile'],
    ['the renewal', 'exchange'],
  ] as const)('a network error in %s signs nobody out and sends no tab anywhere', async (_, call) => {
    const t = setup();
    const { token: old } = await t.signIn(true);
    t.advance(60_000);
    if (call === 'profile') t.client.profile.mockRejectedValue(unreachable());
    else {
      t.revoked.add(old);
      t.client.exchange.mockRejectedValue(unreachable());
    }
    await t.open(1);
    await t.open(2);
    await t.settled();
    expect(t.navigate).not.toHaveBeenCalled();
    expect(t.prompt).not.toHaveBeenCalled();
    expect(t.client.login, 'no password login on a network error').toHaveBeenCalledOnce();
    expect((await t.store.load())?.token).toBe(old);
    expect(t.shown.get(1)).toBe(pageUrl('ticket', old));
  });

  it('a token the server still takes: the pages stay as they are', async () => {
    const t = setup();
    await t.signIn(true);
    t.advance(60_000);
    await t.open(1);
    await t.settled();
    expect(t.client.profile).toHaveBeenCalledOnce();
    expect(t.navigate).not.toHaveBeenCalled();
  });

  it('an open that asked the server itself (trust ran out) is not asked about again', async () => {
    const t = setup();
    await t.signIn(true);
    t.advance(6 * 60_000);
    await t.open(1);
    await t.settled();
    expect(t.client.profile, 'asked once, before the open').toHaveBeenCalledOnce();
  });

  it("a page's 401 seen for a tab we opened: its token is asked about, and the tab healed", async () => {
    const t = setup();
    const { token: old } = await t.signIn(true);
    // The worker was restarted: a new healer over the same storage still knows the tab.
    await t.open(7);
    await t.settled();
    const restarted = setup();
    restarted.advance(60_000);
    restarted.revoked.add(old);
    restarted.shown.set(7, pageUrl('ticket', old));
    await restarted.healer.afterRefusal(7);
    await restarted.settled();
    const fresh = (await restarted.store.load())!.token;
    expect(fresh).not.toBe(old);
    expect(restarted.shown.get(7)).toBe(pageUrl('ticket', fresh));
  });

  it("a page whose first load landed after it was healed shows the refused token again: its 401 heals it again, with no other renewal", async () => {
    const t = setup();
    const { token: old } = await t.signIn(true);
    t.advance(1000);
    t.revoked.add(old);
    await t.open(1);
    await t.settled();
    const fresh = (await t.store.load())!.token;
    t.shown.set(1, pageUrl('ticket', old)); // the browser committed the first navigation after all
    await t.healer.afterRefusal(1);
    expect(t.shown.get(1)).toBe(pageUrl('ticket', fresh));
    expect(t.client.login).toHaveBeenCalledTimes(2);
  });

  it('a closed tab is forgotten, in storage too', async () => {
    const t = setup();
    await t.signIn(true);
    await t.open(3);
    await t.settled();
    expect(Object.keys(await signedTabsItem.getValue())).toEqual(['3']);
    t.healer.forgetTab(3);
    await t.settled();
    expect(await signedTabsItem.getValue()).toEqual({});
  });
});

describe('what is remembered of an opened tab', () => {
  it('never the token: its end only', async () => {
    const t = setup();
    const { token } = await t.signIn(true);
    await t.open(1);
    await t.settled();
    const stored = JSON.stringify([await fakeBrowser.storage.session.get('signedTabs')]);
    expect(stored).toContain(tokenEnd(token));
    expect(stored).not.toContain(token);
  });

  it('at most 100 tabs, the oldest dropped first', async () => {
    const item = defineItem<SignedTabMap>('session:test-tabs', {});
    const tabs = createSignedTabs(item);
    for (let id = 1; id <= 105; id++) tabs.add(id, { profileId: 'p', workspace: 'agent', path: 'x', tokenEnd: 'e' });
    const kept = await tabs.take('p', 'e');
    expect(kept.map(([id]) => id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 6));
  });
});

describe('showsSignedTab', () => {
  const tab = { profileId: PROFILE.id, workspace: 'agent' as const, path: 'ticket', tokenEnd: tokenEnd('x'.repeat(30) + 'END') };
  it.each([
    [`${PROFILE.baseUrl}/agent/ticket?accessToken=${'x'.repeat(30)}END`, true],
    [`${PROFILE.baseUrl}/agent/ticket?accessToken=another-token-entirely-000`, false],
    [`${PROFILE.baseUrl}/agent/ticket`, true], // the clean address bar took the token out
    [`${PROFILE.baseUrl}/agent/chat`, false],
    ['https://elsewhere.example.org/agent/ticket', false],
    ['not a url', false],
  ])('%s: %s', (url, expected) => {
    expect(showsSignedTab(url, tab, PROFILE)).toBe(expected);
  });
});

describe("a 401 from a server's API", () => {
  it("The web apps' sign-out is observed, never blocked or read: nor are the API's 401s, seen once answered", () => {
    const addListener = vi.fn();
    Object.assign(fakeBrowser, { webRequest: { onCompleted: { addListener } } });
    onApiRefusal(() => {});
    const [, filter, extraInfo] = addListener.mock.calls[0]!;
    expect(filter).toEqual({ urls: ['*://*/*api/*'] });
    expect(extraInfo).toBeUndefined(); // no 'blocking', no 'responseHeaders'
  });

  it.each([
    [401, 'https://desk.example.com/api/v1/user/profile', [12]],
    [401, 'https://desk.example.com/bytedesk/api/v1/queue/query/unreplied', [12]],
    [200, 'https://desk.example.com/api/v1/user/profile', []],
    [403, 'https://desk.example.com/api/v1/user/create', []],
    [401, 'https://desk.example.com/agent/ticket', []],
  ])('%i from %s: seen for tabs %j', (statusCode, url, seen) => {
    const { webRequest } = installMissingApis();
    const listener = vi.fn();
    onApiRefusal(listener);
    webRequest.onCompleted.trigger({ url, method: 'GET', tabId: 12, statusCode });
    expect(listener.mock.calls.flat()).toEqual(seen);
  });
});
