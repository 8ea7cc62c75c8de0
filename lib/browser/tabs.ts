import { browser } from 'wxt/browser';
import type { OpenIn } from '../settings/settings';

export interface TabOpener {
  /** Opens `url`; `reuseUnder` is the workspace root whose open tab `reuse-tab` navigates. */
  open(url: string, target: OpenIn, reuseUnder: string): Promise<void>;
}

export const tabOpener: TabOpener = {
  async open(url, target, reuseUnder) {
    if (target === 'current-tab') {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) return void (await browser.tabs.update(tab.id, { url }));
    }
    if (target === 'reuse-tab') {
      // Needs host permission for the server, which the user granted with the server URL.
      const [tab] = await browser.tabs.query({ url: `${reuseUnder}*` }).catch(() => []);
      if (tab?.id !== undefined) {
        await browser.tabs.update(tab.id, { url, active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        return;
      }
    }
    await browser.tabs.create({ url });
  },
};
