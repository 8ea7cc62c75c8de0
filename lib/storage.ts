import { storage } from 'wxt/utils/storage';
import type { ErrorKind } from './server/errors';
import { DEFAULT_SETTINGS, type Settings } from './settings/settings';
import type { Session } from './token/session';
import type { SealedSecret } from './token/password-vault';

// Every item the extension stores. No storage key is written anywhere else.

/** Server profiles and preferences. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The session when "keep me signed in" is off: gone when the browser closes. */
export const sessionItem = storage.defineItem<Session | null>('session:session', { fallback: null });

/** The session when "keep me signed in" is on. */
export const persistentSessionItem = storage.defineItem<Session | null>('local:session', {
  fallback: null,
});

/** The password, AES-GCM encrypted, when the user asked to remember it (same area as the session). */
export const sealedPasswordItem = storage.defineItem<SealedSecret | null>('session:password', {
  fallback: null,
});
export const persistentSealedPasswordItem = storage.defineItem<SealedSecret | null>('local:password', {
  fallback: null,
});

/** Who signed in last and why the session ended: fills the sign-in form and explains. */
export const lastAccountItem = storage.defineItem<{ username: string; endedBecause: ErrorKind | null } | null>(
  'local:lastAccount',
  { fallback: null },
);

/** Custom paths opened lately, per workspace, newest first (never with a token in them). */
export const recentPathsItem = storage.defineItem<Record<'agent' | 'admin', string[]>>('local:recentPaths', {
  fallback: { agent: [], admin: [] },
});
