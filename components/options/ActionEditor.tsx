import { useState } from 'preact/hooks';
import type { Action } from '../../lib/actions/action';
import { withAction } from '../../lib/actions/action-list';
import { fillTemplate } from '../../lib/actions/fill-template';
import { actionProblems, SAMPLE_SELECTION, type ActionProblem } from '../../lib/actions/validate-action';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { updateSettings } from '../../lib/settings/save-settings';
import { activeProfile, type Settings, type Workspace } from '../../lib/settings/settings';
import { workspaceUrl } from '../../lib/workspace/workspace-url';
import { ErrorText } from '../ErrorText';
import { TextField } from '../TextField';
import { RadioGroup } from './RadioGroup';

interface Props {
  /** null: a new action. */
  action: Action | null;
  settings: Settings;
  /** Saved (the action) or cancelled (null). */
  onDone(saved: Action | null): void;
}

const WORKSPACE_NAME = { agent: 'options_workspace_agent', admin: 'options_workspace_admin' } as const;

function problemText(problem: ActionProblem, draft: Omit<Action, 'id'>): string {
  switch (problem.reason) {
    case 'name-required':
      return t('actions_error_name_required');
    case 'name-taken':
      return t('actions_error_name_taken', draft.name.trim());
    case 'no-selection':
      return t('actions_error_no_selection');
    case 'leaves-workspace':
      return t('actions_error_leaves', t(WORKSPACE_NAME[draft.workspace]));
  }
}

/** The address the template opens for the sample, on the active profile's server when there is one. */
function preview(draft: Omit<Action, 'id'>, settings: Settings): string {
  const path = fillTemplate(draft.template.trim(), SAMPLE_SELECTION, draft.workspace);
  const profile = activeProfile(settings);
  return profile ? workspaceUrl(profile, draft.workspace, path).href : `/${path}`;
}

/** Name, workspace and template of one action, the URL it opens previewed as it is typed. */
export function ActionEditor({ action, settings, onDone }: Props) {
  const [draft, setDraft] = useState<Omit<Action, 'id'>>(action ?? { name: '', workspace: settings.defaultWorkspace, template: '' });
  // Field errors show once Save was tried (the template's own problem shows as it is typed).
  const [tried, setTried] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (patch: Partial<Omit<Action, 'id'>>) => setDraft((d) => ({ ...d, ...patch }));

  const problems = actionProblems(draft, settings.actions.filter((a) => a.id !== action?.id));
  const problemOf = (field: ActionProblem['field']) => {
    const problem = problems.find((p) => p.field === field);
    return problem && problemText(problem, draft);
  };
  const templateProblem = tried || draft.template.includes('{selection}') ? problemOf('template') : undefined;

  async function save(event: Event) {
    event.preventDefault();
    setTried(true);
    const saved: Action = { ...draft, id: action?.id ?? crypto.randomUUID() };
    let found = problems;
    try {
      // Checked again against what is stored now: another page may have added the same name.
      if (found.length === 0) await updateSettings((s) => ((found = withAction(s, saved).problems), withAction(s, saved).settings));
    } catch (failure) {
      return setError(errorMessage(failure));
    }
    if (found.length > 0) return setError(t('actions_not_saved', problemText(found[0]!, draft)));
    onDone({ ...saved, name: saved.name.trim() });
  }

  return (
    <form class="action-editor" aria-labelledby="action-editor-heading" onSubmit={(e) => void save(e)} onKeyDown={(e) => e.key === 'Escape' && onDone(null)} noValidate>
      <h3 id="action-editor-heading">{action ? t('actions_edit', action.name) : t('actions_add')}</h3>
      <TextField id="action-name" label={t('actions_name_label')} value={draft.name} onInput={(name) => change({ name })} error={tried ? problemOf('name') : undefined} required autoFocus />
      <RadioGroup<Workspace>
        name="action-workspace"
        legend={t('actions_workspace_legend')}
        value={draft.workspace}
        options={(['agent', 'admin'] as const).map((w) => ({ value: w, label: t(WORKSPACE_NAME[w]) }))}
        onChange={(workspace) => change({ workspace })}
      />
      <TextField
        id="action-template"
        label={t('actions_template_label')}
        value={draft.template}
        onInput={(template) => change({ template })}
        hint={t('actions_template_hint')}
        error={templateProblem}
        placeholder="ticket?search={selection}"
        required
      />
      {!problemOf('template') && (
        <p class="hint" id="action-preview">
          {t('actions_preview', [SAMPLE_SELECTION, preview(draft, settings)])}
        </p>
      )}
      <ErrorText text={error} />
      <div class="row">
        <button type="submit" class="primary">
          {t('actions_save')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('actions_cancel')}
        </button>
      </div>
    </form>
  );
}
