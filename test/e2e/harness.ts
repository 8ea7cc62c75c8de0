// End-to-end helpers: the built extension (.output/chrome-mv3-e2e) in a real Chromium driven by
// playwright-core, and the stand-in Bytedesk server. Each launch gets a fresh user-data dir.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Frame, type Page, type Worker } from 'playwright-core';
import type { Settings } from '../../lib/settings/settings';
import { startStandInServer, type StandInOptions, type StandInServer } from '../server/bytedesk-server.ts';

/**
 * The slice of the extension APIs the harness calls inside the browser (in `evaluate`
 * callbacks, which run in an extension page or the service worker, never in Node).
 */
interface ChromeApi {
  runtime: {
    sendMessage(message: unknown, callback: (response: unknown) => void): void;
    lastError?: { message?: string };
  };
  storage: Record<'local' | 'session', {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  }>;
}
declare const chrome: ChromeApi;

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where `npm run build:e2e` (`wxt build --mode e2e`) writes the Chrome MV3 extension. */
export const EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'chrome-mv3-e2e');

/** The built e2e extension's folder; fails with what to do when it has not been built. */
export function extensionDir(): string {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(
      `No e2e build of the extension at ${EXTENSION_DIR}. Run \`npm run build:e2e\` first ` +
        '(it grants the loopback server up front, so no permission prompt is needed).',
    );
  }
  return EXTENSION_DIR;
}

const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

/** Debian's Chromium: the real binary, else its wrapper script. */
export function chromiumExecutable(): string {
  const override = process.env.CHROMIUM_PATH;
  if (override) return override;
  const found = CHROMIUM_CANDIDATES.find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `Chromium not found (looked at ${CHROMIUM_CANDIDATES.join(', ')}). ` +
        'Install it: apt-get update && apt-get install -y --no-install-recommends chromium',
    );
  }
  return found;
}

/** Chromium switches for loading an unpacked extension quietly, without network noise. */
export function chromiumArgs(extension: string, locale?: string): string[] {
  return [
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    // chrome.i18n follows the browser's UI language, which only --lang sets.
    ...(locale ? [`--lang=${locale}`] : []),
  ];
}

export interface LaunchOptions {
  /** Browser UI language (chrome.i18n) and the pages' navigator.language, e.g. 'zh-CN'. */
  locale?: string;
  colorScheme?: 'light' | 'dark';
  /** Default true. The demo runs headed. */
  headless?: boolean;
  /**
   * Default true: playwright closes the browser itself on SIGINT/SIGTERM/SIGHUP (and exits with
   * 130 on SIGINT). A program with its own shutdown (the demo) turns this off and calls close().
   */
  handleSignals?: boolean;
}

/** A failure answered by the background: the LaunchpadError's fields survive messaging. */
export class BackgroundError extends Error {
  readonly kind: string | undefined;
  readonly triesLeft: number | undefined;
  readonly status: number | undefined;
  readonly serverMessage: string | undefined;
  /** The serialized error as it came over the wire. */
  readonly raw: Record<string, unknown>;

  constructor(type: string, raw: Record<string, unknown>) {
    const message = typeof raw.message === 'string' ? raw.message : JSON.stringify(raw);
    super(`background "${type}" failed: ${message}`);
    this.name = 'BackgroundError';
    this.raw = raw;
    this.kind = typeof raw.kind === 'string' ? raw.kind : undefined;
    this.triesLeft = typeof raw.triesLeft === 'number' ? raw.triesLeft : undefined;
    this.status = typeof raw.status === 'number' ? raw.status : undefined;
    this.serverMessage = typeof raw.serverMessage === 'string' ? raw.serverMessage : undefined;
  }
}

export type StorageArea = 'local' | 'session';

