import { profileById } from '../lib/settings/profiles';
import { parseSettings, type ServerProfile, type Settings } from '../lib/settings/settings';
import { profileItems, settingsItem, type ProfileItems } from '../lib/storage';
import { isSessionOf, type Session } from '../lib/token/session';
import { useStored } from './use-stored';

export interface SignedInState {
  settings: Settings;
  profile: ServerProfile | null;
  /** The session, if it is the profile's server's: null when signed out. */
  session: Session | null;
  /** The profile's own stored items (recent pages, last account…). */
  items: ProfileItems | null;
}

// Stands in for the items of no profile (first run), so the hooks below run the same every time.
const NONE = profileItems('');

/**
 * Settings and the shown profile's session (`profileId`, else the active one) from extension
 * storage, kept current; undefined until first read (no network).
 */
export function useSignedIn(profileId?: string): SignedInState | undefined {
  const stored = useStored(settingsItem);
  const settings = stored === undefined ? undefined : parseSettings(stored);
  const profile = settings ? profileById(settings, profileId ?? settings.activeProfileId) : null;
  const items = profile ? profileItems(profile.id) : NONE;
  const ephemeral = useStored(items.session);
  const persistent = useStored(items.persistentSession);
  if (!settings || ephemeral === undefined || persistent === undefined) return undefined;
  const session = ephemeral ?? persistent;
  return {
    settings,
    profile,
    session: isSessionOf(session, profile?.baseUrl) ? session : null,
    items: profile ? items : null,
  };
}
