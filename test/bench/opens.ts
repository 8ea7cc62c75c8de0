// Opens: how long until the tab exists, against a bare `chrome.tabs.create` of the same URL.
// - A shortcut, worker warm: timed inside the service worker with performance.now(), from
//   `commands.onCommand.dispatch(command)` (what the browser does on the keys) to
//   `tabs.onCreated`; the baseline is `tabs.create({ url })` to `tabs.onCreated` in that worker.
// - A click in the popup, worker stopped first: from the click event in the popup (capture
//   listener) to `tabs.onCreated` in another extension page (the observer), both on
//   `performance.timeOrigin + performance.now()`; the baseline is a button added to the same
//   popup page whose click calls `chrome.tabs.create({ url })` itself.
import type { Page, Worker } from 'playwright-core';
import { BASELINE_PAGE, type BenchBrowser } from './bench-browser.ts';
import { POPUP_VIEWPORT } from './page-loads.ts';
import { interleaved, type Paired, type Side } from './series.ts';

export interface OpenTiming {
  ms: number;
  /** The created tab's URL (its pending URL), token removed. */
  url: string;
}

interface CreatedTab {
  ms: number;
  tabId: number;
  url: string;
}

interface Tab {
  id?: number;
  url?: string;
  pendingUrl?: string;
}

/** The slice of the extension APIs called inside the browser (in `evaluate` callbacks). */
interface ChromeApi {
  commands: { onCommand: { dispatch(command: string, tab?: Tab): void } };
  tabs: {
    create(properties: { url: string }): Promise<Tab>;
    remove(tabId: number): Promise<void>;
    query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<Tab[]>;
    onCreated: { addListener(listener: (tab: Tab) => void): void; removeListener(listener: (tab: Tab) => void): void };
  };
}
declare const chrome: ChromeApi;

const TAB_TIMEOUT_MS = 10_000;

/** In the worker: starts the open (`command`, else a bare tabs.create of `url`), resolves at tabs.onCreated. */
function openAndAwaitTab(
  { command, url, timeoutMs }: { command: string | null; url: string; timeoutMs: number },
): Promise<CreatedTab> {
  return chrome.tabs.query({ active: true, lastFocusedWindow: true }).then(
    ([active]) =>
      new Promise<CreatedTab>((resolve, reject) => {
        const timer = setTimeout(() => {
          chrome.tabs.onCreated.removeListener(onCreated);
          reject(new Error(`no tab created within ${timeoutMs} ms`));
        }, timeoutMs);
        const onCreated = (tab: Tab) => {
          const ms = performance.now() - start;
          clearTimeout(timer);
          chrome.tabs.onCreated.removeListener(onCreated);
          resolve({ ms, tabId: tab.id ?? -1, url: tab.pendingUrl || tab.url || '' });
        };
        chrome.tabs.onCreated.addListener(onCreated);
        const start = performance.now();
        if (command) chrome.commands.onCommand.dispatch(command, active);
        else chrome.tabs.create({ url }).catch(reject);
      }),
  );
}

async function openInWorker(worker: Worker, command: string | null, url: string): Promise<CreatedTab> {
  const created = await worker.evaluate(openAndAwaitTab, { command, url, timeoutMs: TAB_TIMEOUT_MS });
  await worker.evaluate((id) => chrome.tabs.remove(id).catch(() => {}), created.tabId);
  return created;
}

/** The URL the shortcut opens, as it opened it: the baseline creates a tab of that very URL. */
export async function urlOpenedBy(browser: BenchBrowser, command: string): Promise<string> {
  return (await openInWorker(await browser.worker(), command, '')).url;
}

/** `command` dispatched in the warm worker against a bare tabs.create of `url`. */
export async function shortcutSeries(
  browser: BenchBrowser,
  command: string,
  url: string,
  counts: { runs: number; warmup: number },
): Promise<Paired<OpenTiming>> {
  return interleaved(counts, async (side) => {
    const worker = await browser.worker();
    const created = await openInWorker(worker, side === 'measured' ? command : null, url);
    await pause(50); // what follows the tab (recent paths, the landing page's request) settles
    return { ms: created.ms, url: withoutToken(created.url) };
  });
}

/**
 * A click on the popup's entry named by `entry` with the worker stopped, against the same
 * popup page's own tabs.create of `url` (from a click as well, worker stopped as well).
 */
