import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { savePreferences, type Preferences } from '../../lib/settings/save-settings';
import type { OpenIn, Settings, Workspace } from '../../lib/settings/settings';
import { CleanAddressOption } from './CleanAddressOption';
import { RadioGroup } from './RadioGroup';
import { StatusMessage, type Status } from '../StatusMessage';

const SAVED_SHOWN_MS = 3000;

/** Where pages open and which workspace is the default; each change is saved at once. */
export function BehaviourSection({ settings }: { settings: Settings }) {
  const [prefs, setPrefs] = useState<Preferences>({
    openIn: settings.openIn,
    defaultWorkspace: settings.defaultWorkspace,
    cleanAddressBar: settings.cleanAddressBar,
  });
  const [status, setStatus] = useState<Status | null>(null);
  const hideTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(hideTimer.current), []);

  async function change(patch: Partial<Preferences>) {
    setPrefs((current) => ({ ...current, ...patch }));
    clearTimeout(hideTimer.current);
    try {
      await savePreferences(patch);
      setStatus({ tone: 'ok', text: t('options_saved') });
      hideTimer.current = setTimeout(() => setStatus(null), SAVED_SHOWN_MS);
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  return (
    <section class="card" aria-labelledby="behaviour-heading">
      <h2 id="behaviour-heading">{t('options_behaviour_heading')}</h2>
      <RadioGroup<OpenIn>
        name="open-in"
        legend={t('options_open_in_legend')}
        value={prefs.openIn}
        options={[
          { value: 'new-tab', label: t('options_open_in_new_tab') },
          { value: 'current-tab', label: t('options_open_in_current_tab') },
          { value: 'reuse-tab', label: t('options_open_in_reuse_tab') },
        ]}
        onChange={(openIn) => void change({ openIn })}
      />
      <RadioGroup<Workspace>
        name="default-workspace"
        legend={t('options_default_workspace_legend')}
        value={prefs.defaultWorkspace}
        options={[
          { value: 'agent', label: t('options_workspace_agent') },
          { value: 'admin', label: t('options_workspace_admin') },
        ]}
        onChange={(defaultWorkspace) => void change({ defaultWorkspace })}
      />
      <CleanAddressOption on={prefs.cleanAddressBar} onChange={(cleanAddressBar) => void change({ cleanAddressBar })} />
      <StatusMessage status={status} />
    </section>
  );
}
