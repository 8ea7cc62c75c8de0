import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { hostPermissions } from '../../lib/browser/permissions';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { saveServer } from '../../lib/settings/save-settings';
import {
  readServerForm,
  serverFormValues,
  type ServerFieldErrors,
  type ServerFormValues,
  type ServerSettings,
} from '../../lib/settings/server-form';
import type { Status } from '../StatusMessage';
import { useGrantedOrigins } from './useGrantedOrigins';

/**
 * Saving a server from a form (options page, first-run popup): host permission for exactly its
 * origins, asked inside the user's submit, then the settings, then a session of another server goes.
 */
export function useServerSave(
  /** The profile to save into; null: a new profile. */
  profileId: string | null,
  values: ServerFormValues,
  onSaved: (values: ServerFormValues, profileId: string) => void,
  name?: string,
) {
  const [status, setStatus] = useState<Status | null>(null);
  const permissions = useGrantedOrigins(values);

  async function save(server: ServerSettings, origins: string[], allowed: Promise<boolean>) {
    const host = new URL(server.baseUrl).host;
    try {
      if (!(await allowed)) return setStatus({ tone: 'error', text: t('options_permission_denied', host) });
      permissions.remember(origins);
      const ends = async (id: string) => (await sendMessage('sessionEnds', { profileIds: [id] }))[id] ?? null;
      const saved = await saveServer(profileId, server, ends, name);
      const { session } = saved;
      onSaved(serverFormValues(server), saved.profileId);
      const done = t('options_saved_server', host);
      if (session === 'kept') return setStatus({ tone: 'ok', text: done });
      const after = session === 'signed-out' ? t('options_signed_out_server_changed') : t('options_sign_out_failed');
      setStatus({ tone: 'warn', text: `${done} ${after}` });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  /** Call synchronously from the submit handler. Returns the fields' errors, or null once saving started. */
  function submit(): ServerFieldErrors | null {
    const form = readServerForm(values);
    if (!form.ok) return form.errors;
    // Before any await: browsers show the permission prompt only while handling the click.
    const allowed = permissions.granted(form.origins) ? Promise.resolve(true) : hostPermissions.request(form.origins);
    void save(form.server, form.origins, allowed);
    return null;
  }

  return { status, setStatus, submit };
}
