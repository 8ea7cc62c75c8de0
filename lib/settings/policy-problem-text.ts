import { t, type MessageKey } from '../browser/i18n';
import type { PolicyProblem, PolicyProblemCode } from './policy-read';

type Translate = typeof t;

const CODES: Record<PolicyProblemCode, MessageKey> = {
  missing: 'policy_code_missing',
  empty: 'policy_code_empty',
  'wrong-type': 'policy_code_wrong_type',
  'not-a-url': 'policy_code_not_a_url',
  'duplicate-name': 'policy_code_duplicate_name',
  'unknown-workspace': 'policy_code_unknown_workspace',
  'no-profiles': 'policy_code_no_profiles',
  'unknown-setting': 'policy_code_unknown_setting',
};

const FIELDS: Record<string, MessageKey> = {
  name: 'policy_field_name',
  serverUrl: 'policy_field_server_url',
  agentUrl: 'policy_field_agent_url',
  adminUrl: 'policy_field_admin_url',
  defaultWorkspace: 'policy_field_default_workspace',
  profiles: 'policy_field_profiles',
  '': 'policy_field_whole',
};

/** A problem in words: "Profile 2: the server address is not a web address (…)". */
export function policyProblemText({ path, code }: PolicyProblem, translate: Translate = t): string {
  const [, index, rest] = /^profiles\[(\d+)\](?:\.(.*))?$/.exec(path) ?? [];
  const where =
    index === undefined ? translate('policy_where_policy') : translate('policy_where_profile', String(Number(index) + 1));
  const key = index === undefined ? path : (rest ?? null);
  // An unknown key is named as written, so the administrator finds the typo.
  const field =
    key === null
      ? translate('policy_field_entry')
      : code !== 'unknown-setting' && key in FIELDS
        ? translate(FIELDS[key]!)
        : translate('policy_field_setting', key);
  return translate('policy_problem_line', [where, translate(CODES[code], field)]);
}
