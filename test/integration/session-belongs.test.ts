import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackground } from '../../lib/background/register';
import { createServices } from '../../lib/background/services';
import { removeAllListeners, sendMessage } from '../../lib/messaging';
import { applyManagedPolicy } from '../../lib/settings/managed-policy';
import { updateSettings } from '../../lib/settings/save-settings';
import { changeProfile, removeProfile } from '../../lib/settings/profiles';
import { DEFAULT_SETTINGS, type ServerProfile } from '../../lib/settings/settings';
import { profileItems, settingsItem, waitingItem } from '../../lib/storage';
import { sessionStoreFor } from '../../lib/token/session-store';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';
import { installMissingApis } from '../support/fake-missing-apis';

// A session belongs to one account on one set of origins: whatever changes the profile's origins
// or removes it (options page, import, policy), the real worker ends the session on its own server.
let home: StandInServer;
let other: StandInServer;
beforeAll(async () => {
  [home, other] = await Promise.all([startStandInServer(), startStandInServer()]);
});
afterAll(() => Promise.all([home.close(), other.close()]));

const profile = (): ServerProfile => ({ id: 'p', name: 'Home', baseUrl: home.url, agentUrl: null, adminUrl: null, managed: false });
const store = sessionStoreFor('p');
let services: ReturnType<typeof createServices>;

beforeEach(async () => {
  fakeBrowser.reset();
  installMissingApis();
  home.clearRequests();
  other.clearRequests();
  // Each test counts the tokens it leaves alive: none from the tests before.
  for (const server of [home, other]) server.tokens().forEach((row) => server.revoke(row.token));
  home.setFault(null);
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [profile()], activeProfileId: 'p' });
  await waitingItem.setValue({ p: { kind: 'off' } });
  services = createServices();
  registerBackground(services);
});
const noPolicy = fakeBrowser.storage.managed;
afterEach(() => {
  removeAllListeners();
  fakeBrowser.storage.managed = noPolicy;
});
/** The organisation's policy as storage.managed gives it. */
const policy = (value: object) => {
  fakeBrowser.storage.managed = { get: async () => value } as never;
};

async function signIn(): Promise<string> {
  await sendMessage('signIn', { profileId: 'p', username: 'admin@email.com', password: 'admin', persist: true, rememberPassword: false });
  return (await store.load())!.token;
}
const isLive = (server: StandInServer, token: string) => server.tokens().some((row) => row.token === token && !row.revoked);
const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url ?? '');
const requestsWith = (server: StandInServer, token: string) => server.requests.filter((r) => r.token === token);

