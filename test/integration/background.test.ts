import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { registerBackground } from '../../lib/background/register';
import { createServices } from '../../lib/background/services';
import { createBytedeskClient } from '../../lib/server/client';
import { removeAllListeners, sendMessage } from '../../lib/messaging';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { settingsItem, waitingItem, waitingNoticeItem } from '../../lib/storage';
import { WAITING_ALARM } from '../../lib/browser/waiting-alarm';
import { sessionStoreFor } from '../../lib/token/session-store';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';
import { installMissingApis } from '../support/fake-missing-apis';

// The real background (services + registration) in the fake browser, against the stand-in server.
let server: StandInServer;
const LIFETIME_S = 20;
// The one profile of these tests: its session and its renewal alarm.
const sessionStore = sessionStoreFor('p');
const RENEWAL_ALARM = 'renew-token/p';
/** Where the users page asks to create users: the profile it shows, on the server it shows. */
const HERE = () => ({ profileId: 'p', serverUrl: server.url });

beforeAll(async () => {
  // Late-bound clock: the server follows the faked Date of each test.
  server = await startStandInServer({ tokenLifetimeSeconds: LIFETIME_S, now: () => Date.now() });
});
afterAll(() => server.close());

let fakes: ReturnType<typeof installMissingApis>;
beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
  fakes = installMissingApis();
  server.clearRequests();
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    profiles: [{ id: 'p', name: 'Stand-in', baseUrl: server.url, agentUrl: null, adminUrl: null, managed: false }],
    activeProfileId: 'p',
  });
  // These tests count the token's own requests: the waiting count is off here but in its own tests below.
  await waitingItem.setValue({ p: { kind: 'off' } });
  registerBackground(createServices());
});
afterEach(() => {
  removeAllListeners();
  vi.useRealTimers();
});

const signIn = () =>
  sendMessage('signIn', { profileId: 'p', username: 'admin@email.com', password: 'admin', persist: false, rememberPassword: false });
const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((t) => t.url ?? '');

