import { defineItem, type StoredItem } from './browser/stored-item';
import { defineRecord } from './browser/stored-record';
import { updateItem } from './browser/update-item';
import { checkedItem } from './repair/checked-item';
import { noted, type Read } from './repair/junk';
import * as read from './repair/readers';
import type { LastAccount, PopupMemory, RecentPaths } from './repair/readers';
import { NO_REPAIRS, readRepairs, type Repairs } from './repair/repairs';
import { DEFAULT_SETTINGS, readSettings, type Settings } from './settings/settings';
import type { SealedSecret } from './token/password-vault';
import { readSession } from './token/read-session';
import type { Session } from './token/session';
import type { Confirmation } from './token/trust';

// Every item the extension stores. No storage key is written anywhere else. What the extension
// reads back is checked (repair/): junk in an item is left out, repaired, and reported once.

/** What was found unreadable and repaired: the options page says it once (see repair/repairs.ts). */
export const repairsItem = defineItem<Repairs>('local:repairs', NO_REPAIRS, readRepairs);

const checked = <T>(key: Parameters<typeof defineItem>[0], fallback: T, check: (stored: unknown) => Read<T>, also?: Parameters<typeof checkedItem>[4]) =>
  checkedItem(key, fallback, check, repairsItem, also);

/** Server profiles and preferences. */
export const settingsItem = checked<Settings>('local:settings', DEFAULT_SETTINGS, readSettings);

/**
 * What one profile keeps, under keys of its own: a change to one profile's session never writes
 * where another's lives.
 */
export interface ProfileItems {
  /** The session when "keep me signed in" is off: gone when the browser closes. */
  session: StoredItem<Session | null>;
  /** The session when "keep me signed in" is on. */
  persistentSession: StoredItem<Session | null>;
  /** The password, AES-GCM encrypted, when the user asked to remember it (same area as the session). */
  password: StoredItem<SealedSecret | null>;
  persistentPassword: StoredItem<SealedSecret | null>;
  /** When the server last confirmed the token (see token/trust.ts): survives a worker's restart. */
  confirmation: StoredItem<Confirmation | null>;
  /** Who signed in last and why the session ended: fills the sign-in form and explains. */
  lastAccount: StoredItem<LastAccount | null>;
  /** Pages opened lately, per workspace, newest first, common pages included (never with a token in them). */
  recentPaths: StoredItem<RecentPaths>;
}

const perProfile = new Map<string, ProfileItems>();

/** The same objects for the same profile, so pages can watch them as stable values. */
export function profileItems(profileId: string): ProfileItems {
  let items = perProfile.get(profileId);
  if (!items) {
    const key = <A extends 'local' | 'session'>(area: A, name: string) => `${area}:${name}/${profileId}` as const;
    const lastAccount = checked<LastAccount | null>(key('local', 'lastAccount'), null, read.readLastAccount);
    // A damaged sign-in is dropped: the form then says why the user is signed out.
    const signedOut = () => updateItem(lastAccount, (last): LastAccount => ({ username: last?.username ?? '', endedBecause: 'sign-in-damaged' })).then(() => {});
    items = {
      session: checked<Session | null>(key('session', 'session'), null, readSession, signedOut),
      persistentSession: checked<Session | null>(key('local', 'session'), null, readSession, signedOut),
      password: defineItem<SealedSecret | null>(key('session', 'password'), null),
      persistentPassword: defineItem<SealedSecret | null>(key('local', 'password'), null),
      confirmation: checked<Confirmation | null>(key('session', 'confirmed'), null, read.readConfirmation),
      lastAccount,
      recentPaths: checked<RecentPaths>(key('local', 'recentPaths'), { agent: [], admin: [] }, read.readRecentPaths),
    };
    perProfile.set(profileId, items);
  }
  return items;
}

/** Everything a profile stored, gone (the profile removed). */
export async function removeProfileItems(profileId: string): Promise<void> {
  await Promise.all(Object.values(profileItems(profileId)).map((item) => item.removeValue()));
}

/**
 * The tabs opened with a token lately (tab id, profile, page, the token's end; never the token):
 * a token the server refuses after the open is healed in those tabs only.
 */
export const signedTabsItem = defineItem<import('./workspace/signed-tabs').SignedTabMap>('session:signedTabs', {});

/**
 * What the popup keeps between openings, in one item (one read at start): the workspace last
 * chosen (null: the default workspace of the settings), and an account the server locked after
 * too many wrong passwords (its profile, server and user name), with when the lock ends (ms), so
 * a reopened popup does not send for that account.
 */
export const popupMemoryItem = checked<PopupMemory>('local:popup', { workspace: null, lock: null }, read.readPopupMemory);

/**
 * Conversations waiting for the agent, per profile id: the last count, or why the server gives
 * none, or "off". A cache of the server's answer; the profile's own settings stay in settingsItem.
 */
export const waitingItem = checked<Record<string, import('./work/waiting').WaitingState>>('local:waiting', {}, read.readWaiting);

/** "Notify me when more conversations wait": off until the user turns it on (and grants notifications). */
export const waitingNoticeItem = checked<boolean>('local:waitingNotice', false, (v) => noted(v === true, typeof v !== 'boolean', 'remembered'));

/** The organisation's policy as the worker last read it (storage.managed): what the options page reports. */
export const policyStateItem = checked<import('./settings/policy').PolicyState>('local:policy', { kind: 'none' }, read.readPolicyState);

/**
 * A batch of new users under way, kept so that a page closed mid-run resumes without creating
 * anyone twice: the progress (who each line creates and what became of it, no password) in
 * local storage; the list itself, passwords included, in session storage only (in memory, gone
 * when the browser closes; the list is then given again, and the lines already done are known).
 */
export const batchItems = {
  /** The run's head, then one part per line: an answer rewrites its own line only (see stored-run.ts). */
  progress: defineRecord('local:batchProgress'),
  list: defineItem<string | null>('session:batchList', null),
};
