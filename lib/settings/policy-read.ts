import { cleanName } from './profile-name';
import { normalizeServerUrl } from './server-url';
import { isFields, isWorkspace, type Workspace } from './settings';

/** One profile the organisation sets, its addresses normalised. */
export interface PolicyProfile {
  name: string;
  baseUrl: string;
  agentUrl: string | null;
  adminUrl: string | null;
}

/** A valid policy, the schema's defaults filled in (see public/managed_schema.json). */
export interface Policy {
  /** Empty when the policy sets no profiles. */
  profiles: PolicyProfile[];
  /** null: the policy leaves the default workspace to the user. */
  defaultWorkspace: Workspace | null;
  allowUserProfiles: boolean;
  lockManagedProfiles: boolean;
}

export type PolicyProblemCode =
  | 'missing'
  | 'empty'
  | 'wrong-type'
  | 'not-a-url'
  | 'duplicate-name'
  | 'unknown-workspace'
  | 'no-profiles'
  | 'unknown-setting';

/** What is wrong and where, as a path into the policy ("profiles[1].serverUrl"); put in words by the page. */
export interface PolicyProblem {
  path: string;
  code: PolicyProblemCode;
}

export type PolicyReading =
  | { kind: 'none' }
  | { kind: 'valid'; policy: Policy }
  | { kind: 'invalid'; problems: PolicyProblem[] };

type Fields = Record<string, unknown>;

const SETTINGS = ['profiles', 'defaultWorkspace', 'allowUserProfiles', 'lockManagedProfiles'];
const PROFILE_FIELDS = ['name', 'serverUrl', 'agentUrl', 'adminUrl'];

/**
 * Reads what `storage.managed` holds. Everything is checked, not only what Chrome's schema can
 * say (Firefox checks nothing): one problem anywhere makes the whole policy invalid, so a typo
 * never half-applies.
 */
export function readPolicy(raw: unknown): PolicyReading {
  if (raw === undefined || raw === null || (isFields(raw) && Object.keys(raw).length === 0)) return { kind: 'none' };
  if (!isFields(raw)) return { kind: 'invalid', problems: [{ path: '', code: 'wrong-type' }] };
  const problems: PolicyProblem[] = unknownKeys(raw, SETTINGS, '');
  const problem = (path: string, code: PolicyProblemCode) => void problems.push({ path, code });

  const profiles = readProfiles(raw.profiles, problem);
  const flag = (key: string) => {
    const value = raw[key] ?? true; // both default to true in the schema
    if (typeof value !== 'boolean') problem(key, 'wrong-type');
    return value === true;
  };
  const allowUserProfiles = flag('allowUserProfiles');
  const lockManagedProfiles = flag('lockManagedProfiles');
  const workspace = raw.defaultWorkspace ?? null;
  if (workspace !== null && typeof workspace !== 'string') problem('defaultWorkspace', 'wrong-type');
  else if (workspace !== null && !isWorkspace(workspace)) problem('defaultWorkspace', 'unknown-workspace');

  if (problems.length > 0) return { kind: 'invalid', problems };
  const defaultWorkspace = workspace as Workspace | null;
  return { kind: 'valid', policy: { profiles, defaultWorkspace, allowUserProfiles, lockManagedProfiles } };
}

type Report = (path: string, code: PolicyProblemCode) => void;

function readProfiles(value: unknown, problem: Report): PolicyProfile[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return problem('profiles', 'wrong-type'), [];
  if (value.length === 0) problem('profiles', 'no-profiles');
  const profiles = value.map((entry, i) => readProfile(entry, `profiles[${i}]`, problem));
  // Names are unique case aside (the address bar takes a profile's name as a word), checked on
  // every entry with a name, so a clash shows beside the entry's other problems.
  const seen = new Set<string>();
  value.forEach((entry: unknown, i) => {
    const name = isFields(entry) && typeof entry.name === 'string' ? cleanName(entry.name).toLowerCase() : '';
    if (name && seen.has(name)) problem(`profiles[${i}].name`, 'duplicate-name');
    seen.add(name);
  });
  return profiles.filter((p): p is PolicyProfile => p !== null);
}

function readProfile(entry: unknown, at: string, report: Report): PolicyProfile | null {
  if (!isFields(entry)) return report(at, 'wrong-type'), null;
  const problems = unknownKeys(entry, PROFILE_FIELDS, `${at}.`);
  const problem: Report = (path, code) => void problems.push({ path, code });
  const name = typeof entry.name === 'string' ? cleanName(entry.name) : entry.name;
  if (name === undefined) problem(`${at}.name`, 'missing');
  else if (typeof name !== 'string') problem(`${at}.name`, 'wrong-type');
  else if (!name) problem(`${at}.name`, 'empty');
  const url = (field: string, required: boolean, app?: 'agent' | 'admin'): string | null => {
    const value = entry[field];
    const path = `${at}.${field}`;
    if (value === undefined || value === null) return required && problem(path, 'missing'), null;
    if (typeof value !== 'string') return problem(path, 'wrong-type'), null;
    if (!value.trim()) return problem(path, required ? 'empty' : 'not-a-url'), null;
    try {
      return normalizeServerUrl(value, app);
    } catch {
      return problem(path, 'not-a-url'), null;
    }
  };
  const baseUrl = url('serverUrl', true);
  const agentUrl = url('agentUrl', false, 'agent');
  const adminUrl = url('adminUrl', false, 'admin');
  problems.forEach(({ path, code }) => report(path, code));
  if (problems.length > 0 || typeof name !== 'string' || baseUrl === null) return null;
  return { name, baseUrl, agentUrl, adminUrl };
}

function unknownKeys(fields: Fields, known: string[], prefix: string): PolicyProblem[] {
  return Object.keys(fields)
    .filter((key) => !known.includes(key))
    .map((key) => ({ path: `${prefix}${key}`, code: 'unknown-setting' }));
}
