import { t } from '../browser/i18n';
import { desktopNotices, type DesktopNotices } from '../browser/notifications';
import { watchKeys } from '../browser/stored-item';
import { updateItem } from '../browser/update-item';
import { waitingAlarm } from '../browser/waiting-alarm';
import type { BytedeskClient } from '../server/client';
import { activeProfile, type Settings } from '../settings/settings';
import { waitingItem, waitingNoticeItem } from '../storage';
import { sessionStoreFor } from '../token/session-store';
import { isExpired } from '../token/schedule';
import { isSessionFor } from '../token/session';
import { serialQueue } from '../util/serial';
import { accountOf, stateFor, withoutEnded, type WaitingAccount } from '../work/waiting';
import { noticeRises } from '../work/waiting-notice';
import { waitingPoller, type CheckReason, type WaitingSession } from '../work/waiting-poller';

export interface WaitingWorkDeps {
  settings(): Promise<Settings>;
  client(serverUrl: string): Pick<BytedeskClient, 'unreplied'>;
  alarm?: Pick<typeof waitingAlarm, 'start' | 'stop'>;
  notices?: Pick<DesktopNotices, 'granted' | 'show'>;
  now?: () => number;
}

/**
 * The count of conversations waiting for the active profile's agent: the poller, its alarm
 * (running only while someone is signed in with the count on), and notices when it rises.
 */
export function createWaitingWork({ settings, client, alarm = waitingAlarm, notices = desktopNotices, now = Date.now }: WaitingWorkDeps) {
  async function session(): Promise<WaitingSession | null> {
    const profile = activeProfile(await settings());
    if (!profile) return null;
    const stored = await sessionStoreFor(profile.id).load();
    // A token past its expiry is dead on the server: never sent anywhere for a count.
    if (!isSessionFor(stored, profile) || isExpired(stored, now())) return null;
    return { token: stored.token, serverUrl: profile.baseUrl, username: stored.user.username, profileId: profile.id };
  }

  /** Counts of accounts no longer signed in on their profile (a sign-out, another account), forgotten at once. */
  async function forgetEnded(): Promise<void> {
    const states = await waitingItem.getValue();
    const ids = Object.keys(states).filter((id) => states[id]!.kind !== 'off');
    const accounts: Record<string, WaitingAccount | null> = Object.fromEntries(
      await Promise.all(ids.map(async (id) => {
        const stored = await sessionStoreFor(id).load();
        return [id, stored && accountOf(stored)] as const;
      })),
    );
    if (Object.keys(withoutEnded(states, accounts)).length === Object.keys(states).length) return;
    await updateItem(waitingItem, (current) => withoutEnded(current, accounts));
  }

  const poller = waitingPoller({
    session,
    client,
    load: () => waitingItem.getValue(),
    async save(states, before) {
      await waitingItem.setValue(states);
      // A notice is extra: it never fails the count.
      await noticeRises(before, states, { enabled: () => waitingNoticeItem.getValue(), notices, translate: t }).catch(() => {});
    },
    now,
  });

  // The token the last follow saw: a new one (a sign-in, another profile made active) is worth a
  // check at once; a change of the count itself is not (that would ask again after each answer).
  let seen: string | null = null;
  const queue = serialQueue();
  const follow = () => queue(async () => {
    await forgetEnded();
    const current = await session();
    const on = current !== null && stateFor(await waitingItem.getValue(), current.profileId, current)?.kind !== 'off';
    await (on ? alarm.start() : alarm.stop());
    const fresh = on && current.token !== seen;
    seen = current?.token ?? null;
    // Not awaited: a slow server must not hold back the alarm's next start or stop.
    if (fresh) void poller.check('signed-in').catch(() => {});
  });

  return {
    /** Asks the server if it is time (the poller keeps to one request in flight); never throws. */
    check: (reason: CheckReason) => poller.check(reason).catch(() => undefined),
    /**
     * Starts or stops the alarm as the active profile, its session and the switch change: now,
     * and on every change. Returns a function that stops following.
     */
    follow(): () => void {
      void follow().catch(() => {});
      return watchKeys(
        (_, key) => key === 'settings' || key === 'waiting' || key.startsWith('session/'),
        () => void follow().catch(() => {}),
      );
    },
  };
}
export type WaitingWork = ReturnType<typeof createWaitingWork>;
