import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { SignInButton } from '../SignInButton';
import { useSignedIn } from '../use-signed-in';

/** Who is signed in, on which server, and the extension's version: what support asks first. */
export function AboutFooter() {
  const state = useSignedIn();
  const session = state?.session;
  return (
    <footer class="page-footer">
      {session && (
        <p>
          {t('options_signed_in_as', [session.user.nickname, session.user.username, new URL(session.serverUrl).host])}
        </p>
      )}
      {state && !session && (
        <div class="row">
          <p>{state.profile ? t('options_signed_out', new URL(state.profile.baseUrl).host) : t('options_no_server')}</p>
          {state.profile && <SignInButton label={t('options_sign_in')} />}
        </div>
      )}
      <p class="hint">{t('options_version', [t('extName'), browser.runtime.getManifest().version])}</p>
    </footer>
  );
}
