import { browser } from 'wxt/browser';
import { removeTokenOnceRead, stepOnUpdate } from '../workspace/clean-address';

const HISTORY = { permissions: ['history' as const] };
/** How long the worker watches a tab for its load; a page slower than this keeps its address. */
const WATCH_MS = 60_000;
/** How long the page may take to read the token after its load. */
const READ_WAIT_MS = 10_000;

// `history` is optional: until it is granted the API is not there at all.
const historyApi = () => (browser as unknown as { history?: typeof browser.history }).history;

/** "Also delete the signed address from history": the optional `history` permission. */
export const historyCleaning = {
  granted: (): Promise<boolean> => browser.permissions.contains(HISTORY),
  /** Firefox prompts only during a user gesture: call it in the click, before any `await`. */
  request: (): Promise<boolean> => browser.permissions.request(HISTORY),
  drop: (): Promise<boolean> => browser.permissions.remove(HISTORY),
};

/**
 * Once tab `tabId` has loaded `signedUrl`, takes `accessToken` out of its address (scripting,
 * under the server's host permission; no content script), and, with `history` granted, deletes
 * the signed address from history. The listener lives as long as the worker does: a worker
 * stopped before the page loads leaves that one address as it is.
 */
export function cleanAddressOnceLoaded(tabId: number, signedUrl: string): void {
  const stop = () => {
    clearTimeout(timer);
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onRemoved.removeListener(onRemoved);
  };
  const onRemoved = (id: number) => id === tabId && stop();
  const onUpdated = (id: number, change: { status?: string }, tab: { url?: string }) => {
    if (id !== tabId) return;
    const step = stepOnUpdate(change.status, tab.url, signedUrl);
    if (step === 'wait') return;
    stop();
    if (step === 'clean') void clean(tabId, [signedUrl, tab.url!]);
  };
  const timer = setTimeout(stop, WATCH_MS);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onRemoved.addListener(onRemoved);
}

async function clean(tabId: number, signedUrls: string[]): Promise<void> {
  // A tab closed or navigated meanwhile refuses the script: nothing to clean there.
  await browser.scripting.executeScript({ target: { tabId }, func: removeTokenOnceRead, args: [READ_WAIT_MS] }).catch(() => {});
  const history = historyApi();
  if (!history || !(await historyCleaning.granted().catch(() => false))) return;
  for (const url of new Set(signedUrls)) await history.deleteUrl({ url }).catch(() => {});
}
