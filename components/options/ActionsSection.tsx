import { useState } from 'preact/hooks';
import type { Action } from '../../lib/actions/action';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { updateSettings } from '../../lib/settings/save-settings';
import type { Settings } from '../../lib/settings/settings';
import { StatusMessage, type Status } from '../StatusMessage';

type Editor = typeof import('./ActionEditor').ActionEditor;

const WORKSPACE_NAME = { agent: 'options_workspace_agent', admin: 'options_workspace_admin' } as const;

/** Actions on selected text: the list, and one editor at a time (an action, or a new one). */
export function ActionsSection({ settings }: { settings: Settings }) {
  // The action being edited; null: a new one; undefined: no editor open.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [status, setStatus] = useState<Status | null>(null);
  // The editor (its checks and preview) loads on first use: most visits never edit an action.
  const [ActionEditor, setEditor] = useState<Editor | null>(null);
  const { actions } = settings;
  const edited = editing ? actions.find((a) => a.id === editing) : undefined;

  async function remove(action: Action) {
    try {
      await updateSettings((s) => ({ ...s, actions: s.actions.filter((a) => a.id !== action.id) }));
      if (editing === action.id) setEditing(undefined);
      setStatus({ tone: 'ok', text: t('actions_removed', action.name) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  function edit(id: string | null) {
    setStatus(null);
    import('./ActionEditor').then(
      (module) => {
        setEditor(() => module.ActionEditor);
        setEditing(id);
      },
      (error: unknown) => setStatus({ tone: 'error', text: errorMessage(error) }),
    );
  }

  return (
    <section class="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions_heading')}</h2>
      <p class="intro">{t('actions_intro')}</p>
      {actions.length === 0 ? (
        <p class="hint">{t('actions_none')}</p>
      ) : (
        <ol class="profiles actions">
          {actions.map((a) => (
            <li key={a.id} class={a.id === editing ? 'editing' : undefined}>
              <span class="name">
                <strong>{a.name}</strong> <span class="tag">{t(WORKSPACE_NAME[a.workspace])}</span> <code class="hint">{a.template}</code>
              </span>
              <span class="row">
                <button type="button" aria-label={t('actions_edit', a.name)} aria-pressed={a.id === editing} onClick={() => edit(a.id)}>
                  ✎
                </button>
                <button type="button" class="danger" aria-label={t('actions_remove', a.name)} onClick={() => void remove(a)}>
                  ✕
                </button>
              </span>
            </li>
          ))}
        </ol>
      )}
      {ActionEditor && editing !== undefined && (editing === null || edited) ? (
        <ActionEditor
          // A fresh form for each action: no field of one left in another.
          key={editing ?? 'new'}
          action={edited ?? null}
          settings={settings}
          onDone={(saved) => {
            setEditing(undefined);
            if (saved) setStatus({ tone: 'ok', text: t('actions_saved', saved.name) });
          }}
        />
      ) : (
        <button type="button" onClick={() => edit(null)}>
          {t('actions_add')}
        </button>
      )}
      <StatusMessage status={status} />
    </section>
  );
}
