import { t } from '../browser/i18n';
import type { MenuItem } from '../browser/context-menus';
import { errorKindOf } from '../server/errors';
import type { TokenLifecycle } from '../token/lifecycle';
import { openWorkspace, type OpenDeps, type OpenRequest } from '../workspace/open-workspace';
import type { Prompt } from './prompt';
import { SHORTCUT_REQUESTS } from './shortcuts';

export const REVOKE_MENU_ID = 'revoke';

/** The right-click menu: the ticket page everywhere, the rest on the toolbar button's menu. */
export function menuItems(): MenuItem[] {
  return [
    { id: 'open-agent-ticket', title: t('menu_agent_ticket'), contexts: ['page', 'link', 'selection', 'action'] },
    { id: 'open-agent-chat', title: t('menu_agent_chat'), contexts: ['action'] },
    { id: 'open-admin-dashboard', title: t('menu_admin_dashboard'), contexts: ['action'] },
    { id: REVOKE_MENU_ID, title: t('menu_revoke'), contexts: ['action'] },
  ];
}

export interface WaysInDeps extends OpenDeps {
  lifecycle: OpenDeps['lifecycle'] & Pick<TokenLifecycle, 'revoke'>;
  prompt(prompt: Prompt): Promise<void>;
}

/**
 * Opens a page for a shortcut or menu item. Any failure (signed out, server down) shows the
 * prompt instead: never a page with a token that does not work, never silence.
 */
export async function openOrPrompt(request: OpenRequest, deps: WaysInDeps): Promise<void> {
  try {
    await openWorkspace(request, deps);
  } catch (error) {
    await deps.prompt({ reason: errorKindOf(error) ?? 'signed-out', request });
  }
}

/** A shortcut or menu item by id. */
export async function runWayIn(id: string, deps: WaysInDeps): Promise<void> {
  const request = SHORTCUT_REQUESTS[id];
  if (request) return openOrPrompt(request, deps);
  if (id === REVOKE_MENU_ID) {
    await deps.lifecycle.revoke().catch((error: unknown) => deps.prompt({ reason: errorKindOf(error) ?? 'unreachable' }));
  }
}