export async function coldPopupSeries(
  browser: BenchBrowser,
  entry: RegExp,
  url: string,
  counts: { runs: number; warmup: number },
): Promise<Paired<OpenTiming>> {
  const observer = await browser.context.newPage();
  try {
    await observer.goto(`${browser.origin}/${BASELINE_PAGE}`);
    return await interleaved(counts, async (side) => {
      try {
        return await coldClick(browser, observer, { side, entry, url });
      } finally {
        await browser.closeOtherTabs([observer]);
      }
    });
  } finally {
    await observer.close().catch(() => {});
  }
}

const CLICK_CHANNEL = 'launchpad-bench-click';
const TAB_BUTTON = 'bench-tabs-create';

/** One cold click: on the popup's `entry` (measured), or on a button that opens `url` itself (baseline). */
async function coldClick(
  browser: BenchBrowser,
  observer: Page,
  { side, entry, url }: { side: Side; entry: RegExp; url: string },
): Promise<OpenTiming> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(`${browser.origin}/popup.html`);
  const option = popup.getByRole('option', { name: entry }).first();
  await option.waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error(`The signed-in popup shows no entry named ${String(entry)}`);
  });
  if (side === 'baseline') await popup.evaluate(addTabsCreateButton, { id: TAB_BUTTON, url });
  await pause(300); // the popup's own start-up messages are answered before the worker goes
  await browser.stopWorker();
  await observer.evaluate(armObserver, { channel: CLICK_CHANNEL, timeoutMs: TAB_TIMEOUT_MS });
  await popup.evaluate(stampNextClick, CLICK_CHANNEL);
  const target = side === 'measured' ? option : popup.locator(`#${TAB_BUTTON}`);
  // The popup closes itself once it has opened the page.
  await target.click({ timeout: 5_000 }).catch((error: unknown) => {
    if (!popup.isClosed()) throw error;
  });
  const created = await observer.evaluate(() => (window as unknown as ObserverWindow).benchArmed!);
  await observer.evaluate((id) => chrome.tabs.remove(id).catch(() => {}), created.tabId);
  return { ms: created.ms, url: withoutToken(created.url) };
}

interface ObserverWindow {
  benchArmed?: Promise<CreatedTab>;
}

/** In the observer page: the next click stamp (from the popup) and the next created tab. */
function armObserver({ channel, timeoutMs }: { channel: string; timeoutMs: number }): void {
  const now = () => performance.timeOrigin + performance.now();
  const armed = new Promise<CreatedTab>((resolve, reject) => {
    const clicks = new BroadcastChannel(channel);
    let clickAt: number | null = null;
    let tab: { at: number; tabId: number; url: string } | null = null;
    const finish = () => {
      clearTimeout(timer);
      clicks.close();
      chrome.tabs.onCreated.removeListener(onCreated);
    };
    const settle = () => {
      if (clickAt === null || tab === null) return;
      finish();
      resolve({ ms: tab.at - clickAt, tabId: tab.tabId, url: tab.url });
    };
    const onCreated = (created: Tab) => {
      tab ??= { at: now(), tabId: created.id ?? -1, url: created.pendingUrl || created.url || '' };
      settle();
    };
    clicks.onmessage = (event: MessageEvent<number>) => {
      clickAt ??= event.data;
      settle();
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no ${clickAt === null ? 'click' : 'tab'} seen within ${timeoutMs} ms`));
    }, timeoutMs);
    chrome.tabs.onCreated.addListener(onCreated);
  });
  armed.catch(() => {});
  (window as unknown as ObserverWindow).benchArmed = armed;
}

/** In the popup: the next click's time, sent to the observer. */
function stampNextClick(channel: string): void {
  const clicks = new BroadcastChannel(channel);
  addEventListener('click', () => clicks.postMessage(performance.timeOrigin + performance.now()), { capture: true, once: true });
}

/** In the popup: a button that opens `url` with the page's own chrome.tabs.create. */
function addTabsCreateButton({ id, url }: { id: string; url: string }): void {
  const button = document.createElement('button');
  button.id = id;
  button.type = 'button';
  button.textContent = 'tabs.create';
  button.addEventListener('click', () => void chrome.tabs.create({ url }));
  document.body.prepend(button);
}

function withoutToken(url: string): string {
  return url.replace(/([?&]accessToken=)[^&#]*/, '$1…');
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