describe('the background worker', () => {
  it('signs in through a message and keeps the token in session storage', async () => {
    await signIn();
    expect(await sessionStore.load()).toMatchObject({ user: { nickname: 'Admin' }, persist: false });
    expect(await fakeBrowser.alarms.get(RENEWAL_ALARM)).toBeDefined();
  });

  it('treats malformed stored settings as not set up, with a reason the popup can show', async () => {
    await fakeBrowser.storage.local.set({ settings: { server: 'https://old.example' } });
    await expect(signIn()).rejects.toMatchObject({ kind: 'not-set-up' });
    await expect(sendMessage('open', { workspace: 'agent', path: 'ticket' })).rejects.toMatchObject({ kind: 'not-set-up' });
  });

  it('reports a wrong password with the tries left, over messaging', async () => {
    await expect(
      sendMessage('signIn', { profileId: 'p', username: 'agent2@email.com', password: 'x', persist: false, rememberPassword: false }),
    ).rejects.toMatchObject({ kind: 'wrong-credentials', triesLeft: 2 });
  });

  it.each([
    ['shortcut', () => fakes.commands.onCommand.trigger('open-agent-ticket')],
    ['context menu', () => fakes.contextMenus.onClicked.trigger({ menuItemId: 'open-agent-ticket' })],
    ['address bar', () => fakes.omnibox.onInputEntered.trigger('ticket', 'newForegroundTab')],
  ])('opens the ticket page from the %s with the token attached', async (_, trigger) => {
    await signIn();
    const { token } = (await sessionStore.load())!;
    trigger();
    await vi.waitFor(async () => expect(await tabUrls()).toContain(`${server.url}/agent/ticket?accessToken=${token}`));
  });

  it('signed out, a shortcut opens the sign-in prompt and no workspace page', async () => {
    const windowsCreate = vi.spyOn(fakeBrowser.windows, 'create');
    fakes.commands.onCommand.trigger('open-admin-dashboard');
    await vi.waitFor(() =>
      expect(windowsCreate).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'popup', url: expect.stringMatching(/popup\.html\?reason=signed-out&workspace=admin&path=welcome$/) }),
      ),
    );
    expect((await tabUrls()).some((u) => u.startsWith(server.url))).toBe(false);
  });

  it('in the address bar: a custom path opens in the current tab, then comes back as a suggestion', async () => {
    await signIn();
    const { token } = (await sessionStore.load())!;
    const window = await fakeBrowser.windows.create({ focused: true });
    const current = await fakeBrowser.tabs.create({ windowId: window!.id, url: 'https://example.com/', active: true });
    const tabCount = (await tabUrls()).length;
    fakes.omnibox.onInputEntered.trigger('admin 任意路径?x=1', 'currentTab');
    const opened = `${server.url}/admin/${encodeURI('任意路径')}?x=1&accessToken=${token}`;
    await vi.waitFor(async () => expect((await fakeBrowser.tabs.get(current.id!)).url).toBe(opened));
    expect(await tabUrls(), 'no new tab').toHaveLength(tabCount);

    await expect(fakes.omnibox.type('admin 任')).resolves.toEqual([
      { content: 'admin 任意路径?x=1', description: 'Admin console: /任意路径?x=1 (recent)' },
      { content: 'admin team/task', description: 'Admin console: Organisation › Tasks (/team/task)' },
    ]);
    expect(fakes.omnibox.defaultSuggestion).toBe('Open Admin console: 任');
    // Chrome reads descriptions as XML: what the user typed is escaped, not taken for markup.
    await fakes.omnibox.type('agent a&b<c>');
    expect(fakes.omnibox.defaultSuggestion).toBe('Open Agent workbench: a&amp;b&lt;c&gt;');
  });

  it("New users' passwords are never stored: a user created for a super administrator, with its token, can sign in", async () => {
    await signIn();
    const { token } = (await sessionStore.load())!;
    const user = { username: 'agent9@example.com', email: 'agent9@example.com', nickname: 'Agent Nine', password: 'secret9' };
    server.clearRequests();
    await expect(sendMessage('createUser', { user, ...HERE() })).resolves.toEqual({ username: 'agent9@example.com', nickname: 'Agent Nine' });
    expect(server.requests.map((r) => [r.method, r.path, r.token])).toEqual([['POST', '/api/v1/user/create', token]]);
    const stored = JSON.stringify([await fakeBrowser.storage.local.get(), await fakeBrowser.storage.session.get()]);
    expect(stored).not.toContain('secret9');
    await expect(createBytedeskClient({ baseUrl: server.url }).login('agent9@example.com', 'secret9')).resolves.toMatchObject({
      user: { nickname: 'Agent Nine' },
    });
    await expect(sendMessage('createUser', { user, ...HERE() })).rejects.toMatchObject({ kind: 'already-exists' });
  });

  it('creating a user after a sign-out elsewhere revoked the token: renewed with the remembered password, created once', async () => {
    await sendMessage('signIn', { profileId: 'p', username: 'admin@email.com', password: 'admin', persist: false, rememberPassword: true });
    const { token } = (await sessionStore.load())!;
    await createBytedeskClient({ baseUrl: server.url }).logout(token);
    vi.setSystemTime(Date.now() + 1000); // a token minted in the same second would be the same string
    server.clearRequests();
    const user = { username: 'agent10@example.com', email: 'agent10@example.com', password: 'secret10' };
    await expect(sendMessage('createUser', { user, ...HERE() })).resolves.toMatchObject({ username: 'agent10@example.com' });
    expect(server.requests.map((r) => [r.path, r.token === token])).toEqual([
      ['/api/v1/user/create', true], // 401
      ['/auth/v1/login/accessToken', false], // a revoked token cannot be traded…
      ['/auth/v1/login', false], // …so the one password login
      ['/api/v1/user/create', false], // with the new token
    ]);
  });

  it.each([
    ['set to another server', (s: Settings) => ({ ...s, profiles: s.profiles.map((p) => ({ ...p, baseUrl: 'http://127.0.0.1:9' })) })],
    ['removed', (s: Settings) => ({ ...s, profiles: [], activeProfileId: null })],
  ])('A user is created only on the profile and server the page showed: its profile %s, nothing is sent, in words', async (_, change) => {
    await signIn();
    await settingsItem.setValue(change(await settingsItem.getValue()));
    server.clearRequests();
    const user = { username: 'agent11@example.com', email: 'agent11@example.com', password: 'secret11' };
    await expect(sendMessage('createUser', { user, ...HERE() })).rejects.toMatchObject({ kind: 'profile-changed' });
    expect(server.requests).toEqual([]);
  });

  it('an agent cannot create users: the server refuses, in words', async () => {
    await sendMessage('signIn', { profileId: 'p', username: 'agent1@email.com', password: '123456', persist: false, rememberPassword: false });
    await expect(sendMessage('createUser', { user: { email: 'x@example.com', password: 'secret1' }, ...HERE() })).rejects.toMatchObject({ kind: 'forbidden' });
  });

  it('a sign-out in the web app revoked the token: opening says so, opens nothing, and the session ends', async () => {
    await signIn();
    const { token } = (await sessionStore.load())!;
    // What the workbench's "Sign out" does, seen by the extension as it leaves the page.
    fakes.webRequest.onBeforeRequest.trigger({ url: `${server.url}/api/v1/user/logout`, method: 'POST', tabId: 7 });
    await createBytedeskClient({ baseUrl: server.url }).logout(token);
    await expect(sendMessage('open', { workspace: 'agent', path: 'ticket' })).rejects.toMatchObject({ kind: 'token-rejected' });
    expect((await tabUrls()).some((u) => u.startsWith(server.url))).toBe(false);
    expect(await sessionStore.load()).toBeNull();
  });

  it('a token confirmed at sign-in opens a page at once: no request to the server before the tab', async () => {
    await signIn();
    server.clearRequests();
    await sendMessage('open', { workspace: 'agent', path: 'ticket' });
    expect((await tabUrls()).some((u) => u.startsWith(`${server.url}/agent/ticket?accessToken=`))).toBe(true);
    expect(server.requests).toEqual([]);
  });

  it("a 401 from the server's API seen: the trust ends, and the next open asks the server first", async () => {
    await signIn();
    const { token } = (await sessionStore.load())!;
    server.revoke(token); // the admin console's Token management
    fakes.webRequest.onCompleted.trigger({ url: `${server.url}/api/v1/user/profile`, method: 'GET', tabId: 7, statusCode: 401 });
    await expect(sendMessage('open', { workspace: 'agent', path: 'ticket' })).rejects.toMatchObject({ kind: 'token-rejected' });
    expect((await tabUrls()).some((u) => u.startsWith(server.url))).toBe(false);
  });

  it('a page opened on trust with a token revoked elsewhere goes to the same page with the fresh token', async () => {
    await sendMessage('signIn', { profileId: 'p', username: 'admin@email.com', password: 'admin', persist: false, rememberPassword: true });
    const { token: old } = (await sessionStore.load())!;
    vi.setSystemTime(Date.now() + 1000);
    server.revoke(old);
    await sendMessage('open', { workspace: 'agent', path: 'ticket' });
    expect(await tabUrls()).toContain(`${server.url}/agent/ticket?accessToken=${old}`); // at once, on trust
    await vi.waitFor(async () => expect((await sessionStore.load())?.token).not.toBe(old));
    const { token: fresh } = (await sessionStore.load())!;
    await vi.waitFor(async () => expect(await tabUrls()).toContain(`${server.url}/agent/ticket?accessToken=${fresh}`));
    expect(server.requests.filter((r) => r.path === '/auth/v1/login')).toHaveLength(2); // the sign-in, then the one renewal
  });

  it('tests a connection for the options page: a Bytedesk server answers, a closed port does not', async () => {
    await expect(sendMessage('probe', { baseUrl: `${server.url}/` })).resolves.toBeUndefined();
    await expect(sendMessage('probe', { baseUrl: 'http://127.0.0.1:9' })).rejects.toMatchObject({ kind: 'unreachable' });
  });

  it('creates its menu items once, however often the worker starts', async () => {
    removeAllListeners(); // the worker stops…
    registerBackground(createServices()); // …and starts again
    await vi.waitFor(() => expect(fakes.contextMenus.items.size).toBe(3));
    expect(fakes.contextMenus.errors).toEqual([]);
    expect(fakes.contextMenus.items.get('open-agent-ticket')?.contexts).toEqual(['page', 'link', 'selection', 'action']);
  });

  it('renews by exchange when the alarm fires past the renewal time', async () => {
    await signIn();
    const before = (await sessionStore.load())!.token;
    vi.setSystemTime(Date.now() + (LIFETIME_S / 2 + 1) * 1000);
    server.clearRequests();
    await fakeBrowser.alarms.onAlarm.trigger({ name: RENEWAL_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
    await vi.waitFor(async () => expect((await sessionStore.load())?.token).not.toBe(before));
    expect(server.requests.map((r) => r.path)).toEqual(['/auth/v1/login/accessToken']);
  });

  it('revokes through a message: the server rejects the token afterwards', async () => {
    await signIn();
    const { token } = (await sessionStore.load())!;
    await sendMessage('revoke', { profileId: 'p' });
    expect(server.tokens().find((t) => t.token === token)?.revoked).toBe(true);
    expect(await sessionStore.load()).toBeNull();
  });
});

