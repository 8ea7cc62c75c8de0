import { browser } from 'wxt/browser';

/** The popup's page in a small window of its own, for where no toolbar popup can be opened. */
export async function openPopupWindow(query: string): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`/popup.html${query}`),
    type: 'popup',
    width: 380,
    height: 560,
  });
}

/** The popup's page in tab `tabId`, in place of the page it showed. */
export async function openPopupInTab(tabId: number, query: string): Promise<void> {
  await browser.tabs.update(tabId, { url: browser.runtime.getURL(`/popup.html${query}`) });
}
