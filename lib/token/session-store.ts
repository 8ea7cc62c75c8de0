import type { StoredItem } from '../browser/stored-item';
import { profileItems } from '../storage';
import type { SealedSecret } from './password-vault';
import type { Session } from './session';

/** The same item in session storage and in local storage ("keep me signed in"). */
type Item<T> = StoredItem<T | null>;
type Areas<T> = [ephemeral: Item<T>, persistent: Item<T>];

async function loadFrom<T>([ephemeral, persistent]: Areas<T>): Promise<T | null> {
  // Both at once: the two areas answer in parallel.
  const [inSession, kept] = await Promise.all([ephemeral.getValue(), persistent.getValue()]);
  return inSession ?? kept;
}

/** Into the chosen area, out of the other: a value never lives in both. */
async function saveIn<T>([ephemeral, persistent]: Areas<T>, value: T, persist: boolean): Promise<void> {
  const [keep, drop] = persist ? [persistent, ephemeral] : [ephemeral, persistent];
  await keep.setValue(value);
  await drop.removeValue();
}

/** A session stored by an earlier version lacks the fields added since. */
const withDefaults = (session: Session | null): Session | null =>
  session && { ...session, id: session.id ?? '', retired: session.retired ?? [] };

const clearBoth = <T>(areas: Areas<T>) => Promise.all(areas.map((item) => item.removeValue()));

/**
 * A profile's session and its sealed password live together, in session storage by default (gone
 * when the browser closes) or local storage when the user chose "keep me signed in".
 */
export function sessionStoreFor(profileId: string) {
  const items = profileItems(profileId);
  const SESSION: Areas<Session> = [items.session, items.persistentSession];
  const PASSWORD: Areas<SealedSecret> = [items.password, items.persistentPassword];
  return {
    profileId,
    load: async (): Promise<Session | null> => withDefaults(await loadFrom(SESSION)),
    save: (session: Session): Promise<void> => saveIn(SESSION, session, session.persist),
    loadPassword: (): Promise<SealedSecret | null> => loadFrom(PASSWORD),
    savePassword: (sealed: SealedSecret, persist: boolean): Promise<void> => saveIn(PASSWORD, sealed, persist),
    clearPassword: async (): Promise<void> => void (await clearBoth(PASSWORD)),
    clear: async (): Promise<void> => void (await Promise.all([clearBoth(SESSION), clearBoth(PASSWORD)])),
    /** Who signed in last, and why their session ended. */
    lastAccount: items.lastAccount,
    /** The server's last word on the token (see trust.ts). */
    confirmation: items.confirmation,
  };
}
export type SessionStore = ReturnType<typeof sessionStoreFor>;
