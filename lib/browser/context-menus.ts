import { browser } from 'wxt/browser';
import { serialQueue } from '../util/serial';

export interface MenuItem {
  id: string;
  title: string;
  contexts: ('page' | 'link' | 'selection' | 'action')[];
  parentId?: string;
  type?: 'normal' | 'radio';
  checked?: boolean;
}

type Contexts = NonNullable<Parameters<typeof browser.contextMenus.create>[0]['contexts']>;

/** The toolbar button's own menu is `action` in MV3 and `browser_action` in Firefox's MV2. */
const ACTION_CONTEXT = import.meta.env.MANIFEST_VERSION === 2 ? 'browser_action' : 'action';

/**
 * The menu as `items`, whatever it held before (a profile removed takes its item along). One
 * rebuild at a time: two interleaved would create an id twice.
 */
const oneAtATime = serialQueue();
export const setMenuItems = (items: readonly MenuItem[]): Promise<void> => oneAtATime(async () => {
  await browser.contextMenus.removeAll();
  for (const { contexts, ...item } of items) {
    const where = contexts.map((c) => (c === 'action' ? ACTION_CONTEXT : c)) as Contexts;
    await new Promise<void>((resolve) => {
      // The callback reads lastError, so a refusal is never reported as unchecked.
      browser.contextMenus.create({ ...item, contexts: where }, () => resolve(void browser.runtime.lastError));
    });
  }
});

/** A click on an item; `selectionText` is the page's selected text when the item was shown for one. */
export function onMenuClick(listener: (menuItemId: string, selectionText?: string) => void): void {
  browser.contextMenus.onClicked.addListener((info) => listener(String(info.menuItemId), info.selectionText));
}
