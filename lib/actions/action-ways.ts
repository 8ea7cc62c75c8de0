import { t } from '../browser/i18n';
import type { MenuItem } from '../browser/context-menus';
import type { Settings } from '../settings/settings';
import type { OpenRequest } from '../workspace/open-workspace';
import type { Action } from './action';
import { fillTemplate } from './fill-template';

const ACTION_ITEM = 'action/';

/** One item per action, on a text selection only; Chrome and Firefox show the selection in place of `%s`. */
export function actionMenuItems(settings: Pick<Settings, 'actions'>): MenuItem[] {
  return settings.actions.map((action) => ({
    id: ACTION_ITEM + action.id,
    title: t('actions_menu_item', action.name),
    contexts: ['selection'],
  }));
}

/** What an action opens for `value`, on the active profile; throws `invalid-input` when that leaves the workspace. */
export function actionRequest(action: Action, value: string): OpenRequest {
  return { workspace: action.workspace, path: fillTemplate(action.template, value, action.workspace) };
}

/** The action a menu item stands for, if it is one and still exists. */
export function actionOfMenuItem(settings: Pick<Settings, 'actions'>, menuItemId: string): Action | undefined {
  if (!menuItemId.startsWith(ACTION_ITEM)) return undefined;
  const id = menuItemId.slice(ACTION_ITEM.length);
  return settings.actions.find((a) => a.id === id);
}
