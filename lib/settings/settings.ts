export type Workspace = 'agent' | 'admin';
export type OpenIn = 'new-tab' | 'current-tab' | 'reuse-tab';

const WORKSPACES: readonly Workspace[] = ['agent', 'admin'];
const OPEN_IN: readonly OpenIn[] = ['new-tab', 'current-tab', 'reuse-tab'];

/** One Bytedesk server. Several are stored already, though the screens show one. */
export interface ServerProfile {
  id: string;
  /** API and web apps, normalised (see normalizeServerUrl). */
  baseUrl: string;
  /** Optional separate bases for the docs' dev servers (9005 agent, 9004 admin). */
  agentUrl: string | null;
  adminUrl: string | null;
}

export interface Settings {
  profiles: ServerProfile[];
  activeProfileId: string | null;
  openIn: OpenIn;
  defaultWorkspace: Workspace;
}

export const DEFAULT_SETTINGS: Settings = {
  profiles: [],
  activeProfileId: null,
  openIn: 'new-tab',
  defaultWorkspace: 'agent',
};

// The extension wrote these itself, so a small structural check does (zod is kept for what
// servers send): every page reads settings, and this keeps a schema library out of them.
type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isUrl = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isOptionalUrl = (v: unknown): v is string | null => v === null || isUrl(v);
const isOneOf = <T>(options: readonly T[], v: unknown): v is T => options.includes(v as T);

function readProfile(v: unknown): ServerProfile | null {
  if (!isFields(v) || typeof v.id !== 'string' || !isUrl(v.baseUrl)) return null;
  if (!isOptionalUrl(v.agentUrl) || !isOptionalUrl(v.adminUrl)) return null;
  return { id: v.id, baseUrl: v.baseUrl, agentUrl: v.agentUrl, adminUrl: v.adminUrl };
}

/** Stored settings, or the defaults where they are missing or of an unknown shape. */
export function parseSettings(raw: unknown): Settings {
  if (!isFields(raw) || !Array.isArray(raw.profiles)) return DEFAULT_SETTINGS;
  const profiles = raw.profiles.map(readProfile);
  const { activeProfileId, openIn, defaultWorkspace } = raw;
  if (profiles.includes(null) || !(activeProfileId === null || typeof activeProfileId === 'string')) return DEFAULT_SETTINGS;
  if (!isOneOf(OPEN_IN, openIn) || !isOneOf(WORKSPACES, defaultWorkspace)) return DEFAULT_SETTINGS;
  return { profiles: profiles as ServerProfile[], activeProfileId, openIn, defaultWorkspace };
}

export function activeProfile(settings: Settings): ServerProfile | null {
  return settings.profiles.find((p) => p.id === settings.activeProfileId) ?? null;
}

/** Sets the one profile the screens edit, keeping its id so a session stays attached to it. */
export function withServer(
  settings: Settings,
  server: Omit<ServerProfile, 'id'>,
  newId: () => string = () => crypto.randomUUID(),
): Settings {
  const current = activeProfile(settings);
  const profile = { ...server, id: current?.id ?? newId() };
  const profiles = current
    ? settings.profiles.map((p) => (p.id === current.id ? profile : p))
    : [...settings.profiles, profile];
  return { ...settings, profiles, activeProfileId: profile.id };
}
