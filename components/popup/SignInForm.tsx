import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/browser/i18n';
import { signInErrorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { errorKindOf, type ErrorDetails } from '../../lib/server/errors';
import { ErrorText } from '../ErrorText';
import { useAction } from '../use-action';
import { lockAfterRefusal, lockedUntil, startingUsername, type AccountLock } from './account-lock';
import { localTime } from './local-time';

interface Props {
  profileId: string;
  /** The server's host, named when it cannot be reached. */
  host: string;
  username: string;
  /** An account the server locked (remembered across openings): shown only while its name is in the field. */
  lock: AccountLock | null;
  /** Remembers the lock the server announced, for this popup and the next. */
  onLocked(lock: AccountLock): void;
  /** Runs after a successful sign-in (e.g. opening what a shortcut asked for). */
  onSignedIn(): void;
}

/** What stays after the browser closes: `persist` and `rememberPassword` as one choice. */
type Stay = 'off' | 'on' | 'password';
const STAY: [Stay, MessageKey, MessageKey][] = [
  ['off', 'popup_stay_off', 'popup_stay_off_hint'],
  ['on', 'popup_stay_on', 'popup_stay_on_hint'],
  ['password', 'popup_stay_password', 'popup_stay_password_hint'],
];

/** User name and password (or a token pasted from the admin console's Token page), and what stays. */
export function SignInForm({ profileId, host, username: lastUsername, lock, onLocked, onSignedIn }: Props) {
  const [pasting, setPasting] = useState(false);
  const [stay, setStay] = useState<Stay>('off');
  const [shown, setShown] = useState(false);
  const [username, setUsername] = useState(() => startingUsername(lastUsername, lock, Date.now()));
  const [now, setNow] = useState(Date.now);
  const { busy, error, setError, run } = useAction((e) => signInErrorMessage(e, host));
  const token = useRef<HTMLTextAreaElement>(null);
  const usernameInput = useRef<HTMLInputElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const until = pasting ? null : lockedUntil(lock, username, now);
  // The first empty field, whenever the form appears or switches between password and token.
  useLayoutEffect(() => {
    (pasting ? token : username ? password : usernameInput).current?.focus();
  }, [pasting]);
  // The lock runs out while the popup is open: Sign in works again.
  useEffect(() => {
    if (until === null) return;
    const timer = setTimeout(() => setNow(Date.now()), until - Date.now() + 100);
    return () => clearTimeout(timer);
  }, [until]);

  /** A refused password is emptied, so that retyping sends no leftover of it; a lock is remembered. */
  function refused(e: unknown) {
    const kind = errorKindOf(e);
    if (kind !== 'wrong-credentials' && kind !== 'account-locked') return;
    password.current!.value = '';
    password.current!.focus();
    if (kind !== 'account-locked') return;
    const { serverMessage } = e as ErrorDetails;
    onLocked(lockAfterRefusal(lock, username, serverMessage, Date.now()));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy || until !== null) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '');
    const persist = stay !== 'off';
    const done = await run(() =>
      pasting
        ? sendMessage('signInWithToken', { profileId, token: text('token'), persist })
        : sendMessage('signIn', {
            profileId,
            username: text('username'),
            password: text('password'),
            persist,
            rememberPassword: stay === 'password',
          }).catch((e: unknown) => {
            refused(e);
            throw e;
          }),
    );
    if (done) onSignedIn();
  }

  const shownError = until === null ? error : t('popup_locked_until', localTime(until, { hour: 'numeric', minute: '2-digit' }));
  const choice = pasting && stay === 'password' ? 'on' : stay;
  return (
    <form onSubmit={submit} aria-describedby={shownError ? 'sign-in-error' : undefined}>
      {pasting ? (
        <>
          <label for="token">{t('popup_token')}</label>
          <textarea id="token" name="token" ref={token} required spellcheck={false} autoComplete="off" aria-describedby="token-hint" />
          <p id="token-hint" class="hint">
            {t('popup_token_hint')}
          </p>
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
            defaultValue={username}
            ref={usernameInput}
            onInput={(e) => {
              setUsername(e.currentTarget.value);
              setError(null);
            }}
          />
          <label for="password">{t('popup_password')}</label>
          <div class="with-button">
            <input
              id="password"
              name="password"
              // Preact types text and password inputs apart; shown, the password is plain text.
              type={(shown ? 'text' : 'password') as 'text'}
              required autoComplete="current-password"
              ref={password}
            />
            <button type="button" aria-pressed={shown} aria-label={t('popup_show_password')} onClick={() => setShown(!shown)}>
              {t('popup_show')}
            </button>
          </div>
        </>
      )}
      <fieldset class="stay">
        <legend>{t('popup_after_close')}</legend>
        {STAY.slice(0, pasting ? 2 : 3).map(([value, name, hint]) => (
          <div class="choice" key={value}>
            <input
              type="radio"
              id={`stay-${value}`}
              name="stay"
              checked={choice === value}
              onChange={() => setStay(value)}
              aria-describedby={`stay-${value}-hint`}
            />
            <label for={`stay-${value}`}>{t(name)}</label>
            <p id={`stay-${value}-hint`} class="hint">
              {t(hint)}
            </p>
          </div>
        ))}
      </fieldset>
      <ErrorText id="sign-in-error" text={shownError} />
      <button type="submit" class="primary wide" disabled={busy || until !== null}>
        {busy ? t('popup_signing_in') : pasting ? t('popup_use_token') : t('popup_sign_in')}
      </button>
      <p class="alt">
        <button type="button" class="link" onClick={() => setPasting(!pasting)}>
          {pasting ? t('popup_use_password') : t('popup_paste_token')}
        </button>
      </p>
    </form>
  );
}