export interface ExtensionHarness {
  context: BrowserContext;
  extensionId: string;
  /** The background service worker as first seen (see also `currentWorker`). */
  worker: Worker;
  userDataDir: string;
  /** The background's worker now: MV3 may have stopped and restarted it. */
  currentWorker(): Promise<Worker>;
  /** Opens an extension page in a new tab, e.g. 'popup.html'. */
  extensionPage(path?: string): Promise<Page>;
  /**
   * Sends one message the way the popup does (@webext-core/messaging's wire format), from an
   * extension page. Resolves the answer, or rejects with a BackgroundError carrying `kind`.
   */
  sendToBackground<T = unknown>(type: string, data?: unknown): Promise<T>;
  /** The extension page (popup.html in a tab) that sendToBackground sends from. */
  messagePage(): Promise<Page>;
  /** Points the extension at one server (a single active profile) by writing its settings. */
  configureServer(baseUrl: string, overrides?: Partial<Omit<Settings, 'profiles' | 'activeProfileId'>>): Promise<void>;
  /** Stores these settings whole (several profiles, say). */
  writeSettings(settings: Settings): Promise<void>;
  /** One key of chrome.storage.<area>, read in the background. */
  readStorage<T = unknown>(area: StorageArea, key: string): Promise<T | undefined>;
  /** The next page (new, or an existing one navigating) whose URL matches, once loaded. */
  waitForLanding(predicate: (url: URL) => boolean, options?: { timeout?: number }): Promise<Page>;
  /** Open tabs that are not the extension's own pages (or about:blank). */
  webPages(): Page[];
  close(): Promise<void>;
}

const EXTENSION_PAGE_FOR_MESSAGES = 'popup.html';

/** The profile configureServer writes; sessions are stored under keys ending in `/<id>`. */
export const E2E_PROFILE = 'e2e';
const OF_PROFILE = new Set(['signIn', 'signInWithToken', 'revoke', 'forget', 'confirm', 'removeProfile']);

/**
 * The extension's service worker now: the newest one running, or, when it was stopped, the one
 * that `wake` (run in a new page, closed afterwards) starts again.
 */
export async function liveWorker(context: BrowserContext, origin: string, wake: (page: Page) => Promise<unknown>): Promise<Worker> {
  const ours = (w: Worker) => w.url().startsWith(`${origin}/`);
  const live = context.serviceWorkers().filter(ours);
  if (live.length > 0) return live[live.length - 1]!;
  const waking = context.waitForEvent('serviceworker', { predicate: ours, timeout: 15_000 });
  const page = await context.newPage();
  await wake(page).catch(() => {});
  try {
    return await waking;
  } finally {
    await page.close().catch(() => {});
  }
}

