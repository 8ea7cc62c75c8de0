import type { OpenRequest } from '../workspace/open-workspace';

/** The manifest's commands (see wxt.config.ts) and what each opens. */
export const SHORTCUT_REQUESTS: Record<string, OpenRequest> = {
  'open-agent-ticket': { workspace: 'agent', path: 'ticket' },
  'open-agent-chat': { workspace: 'agent', path: 'chat' },
  // The admin console's dashboard (仪表盘) is /welcome: /admin/dashboard is its 404 page.
  'open-admin-dashboard': { workspace: 'admin', path: 'welcome' },
};
