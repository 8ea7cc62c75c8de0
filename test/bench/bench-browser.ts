// The browser the benchmark drives: a copy of the production build in which the loopback server
// is granted up front (as in the e2e build, whose JSX is compiled in development mode and so is
// not what users run) and a one-button page is added as the baseline, loaded in Debian's
// Chromium with a fresh profile.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, chromiumExecutable, liveWorker } from '../e2e/harness.ts';

/** The baseline page: popup.html's own head, and one module script that adds one button. */
export const BASELINE_PAGE = 'bench-baseline.html';
const BASELINE_SCRIPT = 'chunks/bench-baseline.js';
const BASELINE_SOURCE = `const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Open';
(document.getElementById('root') ?? document.body).append(button);
`;
const LOOPBACK = ['http://127.0.0.1/*', 'http://localhost/*'];

/** The slice of the extension APIs called inside the browser (in `evaluate` callbacks). */
interface ChromeApi {
  runtime: { sendMessage(message: unknown, callback: (response: unknown) => void): void; lastError?: { message?: string } };
}
declare const chrome: ChromeApi;

/** A copy of `buildDir` with the loopback host permission and the baseline page; the caller removes it. */
export function benchCopyOf(buildDir: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'launchpad-bench-ext-'));
  cpSync(buildDir, dir, { recursive: true });
  grantLoopback(dir);
  addBaselinePage(dir);
  return dir;
}

function grantLoopback(dir: string): void {
  const file = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...LOOPBACK])];
  writeFileSync(file, JSON.stringify(manifest));
}

function addBaselinePage(dir: string): void {
  const popup = readFileSync(join(dir, 'popup.html'), 'utf8');
  const bare = popup
    .replace(/<script\b[^>]*>\s*<\/script>\s*/gi, '')
    .replace(/<link\b[^>]*\brel=["']?(?:modulepreload|stylesheet)\b[^>]*>\s*/gi, '');
  const html = bare.replace('</head>', `  <script type="module" crossorigin src="/${BASELINE_SCRIPT}"></script>\n  </head>`);
  if (html === bare) throw new Error('popup.html has no </head>: cannot derive the baseline page from it');
  writeFileSync(join(dir, BASELINE_PAGE), html);
  writeFileSync(join(dir, BASELINE_SCRIPT), BASELINE_SOURCE);
}

export interface BenchBrowser {
  context: BrowserContext;
  /** `chrome-extension://<id>` */
  origin: string;
  /** A blank tab kept open all along: the DevTools protocol session lives there. */
  control: Page;
  /** The background's service worker now, woken if it was stopped. */
  worker(): Promise<Worker>;
  /** Stops the background's service worker (DevTools protocol), resolved once it has stopped. */
  stopWorker(): Promise<void>;
  /** A message the way the popup sends it (@webext-core/messaging's wire format); resolves its `res`. */
  sendToBackground(type: string, data?: unknown): Promise<unknown>;
  /** Closes every tab but the control tab and `keep`. */
  closeOtherTabs(keep?: Page[]): Promise<void>;
  chromiumVersion: string;
  close(): Promise<void>;
}

export async function launchBenchBrowser(extensionDir: string): Promise<BenchBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'launchpad-bench-profile-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumExecutable(),
      headless: true,
      args: chromiumArgs(extensionDir),
      timeout: 30_000,
    });
  } catch (error) {
    removeProfile();
    throw error;
  }
  try {
    return await wire(context, removeProfile);
  } catch (error) {
    await context.close().catch(() => {});
    removeProfile();
    throw error;
  }
}

async function wire(context: BrowserContext, removeProfile: () => void): Promise<BenchBrowser> {
  const isExtension = (w: Worker) => w.url().startsWith('chrome-extension://');
  const first =
    context.serviceWorkers().find(isExtension) ??
    (await context.waitForEvent('serviceworker', { predicate: isExtension, timeout: 15_000 }));
  const origin = `chrome-extension://${new URL(first.url()).host}`;
  const control = context.pages()[0] ?? (await context.newPage());
  // On an extension page, stopAllWorkers closes that page: the session lives on a blank one.
  const cdp = await context.newCDPSession(control);
  const workerStatus = await watchWorkerStatus(cdp, origin);

  // The baseline page sends nothing itself: a message wakes the worker (an unknown type, unanswered).
  const worker = () =>
    liveWorker(context, origin, async (page) => {
      await page.goto(`${origin}/${BASELINE_PAGE}`).catch(() => {});
      await page.evaluate(sendRuntimeMessage, { type: 'bench-wake' });
    });

  async function stopWorker(): Promise<void> {
    await cdp.send('ServiceWorker.stopAllWorkers');
    await workerStatus.until((statuses) => statuses.every((s) => s === 'stopped'), 10_000);
  }

  async function sendToBackground(type: string, data?: unknown): Promise<unknown> {
    const page = await context.newPage();
    try {
      await page.goto(`${origin}/${BASELINE_PAGE}`);
      const reply = await page.evaluate(sendRuntimeMessage, { id: 1, type, data, timestamp: Date.now() });
      const response = reply.response as { res?: unknown; err?: unknown } | undefined;
      if (reply.lastError !== null || !response || response.err != null) {
        throw new Error(`background "${type}" failed: ${reply.lastError ?? JSON.stringify(response?.err ?? 'no answer')}`);
      }
      return response.res;
    } finally {
      await page.close();
    }
  }

  async function closeOtherTabs(keep: Page[] = []): Promise<void> {
    const others = context.pages().filter((p) => p !== control && !keep.includes(p));
    await Promise.all(others.map((p) => p.close().catch(() => {})));
  }

  return {
    context,
    origin,
    control,
    worker,
    stopWorker,
    sendToBackground,
    closeOtherTabs,
    chromiumVersion: context.browser()?.version() ?? 'unknown',
    async close() {
      try {
        await context.close();
      } finally {
        removeProfile();
      }
    },
  };
}

/** In an extension page: chrome.runtime.sendMessage, its answer and lastError. */
function sendRuntimeMessage(message: unknown): Promise<{ response: unknown; lastError: string | null }> {
  return new Promise((done) =>
    chrome.runtime.sendMessage(message, (response) => done({ response, lastError: chrome.runtime.lastError?.message ?? null })),
  );
}

interface WorkerStatus {
  /** Resolves once `ready` holds for the running status of every version of the extension's worker. */
  until(ready: (statuses: string[]) => boolean, timeoutMs: number): Promise<void>;
}

async function watchWorkerStatus(cdp: CDPSession, origin: string): Promise<WorkerStatus> {
  const statuses = new Map<string, string>();
  const listeners = new Set<() => void>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith(`${origin}/`)) statuses.set(v.versionId, v.runningStatus);
    for (const listener of listeners) listener();
  });
  await cdp.send('ServiceWorker.enable');
  return {
    until(ready, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (statuses.size === 0 || !ready([...statuses.values()])) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`The service worker stayed ${[...statuses.values()].join(', ') || 'unseen'} for ${timeoutMs} ms`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        listeners.add(check);
        check();
      });
    },
  };
}