describe('a session ends when its profile moves or goes', () => {
  it.each([
    ['the agent app address', { agentUrl: 'http://127.0.0.2:9005' }],
    ['the admin app address', { adminUrl: 'http://127.0.0.2:9004' }],
    ['the server', { baseUrl: 'http://127.0.0.2:9003' }],
  ])('A session whose profile moved or went is revoked on its own server: changing only %s signs the profile out', async (_, change) => {
    const token = await signIn();
    await updateSettings((s) => changeProfile(s, 'p', change));
    await vi.waitFor(async () => expect(await store.load()).toBeNull());
    await vi.waitFor(() => expect(isLive(home, token)).toBe(false));
    // The sign-in form says why.
    expect(await profileItems('p').lastAccount.getValue()).toEqual({ username: 'admin@email.com', endedBecause: 'profile-changed' });
    await expect(sendMessage('open', { workspace: 'agent', path: 'ticket' })).rejects.toMatchObject({ kind: 'signed-out' });
    expect((await tabUrls()).some((url) => url.includes(token))).toBe(false);
    expect(await fakeBrowser.alarms.get('renew-token/p')).toBeUndefined();
  });

  it('renaming a profile keeps its session', async () => {
    const token = await signIn();
    await updateSettings((s) => changeProfile(s, 'p', { name: 'Renamed' }));
    await sendMessage('sessionEnds', { profileIds: ['p'] });
    expect((await store.load())?.token).toBe(token);
    expect(isLive(home, token)).toBe(true);
  });

  it('no page opens with the old token on the new origin, even before the worker has ended the session', async () => {
    const token = await signIn();
    // Written without the storage event reaching the worker's watch first: the open itself refuses.
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [{ ...profile(), adminUrl: other.url }], activeProfileId: 'p' });
    await expect(sendMessage('open', { workspace: 'admin', path: 'welcome' })).rejects.toMatchObject({ kind: 'signed-out' });
    expect((await tabUrls()).some((url) => url.includes(token))).toBe(false);
    expect(requestsWith(other, token)).toEqual([]);
  });

  it('the page that changed the server is told the old sign-in was revoked, or could not be', async () => {
    const token = await signIn();
    home.setFault({ kind: 'refuse' });
    await updateSettings((s) => changeProfile(s, 'p', { baseUrl: other.url }));
    await expect(sendMessage('sessionEnds', { profileIds: ['p'] })).resolves.toEqual({ p: 'not-revoked' });
    // Forgotten here all the same: the token never reaches the new server.
    expect(await store.load()).toBeNull();
    expect(requestsWith(other, token)).toEqual([]);
    home.setFault(null);
    const next = await signIn();
    await updateSettings((s) => changeProfile(s, 'p', { baseUrl: home.url }));
    await expect(sendMessage('sessionEnds', { profileIds: ['p'] })).resolves.toEqual({ p: 'revoked' });
    expect(isLive(other, next)).toBe(false);
  });

  it('a policy that moves a managed profile to another server ends its old session, revoked there, with no renewal left', async () => {
    const managed = { id: 'policy:Corp', name: 'Corp', baseUrl: home.url, agentUrl: null, adminUrl: null, managed: true };
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [managed], activeProfileId: managed.id });
    await sendMessage('signIn', { profileId: managed.id, username: 'admin@email.com', password: 'admin', persist: true, rememberPassword: false });
    const token = (await sessionStoreFor(managed.id).load())!.token;
    policy({ profiles: [{ name: 'Corp', serverUrl: other.url }], lockManagedProfiles: true });
    await applyManagedPolicy();
    await vi.waitFor(async () => expect(await sessionStoreFor(managed.id).load()).toBeNull());
    await vi.waitFor(() => expect(isLive(home, token)).toBe(false));
    expect(await fakeBrowser.alarms.get(`renew-token/${managed.id}`)).toBeUndefined();
    expect(requestsWith(other, token)).toEqual([]);
  });

  it('a profile the policy no longer names ends its session on its own server', async () => {
    const managed = { id: 'policy:Corp', name: 'Corp', baseUrl: home.url, agentUrl: null, adminUrl: null, managed: true };
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [profile(), managed], activeProfileId: managed.id });
    await sendMessage('signIn', { profileId: managed.id, username: 'admin@email.com', password: 'admin', persist: true, rememberPassword: false });
    const token = (await sessionStoreFor(managed.id).load())!.token;
    policy({ profiles: [{ name: 'Other', serverUrl: other.url }] });
    await applyManagedPolicy();
    await vi.waitFor(() => expect(isLive(home, token)).toBe(false));
    expect(await sessionStoreFor(managed.id).load()).toBeNull();
  });

  it('a profile removed by any way ends its session on its own server and leaves nothing stored', async () => {
    const token = await signIn();
    await profileItems('p').recentPaths.setValue({ agent: ['ticket'], admin: [] });
    await updateSettings((s) => removeProfile(s, 'p'));
    await vi.waitFor(() => expect(isLive(home, token)).toBe(false));
    await vi.waitFor(async () => expect(await profileItems('p').recentPaths.getValue()).toEqual({ agent: [], admin: [] }));
    expect(await store.load()).toBeNull();
  });

  it('A sign-in that finishes after its profile went or moved is revoked: removed, it stores nothing', async () => {
    home.setResponseDelay(300, ['/auth/v1/login']);
    const signingIn = signIn();
    await vi.waitFor(() => expect(home.requests.some((r) => r.path === '/auth/v1/login')).toBe(true));
    await updateSettings((s) => removeProfile(s, 'p'));
    await expect(signingIn).rejects.toMatchObject({ kind: 'profile-changed' });
    home.setResponseDelay(null);
    expect(await store.load()).toBeNull();
    await vi.waitFor(() => expect(home.tokens().filter((row) => !row.revoked)).toEqual([]));
  });

  it('A sign-in that finishes after its profile went or moved is revoked: its app address changed, revoked on the server that issued it', async () => {
    home.setResponseDelay(300, ['/auth/v1/login']);
    const signingIn = signIn();
    await vi.waitFor(() => expect(home.requests.some((r) => r.path === '/auth/v1/login')).toBe(true));
    await updateSettings((s) => changeProfile(s, 'p', { agentUrl: other.url }));
    await expect(signingIn).rejects.toMatchObject({ kind: 'profile-changed' });
    home.setResponseDelay(null);
    expect(await store.load()).toBeNull();
    await vi.waitFor(() => expect(home.tokens().filter((row) => !row.revoked)).toEqual([]));
  });

  it('a renewal under way while the server changes: the token it brings is revoked too', async () => {
    const token = await signIn();
    home.setResponseDelay(300, ['/auth/v1/login/accessToken']);
    const renewal = services.lifecycleFor('p').renew().catch(() => null);
    await vi.waitFor(() => expect(home.requests.some((r) => r.path === '/auth/v1/login/accessToken')).toBe(true));
    await updateSettings((s) => changeProfile(s, 'p', { baseUrl: other.url }));
    await renewal;
    home.setResponseDelay(null);
    await vi.waitFor(() => expect(home.tokens().filter((row) => !row.revoked)).toEqual([]));
    expect(isLive(home, token)).toBe(false);
    expect(await store.load()).toBeNull();
  });
});
