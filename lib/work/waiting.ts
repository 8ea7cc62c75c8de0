import type { WorkUnsupported } from '../server/contract';
import { errorKindOf } from '../server/errors';
import type { Session } from '../token/session';

/**
 * Whose count it is, with the profile id its state is stored under: the server and the user
 * signed in there. A count is never shown or reused for another account.
 */
export interface WaitingAccount {
  serverUrl: string;
  username: string;
}

/** The account a session is signed in as. */
export const accountOf = (session: Pick<Session, 'serverUrl' | 'user'>): WaitingAccount => ({
  serverUrl: session.serverUrl,
  username: session.user.username,
});

/**
 * What the extension knows of the conversations waiting for the agent, per profile. A count or
 * an "unsupported" remembers the account it came from: after a server change, a sign-out or
 * another account's sign-in it is forgotten. "Off" is the profile's, whoever signs in.
 */
export type WaitingState =
  | ({ kind: 'count'; count: number; checkedAt: number; stale: boolean } & WaitingAccount)
  | ({ kind: 'unsupported'; reason: WorkUnsupported['unsupported']; checkedAt: number } & WaitingAccount)
  | { kind: 'off' };

/** Checks closer together than this reuse the last count: a popup opened twice costs one request. */
export const COUNT_REUSE_MS = 20_000;
/** An older server is not upgraded every minute: ask it again after a day (or a server change). */
export const UNSUPPORTED_RETRY_MS = 24 * 60 * 60_000;
/** A count this old is shown as old even without a failure (the worker slept, alarms were missed). */
export const STALE_AFTER_MS = 5 * 60_000;

const isOf = (state: WaitingState, account: WaitingAccount | null) =>
  state.kind === 'off' || (account !== null && state.serverUrl === account.serverUrl && state.username === account.username);

/** The profile's state, unless it was recorded for another account (signed out: null, only "off"). */
export function stateFor(
  states: Record<string, WaitingState>,
  profileId: string,
  account: WaitingAccount | null,
): WaitingState | undefined {
  const state = states[profileId];
  return state && isOf(state, account) ? state : undefined;
}

/**
 * The states without those of an account no longer signed in on its profile (`accounts`: who is,
 * per profile id; null or missing: nobody), so a sign-out forgets the count at once.
 */
export function withoutEnded(
  states: Record<string, WaitingState>,
  accounts: Record<string, WaitingAccount | null>,
): Record<string, WaitingState> {
  return Object.fromEntries(Object.entries(states).filter(([id, state]) => isOf(state, accounts[id] ?? null)));
}

/** When asking the server is next worth it: null never (the user turned the count off). */
export function nextCheck(state: WaitingState | undefined, now: number): number | null {
  if (!state) return now;
  switch (state.kind) {
    case 'off':
      return null;
    case 'unsupported':
      return state.checkedAt + UNSUPPORTED_RETRY_MS;
    case 'count':
      return state.stale ? now : state.checkedAt + COUNT_REUSE_MS;
  }
}

export function shouldAsk(state: WaitingState | undefined, now: number): boolean {
  const next = nextCheck(state, now);
  return next !== null && now >= next;
}

/** A count to show as old: the last check failed, or it is long ago. */
export function isStale(state: Extract<WaitingState, { kind: 'count' }>, now: number): boolean {
  return state.stale || now - state.checkedAt > STALE_AFTER_MS;
}

/** The state after the server answered `account`: a count, or the feature missing here. */
export function afterAnswer(answer: number | WorkUnsupported, account: WaitingAccount, now: number): WaitingState {
  const { serverUrl, username } = account;
  return typeof answer === 'number'
    ? { kind: 'count', count: answer, checkedAt: now, stale: false, serverUrl, username }
    : { kind: 'unsupported', reason: answer.unsupported, checkedAt: now, serverUrl, username };
}

/**
 * The state after a failed check. A rejected token, a disabled account or a cancelled call says
 * nothing about the count (the token lifecycle deals with the first two): the state stays. Any
 * other failure (network, timeout, server error, a body that is not Bytedesk's) keeps the last
 * count, marked old.
 */
export function afterFailure(state: WaitingState | undefined, error: unknown): WaitingState | undefined {
  const kind = errorKindOf(error);
  if (kind === 'token-rejected' || kind === 'forbidden' || kind === 'cancelled') return state;
  return state?.kind === 'count' ? { ...state, stale: true } : state;
}

/** The options switch: off forgets the count and asks nothing more; on starts afresh (asked at once). */
export function withCountShown(states: Record<string, WaitingState>, profileId: string, shown: boolean): Record<string, WaitingState> {
  const { [profileId]: _dropped, ...others } = states;
  return shown ? others : { ...others, [profileId]: { kind: 'off' } };
}
