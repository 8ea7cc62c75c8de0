// Several profiles, each with its own session: what one does (sign out, renew in the background,
// use its remembered password, be removed) never reaches another's session, alarm or server.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { renewalAlarmFor, renewalAlarmProfile } from '../../lib/browser/renewal-alarm';
import type { BytedeskClient } from '../../lib/server/client';
import { LaunchpadError } from '../../lib/server/errors';
import { profileById } from '../../lib/settings/profiles';
import { removeProfile } from '../../lib/settings/remove-profile';
import { DEFAULT_SETTINGS, parseSettings, type ServerProfile, type Settings } from '../../lib/settings/settings';
import { profileItems, removeProfileItems, settingsItem } from '../../lib/storage';
import { createTokenLifecycle, type TokenLifecycle } from '../../lib/token/lifecycle';
import { createPasswordVault, type KeyStore } from '../../lib/token/password-vault';
import { sessionStoreFor } from '../../lib/token/session-store';
import { TRUST_MS } from '../../lib/token/trust';
import { fakeJwt } from '../support/tokens';
import { profileOf } from '../support/profiles';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const ADMIN = { username: 'admin@email.com', password: 'admin' };
const AGENT = { username: 'agent1@email.com', password: '123456' };

const profile = profileOf;
const PROD = profile('prod', 'Production', 'https://desk.example.com');
/** A second account on the production server. */
const PROD_AGENT = profile('prod-agent', 'Production agent', 'https://desk.example.com');
const STAGING = profile('staging', 'Staging', 'https://staging.example.com');

/** Servers by URL, each knowing the tokens it minted; any of them can go out of reach. */
function fakeServers(now: () => number) {
  const passwords: Record<string, string> = { [ADMIN.username]: ADMIN.password, [AGENT.username]: AGENT.password };
  const valid = new Map<string, string>(); // token -> the server that minted it
  const down = new Set<string>();
  const calls: { method: keyof BytedeskClient; serverUrl: string; token?: string }[] = [];
  let minted = 0;

  const mint = (serverUrl: string, username: string) => {
    minted += 1; // a second apart: two tokens are never the same string
    const token = fakeJwt(username, now() + minted * 1000, 30 * DAY);
    valid.set(token, serverUrl);
    return { accessToken: token, user: { username, nickname: username, superUser: username === ADMIN.username } };
  };
  const rejected = () => new LaunchpadError('token-rejected');

  const client = (serverUrl: string) => {
    const call = (method: keyof BytedeskClient, token?: string) => {
      calls.push({ method, serverUrl, token });
      if (down.has(serverUrl)) throw new LaunchpadError('unreachable');
    };
    const mine = (token: string) => valid.get(token) === serverUrl;
    return {
      login: async (username: string, password: string) => {
        call('login');
        if (passwords[username] !== password) throw new LaunchpadError('wrong-credentials', { triesLeft: 2 });
        return mint(serverUrl, username);
      },
      exchange: async (token: string) => {
        call('exchange', token);
        if (!mine(token)) throw rejected();
        return mint(serverUrl, 'admin@email.com');
      },
      logout: async (token: string) => {
        call('logout', token);
        if (!mine(token)) throw rejected();
        valid.delete(token);
      },
      profile: async (token: string) => {
        call('profile', token);
        if (!mine(token)) throw rejected();
        return { username: 'admin@email.com', nickname: 'Admin', superUser: true };
      },
    } as unknown as BytedeskClient;
  };

  return {
    client,
    calls,
    isValid: (token: string) => valid.has(token),
    /** Revoked elsewhere (a sign-out in the web app). */
    revokeElsewhere: (token: string) => valid.delete(token),
    down: (serverUrl: string) => down.add(serverUrl),
  };
}

function memoryKeyStore(): KeyStore {
  let key: CryptoKey | null = null;
  return { load: async () => key, save: async (k) => void (key = k) };
}

