import { browser } from 'wxt/browser';

export interface MenuItem {
  id: string;
  title: string;
  contexts: ('page' | 'link' | 'selection' | 'action')[];
}

type Contexts = NonNullable<Parameters<typeof browser.contextMenus.create>[0]['contexts']>;

/** The toolbar button's own menu is `action` in MV3 and `browser_action` in Firefox's MV2. */
const ACTION_CONTEXT = import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action';

/**
 * Creates or updates each item. Update first, create only when the update says the item does
 * not exist: a restarted service worker then never fails with "duplicate id".
 */
export async function ensureMenuItems(items: readonly MenuItem[]): Promise<void> {
  for (const item of items) {
    const contexts = item.contexts.map((c) => (c === 'action' ? ACTION_CONTEXT : c)) as Contexts;
    try {
      await browser.contextMenus.update(item.id, { title: item.title, contexts });
    } catch {
      await new Promise<void>((resolve) => {
        browser.contextMenus.create({ id: item.id, title: item.title, contexts }, () => resolve());
      });
    }
  }
}

export function onMenuClick(listener: (menuItemId: string) => void): void {
  browser.contextMenus.onClicked.addListener((info) => listener(String(info.menuItemId)));
}
