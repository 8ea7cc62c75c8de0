/**
 * What a stored value may hold that cannot be read, by what the user is told of it: a profile
 * (removed), a setting (back to its default), an action (removed), a sign-in (signed out), the
 * recent pages (emptied), or something the extension only remembers for itself (reset).
 */
export type RepairKind = 'profile' | 'setting' | 'action' | 'session' | 'recent-pages' | 'remembered';

export interface Junk {
  kind: RepairKind;
  /** A profile dropped as unreadable whose id could still be read: its session is ended. */
  profileId?: string;
}

/** A stored value as read back: the sound part, and the junk left out of it (none: all was sound). */
export interface Read<T> {
  value: T;
  junk: Junk[];
}

export const sound = <T>(value: T): Read<T> => ({ value, junk: [] });

/** The value, with a junk of `kind` noted when `bad`. */
export const noted = <T>(value: T, bad: boolean, kind: RepairKind): Read<T> => ({ value, junk: bad ? [{ kind }] : [] });

// The checks every reader makes.
export const isText = (v: unknown): v is string => typeof v === 'string';
export const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