/** What the worker builds (see services.ts): one lifecycle per profile, each on its own keys and alarm. */
async function setup(profiles: ServerProfile[] = [PROD, PROD_AGENT, STAGING], patch: Partial<Settings> = {}) {
  let now = T0;
  const servers = fakeServers(() => now);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles, activeProfileId: profiles[0]!.id, ...patch });
  const settings = async () => parseSettings(await settingsItem.getValue());
  const vault = createPasswordVault(memoryKeyStore()); // one key for every profile, as in the worker
  const lifecycles = new Map<string, TokenLifecycle>();
  const lifecycleFor = (id: string): TokenLifecycle => {
    if (!lifecycles.has(id)) {
      lifecycles.set(
        id,
        createTokenLifecycle({
          store: sessionStoreFor(id),
          vault,
          scheduler: renewalAlarmFor(id),
          client: servers.client,
          profile: async () => profileById(await settings(), id),
          now: () => now,
        }),
      );
    }
    return lifecycles.get(id)!;
  };
  const signIn = (p: ServerProfile, account = ADMIN, rememberPassword = false) =>
    lifecycleFor(p.id).signIn({ ...account, persist: false, rememberPassword });
  // What removing a profile needs of the worker.
  const removal = { settings, lifecycleFor, forgetProfile: removeProfileItems };
  return { servers, settings, lifecycleFor, removal, signIn, advance: (ms: number) => void (now += ms) };
}

const session = (p: ServerProfile) => sessionStoreFor(p.id).load();
const alarm = (p: ServerProfile) => fakeBrowser.alarms.get(`renew-token/${p.id}`);
/** Every stored value of a profile, both areas, by key. */
async function storedFor(p: ServerProfile): Promise<Record<string, unknown>> {
  const all = { ...(await fakeBrowser.storage.local.get()), ...(await fakeBrowser.storage.session.get()) };
  return Object.fromEntries(Object.entries(all).filter(([key]) => key.endsWith(`/${p.id}`)));
}

let removePermission = vi.fn(async (_: { origins: string[] }) => true);
beforeEach(() => {
  fakeBrowser.reset();
  // The fake browser has no permissions API: Chrome's answer, recorded.
  removePermission = vi.fn(async () => true);
  Object.assign(fakeBrowser.permissions, { remove: removePermission });
});

describe('signing out', () => {
  it.each([
    ['revoke', 'another server', STAGING],
    ['revoke', 'the same server', PROD_AGENT],
    ['forget', 'another server', STAGING],
    ['forget', 'the same server', PROD_AGENT],
  ] as const)("A profile's session is its own: one profile's %s, the other on %s: the other's session, alarm and token stay", async (how, _, other) => {
    const { servers, lifecycleFor, signIn } = await setup();
    const ended = await signIn(PROD);
    const kept = await signIn(other, AGENT, true);
    const before = await storedFor(other);
    const otherAlarm = await alarm(other);

    await lifecycleFor(PROD.id)[how]();

    expect(await session(PROD)).toBeNull();
    expect(await alarm(PROD)).toBeUndefined();
    expect(servers.isValid(ended.token)).toBe(how === 'forget'); // forget: here only
    expect(await storedFor(other)).toEqual(before);
    expect(await alarm(other)).toEqual(otherAlarm);
    expect(servers.isValid(kept.token)).toBe(true);
    expect(servers.calls.filter((c) => c.method === 'logout').map((c) => c.token)).not.toContain(kept.token);
  });

  it('each profile remembers its own last account and why it ended', async () => {
    const { lifecycleFor, signIn } = await setup();
    await signIn(PROD);
    await signIn(STAGING, AGENT);
    await lifecycleFor(PROD.id).revoke();
    expect(await profileItems(PROD.id).lastAccount.getValue()).toEqual({ username: ADMIN.username, endedBecause: null });
    expect(await profileItems(STAGING.id).lastAccount.getValue()).toEqual({ username: AGENT.username, endedBecause: null });
  });
});

