import { t, type MessageKey } from './browser/i18n';
import { errorKindOf } from './server/errors';

/** The one mapping of every failure to words for the user, in the browser's language. */
export function errorMessage(error: unknown, translate: typeof t = t): string {
  const kind = errorKindOf(error);
  if (!kind) return translate('error_unexpected');
  const triesLeft = (error as { triesLeft?: number }).triesLeft;
  if (kind === 'wrong-credentials' && triesLeft !== undefined) {
    if (triesLeft === 1) return translate('error_wrong_credentials_last_try');
    return translate('error_wrong_credentials_tries', String(triesLeft));
  }
  return translate(`error_${kind.replace(/-/g, '_')}` as MessageKey);
}

/**
 * The words of a failed sign-in: an unreachable server is named, and nothing says "you stay signed
 * in" (on the sign-in form nobody is).
 */
export function signInErrorMessage(error: unknown, host: string, translate: typeof t = t): string {
  return errorKindOf(error) === 'unreachable' ? translate('error_unreachable_signed_out', host) : errorMessage(error, translate);
}
