import { useEffect } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { PageHeader } from '../PageHeader';
import { SignInButton } from '../SignInButton';
import { useSignedIn } from '../use-signed-in';
import { BatchForm } from './BatchForm';
import { OneUserForm } from './OneUserForm';

/** Super administrators create users here, one or many, through the server's API. */
export function UsersPage() {
  const state = useSignedIn();
  useEffect(() => {
    document.title = `${t('users_page_title')} – ${t('extName')}`;
  }, []);

  const session = state?.session;
  return (
    <main class="page">
      <PageHeader title={t('users_page_title')} />
      {state && !session && (
        <div class="card">
          <p>{t('users_need_sign_in')}</p>
          <div class="actions">
            <SignInButton label={t('users_sign_in')} primary />
          </div>
        </div>
      )}
      {session && !session.user.superUser && <p class="card">{t('users_need_super', session.user.nickname)}</p>}
      {session?.user.superUser && (
        <>
          <p class="intro">{t('users_signed_in_as', [session.user.nickname, new URL(session.serverUrl).host])}</p>
          <OneUserForm />
          <BatchForm serverUrl={session.serverUrl} />
        </>
      )}
    </main>
  );
}
