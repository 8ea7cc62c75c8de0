import { serverOrigins } from './server-form';
import type { Settings } from './settings';

// Apart from profiles.ts: the popup switches profiles without the URL checks these bring along.

/** Host permissions some profile still needs. */
export function originsInUse(settings: Settings): Set<string> {
  return new Set(settings.profiles.flatMap((p) => serverOrigins(p)));
}

/** Origins the profiles used before a change and no profile uses after it: their permission goes. */
export function originsNoLongerUsed(before: Settings, after: Settings): string[] {
  const still = originsInUse(after);
  return [...originsInUse(before)].filter((origin) => !still.has(origin));
}
