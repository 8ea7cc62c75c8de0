import { DEFAULT_SETTINGS, type ServerProfile, type Settings } from '../../lib/settings/settings';

export const PROFILE: ServerProfile = {
  id: 'p1',
  name: 'Desk',
  baseUrl: 'https://desk.example.com',
  agentUrl: null,
  adminUrl: null,
  managed: false,
};

/** The docs' development setup: API on 9003, agent app on 9005, admin app on 9004. */
export const DEV_PROFILE: ServerProfile = {
  id: 'p2',
  name: 'Dev',
  baseUrl: 'http://127.0.0.1:9003',
  agentUrl: 'http://127.0.0.1:9005',
  adminUrl: 'http://127.0.0.1:9004',
  managed: false,
};

/** A profile of the user's own, with no app servers: the fields that matter to a test first. */
export const profileOf = (
  id: string,
  name: string,
  baseUrl = `https://${id}.example.com`,
  more: Partial<ServerProfile> = {},
): ServerProfile => ({ id, name, baseUrl, agentUrl: null, adminUrl: null, managed: false, ...more });

/** Settings holding `profiles`, the first one active unless `patch` says otherwise. */
export const settingsOf = (profiles: ServerProfile[], patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  profiles,
  activeProfileId: profiles[0]?.id ?? null,
  ...patch,
});
