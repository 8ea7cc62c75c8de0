import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createWaitingWork } from '../../lib/background/waiting-work';
import { parseSettings } from '../../lib/settings/settings';
import { profileItems, settingsItem, waitingItem } from '../../lib/storage';
import type { Session } from '../../lib/token/session';
import { profileOf, settingsOf } from '../support/profiles';

// The worker's side of the waiting count: whose token goes where, and whose count is kept.

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const OLD_SERVER = 'https://old.example.com';
const NEW_SERVER = 'https://new.example.com';
const PROFILE = profileOf('p1', 'Desk', OLD_SERVER);

const sessionOf = (serverUrl: string, username = 'agent1@email.com', token = 'old-token'): Session => ({
  id: `s-${token}`,
  retired: [],
  token,
  serverUrl,
  profileId: PROFILE.id,
  issuedAt: T0,
  expiresAt: T0 + 30 * 86_400_000,
  user: { username, nickname: username, superUser: false },
  persist: true,
  renewalFailed: null,
});

function work() {
  const asked: string[] = [];
  const waiting = createWaitingWork({
    settings: async () => parseSettings(await settingsItem.getValue()),
    client: (serverUrl) => ({
      unreplied: async (token) => {
        asked.push(`${serverUrl} ${token}`);
        return 3;
      },
    }),
    alarm: { start: vi.fn(async () => {}), stop: vi.fn(async () => {}) },
    notices: { granted: async () => false, show: async () => {} },
    now: () => T0,
  });
  return { waiting, asked };
}

let stop = () => {};
beforeEach(() => fakeBrowser.reset());
afterEach(() => stop());

describe('the waiting count in the worker', () => {
  it('the waiting count is never asked of a server other than the session\'s own: a profile moved to another server sends its old token nowhere', async () => {
    // The session was made on the old server; the profile (a policy, the options page) now names another.
    await settingsItem.setValue(settingsOf([{ ...PROFILE, baseUrl: NEW_SERVER }]));
    await profileItems(PROFILE.id).persistentSession.setValue(sessionOf(OLD_SERVER));
    const { waiting, asked } = work();
    for (const reason of ['popup', 'alarm', 'page-opened', 'signed-in', 'options'] as const) await waiting.check(reason);
    expect(asked).toEqual([]);
    expect(await waitingItem.getValue()).toEqual({});
  });

  it('another account\'s waiting count is forgotten when it signs out, and admin signing in next is asked anew', async () => {
    await settingsItem.setValue(settingsOf([PROFILE]));
    const sessionItem = profileItems(PROFILE.id).persistentSession;
    await sessionItem.setValue(sessionOf(OLD_SERVER));
    const { waiting, asked } = work();
    stop = waiting.follow();
    await vi.waitFor(async () => expect((await waitingItem.getValue()).p1).toMatchObject({ count: 3, username: 'agent1@email.com' }));

    await sessionItem.removeValue();
    await vi.waitFor(async () => expect(await waitingItem.getValue(), 'signed out: the count is gone at once').toEqual({}));

    await sessionItem.setValue(sessionOf(OLD_SERVER, 'admin@email.com', 'admin-token'));
    await vi.waitFor(async () => expect((await waitingItem.getValue()).p1).toMatchObject({ username: 'admin@email.com' }));
    expect(asked).toEqual([`${OLD_SERVER} old-token`, `${OLD_SERVER} admin-token`]);
  });

  it('the count turned off stays off across a sign-out', async () => {
    await settingsItem.setValue(settingsOf([PROFILE]));
    await waitingItem.setValue({ p1: { kind: 'off' } });
    const { waiting, asked } = work();
    stop = waiting.follow();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await waitingItem.getValue()).toEqual({ p1: { kind: 'off' } });
    expect(asked).toEqual([]);
  });
});
