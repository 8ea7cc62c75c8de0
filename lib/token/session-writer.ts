import type { ErrorKind } from '../server/errors';
import type { SealedSecret } from './password-vault';
import { sameSession, type Session } from './session';
import type { SessionStore } from './session-store';
import { serialQueue } from '../util/serial';

export interface RenewalScheduler {
  at(whenMs: number): Promise<void>;
  cancel(): Promise<void>;
}

export interface SessionWriterDeps {
  store: SessionStore;
  scheduler: RenewalScheduler;
  /** When the stored session is next to be renewed (or retried). */
  renewalAt(session: Session): number | null;
  /** Whether the session still belongs to its profile as it stands now (not removed, same origins). */
  belongs(session: Session): Promise<boolean>;
}

/**
 * The one place the session is written. A change names the session it started from and is applied
 * only if that session is still the stored one, checked and written with no other change in
 * between: an answer that arrives for a session that has ended (signed out, replaced by another
 * sign-in, its server changed) is never stored.
 */
export function createSessionWriter({ store, scheduler, renewalAt, belongs }: SessionWriterDeps) {
  const exclusive = serialQueue();

  async function schedule(session: Session): Promise<void> {
    const when = renewalAt(session);
    await (when === null ? scheduler.cancel() : scheduler.at(when));
  }

  return {
    /**
     * A new session replaces whatever was stored; resolves the one it replaced, whose tokens are to
     * be revoked, and whether the new one was kept: not when its profile was removed or moved
     * while the server answered (checked after the write, so a removal that comes later still
     * finds the session and ends it).
     */
    start: (session: Session, sealedPassword: SealedSecret | null) =>
      exclusive(async () => {
        const replaced = await store.load();
        await store.clear();
        await store.save(session);
        if (!(await belongs(session))) {
          await store.clear();
          return { replaced, kept: false };
        }
        if (sealedPassword) await store.savePassword(sealedPassword, session.persist);
        await schedule(session);
        await store.lastAccount.setValue({ username: session.user.username, endedBecause: null });
        return { replaced, kept: true };
      }),

    /** `from` becomes `next` (a renewal's result, or a failure noted), if `from` is still the session. */
    update: (from: Session, next: Session) =>
      exclusive(async () => {
        if (!sameSession(await store.load(), from)) return false;
        await store.save(next);
        await schedule(next);
        return true;
      }),

    /**
     * Ends `from` if it is still the session, or whatever session there is when `from` is null.
     * Resolves the session ended, if any; the sign-in form shows `because`.
     */
    end: (from: Session | null, because: ErrorKind | null) =>
      exclusive(async () => {
        const stored = await store.load();
        if (!stored || (from && !sameSession(stored, from))) return null;
        await store.clear();
        await scheduler.cancel();
        await store.lastAccount.setValue({ username: stored.user.username, endedBecause: because });
        return stored;
      }),

    /** Re-creates the renewal alarm of `from`, if it is still the session (worker start). */
    reschedule: (from: Session) =>
      exclusive(async () => {
        if (sameSession(await store.load(), from)) await schedule(from);
      }),

    /** Whether `from` is still the stored session (a hint: writes check again). */
    isCurrent: async (from: Session) => sameSession(await store.load(), from),
  };
}
export type SessionWriter = ReturnType<typeof createSessionWriter>;
