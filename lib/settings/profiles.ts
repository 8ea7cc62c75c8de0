import type { ServerSettings } from './server-form';
import { cleanName } from './profile-name';
import { hostOf, type ServerProfile, type Settings } from './settings';

// Pure changes to the list of profiles. Each returns new settings; storage is save-settings' job.

export const profileById = (settings: Settings, id: string | null | undefined): ServerProfile | null =>
  settings.profiles.find((p) => p.id === id) ?? null;

const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The profile a word names ("staging", "Staging"), for the address bar's first word. */
export const profileByName = (settings: Settings, word: string): ServerProfile | null =>
  settings.profiles.find((p) => sameName(p.name, word)) ?? null;

/** `wanted` (without hidden characters), or `wanted 2`, `wanted 3`… when another profile has the name already. */
export function uniqueName(settings: Settings, wanted: string, exceptId?: string): string {
  const taken = (name: string) => settings.profiles.some((p) => p.id !== exceptId && sameName(p.name, name));
  const base = cleanName(wanted);
  let name = base;
  for (let n = 2; taken(name); n += 1) name = `${base} ${n}`;
  return name;
}

/** The user may change this profile (an organisation's locked profile: no). */
export const canEdit = (settings: Settings, profile: ServerProfile): boolean =>
  !(profile.managed && settings.policy?.lockManaged);

/** The user may add profiles of their own. */
export const canAdd = (settings: Settings): boolean => settings.policy?.allowUserProfiles !== false;

/**
 * A new profile, named after its server unless named, and made the active one. Where the
 * organisation's policy allows no profiles of the user's own, the settings stay as they are.
 */
export function addProfile(settings: Settings, server: ServerSettings, id: string, name?: string): Settings {
  if (!canAdd(settings)) return settings;
  const profile: ServerProfile = { ...server, id, name: uniqueName(settings, (name && cleanName(name)) || hostOf(server.baseUrl)), managed: false };
  return { ...settings, profiles: [...settings.profiles, profile], activeProfileId: id };
}

export function changeProfile(settings: Settings, id: string, change: Partial<Omit<ServerProfile, 'id' | 'managed'>>): Settings {
  const profiles = settings.profiles.map((p) => {
    if (p.id !== id || !canEdit(settings, p)) return p;
    const name = change.name === undefined ? p.name : uniqueName(settings, cleanName(change.name) || p.name, id);
    return { ...p, ...change, name };
  });
  return { ...settings, profiles };
}

/** Without the profile; the first remaining one becomes active if it was. */
export function removeProfile(settings: Settings, id: string): Settings {
  const profile = profileById(settings, id);
  if (!profile || !canEdit(settings, profile)) return settings;
  const profiles = settings.profiles.filter((p) => p.id !== id);
  const activeProfileId = settings.activeProfileId === id ? (profiles[0]?.id ?? null) : settings.activeProfileId;
  return { ...settings, profiles, activeProfileId };
}

/** One place up (-1) or down (+1). */
export function moveProfile(settings: Settings, id: string, by: -1 | 1): Settings {
  const from = settings.profiles.findIndex((p) => p.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= settings.profiles.length) return settings;
  const profiles = [...settings.profiles];
  [profiles[from], profiles[to]] = [profiles[to]!, profiles[from]!];
  return { ...settings, profiles };
}

export function setActiveProfile(settings: Settings, id: string): Settings {
  return profileById(settings, id) ? { ...settings, activeProfileId: id } : settings;
}
