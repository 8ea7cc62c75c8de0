import { t } from '../../lib/browser/i18n';
import {
  isInsecure,
  readServerUrl,
  serverFormValues,
  type ServerField,
} from '../../lib/settings/server-form';
import type { ServerProfile } from '../../lib/settings/settings';
import { StatusMessage } from '../StatusMessage';
import { UrlField } from '../server/UrlField';
import { useServerSave } from '../server/useServerSave';
import { useFormFields } from '../use-form-fields';
import { ConnectionTest } from './ConnectionTest';

const FIELDS: ServerField[] = ['baseUrl', 'agentUrl', 'adminUrl'];

// The docs' development servers: the agent app on 9005, the admin app on 9004.
const DEV_SERVERS = [
  { field: 'agentUrl', id: 'agent-url', label: 'options_agent_url_label', placeholder: 'http://127.0.0.1:9005' },
  { field: 'adminUrl', id: 'admin-url', label: 'options_admin_url_label', placeholder: 'http://127.0.0.1:9004' },
] as const;

/** Server URL and the optional app servers; saving asks for host permission on exactly those origins. */
export function ServerSection({ profile }: { profile: ServerProfile | null }) {
  const form = useFormFields(FIELDS, serverFormValues(profile));
  const { values, errors, inputs, edit } = form;
  const { status, setStatus, submit } = useServerSave(values, form.setValues);
  const refuse: typeof form.refuse = (found) => {
    form.refuse(found);
    setStatus(null);
  };

  function onSubmit(event: Event) {
    event.preventDefault();
    const found = submit();
    if (found) refuse(found);
    else form.setErrors({});
  }

  const warning = (field: ServerField) => {
    const read = readServerUrl(values[field], { required: false });
    return 'url' in read && read.url && isInsecure(read.url) ? t('options_insecure_warning') : undefined;
  };

  return (
    <section class="card" aria-labelledby="server-heading">
      <h2 id="server-heading">{t('options_server_heading')}</h2>
      <p class="intro">{t('options_server_intro')}</p>
      <form noValidate onSubmit={onSubmit}>
        <UrlField
          id="base-url"
          label={t('options_server_url_label')}
          hint={t('options_server_url_hint')}
          placeholder="https://desk.example.com"
          required
          value={values.baseUrl}
          error={errors.baseUrl}
          warning={warning('baseUrl')}
          inputRef={inputs.baseUrl}
          onInput={edit('baseUrl')}
        />
        <fieldset class="dev-servers">
          <legend>{t('options_dev_servers_legend')}</legend>
          <p id="dev-servers-hint" class="hint">{t('options_dev_servers_hint')}</p>
          {DEV_SERVERS.map(({ field, id, label, placeholder }) => (
            <UrlField
              key={field}
              id={id}
              label={t(label)}
              describedBy="dev-servers-hint"
              placeholder={placeholder}
              value={values[field]}
              error={errors[field]}
              warning={warning(field)}
              inputRef={inputs[field]}
              onInput={edit(field)}
            />
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary">{t('options_save')}</button>
          <ConnectionTest baseUrl={values.baseUrl} onInvalid={(error) => refuse({ baseUrl: error })} onResult={setStatus} />
        </div>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
