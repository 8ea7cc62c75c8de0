import { defineItem, type StoredItem } from './browser/stored-item';
import type { ErrorKind } from './server/errors';
import { DEFAULT_SETTINGS, type Settings, type Workspace } from './settings/settings';
import type { SealedSecret } from './token/password-vault';
import type { Session } from './token/session';
import type { Confirmation } from './token/trust';

// Every item the extension stores. No storage key is written anywhere else.

/** Server profiles and preferences. */
export const settingsItem = defineItem<Settings>('local:settings', DEFAULT_SETTINGS);

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
export interface LastAccount {
  username: string;
  endedBecause: ErrorKind | null;
}
export type RecentPaths = Record<Workspace, string[]>;

const perProfile = new Map<string, ProfileItems>();

/** The same objects for the same profile, so pages can watch them as stable values. */
export function profileItems(profileId: string): ProfileItems {
  let items = perProfile.get(profileId);
  if (!items) {
    const key = <A extends 'local' | 'session'>(area: A, name: string) => `${area}:${name}/${profileId}` as const;
    items = {
      session: defineItem<Session | null>(key('session', 'session'), null),
      persistentSession: defineItem<Session | null>(key('local', 'session'), null),
      password: defineItem<SealedSecret | null>(key('session', 'password'), null),
      persistentPassword: defineItem<SealedSecret | null>(key('local', 'password'), null),
      confirmation: defineItem<Confirmation | null>(key('session', 'confirmed'), null),
      lastAccount: defineItem<LastAccount | null>(key('local', 'lastAccount'), null),
      recentPaths: defineItem<RecentPaths>(key('local', 'recentPaths'), { agent: [], admin: [] }),
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
 * too many wrong passwords, with when the lock ends (ms), so a reopened popup does not send.
 */
export const popupMemoryItem = defineItem<{
  workspace: Workspace | null;
  lock: { profileId: string; username: string; until: number } | null;
}>('local:popup', { workspace: null, lock: null });

/**
 * Conversations waiting for the agent, per profile id: the last count, or why the server gives
 * none, or "off". A cache of the server's answer; the profile's own settings stay in settingsItem.
 */
export const waitingItem = defineItem<Record<string, import('./work/waiting').WaitingState>>('local:waiting', {});

/** "Notify me when more conversations wait": off until the user turns it on (and grants notifications). */
export const waitingNoticeItem = defineItem<boolean>('local:waitingNotice', false);

/** The organisation's policy as the worker last read it (storage.managed): what the options page reports. */
export const policyStateItem = defineItem<import('./settings/policy').PolicyState>('local:policy', { kind: 'none' });

/**
 * A batch of new users under way, kept so that a page closed mid-run resumes without creating
 * anyone twice: the progress (who each line creates and what became of it, no password) in
 * local storage; the list itself, passwords included, in session storage only (in memory, gone
 * when the browser closes; the list is then given again, and the lines already done are known).
 */
export const batchItems = {
  progress: defineItem<import('./users/batch-progress').BatchProgress | null>('local:batchProgress', null),
  list: defineItem<string | null>('session:batchList', null),
};
