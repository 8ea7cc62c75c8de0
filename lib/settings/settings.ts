import { readActions, type Action } from '../actions/action';
import type { Workspace } from './workspace';

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
  const name = typeof v.name === 'string' && v.name.trim() ? v.name : hostOf(v.baseUrl);
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

/** Stored settings, or the defaults where they are missing or of an unknown shape. */
export function parseSettings(raw: unknown): Settings {
  if (!isFields(raw) || !Array.isArray(raw.profiles)) return DEFAULT_SETTINGS;
  const profiles = raw.profiles.map(readProfile);
  const { activeProfileId, openIn, defaultWorkspace } = raw;
  if (profiles.includes(null) || !(activeProfileId === null || typeof activeProfileId === 'string')) return DEFAULT_SETTINGS;
  if (!isOpenIn(openIn) || !isWorkspace(defaultWorkspace)) return DEFAULT_SETTINGS;
  const policy = readPolicyRules(raw.policy);
  const cleanAddressBar = raw.cleanAddressBar === true;
  return { profiles: profiles as ServerProfile[], activeProfileId, openIn, defaultWorkspace, policy, cleanAddressBar, actions: readActions(raw.actions) };
}

export function activeProfile(settings: Settings): ServerProfile | null {
  return settings.profiles.find((p) => p.id === settings.activeProfileId) ?? null;
}
