// Page loads, timed inside the page from its navigation start: "ready" when the first usable
// control (input, button, select, textarea) is in the DOM, seen by a MutationObserver installed
// before any of the page's scripts run; first contentful paint from the browser's paint timing.
// Each page is loaded in a new tab, alternating with the baseline page at the same viewport.
import type { Page } from 'playwright-core';
import { BASELINE_PAGE, type BenchBrowser } from './bench-browser.ts';
import { interleaved, type Paired } from './series.ts';

export interface Viewport {
  width: number;
  height: number;
}

/** The toolbar popup's size (its page is 360 px wide). */
export const POPUP_VIEWPORT: Viewport = { width: 360, height: 520 };
export const TAB_VIEWPORT: Viewport = { width: 1280, height: 720 };

export interface LoadTiming {
  readyMs: number;
  /** null when the browser reported no contentful paint within a few seconds. */
  fcpMs: number | null;
}

const READY_MARK = 'bench-ready';

/** Runs in every page before its own scripts (context init script): marks the first control. */
function markFirstControl(mark: string): void {
  if (location.protocol !== 'chrome-extension:') return;
  const observer = new MutationObserver(() => {
    if (!document.querySelector('body :is(input, button, select, textarea)')) return;
    performance.mark(mark);
    observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Call once per browser, before the first load. */
export async function installReadyMark(browser: BenchBrowser): Promise<void> {
  await browser.context.addInitScript(markFirstControl, READY_MARK);
}

function firstContentfulPaint(timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const entry = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    if (entry() !== null) return resolve(entry());
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(entry());
    };
    const observer = new PerformanceObserver(() => entry() !== null && finish());
    observer.observe({ type: 'paint', buffered: true });
    const timer = setTimeout(finish, timeoutMs);
  });
}

/** One load of an extension page in a new tab. */
export async function timeLoad(browser: BenchBrowser, path: string, viewport: Viewport): Promise<LoadTiming> {
  const page: Page = await browser.context.newPage();
  try {
    await page.setViewportSize(viewport);
    await page.goto(`${browser.origin}/${path}`, { timeout: 15_000 });
    const ready = await page
      .waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null, READY_MARK, { timeout: 10_000 })
      .catch(() => {
        throw new Error(`${path}: no input, button, select or textarea appeared within 10 s`);
      });
    const readyMs = (await ready.jsonValue()) as number;
    const fcpMs = await page.evaluate(firstContentfulPaint, 3_000);
    return { readyMs, fcpMs };
  } finally {
    await page.close().catch(() => {});
  }
}

/** Loads of `path` interleaved with loads of the baseline page at the same viewport. */
export function loadSeries(
  browser: BenchBrowser,
  path: string,
  viewport: Viewport,
  counts: { runs: number; warmup: number },
): Promise<Paired<LoadTiming>> {
  return interleaved(counts, (side) => timeLoad(browser, side === 'measured' ? path : BASELINE_PAGE, viewport));
}
