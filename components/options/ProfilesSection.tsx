import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import { canAdd, canEdit, moveProfile } from '../../lib/settings/profiles';
import { updateSettings } from '../../lib/settings/save-settings';
import { isTransient } from '../../lib/server/errors';
import { hostOf, type ServerProfile, type Settings } from '../../lib/settings/settings';
import { ConfirmQuestion } from '../ConfirmQuestion';
import { StatusMessage, type Status } from '../StatusMessage';
import { useAction } from '../use-action';

interface Props {
  settings: Settings;
  /** The profile whose server the form below edits; null: a new one. */
  editing: string | null;
  onEdit(profileId: string | null): void;
}

/** The list of profiles: which one is active, edit, move, remove (after a question), add. */
export function ProfilesSection({ settings, editing, onEdit }: Props) {
  const [removing, setRemoving] = useState<ServerProfile | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const { profiles } = settings;
  const last = profiles.length - 1;

  return (
    <section class="card" aria-labelledby="profiles-heading">
      <h2 id="profiles-heading">{t('options_profiles_heading')}</h2>
      <p class="intro">{t('options_profiles_intro')}</p>
      <ol class="profiles">
        {profiles.map((p, i) => {
          const editable = canEdit(settings, p);
          return (
            <li key={p.id} class={p.id === editing ? 'editing' : undefined}>
              <span class="name">
                <strong>{p.name}</strong> <span class="hint">{hostOf(p.baseUrl)}</span>
                {p.id === settings.activeProfileId && <span class="tag">{t('options_profile_active')}</span>}
                {p.managed && <span class="tag">{t('options_profile_managed')}</span>}
              </span>
              <span class="row">
                <button type="button" aria-label={t('options_profile_edit', p.name)} aria-pressed={p.id === editing} onClick={() => onEdit(p.id)}>
                  ✎
                </button>
                <button type="button" aria-label={t('options_profile_up', p.name)} disabled={i === 0} onClick={() => void updateSettings((s) => moveProfile(s, p.id, -1))}>
                  ↑
                </button>
                <button type="button" aria-label={t('options_profile_down', p.name)} disabled={i === last} onClick={() => void updateSettings((s) => moveProfile(s, p.id, 1))}>
                  ↓
                </button>
                {editable && (
                  <button type="button" class="danger" aria-label={t('options_profile_remove', p.name)} onClick={() => setRemoving(p)}>
                    ✕
                  </button>
                )}
              </span>
              {removing?.id === p.id && (
                <RemoveQuestion
                  profile={p}
                  onDone={(removed) => {
                    setRemoving(null);
                    if (!removed) return;
                    setStatus({ tone: 'ok', text: t('options_profile_removed', p.name) });
                    if (editing === p.id) onEdit(null);
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
      <StatusMessage status={status} />
      {canAdd(settings) && (
        <button type="button" aria-pressed={editing === null} onClick={() => onEdit(null)}>
          {t('options_profile_add')}
        </button>
      )}
    </section>
  );
}

/** "Remove X? You are signed out of it on its server first." Out of reach: remove anyway, knowingly. */
function RemoveQuestion({ profile, onDone }: { profile: ServerProfile; onDone(removed: boolean): void }) {
  const [offline, setOffline] = useState(false);
  const { busy, error, run } = useAction();
  async function remove(force: boolean) {
    const removed = await run(() =>
      sendMessage('removeProfile', { profileId: profile.id, force }).catch((e: unknown) => {
        setOffline(isTransient(e));
        throw e;
      }),
    );
    if (removed) onDone(true);
  }
  return (
    <ConfirmQuestion
      id={`remove-${profile.id}`}
      question={t('options_profile_remove_confirm', profile.name)}
      yes={t('options_profile_remove_yes')}
      onYes={() => void remove(false)}
      onCancel={() => onDone(false)}
      busy={busy}
      error={error}
      alternative={offline && { label: t('options_profile_remove_anyway'), onClick: () => void remove(true) }}
    />
  );
}