export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extension = extensionDir();
  const userDataDir = mkdtempSync(join(tmpdir(), 'launchpad-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumExecutable(),
      headless: options.headless ?? true,
      args: chromiumArgs(extension, options.locale),
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
      timeout: 30_000,
      ...(options.handleSignals === false ? { handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false } : {}),
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  const isExtensionWorker = (w: Worker) => w.url().startsWith('chrome-extension://');
  let worker: Worker;
  try {
    worker =
      context.serviceWorkers().find(isExtensionWorker) ??
      (await context.waitForEvent('serviceworker', { predicate: isExtensionWorker, timeout: 15_000 }));
  } catch (error) {
    await context.close().catch(() => {});
    rmSync(userDataDir, { recursive: true, force: true });
    throw new Error(`The extension's service worker did not start (is ${extension} a valid MV3 build?)`, {
      cause: error,
    });
  }
  const extensionId = new URL(worker.url()).host;
  const origin = `chrome-extension://${extensionId}`;

  // Stopped while idle: any extension page wakes it up again.
  const currentWorker = () => liveWorker(context, origin, (page) => page.goto(`${origin}/${EXTENSION_PAGE_FOR_MESSAGES}`));

  async function extensionPage(path = 'popup.html'): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${origin}/${path.replace(/^\//, '')}`);
    return page;
  }

  // One extension page, opened on first use, sends every message.
  let messenger: Promise<Page> | null = null;
  let nextId = 1;
  async function messagePage(): Promise<Page> {
    if (messenger) {
      const page = await messenger;
      if (!page.isClosed()) return page;
    }
    messenger = extensionPage(EXTENSION_PAGE_FOR_MESSAGES);
    return messenger;
  }

  async function sendToBackground<T>(type: string, data?: unknown): Promise<T> {
    const page = await messagePage();
    // Messages about a session name its profile: the one configureServer made, unless given.
    if (OF_PROFILE.has(type)) data = { profileId: E2E_PROFILE, ...(data as object | undefined) };
    const message = { id: nextId++, type, data, timestamp: Date.now() };
    const reply = await page.evaluate(
      (msg) =>
        new Promise<{ response: unknown; lastError: string | null }>((done) => {
          chrome.runtime.sendMessage(msg, (response: unknown) => {
            done({ response, lastError: chrome.runtime.lastError?.message ?? null });
          });
        }),
      message,
    );
    if (reply.lastError !== null) throw new Error(`background "${type}": ${reply.lastError}`);
    const response = reply.response as { res?: T; err?: Record<string, unknown> } | undefined;
    if (!response || typeof response !== 'object') {
      throw new Error(`background "${type}": no answer (no listener for this message?)`);
    }
    if (response.err != null) throw new BackgroundError(type, response.err);
    return response.res as T;
  }

  async function configureServer(
    baseUrl: string,
    overrides: Partial<Omit<Settings, 'profiles' | 'activeProfileId'>> = {},
  ): Promise<void> {
    const settings: Settings = {
      profiles: [{ id: E2E_PROFILE, name: 'E2E', baseUrl: baseUrl.replace(/\/+$/, ''), agentUrl: null, adminUrl: null, managed: false }],
      activeProfileId: E2E_PROFILE,
      openIn: 'new-tab',
      defaultWorkspace: 'agent',
      policy: null,
      cleanAddressBar: false,
      actions: [],
      ...overrides,
    };
    await writeSettings(settings);
  }

  async function writeSettings(settings: Settings): Promise<void> {
    const w = await currentWorker();
    await w.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  }

  async function readStorage<T>(area: StorageArea, key: string): Promise<T | undefined> {
    const w = await currentWorker();
    return (await w.evaluate(
      async ({ area, key }) => (await chrome.storage[area].get(key))[key],
      { area, key },
    )) as T | undefined;
  }

  async function waitForLanding(predicate: (url: URL) => boolean, { timeout = 15_000 } = {}): Promise<Page> {
    const matches = (page: Page) => {
      try {
        return predicate(new URL(page.url()));
      } catch {
        return false;
      }
    };
    const page = await new Promise<Page>((resolvePage, reject) => {
      const watched = new Set<Page>();
      const cleanup = () => {
        clearTimeout(timer);
        context.off('page', onPage);
        for (const p of watched) p.off('framenavigated', onNavigated);
      };
      const onNavigated = (frame: Frame) => {
        if (frame.parentFrame() !== null) return;
        const p = frame.page();
        if (matches(p)) {
          cleanup();
          resolvePage(p);
        }
      };
      const watch = (p: Page) => {
        watched.add(p);
        p.on('framenavigated', onNavigated);
      };
      const onPage = (p: Page) => {
        watch(p);
        if (matches(p)) {
          cleanup();
          resolvePage(p);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        const open = context.pages().map((p) => p.url());
        reject(new Error(`No page landed on a matching URL within ${timeout} ms; open: ${open.join(', ')}`));
      }, timeout);
      context.pages().forEach(watch);
      context.on('page', onPage);
    });
    await page.waitForLoadState('load', { timeout });
    return page;
  }

  function webPages(): Page[] {
    return context.pages().filter((p) => {
      const url = p.url();
      return !url.startsWith(`${origin}/`) && url !== 'about:blank' && url !== '';
    });
  }

  let closed = false;
  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    try {
      await context.close();
    } finally {
      rmSync(userDataDir, { recursive: true, force: true, maxRetries: 3 });
    }
  }

  return {
    context,
    extensionId,
    worker,
    userDataDir,
    currentWorker,
    extensionPage,
    sendToBackground,
    messagePage,
    configureServer,
    readStorage,
    writeSettings,
    waitForLanding,
    webPages,
    close,
  };
}

/** The stand-in Bytedesk server on a free loopback port (unless told otherwise). */
export function startServerForTest(options: StandInOptions = {}): Promise<StandInServer> {
  return startStandInServer({ port: 0, host: '127.0.0.1', ...options });
}