describe('renewal in the background', () => {
  it.each([
    ['another server', STAGING],
    ['the same server', PROD_AGENT],
  ] as const)("A profile's session is its own: one profile's alarm renews that profile only; the other on %s keeps its token and alarm", async (_, other) => {
    const { servers, lifecycleFor, signIn, advance } = await setup();
    const first = await signIn(PROD);
    advance(10 * DAY);
    const kept = await signIn(other, AGENT);
    const before = await storedFor(other);
    const otherAlarm = await alarm(other);
    advance(15 * DAY); // past PROD's renewal time (80% of 30 days), well before the other's
    servers.calls.length = 0;

    // What the worker does when an alarm goes off.
    const fired = renewalAlarmProfile((await alarm(PROD))!.name);
    expect(fired).toBe(PROD.id);
    await lifecycleFor(fired!).renewIfDue();

    const renewed = await session(PROD);
    expect(renewed?.token).not.toBe(first.token);
    expect((await alarm(PROD))?.scheduledTime).toBeGreaterThan(T0 + 25 * DAY);
    expect(servers.calls).toEqual([{ method: 'exchange', serverUrl: PROD.baseUrl, token: first.token }]);
    expect(await storedFor(other)).toEqual(before);
    expect(await alarm(other)).toEqual(otherAlarm);
    expect(servers.isValid(kept.token)).toBe(true);
  });

  it("another worker's alarm is no profile's", () => {
    expect(renewalAlarmProfile('renew-token')).toBeNull(); // the one alarm before profiles
    expect(renewalAlarmProfile('waiting')).toBeNull();
    expect(renewalAlarmProfile(`renew-token/${PROD.id}`)).toBe(PROD.id);
  });
});

describe('remembered passwords', () => {
  it("A profile's session is its own: one profile's remembered password is never used for another, even for the same account on the same server", async () => {
    const { servers, lifecycleFor, signIn, advance } = await setup();
    await signIn(PROD, ADMIN, true);
    const other = await signIn(PROD_AGENT, ADMIN, false);
    servers.revokeElsewhere(other.token);
    advance(TRUST_MS + 1); // the next page asks the server first
    servers.calls.length = 0;

    await expect(lifecycleFor(PROD_AGENT.id).liveSession()).rejects.toMatchObject({ kind: 'token-rejected' });
    expect(servers.calls.map((c) => c.method)).not.toContain('login');
    expect(await session(PROD_AGENT)).toBeNull();
    expect(await sessionStoreFor(PROD.id).loadPassword(), 'the first profile keeps its password').not.toBeNull();
  });

  it("the profile that remembered it still renews with it, on its own server", async () => {
    const { servers, lifecycleFor, signIn, advance } = await setup();
    const first = await signIn(PROD, ADMIN, true);
    await signIn(STAGING, ADMIN, false);
    servers.revokeElsewhere(first.token);
    advance(TRUST_MS + 1);
    servers.calls.length = 0;

    const live = await lifecycleFor(PROD.id).liveSession();
    expect(live.token).not.toBe(first.token);
    expect(servers.calls.filter((c) => c.method === 'login')).toEqual([{ method: 'login', serverUrl: PROD.baseUrl, token: undefined }]);
  });
});

