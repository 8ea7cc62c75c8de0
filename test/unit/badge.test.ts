import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBadge } from '../../lib/badge/badge';
import type { BadgeLook } from '../../lib/browser/action-badge';
import { DEFAULT_SETTINGS } from '../../lib/settings/settings';
import { profileItems, settingsItem, waitingItem } from '../../lib/storage';
import type { Session } from '../../lib/token/session';
import { localeTranslator } from '../support/locale';
import { PROFILE } from '../support/profiles';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const SESSION: Session = {
  id: 's1',
  retired: [],
  token: 'token',
  serverUrl: PROFILE.baseUrl,
  profileId: PROFILE.id,
  issuedAt: T0,
  expiresAt: T0 + 30 * 86_400_000,
  user: { username: 'admin@email.com', nickname: 'Admin', superUser: true },
  persist: true,
  renewalFailed: null,
};

// The active profile's two session items.
const { session: sessionItem, persistentSession: persistentSessionItem } = profileItems(PROFILE.id);

let stop = () => {};
beforeEach(() => fakeBrowser.reset());
afterEach(() => stop());

function start() {
  const shown: BadgeLook[] = [];
  const show = vi.fn(async (look: BadgeLook) => void shown.push(look));
  stop = startBadge({ action: { show }, now: () => T0, translate: localeTranslator('en') });
  const last = () => shown.at(-1)?.text;
  return { show, last };
}

describe('startBadge', () => {
  it('shows the state at once, then follows the settings and both session items', async () => {
    const { last } = start();
    await vi.waitFor(() => expect(last()).toBe('SET'));

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    await vi.waitFor(() => expect(last()).toBe('OFF'));

    await persistentSessionItem.setValue(SESSION);
    await vi.waitFor(() => expect(last()).toBe(''));

    await persistentSessionItem.setValue({ ...SESSION, renewalFailed: { at: T0, kind: 'unreachable', passwordTried: false } });
    await vi.waitFor(() => expect(last()).toBe('×'));

    await persistentSessionItem.removeValue();
    await vi.waitFor(() => expect(last()).toBe('OFF'));

    await sessionItem.setValue({ ...SESSION, persist: false });
    await vi.waitFor(() => expect(last()).toBe(''));
  });

  it("Another account's waiting count is never shown: agent1's 3 stays off the badge once admin signs in", async () => {
    const agent1 = { ...SESSION, user: { username: 'agent1@email.com', nickname: 'Agent One', superUser: false } };
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    await persistentSessionItem.setValue(agent1);
    await waitingItem.setValue({
      [PROFILE.id]: { kind: 'count', count: 3, checkedAt: T0, stale: false, serverUrl: PROFILE.baseUrl, username: 'agent1@email.com' },
    });
    const { last } = start();
    await vi.waitFor(() => expect(last()).toBe('3'));

    await persistentSessionItem.removeValue();
    await vi.waitFor(() => expect(last()).toBe('OFF'));
    await persistentSessionItem.setValue(SESSION);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(last(), 'admin signed in: no count of agent1').toBe('');
  });

  it('stops following storage once stopped', async () => {
    const { show } = start();
    await vi.waitFor(() => expect(show).toHaveBeenCalledTimes(1));
    stop();
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('survives a browser without a badge, drawing again on the next change', async () => {
    const show = vi.fn().mockRejectedValueOnce(new Error('no action API')).mockResolvedValue(undefined);
    stop = startBadge({ action: { show }, now: () => T0, translate: localeTranslator('en') });
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id });
    await vi.waitFor(() => expect(show).toHaveBeenLastCalledWith(expect.objectContaining({ state: 'signed-out' })));
  });
});
