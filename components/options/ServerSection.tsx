import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import {
  isInsecure,
  readServerUrl,
  serverFormValues,
  type ServerField,
} from '../../lib/settings/server-form';
import type { ServerProfile } from '../../lib/settings/settings';
import { TextField } from '../TextField';
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

interface Props {
  /** The profile edited; null: a new one, saved as a new profile. */
  profile: ServerProfile | null;
  /** Set by the organisation: shown, not editable. */
  locked: boolean;
  onSaved(profileId: string): void;
}

/**
 * A profile's name, server URL and, under "Advanced", the optional app servers (open when one is set); saving asks
 * for host permission on exactly those origins.
 */
export function ServerSection({ profile, locked, onSaved }: Props) {
  const form = useFormFields(FIELDS, serverFormValues(profile));
  const { values, errors, inputs, edit } = form;
  const [name, setName] = useState(profile?.name ?? '');
  const saved = (server: typeof values, profileId: string) => {
    form.setValues(server);
    onSaved(profileId);
  };
  const { status, setStatus, submit } = useServerSave(profile?.id ?? null, values, saved, name);
  const [advanced, setAdvanced] = useState(() => DEV_SERVERS.some(({ field }) => form.values[field] !== ''));
  const refuse: typeof form.refuse = (found) => {
    setStatus(null);
    const hidden = !advanced && !found.baseUrl && DEV_SERVERS.some(({ field }) => found[field]);
    if (!hidden) return form.refuse(found);
    // A field in error is never left hidden: open Advanced, then focus the field once it is there.
    setAdvanced(true);
    setTimeout(() => form.refuse(found));
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
      <h2 id="server-heading">{profile ? t('options_editing', profile.name) : t('options_profile_new')}</h2>
      <p class="intro">{t('options_server_intro')}</p>
      {locked && <p class="note">{t('options_profile_locked')}</p>}
      <form noValidate onSubmit={onSubmit}>
        <fieldset disabled={locked}>
        <TextField
          id="profile-name"
          label={t('options_profile_name_label')}
          hint={t('options_profile_name_hint', name.trim() || 'staging')}
          value={name}
          onInput={setName}
        />
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
        <details class="advanced" open={advanced} onToggle={(e) => setAdvanced(e.currentTarget.open)}>
          <summary>
            {t('options_advanced')} <span class="hint">{t('options_advanced_what')}</span>
          </summary>
          <p id="dev-servers-hint" class="hint">{t('options_dev_servers_hint')}</p>
          {advanced && DEV_SERVERS.map(({ field, id, label, placeholder }) => (
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
        </details>
        </fieldset>
        <div class="actions">
          {!locked && <button type="submit" class="primary">{t('options_save')}</button>}
          <ConnectionTest baseUrl={values.baseUrl} onInvalid={(error) => refuse({ baseUrl: error })} onResult={setStatus} />
        </div>
        <StatusMessage status={status} />
      </form>
    </section>
  );
}
