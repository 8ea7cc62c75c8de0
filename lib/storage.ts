import { defineItem } from './browser/stored-item';
import type { ErrorKind } from './server/errors';
import { DEFAULT_SETTINGS, type Settings } from './settings/settings';
import type { SealedSecret } from './token/password-vault';
import type { Session } from './token/session';
import type { Confirmation } from './token/trust';

// Every item the extension stores. No storage key is written anywhere else.

/** Server profiles and preferences. */
export const settingsItem = defineItem<Settings>('local:settings', DEFAULT_SETTINGS);

/** The session when "keep me signed in" is off: gone when the browser closes. */
export const sessionItem = defineItem<Session | null>('session:session', null);

/** The session when "keep me signed in" is on. */
export const persistentSessionItem = defineItem<Session | null>('local:session', null);

/** The password, AES-GCM encrypted, when the user asked to remember it (same area as the session). */
export const sealedPasswordItem = defineItem<SealedSecret | null>('session:password', null);
export const persistentSealedPasswordItem = defineItem<SealedSecret | null>('local:password', null);

/** When the server last confirmed the token (see token/trust.ts): survives a worker's restart. */
export const confirmationItem = defineItem<Confirmation | null>('session:confirmed', null);

/** Who signed in last and why the session ended: fills the sign-in form and explains. */
export const lastAccountItem = defineItem<{ username: string; endedBecause: ErrorKind | null } | null>(
  'local:lastAccount',
  null,
);

/**
 * What the popup keeps between openings, in one item (one read at start): the workspace last
 * chosen (null: the default workspace of the settings), and an account the server locked after
 * too many wrong passwords, with when the lock ends (ms), so a reopened popup does not send.
 */
export const popupMemoryItem = defineItem<{
  workspace: 'agent' | 'admin' | null;
  lock: { username: string; until: number } | null;
}>('local:popup', { workspace: null, lock: null });

/** Pages opened lately, per workspace, newest first, common pages included (never with a token in them). */
export const recentPathsItem = defineItem<Record<'agent' | 'admin', string[]>>('local:recentPaths', {
  agent: [],
  admin: [],
});

/**
 * Conversations waiting for the agent, per profile id: the last count, or why the server gives
 * none, or "off". A cache of the server's answer; the profile's own settings stay in settingsItem.
 */
export const waitingItem = defineItem<Record<string, import('./work/waiting').WaitingState>>('local:waiting', {});

/** The organisation's policy as the worker last read it (storage.managed): what the options page reports. */
export const policyStateItem = defineItem<import('./settings/policy').PolicyState>('local:policy', { kind: 'none' });
