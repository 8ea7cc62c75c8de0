import {
  persistentSealedPasswordItem,
  persistentSessionItem,
  sealedPasswordItem,
  sessionItem,
} from '../storage';
import type { SealedSecret } from './password-vault';
import type { Session } from './session';

/**
 * The session and its sealed password live together, in session storage by default (gone when
 * the browser closes) or local storage when the user chose "keep me signed in".
 */
export const sessionStore = {
  async load(): Promise<Session | null> {
    return (await sessionItem.getValue()) ?? (await persistentSessionItem.getValue());
  },

  async save(session: Session): Promise<void> {
    const [keep, drop] = session.persist ? [persistentSessionItem, sessionItem] : [sessionItem, persistentSessionItem];
    await keep.setValue(session);
    await drop.removeValue();
  },

  async loadPassword(): Promise<SealedSecret | null> {
    return (await sealedPasswordItem.getValue()) ?? (await persistentSealedPasswordItem.getValue());
  },

  async savePassword(sealed: SealedSecret, persist: boolean): Promise<void> {
    const [keep, drop] = persist
      ? [persistentSealedPasswordItem, sealedPasswordItem]
      : [sealedPasswordItem, persistentSealedPasswordItem];
    await keep.setValue(sealed);
    await drop.removeValue();
  },

  async clearPassword(): Promise<void> {
    await Promise.all([sealedPasswordItem.removeValue(), persistentSealedPasswordItem.removeValue()]);
  },

  async clear(): Promise<void> {
    await Promise.all([sessionItem.removeValue(), persistentSessionItem.removeValue(), this.clearPassword()]);
  },
};
export type SessionStore = typeof sessionStore;
