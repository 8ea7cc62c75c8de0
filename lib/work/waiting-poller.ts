import type { BytedeskClient } from '../server/client';
import { afterAnswer, afterFailure, shouldAsk, stateFor, type WaitingAccount, type WaitingState } from './waiting';

/** What a check needs of the signed-in session: the token goes to its own server only; the count is the account's. */
export interface WaitingSession extends WaitingAccount {
  token: string;
  profileId: string;
}

export interface WaitingDeps {
  /** The active profile's session, or null when nobody is signed in. */
  session(): Promise<WaitingSession | null>;
  client(serverUrl: string): Pick<BytedeskClient, 'unreplied'>;
  load(): Promise<Record<string, WaitingState>>;
  /** `next` replaces `previous`, the states read just before (a notice compares the two). */
  save(next: Record<string, WaitingState>, previous: Record<string, WaitingState>): Promise<void>;
  now(): number;
}

/**
 * Why a check runs. The popup opening, a page opened and a new sign-in respect the waits of
 * `shouldAsk`; the alarm is itself the pace of a count, so it asks again whenever one is known
 * (an older server still waits its day); the options page asks even an older server at once,
 * since the user is looking at why the count is missing.
 */
export type CheckReason = 'alarm' | 'popup' | 'page-opened' | 'signed-in' | 'options';

export interface WaitingPoller {
  /** Asks the server if it is time, stores the answer; the profile's state after it. */
  check(reason: CheckReason): Promise<WaitingState | undefined>;
}

/**
 * Keeps the count of conversations waiting per profile. Never more than one request in flight:
 * a check asked for while one runs gets that one's answer. It never touches the session: a
 * failure keeps the last count (marked old), and a rejected token is the token lifecycle's job.
 */
export function waitingPoller(deps: WaitingDeps): WaitingPoller {
  let running: Promise<WaitingState | undefined> | null = null;

  async function run(reason: CheckReason): Promise<WaitingState | undefined> {
    const session = await deps.session();
    if (!session) return undefined;
    const { profileId, serverUrl } = session;
    const before = stateFor(await deps.load(), profileId, session);
    const forced =
      (reason === 'options' && before?.kind === 'unsupported') || (reason === 'alarm' && before?.kind === 'count');
    if (!forced && !shouldAsk(before, deps.now())) return before;

    let after: WaitingState | undefined;
    try {
      after = afterAnswer(await deps.client(serverUrl).unreplied(session.token), session, deps.now());
    } catch (error) {
      after = afterFailure(before, error);
    }
    return record(session, after);
  }

  // Written over a fresh read: the options switch may have turned the count off meanwhile, or
  // another user signed in, whose count this is not.
  async function record(asked: WaitingSession, after: WaitingState | undefined) {
    const [states, current] = await Promise.all([deps.load(), deps.session()]);
    const latest = states[asked.profileId];
    if (latest?.kind === 'off' || current?.token !== asked.token) return stateFor(states, asked.profileId, asked);
    if (!after) return undefined;
    await deps.save({ ...states, [asked.profileId]: after }, states);
    return after;
  }

  return {
    check(reason) {
      running ??= run(reason).finally(() => {
        running = null;
      });
      return running;
    },
  };
}
