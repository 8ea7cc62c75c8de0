import { browser } from 'wxt/browser';
import type { OpenIn } from '../settings/settings';

export interface TabOpener {
  /**
   * Opens `url`; `reuseUnder` is the workspace root whose open tab `reuse-tab` navigates.
   * Resolves the tab's id where the browser gives one (the clean address bar watches that tab).
   */
  open(url: string, target: OpenIn, reuseUnder: string): Promise<number | void>;
}

/**
 * The `tabs.query` match pattern for tabs under `root`, without its port: Firefox refuses a
 * pattern with a port (the query then finds nothing), and Chrome reads a port-less one as any port.
 */
export function tabPatternUnder(root: string): string {
  const { protocol, hostname, pathname } = new URL(root);
  return `${protocol}//${hostname}${pathname}*`;
}

/** The first tab whose address is under `root`, port included, which the pattern could not say. */
export function tabUnder<T extends { url?: string }>(tabs: readonly T[], root: string): T | undefined {
  return tabs.find((tab) => tab.url?.startsWith(root));
}

export const tabOpener: TabOpener = {
  async open(url, target, reuseUnder) {
    if (target === 'current-tab') {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      if (tab?.id !== undefined) return (await browser.tabs.update(tab.id, { url }))?.id ?? tab.id;
    }
    if (target === 'reuse-tab') {
      // Needs host permission for the server, which the user granted with the server URL.
      const tabs = await browser.tabs.query({ url: tabPatternUnder(reuseUnder) }).catch(() => []);
      const tab = tabUnder(tabs, reuseUnder);
      if (tab?.id !== undefined) {
        await browser.tabs.update(tab.id, { url, active: true });
        if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
        return tab.id;
      }
    }
    return (await browser.tabs.create({ url })).id;
  },
};