describe('the waiting count in the worker', () => {
  const AGENT = { profileId: 'p', username: 'agent1@email.com', password: '123456', persist: false, rememberPassword: false };
  const UNREPLIED = '/api/v1/queue/query/unreplied';
  const asked = () => server.requests.filter((r) => r.path === UNREPLIED).length;
  const fireAlarm = () => fakeBrowser.alarms.onAlarm.trigger({ name: WAITING_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false });
  const badge = async () => [await fakeBrowser.action.getBadgeText({}), await fakeBrowser.action.getTitle({})];

  beforeEach(async () => {
    await waitingItem.setValue({});
    server.setWorkSupport('supported');
    server.setWaiting(AGENT.username, { unreplied: 3 });
  });

  it('is read at sign-in and on every alarm, shown on the badge, and stops with the switch or the session', async () => {
    await sendMessage('signIn', AGENT);
    await vi.waitFor(async () => expect((await badge())[0]).toBe('3'));
    expect((await badge())[1]).toContain(`3 conversations wait for your reply on ${new URL(server.url).host}`);
    expect(await fakeBrowser.alarms.get(WAITING_ALARM)).toBeDefined();

    server.setWaiting(AGENT.username, { unreplied: 0 });
    await fireAlarm();
    await vi.waitFor(async () => expect((await badge())[0]).toBe(''));

    // Off: the alarm goes, and nothing more is asked.
    await waitingItem.setValue({ p: { kind: 'off' } });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WAITING_ALARM)).toBeUndefined());
    const before = asked();
    await fireAlarm();
    await sendMessage('confirm', { profileId: 'p' });
    expect(asked()).toBe(before);

    await waitingItem.setValue({});
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WAITING_ALARM)).toBeDefined());
    await sendMessage('revoke', { profileId: 'p' });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WAITING_ALARM)).toBeUndefined());
  });

  it('a rise shows a notice when asked for; clicking it opens the agent chat page signed in', async () => {
    await waitingNoticeItem.setValue(true);
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation((async () => true) as never);
    await sendMessage('signIn', AGENT);
    await vi.waitFor(async () => expect((await waitingItem.getValue()).p).toMatchObject({ count: 3 }));
    expect(fakeBrowser.notifications.getAllCreateOptions(), 'the first count is no news').toEqual({});

    server.setWaiting(AGENT.username, { unreplied: 5 });
    await fireAlarm();
    await vi.waitFor(() =>
      expect(fakeBrowser.notifications.getAllCreateOptions()['waiting/p']).toMatchObject({ message: '5 conversations wait for your reply' }),
    );
    const { token } = (await sessionStore.load())!;
    await fakeBrowser.notifications.onClicked.trigger('waiting/p');
    await vi.waitFor(async () => expect(await tabUrls()).toContain(`${server.url}/agent/chat?accessToken=${token}`));
  });

  it('a server failure keeps the old count and signs nobody out', async () => {
    await sendMessage('signIn', AGENT);
    await vi.waitFor(async () => expect((await badge())[0]).toBe('3'));
    server.setFault({ kind: 'refuse' });
    await fireAlarm();
    await vi.waitFor(async () => expect((await waitingItem.getValue()).p).toMatchObject({ count: 3, stale: true }));
    server.setFault(null);
    expect(await sessionStore.load()).toMatchObject({ user: { username: AGENT.username } });
    expect((await badge())[0]).toBe('3');
  });

  it('a token past its expiry is never sent for a count, and the alarm stops', async () => {
    await sendMessage('signIn', AGENT);
    await vi.waitFor(async () => expect((await badge())[0]).toBe('3'));
    const session = (await sessionStore.load())!;
    await sessionStore.save({ ...session, expiresAt: Date.now() - 1000 });
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(WAITING_ALARM)).toBeUndefined());
    const before = server.requests.filter((r) => r.path === UNREPLIED);
    await fireAlarm();
    await sendMessage('confirm', { profileId: 'p' }).catch(() => {});
    expect(server.requests.filter((r) => r.path === UNREPLIED)).toEqual(before);
  });
});
