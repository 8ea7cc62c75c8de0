import { activeProfile, parseSettings, type ServerProfile, type Settings } from '../lib/settings/settings';
import { persistentSessionItem, sessionItem, settingsItem } from '../lib/storage';
import { isSessionOf, type Session } from '../lib/token/session';
import { useStored } from './use-stored';

export interface SignedInState {
  settings: Settings;
  profile: ServerProfile | null;
  /** The session, if it is the configured server's: null when signed out. */
  session: Session | null;
}

/** Settings and session from extension storage, kept current; undefined until first read (no network). */
export function useSignedIn(): SignedInState | undefined {
  const stored = useStored(settingsItem);
  const ephemeral = useStored(sessionItem);
  const persistent = useStored(persistentSessionItem);
  if (stored === undefined || ephemeral === undefined || persistent === undefined) return undefined;
  const settings = parseSettings(stored);
  const profile = activeProfile(settings);
  const session = ephemeral ?? persistent;
  return { settings, profile, session: isSessionOf(session, profile?.baseUrl) ? session : null };
}
