import { profileById } from '../settings/profiles';
import type { Settings } from '../settings/settings';
import type { TokenLifecycle } from '../token/lifecycle';
import { isSessionFor, type Session } from '../token/session';
import { serialQueue } from '../util/serial';

/** What became of a session that no longer belonged to its profile: revoked on its server, or only forgotten here. */
export type StaleEnd = 'revoked' | 'not-revoked';

export interface StaleSessionDeps {
  settings(): Promise<Settings>;
  loadSession(profileId: string): Promise<Session | null>;
  lifecycleFor(profileId: string): Pick<TokenLifecycle, 'endStale' | 'bindOrigins'>;
  /** Everything stored for a profile that is gone, and its lifecycle. */
  forgetProfile(profileId: string): Promise<void>;
  now?(): number;
}

// How long an end waits for the page that caused it to ask: longer, and it belongs to another change.
const TOLD_WITHIN_MS = 60_000;

/**
 * The one step that ends every session no longer belonging to its profile as it stands: the
 * profile removed, or its server or app addresses changed, whatever changed them (options page,
 * import, the organisation's policy, a removal, two pages at once). The session goes here at once
 * and its tokens are revoked on the server that issued them. Runs one at a time.
 */
export function staleSessions(deps: StaleSessionDeps) {
  const now = deps.now ?? Date.now;
  const inTurn = serialQueue();
  // Kept until the page that made the change asks (the worker's own watch may have ended it first).
  const ends = new Map<string, { end: StaleEnd; at: number }>();

  async function settleOne(settings: Settings, profileId: string): Promise<void> {
    const profile = profileById(settings, profileId);
    const session = await deps.loadSession(profileId);
    const lifecycle = deps.lifecycleFor(profileId);
    if (session && profile && isSessionFor(session, profile)) {
      await lifecycle.bindOrigins(profile);
    } else if (session) {
      const revoked = await lifecycle.endStale(session.id);
      if (revoked !== null) ends.set(profileId, { end: revoked ? 'revoked' : 'not-revoked', at: now() });
    }
    if (!profile) await deps.forgetProfile(profileId);
  }

  /**
   * Every profile now, those `before` had, and `others` (profiles dropped as unreadable): a
   * removed one's session is found by its id.
   */
  const settle = (before: Settings | null, others: string[] = []) =>
    inTurn(async () => {
      const settings = await deps.settings();
      const ids = new Set([...[...(before?.profiles ?? []), ...settings.profiles].map((p) => p.id), ...others]);
      await Promise.all([...ids].map((id) => settleOne(settings, id)));
    });

  return {
    settle,
    /** For the page that changed these profiles: what became of their sessions (null: nothing ended), told once. */
    async endsOf(profileIds: string[]): Promise<Record<string, StaleEnd | null>> {
      await settle(null);
      return Object.fromEntries(
        profileIds.map((id) => {
          const told = ends.get(id);
          ends.delete(id);
          return [id, told && now() - told.at < TOLD_WITHIN_MS ? told.end : null];
        }),
      );
    },
  };
}
export type StaleSessions = ReturnType<typeof staleSessions>;
