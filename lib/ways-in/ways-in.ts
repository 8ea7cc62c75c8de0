import type { Action } from '../actions/action';
import { actionMenuItems, actionOfMenuItem, actionRequest } from '../actions/action-ways';
import { t } from '../browser/i18n';
import type { MenuItem } from '../browser/context-menus';
import { errorKindOf } from '../server/errors';
import { activeProfile, type Settings } from '../settings/settings';
import type { TokenLifecycle } from '../token/lifecycle';
import { openWorkspace, type OpenDeps, type OpenRequest } from '../workspace/open-workspace';
import type { Prompt } from './prompt';
import { SHORTCUT_REQUESTS } from './shortcuts';

const PROFILES_MENU_ID = 'profiles';
const PROFILE_ITEM = 'profile/';
const EVERYWHERE: MenuItem['contexts'] = ['page', 'link', 'selection', 'action'];

/**
 * The right-click menu: the ticket page everywhere, the rest on the toolbar button's menu. With
 * several profiles, a submenu names the active one and switches to another. No Sign out here: a
 * click would revoke at once, beside "Open agent chat"; the popup's account area asks first.
 */
export function menuItems(settings?: Settings): MenuItem[] {
  const items: MenuItem[] = [
    // First: on a selection, the actions are what the user came for.
    ...actionMenuItems({ actions: settings?.actions ?? [] }),
    { id: 'open-agent-ticket', title: t('menu_agent_ticket'), contexts: EVERYWHERE },
    { id: 'open-agent-chat', title: t('menu_agent_chat'), contexts: ['action'] },
    { id: 'open-admin-dashboard', title: t('menu_admin_dashboard'), contexts: ['action'] },
  ];
  if (!settings || settings.profiles.length < 2) return items;
  const { profiles } = settings;
  const active = activeProfile(settings) ?? profiles[0]!;
  return [
    ...items,
    { id: PROFILES_MENU_ID, title: t('menu_profiles', active.name), contexts: EVERYWHERE },
    ...profiles.map((p): MenuItem => ({
      id: PROFILE_ITEM + p.id,
      title: p.name,
      contexts: EVERYWHERE,
      parentId: PROFILES_MENU_ID,
      type: 'radio',
      checked: p.id === active.id,
    })),
  ];
}

export interface WaysInDeps extends OpenDeps {
  lifecycleFor(profileId: string): Pick<TokenLifecycle, 'liveSession'>;
  prompt(prompt: Prompt): Promise<void>;
  /** Makes a profile the active one (the menu's profile items). */
  activate(profileId: string): Promise<void>;
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

/** An action with its value, like any way in; a value that cannot go into its path says so instead. */
export async function openActionOrPrompt(action: Action, value: string, deps: WaysInDeps, more: Partial<OpenRequest> = {}): Promise<void> {
  let request: OpenRequest;
  try {
    request = actionRequest(action, value);
  } catch (error) {
    return deps.prompt({ reason: errorKindOf(error) ?? 'invalid-input' });
  }
  return openOrPrompt({ ...request, ...more }, deps);
}

/** A shortcut or menu item by id; an action's item fills its template with `selection`. */
export async function runWayIn(id: string, deps: WaysInDeps, selection = ''): Promise<void> {
  const request = SHORTCUT_REQUESTS[id];
  if (request) return openOrPrompt(request, deps);
  const action = actionOfMenuItem(await deps.settings(), id);
  if (action) return openActionOrPrompt(action, selection, deps);
  if (id.startsWith(PROFILE_ITEM)) return deps.activate(id.slice(PROFILE_ITEM.length));
}
