import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { LaunchpadError } from '../../lib/server/errors';
import type { Session } from '../../lib/token/session';
import { localTime } from './local-time';
import { SignOutControl } from './SignOutControl';

interface Props {
  session: Session;
  onSignedOut(): void;
}

/**
 * Who is signed in and how it stands, one button that opens the rest: the user name, the server,
 * the exact expiry (also on hover), and Sign out, tucked away from the pages.
 */
export function AccountArea({ session, onSignedOut }: Props) {
  const [open, setOpen] = useState(false);
  const { user, expiresAt, renewalFailed } = session;
  const expired = expiresAt !== null && expiresAt <= Date.now();
  const validity =
    expiresAt === null
      ? t('popup_expiry_unknown')
      : t('popup_valid_until', localTime(expiresAt, { dateStyle: 'medium', timeStyle: 'short' }));
  const status = expired ? 'popup_expired' : expiresAt === null ? 'popup_status_unknown' : 'popup_status';

  return (
    <header>
      <h1 class="visually-hidden">{t('extName')}</h1>
      <button
        type="button"
        class="account-toggle"
        aria-expanded={open}
        aria-controls={open ? 'account' : undefined}
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {[...user.nickname][0]?.toUpperCase()}
        </span>
        <span class="who">
          <strong>{user.nickname}</strong>
          <span class={expired ? 'warn' : 'hint'} title={validity}>
            {t(status)}
          </span>
        </span>
      </button>
      {renewalFailed && (
        <p class="warn">{t('popup_renewal_failed', errorMessage(new LaunchpadError(renewalFailed.kind)))}</p>
      )}
      {open && (
        <div id="account" role="group" aria-label={t('popup_account')} class="account-panel">
          <p>{t('popup_signed_in_as', [user.nickname, user.username])}</p>
          <p>{t('popup_server', new URL(session.serverUrl).host)}</p>
          <p class="hint">{validity}</p>
          <SignOutControl profileId={session.profileId} onSignedOut={onSignedOut} />
        </div>
      )}
    </header>
  );
}
