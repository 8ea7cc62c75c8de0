import * as z from 'zod/mini';

export type Workspace = 'agent' | 'admin';
export type OpenIn = 'new-tab' | 'current-tab' | 'reuse-tab';

const url = z.string().check(z.minLength(1));

/** One Bytedesk server. Several are stored already, though the screens show one. */
const profileSchema = z.object({
  id: z.string(),
  /** API and web apps, normalised (see normalizeServerUrl). */
  baseUrl: url,
  /** Optional separate bases for the docs' dev servers (9005 agent, 9004 admin). */
  agentUrl: z.nullable(url),
  adminUrl: z.nullable(url),
});
export type ServerProfile = z.infer<typeof profileSchema>;

export const settingsSchema = z.object({
  profiles: z.array(profileSchema),
  activeProfileId: z.nullable(z.string()),
  openIn: z.enum(['new-tab', 'current-tab', 'reuse-tab']),
  defaultWorkspace: z.enum(['agent', 'admin']),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  profiles: [],
  activeProfileId: null,
  openIn: 'new-tab',
  defaultWorkspace: 'agent',
};

/** Stored settings, or the defaults where they are missing or of an unknown shape. */
export function parseSettings(raw: unknown): Settings {
  const parsed = settingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : DEFAULT_SETTINGS;
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
