import { defineItem } from './browser/stored-item';
import type { ErrorKind } from './server/errors';
import { DEFAULT_SETTINGS, type Settings } from './settings/settings';
import type { SealedSecret } from './token/password-vault';
import type { Session } from './token/session';

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

/** Who signed in last and why the session ended: fills the sign-in form and explains. */
export const lastAccountItem = defineItem<{ username: string; endedBecause: ErrorKind | null } | null>(
  'local:lastAccount',
  null,
);

/** Custom paths opened lately, per workspace, newest first (never with a token in them). */
export const recentPathsItem = defineItem<Record<'agent' | 'admin', string[]>>('local:recentPaths', {
  agent: [],
  admin: [],
});
