import { updateItem } from '../browser/update-item';
import { settingsItem } from '../storage';
import { sessionStore } from '../token/session-store';
import { mustForget, type ServerSettings } from './server-form';
import { parseSettings, withServer, type Settings } from './settings';

export type Preferences = Pick<Settings, 'openIn' | 'defaultWorkspace'>;

/** What became of the session when the server was saved. */
export type SessionAfterSave = 'kept' | 'signed-out' | 'sign-out-failed';

/**
 * Stores the server fields in the active profile. A session from another server is then
 * forgotten through `forget` (the background owns the token), and the user signs in again.
 */
export async function saveServer(server: ServerSettings, forget: () => Promise<void>): Promise<SessionAfterSave> {
  await updateItem(settingsItem, (stored) => withServer(parseSettings(stored), server));
  if (!mustForget(await sessionStore.load(), server.baseUrl)) return 'kept';
  // Saved either way: the background never sends a token to a server other than its own.
  return forget().then(
    () => 'signed-out' as const,
    () => 'sign-out-failed' as const,
  );
}

/** Changes preferences only, on top of what is stored now (the server may have changed meanwhile). */
export async function savePreferences(change: Partial<Preferences>): Promise<void> {
  await updateItem(settingsItem, (stored) => ({ ...parseSettings(stored), ...change }));
}
