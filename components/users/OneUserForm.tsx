import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { errorKindOf } from '../../lib/server/errors';
import type { RunPlace } from '../../lib/users/batch-progress';
import { checkNewUser, type NewUserField, type NewUserInput, type NewUserProblems } from '../../lib/users/new-user';
import { StatusMessage, type Status } from '../StatusMessage';
import { TextField } from '../TextField';
import { useFormFields } from '../use-form-fields';

const EMPTY: NewUserInput = { email: '', mobile: '', nickname: '', password: '' };
const FIELD_ORDER: readonly NewUserField[] = ['email', 'mobile', 'nickname', 'password'];

/** One new user: checked here first, then created by the background with the admin's token, on the profile shown (`here`). */
export function OneUserForm({ here }: { here: RunPlace }) {
  const { values, setValues, errors, inputs, edit, refuse: showErrors } = useFormFields(FIELD_ORDER, EMPTY);
  const [showPassword, setShowPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  useEffect(() => inputs.email.current?.focus(), []);

  const refuse = (problems: NewUserProblems) =>
    showErrors(Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key!)])));

  async function submit(event: Event) {
    event.preventDefault();
    if (busy) return;
    const checked = checkNewUser(values);
    if (!checked.ok) return refuse(checked.problems);
    setBusy(true);
    setStatus({ tone: 'busy', text: t('users_creating') });
    try {
      const created = await sendMessage('createUser', { user: checked.user, ...here });
      setValues(EMPTY);
      setStatus({ tone: 'ok', text: t('users_created_one', `${created.nickname} (${created.username})`) });
      inputs.email.current?.focus();
    } catch (error) {
      // What was typed stays: fix it and send again.
      setStatus({ tone: 'error', text: errorMessage(error) });
      if (errorKindOf(error) === 'already-exists') refuse({ [checked.user.email ? 'email' : 'mobile']: 'error_already_exists' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card" aria-labelledby="one-user-heading">
      <h2 id="one-user-heading">{t('users_one_heading')}</h2>
      <p id="contact-hint" class="hint">{t('users_contact_hint')}</p>
      <form onSubmit={submit} noValidate>
        <TextField id="new-email" type="email" label={t('users_email')} describedBy="contact-hint" value={values.email}
          error={errors.email} inputRef={inputs.email} onInput={edit('email')} />
        <TextField id="new-mobile" type="tel" label={t('users_mobile')} describedBy="contact-hint" value={values.mobile}
          error={errors.mobile} inputRef={inputs.mobile} onInput={edit('mobile')} />
        <TextField id="new-nickname" label={t('users_nickname')} hint={t('users_nickname_hint')} value={values.nickname}
          error={errors.nickname} inputRef={inputs.nickname} onInput={edit('nickname')} />
        <TextField id="new-password" type={showPassword ? 'text' : 'password'} autoComplete="new-password"
          label={t('users_password')} value={values.password} error={errors.password}
          inputRef={inputs.password} onInput={edit('password')} />
        <label class="check">
          <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.currentTarget.checked)} />
          {t('users_show_password')}
        </label>
        <div class="actions">
          {/* aria-disabled, not disabled: the focus stays on the button while the server answers. */}
          <button type="submit" class="primary" aria-disabled={busy ? 'true' : undefined}>{t('users_create_one')}</button>
        </div>
      </form>
      <StatusMessage status={status} />
    </section>
  );
}
