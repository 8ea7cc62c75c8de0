import { dropHistoryPermission, hostPermissions } from '../browser/permissions';
import { updateItem } from '../browser/update-item';
import { LaunchpadError } from '../server/errors';
import { settingsItem } from '../storage';
import type { StaleEnd } from '../background/stale-sessions';
import { originsNoLongerUsed } from './profile-origins';
import { addProfile, changeProfile, profileById } from './profiles';
import type { ServerSettings } from './server-form';
import { parseSettings, type Settings } from './settings';

export type Preferences = Pick<Settings, 'openIn' | 'defaultWorkspace' | 'cleanAddressBar'>;

/** What became of the session when the server was saved. */
export type SessionAfterSave = 'kept' | 'signed-out' | 'sign-out-failed';

/**
 * Applies `change` to what is stored at that moment (another page or the worker may have changed
 * it meanwhile), then lets go of what nothing uses any more: host permissions no profile uses,
 * and `history` once the clean address bar is off. Every writer of the settings (options page,
 * import, policy) goes through here. Resolves the result.
 */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  let before!: Settings;
  let after!: Settings;
  await updateItem(settingsItem, (stored) => {
    before = parseSettings(stored);
    return (after = change(before));
  });
  await hostPermissions.drop(originsNoLongerUsed(before, after));
  if (before.cleanAddressBar && !after.cleanAddressBar) await dropHistoryPermission();
  return after;
}

/**
 * Stores the server fields in profile `profileId`, or in a new profile (first run, *Add*). If
 * that moved any of the profile's origins, the background ends its session (revoked on the old
 * server; see stale-sessions) and `sessionEnds` tells how. Resolves the profile's id too.
 */
export async function saveServer(
  profileId: string | null,
  server: ServerSettings,
  sessionEnds: (profileId: string) => Promise<StaleEnd | null>,
  name?: string,
): Promise<{ profileId: string; session: SessionAfterSave }> {
  const id = profileId ?? crypto.randomUUID();
  // The name given renames an existing profile too (the options page edits both at once).
  const change = name === undefined ? server : { ...server, name };
  const after = await updateSettings((s) => (profileId ? changeProfile(s, id, change) : addProfile(s, server, id, name)));
  // The organisation's policy allows no profiles of one's own (addProfile added none).
  if (!profileById(after, id)) throw new LaunchpadError('profiles-managed');
  if (!profileId) return { profileId: id, session: 'kept' };
  // Saved either way: the background never sends a token to origins its session did not begin on.
  const end = await sessionEnds(id).catch(() => 'not-revoked' as const);
  return { profileId: id, session: end === null ? 'kept' : end === 'revoked' ? 'signed-out' : 'sign-out-failed' };
}

/** Changes preferences only. */
export async function savePreferences(change: Partial<Preferences>): Promise<void> {
  await updateSettings((s) => ({ ...s, ...change }));
}
