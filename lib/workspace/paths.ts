import type { Workspace } from '../settings/settings';

/** The standard sign-in page of both web apps. */
export const LOGIN_PATH = 'auth/login';

/** Common pages of each web app, in the order the popup lists them. */
export const PRESET_PATHS: Record<Workspace, readonly string[]> = {
  agent: [LOGIN_PATH, 'chat', 'ticket'],
  admin: [LOGIN_PATH, 'welcome', 'dashboard'],
};
