import { t, type MessageKey } from '../../lib/browser/i18n';
import type { OpenIn, Workspace } from '../../lib/settings/settings';
import type { ImportPlan, ImportProblem, Preferences, ProfileField } from '../../lib/settings/transfer';
import { pluralForm } from '../../lib/users/plural';

// An import's preview, problems and outcome in words, one line each.

type Translate = typeof t;

const FIELDS: Record<ProfileField, MessageKey> = {
  name: 'transfer_field_name',
  baseUrl: 'transfer_field_server',
  agentUrl: 'transfer_field_agent',
  adminUrl: 'transfer_field_admin',
};
const PREFERENCES: Record<keyof Preferences | 'preferences', MessageKey> = {
  openIn: 'options_open_in_legend',
  defaultWorkspace: 'options_default_workspace_legend',
  preferences: 'transfer_preferences',
};
const VALUES: Record<OpenIn | Workspace, MessageKey> = {
  'new-tab': 'options_open_in_new_tab',
  'current-tab': 'options_open_in_current_tab',
  'reuse-tab': 'options_open_in_reuse_tab',
  agent: 'options_workspace_agent',
  admin: 'options_workspace_admin',
};

/** "Add: Staging (https://…)", "Change: Production — server a → b", "Unchanged: …", "Not changed: …". */
export function planLines(plan: ImportPlan, translate: Translate = t): string[] {
  const value = (v: string | null) => v ?? translate('transfer_none');
  return [
    ...plan.add.map((p) => translate('transfer_add', [p.name, p.baseUrl])),
    ...plan.change.map(({ name, changes, endsSession }) => {
      const what = changes.map(({ field, from, to }) => translate('transfer_change_field', [translate(FIELDS[field]), value(from), value(to)]));
      const line = translate('transfer_change', [name, what.join('; ')]);
      return endsSession ? `${line} ${translate('transfer_change_signs_out')}` : line;
    }),
    ...plan.preferences.map(({ field, from, to }) =>
      translate('transfer_change', [translate(PREFERENCES[field]), `${translate(VALUES[from])} → ${translate(VALUES[to])}`]),
    ),
    ...plan.unchanged.map((name) => translate('transfer_unchanged', name)),
    ...plan.refused.map((refusal) =>
      refusal.what === 'new-profile'
        ? translate('transfer_refused_new', refusal.name)
        : translate('transfer_refused_managed', refusal.what === 'managed-profile' ? refusal.name : translate('options_default_workspace_legend')),
    ),
  ];
}

const WHOLE_FILE: Partial<Record<ImportProblem['code'], MessageKey>> = {
  'not-json': 'transfer_problem_not_json',
  'too-large': 'transfer_problem_too_large',
  'wrong-format': 'transfer_problem_wrong_format',
  'wrong-version': 'transfer_problem_wrong_version',
  'no-profiles': 'transfer_problem_no_profiles',
};
const OF_PROFILE: Partial<Record<ImportProblem['code'], MessageKey>> = {
  'not-a-profile': 'transfer_problem_not_a_profile',
  'missing-name': 'transfer_problem_missing_name',
  'duplicate-name': 'transfer_problem_duplicate_name',
};

/** One problem of a file: which profile and field, and what is wrong with it. */
export function problemLine({ where, code, reason }: ImportProblem, translate: Translate = t): string {
  const number = String(where.profile ?? '');
  const whole = WHOLE_FILE[code];
  if (whole) return translate(whole);
  const ofProfile = OF_PROFILE[code];
  if (ofProfile) return translate(ofProfile, number);
  if (code === 'bad-url') {
    const field = translate(FIELDS[where.field as ProfileField] ?? 'transfer_field_server');
    return translate('transfer_problem_bad_url', [number, field, translate(reason ?? 'options_error_url')]);
  }
  const preference = PREFERENCES[where.field as keyof typeof PREFERENCES] ?? 'transfer_preferences';
  return translate('transfer_problem_bad_preference', translate(preference));
}

/** What an applied import did: "Imported: 1 profile added, 1 changed. Preferences updated." */
export function doneText(plan: ImportPlan, translate: Translate = t): string {
  const added = plan.add.length;
  const profiles = pluralForm(added, translate('page_language')) === 'one'
    ? translate('transfer_profiles_one')
    : translate('transfer_profiles', String(added));
  const parts = [
    ...(added + plan.change.length > 0 ? [translate('transfer_done', [profiles, String(plan.change.length)])] : []),
    ...(plan.preferences.length > 0 ? [translate('transfer_done_preferences')] : []),
  ];
  return parts.length > 0 ? parts.join(' ') : translate('transfer_nothing');
}
