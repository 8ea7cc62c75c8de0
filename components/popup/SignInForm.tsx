import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import { ErrorText } from '../ErrorText';
import { useAction } from '../use-action';

interface Props {
  username: string;
  /** Runs after a successful sign-in (e.g. opening what a shortcut asked for). */
  onSignedIn(): void;
}

/** Username and password; "paste a token" for tokens made on the admin console's Token page. */
export function SignInForm({ username: lastUsername, onSignedIn }: Props) {
  const [pasting, setPasting] = useState(false);
  const [persist, setPersist] = useState(false);
  const { busy, error, run } = useAction();
  const token = useRef<HTMLTextAreaElement>(null);
  const username = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  // The first empty field, whenever the form appears or switches between password and token.
  useEffect(() => {
    (pasting ? token : lastUsername ? password : username).current?.focus();
  }, [pasting]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    const done = pasting
      ? await run(() => sendMessage('signInWithToken', { token: text('token'), persist }))
      : await run(() =>
          sendMessage('signIn', {
            username: text('username'),
            password: text('password'),
            persist,
            rememberPassword: form.get('remember') === 'on',
          }),
        );
    if (done) onSignedIn();
  }

  return (
    <form onSubmit={submit} aria-describedby={error ? 'sign-in-error' : undefined}>
      {pasting ? (
        <>
          <label for="token">{t('popup_token')}</label>
          <textarea id="token" name="token" ref={token} required spellcheck={false} autoComplete="off" />
          <p class="hint">{t('popup_token_hint')}</p>
        </>
      ) : (
        <>
          <label for="username">{t('popup_username')}</label>
          <input
            id="username"
            name="username"
            type="text"
            required
            autoComplete="username"
            defaultValue={lastUsername}
            ref={username}
          />
          <label for="password">{t('popup_password')}</label>
          <input id="password" name="password" type="password" required autoComplete="current-password" ref={password} />
        </>
      )}
      <label class="check">
        <input type="checkbox" checked={persist} onChange={(e) => setPersist(e.currentTarget.checked)} />
        <span>{t('popup_keep_signed_in')}</span>
      </label>
      {!pasting && (
        <label class="check">
          <input type="checkbox" name="remember" aria-describedby="remember-hint" />
          <span>
            {t('popup_remember_password')}
            <span id="remember-hint" class="hint">
              {t('popup_remember_password_hint')}
            </span>
          </span>
        </label>
      )}
      <ErrorText id="sign-in-error" text={error} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('popup_signing_in') : pasting ? t('popup_use_token') : t('popup_sign_in')}
        </button>
        <span class="spacer" />
        <button type="button" class="link" onClick={() => setPasting(!pasting)}>
          {pasting ? t('popup_use_password') : t('popup_paste_token')}
        </button>
      </div>
    </form>
  );
}
