/** Every way a call to the server can fail, as the user needs to tell them apart. */
export type ErrorKind =
  | 'wrong-credentials'
  | 'account-locked'
  | 'captcha-required'
  | 'token-rejected'
  | 'forbidden'
  | 'already-exists'
  | 'rejected'
  | 'server-error'
  | 'not-bytedesk'
  /** The answer ran past what any Bytedesk answer holds (read-capped.ts): not read further. */
  | 'too-large'
  | 'unreachable'
  | 'timeout'
  | 'cancelled'
  | 'signed-out'
  | 'session-expired'
  /** The stored sign-in could not be read (damaged): it was dropped, and the user signs in again. */
  | 'sign-in-damaged'
  | 'not-set-up'
  /** The profile went, or its server or app addresses changed, while something was under way for it. */
  | 'profile-changed'
  /** The background did not answer (the extension restarted mid-request): what became of it is unknown. */
  | 'no-answer'
  /** The organisation's policy allows no profiles of the user's own: a new server is not added. */
  | 'profiles-managed'
  | 'invalid-input';

export interface ErrorDetails {
  /** Password tries left before the account locks, when the server said. */
  triesLeft?: number;
  /** HTTP status, for server errors. */
  status?: number;
  /** The server's own words (an i18n key or Chinese text), shown as a detail only. */
  serverMessage?: string;
}

/**
 * The one error type of the extension. It survives messaging between the background and the
 * popup as a plain object, so code checks `kind`, never `instanceof`.
 */
export class LaunchpadError extends Error {
  readonly kind: ErrorKind;
  readonly triesLeft?: number;
  readonly status?: number;
  readonly serverMessage?: string;

  constructor(kind: ErrorKind, details: ErrorDetails = {}) {
    super(details.serverMessage ? `${kind}: ${details.serverMessage}` : kind);
    this.name = 'LaunchpadError';
    this.kind = kind;
    if (details.triesLeft !== undefined) this.triesLeft = details.triesLeft;
    if (details.status !== undefined) this.status = details.status;
    if (details.serverMessage !== undefined) this.serverMessage = details.serverMessage;
  }
}

export function errorKindOf(error: unknown): ErrorKind | undefined {
  if (typeof error === 'object' && error !== null && 'kind' in error) {
    return (error as { kind: ErrorKind }).kind;
  }
  return undefined;
}

/** Failures that say nothing about the token: keep it and try again later. */
export function isTransient(error: unknown): boolean {
  const kind = errorKindOf(error);
  return kind === 'unreachable' || kind === 'timeout' || kind === 'server-error' || kind === 'not-bytedesk' || kind === 'too-large';
}
