import type { StoredItem } from '../browser/stored-item';

/**
 * How long a token the server confirmed is used without asking again. A sign-out inside a web
 * app (its request to the server, observed) ends the trust at once.
 */
export const TRUST_MS = 5 * 60_000;

/** The end of the token (a JWT's signature) is enough to tell the session's tokens apart. */
export interface Confirmation {
  tokenEnd: string;
  at: number;
}

/** A token's fingerprint: enough to tell tokens apart, never enough to use one. */
export const tokenEnd = (token: string) => token.slice(-24);

/**
 * When the server last confirmed the token. Also kept in session storage, so a worker started
 * cold trusts a confirmation made before it stopped, and its first page need not wait.
 */
export function createTrust(item: StoredItem<Confirmation | null>, now: () => number) {
  let known: Confirmation | null | undefined;
  let ends = 0;
  // Read as the worker starts, beside whatever woke it: a cold open then waits on one read less.
  const stored = item.getValue().then((value) => {
    if (known === undefined) known = value; // unless `confirm` or `end` came first meanwhile
  });
  return {
    /** Taken when a question to the server starts: its answer counts only if no sign-out was seen since. */
    ticket: () => ends,
    async has(token: string): Promise<boolean> {
      await stored;
      return known?.tokenEnd === tokenEnd(token) && now() - known.at < TRUST_MS;
    },
    /** Confirmed by an answer that came at or after `since` (an open that began then needs no other). */
    async confirmedSince(token: string, since: number): Promise<boolean> {
      await stored;
      return known?.tokenEnd === tokenEnd(token) && known.at >= since;
    },
    confirm(token: string, ticket = ends): void {
      if (ticket !== ends) return; // the server answered before a sign-out it had not seen yet
      known = { tokenEnd: tokenEnd(token), at: now() };
      void item.setValue(known);
    },
    /** Ends the trust (in `token` only, when given: a newer token's stays). */
    end(token?: string): void {
      if (token !== undefined && known != null && known.tokenEnd !== tokenEnd(token)) return;
      ends += 1;
      known = null;
      void item.removeValue();
    },
  };
}