describe('removing a profile', () => {
  it("A profile's session is its own: removing one revokes its token on its own server only and clears what it stored", async () => {
    const { servers, settings, removal, signIn } = await setup();
    const prod = await signIn(PROD);
    const agent = await signIn(PROD_AGENT, AGENT, true);
    const staging = await signIn(STAGING, ADMIN, true);
    await profileItems(STAGING.id).recentPaths.setValue({ agent: ['ticket'], admin: [] });
    const others = { prod: await storedFor(PROD), agent: await storedFor(PROD_AGENT) };
    servers.calls.length = 0;

    await removeProfile(STAGING.id, false, removal);

    expect(servers.calls.filter((c) => c.method === 'logout')).toEqual([{ method: 'logout', serverUrl: STAGING.baseUrl, token: staging.token }]);
    expect(servers.isValid(staging.token)).toBe(false);
    expect(await storedFor(STAGING)).toEqual({});
    expect(await alarm(STAGING)).toBeUndefined();
    expect((await settings()).profiles.map((p) => p.id)).toEqual([PROD.id, PROD_AGENT.id]);
    expect({ prod: await storedFor(PROD), agent: await storedFor(PROD_AGENT) }).toEqual(others);

    // Two profiles on one server: removing one keeps the other's token and session.
    await removeProfile(PROD_AGENT.id, false, removal);
    expect(servers.isValid(agent.token)).toBe(false);
    expect(servers.isValid(prod.token)).toBe(true);
    expect(await storedFor(PROD)).toEqual(others.prod);
  });

  it('Host permission no profile needs any more is dropped: a removed profile gives back its origins, unless another profile uses them', async () => {
    const { removal } = await setup();
    await removeProfile(STAGING.id, false, removal);
    expect(removePermission.mock.calls).toEqual([[{ origins: ['https://staging.example.com/*'] }]]);

    removePermission.mockClear();
    await removeProfile(PROD_AGENT.id, false, removal); // PROD is on that server too
    expect(removePermission).not.toHaveBeenCalled();

    await removeProfile(PROD.id, false, removal); // the last one on it
    expect(removePermission.mock.calls).toEqual([[{ origins: ['https://desk.example.com/*'] }]]);
  });

  it('the active profile removed: the first one left becomes active', async () => {
    const { settings, removal } = await setup([PROD, STAGING], { activeProfileId: STAGING.id });
    await removeProfile(STAGING.id, false, removal);
    expect((await settings()).activeProfileId).toBe(PROD.id);
  });

  it("an organisation's locked profile is refused: nothing revoked, nothing removed", async () => {
    const managed = { ...PROD, managed: true };
    const { servers, removal, signIn } = await setup([managed, STAGING], {
      policy: { allowUserProfiles: true, lockManaged: true, defaultWorkspaceLocked: false },
    });
    const stored = await signIn(managed);
    const before = await settingsItem.getValue();

    await expect(removeProfile(managed.id, false, removal)).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(removeProfile(managed.id, true, removal)).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(servers.isValid(stored.token)).toBe(true);
    expect(await session(managed)).toMatchObject({ token: stored.token });
    expect(await settingsItem.getValue()).toEqual(before);
    expect(removePermission).not.toHaveBeenCalled();
  });

  it('its server out of reach: refused, the profile and its token kept; forced, removed and forgotten here', async () => {
    const { servers, settings, removal, signIn } = await setup([PROD, STAGING]);
    const stored = await signIn(STAGING);
    servers.down(STAGING.baseUrl);

    await expect(removeProfile(STAGING.id, false, removal)).rejects.toMatchObject({ kind: 'unreachable' });
    expect((await settings()).profiles.map((p) => p.id)).toEqual([PROD.id, STAGING.id]);
    expect(await session(STAGING)).toMatchObject({ token: stored.token });
    expect(removePermission).not.toHaveBeenCalled();

    await removeProfile(STAGING.id, true, removal);
    expect((await settings()).profiles.map((p) => p.id)).toEqual([PROD.id]);
    expect(await storedFor(STAGING)).toEqual({});
    expect(await alarm(STAGING)).toBeUndefined();
    expect(removePermission.mock.calls).toEqual([[{ origins: ['https://staging.example.com/*'] }]]);
  });

  it('signed out: removed without a word to its server', async () => {
    const { servers, settings, removal } = await setup([PROD, STAGING]);
    await removeProfile(STAGING.id, false, removal);
    expect(servers.calls).toEqual([]);
    expect((await settings()).profiles.map((p) => p.id)).toEqual([PROD.id]);
  });
});
