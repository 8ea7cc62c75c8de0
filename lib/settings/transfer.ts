import type { MessageKey } from '../browser/i18n';
import { cleanName } from './profile-name';
import { canAdd, canEdit, profileByName } from './profiles';
import { readServerUrl, serverOrigins } from './server-form';
import { originsOf, type ProfileOrigins } from '../token/session';
import { isFields, isOpenIn, isWorkspace, type ServerProfile, type Settings } from './settings';

// Settings carried to another browser: the user's own profiles and preferences, never a token or
// a password (those stay in their own stored items, which this module never reads).

export const EXPORT_FORMAT = 'bytedesk-launchpad-settings';
export const EXPORT_VERSION = 1;
export const EXPORT_FILE_NAME = 'bytedesk-launchpad-settings.json';
// A settings file is a few kB; anything far larger is something else chosen by mistake.
const MAX_FILE_CHARS = 1_000_000;

export type Preferences = Pick<Settings, 'openIn' | 'defaultWorkspace'>;

export interface ExportedProfile {
  name: string;
  serverUrl: string;
  agentUrl?: string;
  adminUrl?: string;
}

export interface SettingsFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  profiles: ExportedProfile[];
  preferences: Preferences;
}

/** A profile of a file, read and normalised like the options page's server form. */
export type ImportedProfile = Pick<ServerProfile, 'name' | 'baseUrl' | 'agentUrl' | 'adminUrl'>;
export type ProfileField = keyof ImportedProfile;

export interface ImportFile {
  profiles: ImportedProfile[];
  preferences: Partial<Preferences>;
}

export type ProblemCode =
  | 'not-json'
  | 'too-large'
  | 'wrong-format'
  | 'wrong-version'
  | 'no-profiles'
  | 'not-a-profile'
  | 'missing-name'
  | 'duplicate-name'
  | 'bad-url'
  | 'bad-preference';

export interface ImportProblem {
  /** `profile` counts from 1, as a person counts the file's profiles. */
  where: { profile?: number; field?: ProfileField | keyof Preferences | 'preferences' };
  code: ProblemCode;
  /** For bad-url: why, as a message key of the server form (translated on the page). */
  reason?: MessageKey;
}

export type ParsedImport = { ok: true; file: ImportFile } | { ok: false; problems: ImportProblem[] };

const sameName = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

/** The user's own profiles and the preferences: the organisation's profiles come from its policy. */
export function exportSettings(settings: Settings, now: Date = new Date()): SettingsFile {
  // Field by field, so nothing else a profile may hold one day is carried along unseen.
  const profiles = settings.profiles
    .filter((p) => !p.managed)
    .map(({ name, baseUrl, agentUrl, adminUrl }) => ({
      name,
      serverUrl: baseUrl,
      ...(agentUrl ? { agentUrl } : {}),
      ...(adminUrl ? { adminUrl } : {}),
    }));
  const { openIn, defaultWorkspace } = settings;
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), profiles, preferences: { openIn, defaultWorkspace } };
}

