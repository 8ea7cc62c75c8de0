import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { serverFormValues } from '../../lib/settings/server-form';
import { StatusMessage } from '../StatusMessage';
import { UrlField } from '../server/UrlField';
import { useServerSave } from '../server/useServerSave';

/** First run: where the Bytedesk server is. Saved, the popup turns into the sign-in form. */
export function ServerSetup() {
  const [values, setValues] = useState(() => serverFormValues(null));
  const [error, setError] = useState<string | undefined>();
  const { status, submit } = useServerSave(null, values, setValues);

  function onSubmit(event: Event) {
    event.preventDefault();
    setError(submit()?.baseUrl);
  }

  return (
    <form noValidate onSubmit={onSubmit}>
      <p>{t('popup_no_server')}</p>
      <UrlField
        id="server-url"
        label={t('options_server_url_label')}
        placeholder="https://desk.example.com"
        required
        autoFocus
        value={values.baseUrl}
        error={error}
        onInput={(baseUrl) => {
          setValues({ ...values, baseUrl });
          setError(undefined);
        }}
      />
      <StatusMessage status={status} />
      <button type="submit" class="primary wide actions">
        {t('popup_set_server')}
      </button>
      <p class="alt">
        <button type="button" class="link" onClick={() => browser.runtime.openOptionsPage()}>
          {t('popup_settings')}
        </button>
      </p>
    </form>
  );
}
