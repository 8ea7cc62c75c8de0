import { browser } from 'wxt/browser';

/** The address tab `tabId` shows, or is loading (Chrome's `pendingUrl`); null once it is gone. */
export async function tabAddress(tabId: number): Promise<string | null> {
  const tab = (await browser.tabs.get(tabId).catch(() => null)) as { url?: string; pendingUrl?: string } | null;
  return tab ? tab.pendingUrl || tab.url || null : null;
}

/** Sends tab `tabId` to `url`, in the background (it is not brought forward). */
export async function sendTab(tabId: number, url: string): Promise<void> {
  await browser.tabs.update(tabId, { url });
}
