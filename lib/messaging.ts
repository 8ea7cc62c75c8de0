import { browser } from 'wxt/browser';
import type { StaleEnd } from './background/stale-sessions';
import type { RealSnippetRequest } from './share/real-snippet';
import type { PasswordSignIn } from './token/lifecycle';
import type { CreatedUser, CreateUserRequest } from './users/create-user';
import type { OpenRequest } from './workspace/open-workspace';

/**
 * What the popup, options and users pages ask of the background. Failures arrive as errors that
 * keep their `kind` (see LaunchpadError). The token never crosses: only the background sends it.
 */
export interface LaunchpadProtocol {
  signIn(input: PasswordSignIn & OfProfile): void;
  signInWithToken(input: { token: string; persist: boolean } & OfProfile): void;
  open(request: OpenRequest): void;
  revoke(input: OfProfile): void;
  forget(input: OfProfile): void;
  /** The popup opened: check the token with the server now, before a page is asked for. */
  confirm(input: OfProfile): void;
  /**
   * After a page changed these profiles: sessions that no longer belong to them are ended now
   * (see stale-sessions), and what became of each is told (null: none ended).
   */
  sessionEnds(input: { profileIds: string[] }): Record<string, StaleEnd | null>;
  /** Revokes the profile's token (`force`: forgets it, the server being out of reach), then removes the profile. */
  removeProfile(input: OfProfile & { force?: boolean }): void;
  /** On the profile and server the page shows (see CreateUserRequest), never the active one. */
  createUser(request: CreateUserRequest): CreatedUser;
  /** "Test connection": whether a Bytedesk server answers at `baseUrl` (no credentials involved). */
  probe(input: { baseUrl: string }): void;
  /** The options page shows the waiting count's state: ask the server now, even an older one. */
  checkWaiting(): void;
  /** A snippet to share with the live token in it, on the user's explicit choice; never kept. */
  snippet(request: RealSnippetRequest): string;
}

/** The profile a page acts on: the one it shows, which may have stopped being the active one meanwhile. */
interface OfProfile {
  profileId: string;
}

type Name = keyof LaunchpadProtocol;
type Result<K extends Name> = ReturnType<LaunchpadProtocol[K]>;
type Handler<K extends Name> = (message: { data: Parameters<LaunchpadProtocol[K]>[0] }) => Result<K> | Promise<Result<K>>;

// On the wire: `{type, data}` asked, `{res}` or `{err}` answered (the shape @webext-core/messaging
// used, which this replaces at a tenth of its size in every page).
interface Ask {
  type: string;
  data?: unknown;
}
type Answer = { res: unknown } | { err: Record<string, unknown> };

/** Asks the background; its error arrives with its `kind` and details, as a plain object. */
export async function sendMessage<K extends Name>(type: K, ...data: Parameters<LaunchpadProtocol[K]>): Promise<Result<K>> {
  const answer = (await browser.runtime.sendMessage({ type, data: data[0] } satisfies Ask)) as Answer | undefined;
  if (!answer) throw new Error(`The background did not answer "${type}".`);
  if ('err' in answer) throw Object.assign(new Error(String(answer.err.message)), answer.err);
  return answer.res as Result<K>;
}

const handlers = new Map<string, Handler<Name>>();

// sendResponse and `true`, the one way every browser (and the fake one in tests) keeps a channel open.
function answer(message: unknown, _sender: unknown, sendResponse: (answer: Answer) => void): true | undefined {
  const ask = message as Partial<Ask> | null;
  const handler = typeof ask?.type === 'string' ? handlers.get(ask.type) : undefined;
  if (!handler) return undefined; // not ours: another listener may answer
  Promise.resolve()
    .then(() => handler({ data: ask!.data as never }))
    .then(
      (res) => sendResponse({ res }),
      (error: unknown) => sendResponse({ err: { message: String((error as Error)?.message ?? error), ...(error as object) } }),
    );
  return true;
}

/** The background answers `type` with `handler`; one handler per type. */
export function onMessage<K extends Name>(type: K, handler: Handler<K>): void {
  if (handlers.size === 0) browser.runtime.onMessage.addListener(answer);
  handlers.set(type, handler as unknown as Handler<Name>);
}

/** Forgets every handler (a worker that stops, in tests). */
export function removeAllListeners(): void {
  handlers.clear();
  browser.runtime.onMessage.removeListener(answer);
}
