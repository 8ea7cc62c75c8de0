import { useEffect } from 'preact/hooks';
import { profileById } from '../lib/settings/profiles';
import { parseSettings, type ServerProfile, type Settings } from '../lib/settings/settings';
import { profileItems, settingsItem, type ProfileItems } from '../lib/storage';
import { isSessionFor, type Session } from '../lib/token/session';
import { useStored } from './use-stored';

export interface SignedInState {
  settings: Settings;
  profile: ServerProfile | null;
  /** The session, if it is the profile's server's: null when signed out. */
  session: Session | null;
}

// The profile shown last, kept in the page's own synchronous storage: a hint only (the settings
// decide), so the shown profile's items are asked for with the settings, in one round trip.
const HINT = 'shownProfile';
const hinted = (): string | null => {
  try {
    return localStorage.getItem(HINT);
  } catch {
    return null;
  }
};

/** The profile a page shows: the one asked for, else the active one (the hint until settings are read). */
export function shownProfileId(settings: Settings | undefined, wanted?: string): string | null {
  return wanted ?? (settings ? settings.activeProfileId : hinted());
}

/** The shown profile's stored items (of no profile: items nobody writes, so hooks run alike). */
export const shownItems = (id: string | null): ProfileItems => profileItems(id ?? '');

/**
 * Settings and the shown profile's session (`profileId`, else the active one) from extension
 * storage, kept current; undefined until first read (no network).
 */
export function useSignedIn(profileId?: string): SignedInState | undefined {
  const stored = useStored(settingsItem);
  const settings = stored === undefined ? undefined : parseSettings(stored);
  const id = shownProfileId(settings, profileId);
  const items = shownItems(id);
  const ephemeral = useStored(items.session);
  const persistent = useStored(items.persistentSession);
  useEffect(() => {
    if (!settings) return;
    try {
      if (id) localStorage.setItem(HINT, id);
      else localStorage.removeItem(HINT);
    } catch {
      // No page storage (a locked-down browser): only the first read is slower.
    }
  }, [id, settings === undefined]);
  if (!settings || ephemeral === undefined || persistent === undefined) return undefined;
  const profile = profileById(settings, id);
  const session = ephemeral ?? persistent;
  return { settings, profile, session: isSessionFor(session, profile) ? session : null };
}
