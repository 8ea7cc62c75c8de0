import { readActions, type Action } from '../actions/action';
import type { Workspace } from './workspace';
import { sound, type Junk, type Read } from '../repair/junk';
import { cleanName } from './profile-name';

// Declared in a leaf module so that actions (which settings hold) can name it without a circle.
export type { Workspace };
export type OpenIn = 'new-tab' | 'current-tab' | 'reuse-tab';

// Records, so a value added to Workspace or OpenIn fails to compile until it is listed here.
const WORKSPACES: Record<Workspace, true> = { agent: true, admin: true };
const OPEN_IN: Record<OpenIn, true> = { 'new-tab': true, 'current-tab': true, 'reuse-tab': true };
const isKeyOf = <K extends string>(record: Record<K, true>, v: unknown): v is K => typeof v === 'string' && Object.hasOwn(record, v);
export const isWorkspace = (v: unknown): v is Workspace => isKeyOf(WORKSPACES, v);
export const isOpenIn = (v: unknown): v is OpenIn => isKeyOf(OPEN_IN, v);

/**
 * One server and account: a name, the server, and (stored apart, keyed by `id`) its own session,
 * remembered password and recent pages. Two profiles may share a server with different accounts.
 */
export interface ServerProfile {
  id: string;
  /** What the popup shows; unique among profiles, case aside (the address bar takes it as a word). */
  name: string;
  /** API and web apps, normalised (see normalizeServerUrl). */
  baseUrl: string;
  /** Optional separate bases for the docs' dev servers (9005 agent, 9004 admin). */
  agentUrl: string | null;
  adminUrl: string | null;
  /** Set by the organisation's policy (see policy.ts), not by the user. */
  managed: boolean;
}

/** What the organisation's policy decides, when one applies (null: no policy). */
export interface PolicyRules {
  /** Users may add profiles of their own beside the managed ones. */
  allowUserProfiles: boolean;
  /** Users may not edit, rename or remove the managed profiles. */
  lockManaged: boolean;
  /** The policy sets the default workspace: shown as set by the organisation, not editable. */
  defaultWorkspaceLocked: boolean;
}

export interface Settings {
  profiles: ServerProfile[];
  activeProfileId: string | null;
  openIn: OpenIn;
  defaultWorkspace: Workspace;
  policy: PolicyRules | null;
  /** Remove `accessToken` from the tab's address once the opened page has read it (opt-in). */
  cleanAddressBar: boolean;
  /** Actions on selected text, in the order the options page lists them. */
  actions: Action[];
}

export const DEFAULT_SETTINGS: Settings = {
  profiles: [],
  activeProfileId: null,
  openIn: 'new-tab',
  defaultWorkspace: 'agent',
  policy: null,
  cleanAddressBar: false,
  actions: [],
};

// The extension wrote these itself, so a small structural check does (zod is kept for what
// servers send): every page reads settings, and this keeps a schema library out of them.
/** A JSON object (not an array): its fields are read one by one. */
export const isFields = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUrl = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isOptionalUrl = (v: unknown): v is string | null => v === null || isUrl(v);

function readProfile(v: unknown): ServerProfile | null {
  if (!isFields(v) || typeof v.id !== 'string' || !isUrl(v.baseUrl)) return null;
  if (!isOptionalUrl(v.agentUrl) || !isOptionalUrl(v.adminUrl)) return null;
  // Profiles stored before names existed are called after their server.
  const name = (typeof v.name === 'string' && cleanName(v.name)) || hostOf(v.baseUrl);
  return { id: v.id, name, baseUrl: v.baseUrl, agentUrl: v.agentUrl, adminUrl: v.adminUrl, managed: v.managed === true };
}

function readPolicyRules(v: unknown): PolicyRules | null {
  if (!isFields(v)) return null;
  const flag = (key: keyof PolicyRules) => v[key] === true;
  return { allowUserProfiles: flag('allowUserProfiles'), lockManaged: flag('lockManaged'), defaultWorkspaceLocked: flag('defaultWorkspaceLocked') };
}

/** The host a profile is named after by default ("desk.example.com", "127.0.0.1:9003"). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Stored settings, each field on its own: a missing one (stored by an earlier version) takes its
 * default; an unreadable one takes it too and is reported as junk, and so is each profile or
 * action that cannot be read, which is left out while the others stay.
 */
export function readSettings(raw: unknown): Read<Settings> {
  if (raw === undefined || raw === null) return sound(DEFAULT_SETTINGS);
  if (!isFields(raw)) return { value: DEFAULT_SETTINGS, junk: [{ kind: 'setting' }] };
  const junk: Junk[] = [];
  const field = <T>(key: keyof Settings, read: (v: unknown) => v is T): T => {
    const v = raw[key];
    if (read(v)) return v;
    if (v !== undefined) junk.push({ kind: 'setting' });
    return DEFAULT_SETTINGS[key] as T;
  };
  const profiles: ServerProfile[] = [];
  for (const entry of field('profiles', Array.isArray) as unknown[]) {
    const profile = readProfile(entry);
    if (profile) profiles.push(profile);
    else junk.push({ kind: 'profile', ...droppedId(entry) });
  }
  const lostProfiles = junk.some((j) => j.kind === 'profile');
  let activeProfileId = field('activeProfileId', (v): v is string | null => v === null || typeof v === 'string');
  // The active profile was one of those left out: the first of the others stands in.
  if (lostProfiles && !profiles.some((p) => p.id === activeProfileId)) activeProfileId = profiles[0]?.id ?? null;
  const policy = raw.policy === undefined || raw.policy === null ? null : readPolicyRules(raw.policy);
  if (policy === null && raw.policy !== undefined && raw.policy !== null) junk.push({ kind: 'setting' });
  const storedActions = Array.isArray(raw.actions) ? raw.actions : [];
  const actions = readActions(raw.actions);
  if (raw.actions !== undefined && !Array.isArray(raw.actions)) junk.push({ kind: 'setting' });
  for (let i = actions.length; i < storedActions.length; i += 1) junk.push({ kind: 'action' });
  const value: Settings = {
    profiles,
    activeProfileId,
    openIn: field('openIn', isOpenIn),
    defaultWorkspace: field('defaultWorkspace', isWorkspace),
    policy,
    cleanAddressBar: field('cleanAddressBar', (v): v is boolean => typeof v === 'boolean'),
    actions,
  };
  // Ids of profiles left out that are still taken by one kept are no orphans: their items are the kept one's.
  return { value, junk: junk.map((j) => (j.profileId && profiles.some((p) => p.id === j.profileId) ? { kind: j.kind } : j)) };
}

/** The id of a profile entry that cannot be read, if that much can: its session is ended. */
const droppedId = (entry: unknown): { profileId?: string } =>
  isFields(entry) && typeof entry.id === 'string' && entry.id ? { profileId: entry.id } : {};

/** Stored settings, their unreadable parts left out (see readSettings). */
export const parseSettings = (raw: unknown): Settings => readSettings(raw).value;

export function activeProfile(settings: Settings): ServerProfile | null {
  return settings.profiles.find((p) => p.id === settings.activeProfileId) ?? null;
}