/** A chosen file read as settings, or every problem found in it (one per bad thing). */
export function parseImport(text: string): ParsedImport {
  if (text.length > MAX_FILE_CHARS) return refuse({ where: {}, code: 'too-large' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return refuse({ where: {}, code: 'not-json' });
  }
  if (!isFields(raw) || raw.format !== EXPORT_FORMAT) return refuse({ where: {}, code: 'wrong-format' });
  if (raw.version !== EXPORT_VERSION) return refuse({ where: {}, code: 'wrong-version' });
  if (!Array.isArray(raw.profiles)) return refuse({ where: {}, code: 'no-profiles' });

  const problems: ImportProblem[] = [];
  const profiles: ImportedProfile[] = [];
  raw.profiles.forEach((entry: unknown, index) => {
    const read = readProfile(entry, index + 1, profiles);
    if ('problems' in read) problems.push(...read.problems);
    else profiles.push(read.profile);
  });
  const preferences = readPreferences(raw.preferences, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, file: { profiles, preferences } };
}

const refuse = (problem: ImportProblem): ParsedImport => ({ ok: false, problems: [problem] });

function readProfile(
  entry: unknown,
  profile: number,
  earlier: ImportedProfile[],
): { profile: ImportedProfile } | { problems: ImportProblem[] } {
  if (!isFields(entry)) return { problems: [{ where: { profile }, code: 'not-a-profile' }] };
  const problems: ImportProblem[] = [];
  const name = typeof entry.name === 'string' ? cleanName(entry.name) : '';
  if (!name) problems.push({ where: { profile, field: 'name' }, code: 'missing-name' });
  else if (earlier.some((p) => sameName(p.name, name))) problems.push({ where: { profile, field: 'name' }, code: 'duplicate-name' });
  // The server form's own reading, its reason kept as a message key for the page to translate.
  const url = (field: 'baseUrl' | 'agentUrl' | 'adminUrl', value: unknown, app?: 'agent' | 'admin'): string | null => {
    const read =
      typeof value === 'string' || value == null
        ? readServerUrl(value ?? '', { required: field === 'baseUrl', app }, (key) => key)
        : { error: 'options_error_not_url' };
    if ('url' in read) return read.url;
    problems.push({ where: { profile, field }, code: 'bad-url', reason: read.error as MessageKey });
    return null;
  };
  const baseUrl = url('baseUrl', entry.serverUrl);
  const agentUrl = url('agentUrl', entry.agentUrl, 'agent');
  const adminUrl = url('adminUrl', entry.adminUrl, 'admin');
  if (problems.length > 0 || baseUrl === null) return { problems };
  return { profile: { name, baseUrl, agentUrl, adminUrl } };
}

function readPreferences(raw: unknown, problems: ImportProblem[]): Partial<Preferences> {
  if (raw === undefined) return {};
  if (!isFields(raw)) {
    problems.push({ where: { field: 'preferences' }, code: 'bad-preference' });
    return {};
  }
  const preferences: Partial<Preferences> = {};
  if (raw.openIn !== undefined) {
    if (isOpenIn(raw.openIn)) preferences.openIn = raw.openIn;
    else problems.push({ where: { field: 'openIn' }, code: 'bad-preference' });
  }
  if (raw.defaultWorkspace !== undefined) {
    if (isWorkspace(raw.defaultWorkspace)) preferences.defaultWorkspace = raw.defaultWorkspace;
    else problems.push({ where: { field: 'defaultWorkspace' }, code: 'bad-preference' });
  }
  return preferences;
}

export interface FieldChange {
  field: ProfileField;
  from: string | null;
  to: string | null;
}

export interface ProfileChange {
  id: string;
  /** The name it has now. */
  name: string;
  changes: FieldChange[];
  /** Its server or app addresses change: its session belongs to the old ones and ends. */
  endsSession: boolean;
  next: ImportedProfile;
}

export type Refusal = { what: 'managed-profile' | 'new-profile'; name: string } | { what: 'default-workspace' };

export type PreferenceChange = { [K in keyof Preferences]: { field: K; from: Preferences[K]; to: Preferences[K] } }[keyof Preferences];

/** What an import would do, shown before it is applied. */
export interface ImportPlan {
  add: ImportedProfile[];
  change: ProfileChange[];
  unchanged: string[];
  refused: Refusal[];
  preferences: PreferenceChange[];
}

const PROFILE_FIELDS: ProfileField[] = ['name', 'baseUrl', 'agentUrl', 'adminUrl'];

const sameOrigins = (a: ProfileOrigins, b: ProfileOrigins) => originsOf(a).join(' ') === originsOf(b).join(' ');

/** Profiles merged by name (case aside) into the stored ones; what the policy locks is left alone. */
export function planImport(settings: Settings, file: ImportFile): ImportPlan {
  const plan: ImportPlan = { add: [], change: [], unchanged: [], refused: [], preferences: [] };
  for (const incoming of file.profiles) {
    const current = profileByName(settings, incoming.name);
    if (!current) {
      if (canAdd(settings)) plan.add.push(incoming);
      else plan.refused.push({ what: 'new-profile', name: incoming.name });
      continue;
    }
    const changes = PROFILE_FIELDS.filter((field) => current[field] !== incoming[field]).map((field) => ({
      field,
      from: current[field],
      to: incoming[field],
    }));
    if (changes.length === 0) plan.unchanged.push(current.name);
    else if (!canEdit(settings, current)) plan.refused.push({ what: 'managed-profile', name: current.name });
    else plan.change.push({ id: current.id, name: current.name, changes, endsSession: !sameOrigins(current, incoming), next: incoming });
  }
  const { openIn, defaultWorkspace } = file.preferences;
  if (openIn && openIn !== settings.openIn) plan.preferences.push({ field: 'openIn', from: settings.openIn, to: openIn });
  if (defaultWorkspace && defaultWorkspace !== settings.defaultWorkspace) {
    if (settings.policy?.defaultWorkspaceLocked) plan.refused.push({ what: 'default-workspace' });
    else plan.preferences.push({ field: 'defaultWorkspace', from: settings.defaultWorkspace, to: defaultWorkspace });
  }
  return plan;
}

/** Whether applying the plan would change anything at all. */
export function changesAnything(plan: ImportPlan): boolean {
  return plan.add.length + plan.change.length + plan.preferences.length > 0;
}

/**
 * The settings after the import. A changed profile keeps its id (and so its recent pages and, when
 * its origins stay the same, its session); an added one gets a new id.
 */
export function applyImport(settings: Settings, plan: ImportPlan, newId: () => string = () => crypto.randomUUID()): Settings {
  const changed = new Map(plan.change.map((c) => [c.id, c.next]));
  const profiles = [
    ...settings.profiles.map((p) => ({ ...p, ...changed.get(p.id) })),
    ...plan.add.map((p) => ({ ...p, id: newId(), managed: false })),
  ];
  const preferences = Object.fromEntries(plan.preferences.map(({ field, to }) => [field, to]));
  // A browser with no profile yet starts on the first one imported.
  const active = profiles.some((p) => p.id === settings.activeProfileId) ? settings.activeProfileId : (profiles[0]?.id ?? null);
  return { ...settings, ...preferences, profiles, activeProfileId: active };
}

/** The origins host permission is needed for: every added or changed profile's servers. */
export function originsToGrant(plan: ImportPlan): string[] {
  const profiles = [...plan.add, ...plan.change.map((c) => c.next)];
  return [...new Set(profiles.flatMap((p) => serverOrigins(p)))];
}
