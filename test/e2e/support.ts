// Shared steps of the user-level e2e tests, on top of harness.ts: one browser and one stand-in
// server per test file, reset between tests; shortcuts and menu clicks driven in the service
// worker; what the landing page shows and what the server saw.
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { LoggedRequest, StandInServer } from '../server/bytedesk-server.ts';
import { E2E_PROFILE, launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';

export const ADMIN = { username: 'admin@email.com', password: 'admin', nickname: 'Admin' } as const;
export const AGENT = { username: 'agent1@email.com', password: '123456', nickname: 'Agent One' } as const;

/** The slice of the extension APIs these helpers call in the service worker. */
interface WorkerChrome {
  commands: { onCommand: { dispatch(command: string, tab?: unknown): void } };
  contextMenus: { onClicked: { dispatch(info: Record<string, unknown>, tab?: unknown): void } };
  omnibox: {
    onInputChanged: { dispatch(text: string, suggest: (suggestions: OmniboxLine[]) => void): void };
    onInputEntered: { dispatch(text: string, disposition: string): void };
  };
  alarms: {
    clearAll(): Promise<boolean>;
    getAll(): Promise<{ name: string; scheduledTime: number }[]>;
  };
  storage: Record<'local' | 'session', { clear(): Promise<void> }>;
  tabs: { query(query: Record<string, unknown>): Promise<{ id?: number; url?: string }[]> };
  windows: {
    getAll(options: { populate: boolean }): Promise<{ id?: number; type?: string; tabs?: { url?: string }[] }[]>;
  };
}
declare const chrome: WorkerChrome;

export type Workspace = 'agent' | 'admin';

/** A keyboard shortcut (manifest command) as the browser reports it to the extension. */
export async function dispatchCommand(ext: ExtensionHarness, command: string): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(async (name) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    chrome.commands.onCommand.dispatch(name, tab);
  }, command);
}

/** A click on one of the extension's context-menu items, on the active tab's page (on a text selection, when given). */
export async function clickMenuItem(ext: ExtensionHarness, menuItemId: string, selectionText?: string): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(async ([id, selection]) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const info = { menuItemId: id, editable: false, pageUrl: tab?.url ?? 'about:blank' };
    chrome.contextMenus.onClicked.dispatch(selection === undefined ? info : { ...info, selectionText: selection }, tab);
  }, [menuItemId, selectionText] as const);
}

export interface OmniboxLine {
  content: string;
  description: string;
}

/** Text typed after the address-bar keyword: the suggestions the extension answers with. */
export async function typeInAddressBar(ext: ExtensionHarness, text: string): Promise<OmniboxLine[]> {
  const worker = await ext.currentWorker();
  return worker.evaluate(
    (typed) => new Promise<OmniboxLine[]>((resolve) => chrome.omnibox.onInputChanged.dispatch(typed, resolve)),
    text,
  );
}

/** Enter in the address bar after the keyword (`newForegroundTab`: Alt+Enter). */
export async function enterInAddressBar(ext: ExtensionHarness, text: string, disposition = 'currentTab'): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(([typed, how]) => chrome.omnibox.onInputEntered.dispatch(typed, how), [text, disposition] as const);
}

/** Stops the token renewal alarm, so only the test decides when a token is renewed. */
export async function clearAlarms(ext: ExtensionHarness): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(() => chrome.alarms.clearAll());
}

export async function alarms(ext: ExtensionHarness): Promise<{ name: string; scheduledTime: number }[]> {
  const worker = await ext.currentWorker();
  return worker.evaluate(() => chrome.alarms.getAll());
}

/** Every browser window with its type and tab URLs (a shortcut's sign-in prompt is a `popup` window). */
export async function browserWindows(ext: ExtensionHarness): Promise<{ type?: string; urls: string[] }[]> {
  const worker = await ext.currentWorker();
  return worker.evaluate(async () =>
    (await chrome.windows.getAll({ populate: true })).map((w) => ({
      type: w.type,
      urls: (w.tabs ?? []).map((t) => t.url ?? ''),
    })),
  );
}

/**
 * A clean slate between the tests of one file sharing one browser and one server: every tab
 * closed (a blank one kept so the browser stays up), extension storage and alarms cleared,
 * the server's request log emptied. The server is then set up again unless `configure` is false.
 */
export async function resetBetweenTests(
  ext: ExtensionHarness,
  server: StandInServer,
  { configure = true }: { configure?: boolean } = {},
): Promise<void> {
  const blank = await ext.context.newPage();
  await Promise.all(ext.context.pages().filter((p) => p !== blank).map((p) => p.close()));
  const worker = await ext.currentWorker();
  await worker.evaluate(async () => {
    await chrome.alarms.clearAll();
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
  });
  if (configure) await ext.configureServer(server.url);
  server.clearRequests();
}

/** Requests for the web apps' pages (never the API). */
export const pageLoads = (server: StandInServer): LoggedRequest[] =>
  server.requests.filter((r) => /^\/(agent|admin)(\/|$)/.test(r.path));

export const passwordLogins = (server: StandInServer): LoggedRequest[] =>
  server.requests.filter((r) => r.method === 'POST' && r.path === '/auth/v1/login');

export const tokenExchanges = (server: StandInServer): LoggedRequest[] =>
  server.requests.filter((r) => r.method === 'POST' && r.path === '/auth/v1/login/accessToken');

/**
 * The next page that lands on `<server>/<workspace>/<path>` (path compared decoded, query ignored).
 * Start waiting before the action; the promise never rejects unhandled.
 */
export function landingOn(ext: ExtensionHarness, server: StandInServer, workspace: Workspace, path: string, timeout = 15_000): Promise<Page> {
  const wanted = `/${workspace}/${path}`;
  const landing = ext.waitForLanding(
    (url) => url.origin === server.url && safeDecode(url.pathname) === wanted,
    { timeout },
  );
  landing.catch(() => {});
  return landing;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** What the stand-in web app shows once its profile call answered. */
export interface LandingView {
  state: string | null;
  status: string | null;
  app: string | null;
  path: string | null;
  /** The app has this page (else it shows its 404 page, as the real apps do). */
  found: boolean;
}

export async function landingView(page: Page): Promise<LandingView> {
  await expect
    .poll(() => page.locator('#status').getAttribute('data-state'), { timeout: 10_000 })
    .not.toBe('checking');
  return {
    state: await page.locator('#status').getAttribute('data-state'),
    status: await page.locator('#status').textContent(),
    app: await page.locator('#app').textContent(),
    path: await page.locator('#path').textContent(),
    found: (await page.locator('#route').getAttribute('data-route')) === 'found',
  };
}

/** The page's `?accessToken=`. */
export const tokenInUrl = (page: Page): string | null => new URL(page.url()).searchParams.get('accessToken');

/** HTTP status of a profile call with `token`, straight from the test (it shows in the request log). */
export async function profileStatus(server: StandInServer, token: string): Promise<number> {
  const response = await fetch(`${server.url}/api/v1/user/profile`, { headers: { Authorization: `Bearer ${token}` } });
  await response.body?.cancel();
  return response.status;
}

/** Waits, by asking the server, until it no longer accepts `token` (it ran out). */
export async function untilServerRejects(server: StandInServer, token: string, timeout = 15_000): Promise<void> {
  await expect.poll(() => profileStatus(server, token), { timeout, interval: 250 }).toBe(401);
}

/** Stored session as the background keeps it. */
export interface StoredSession {
  token: string;
  serverUrl: string;
  issuedAt: number;
  expiresAt: number | null;
  persist: boolean;
  user: { username: string; nickname: string };
}

/** A profile's stored session (by default the active profile's, else the harness's). */
export async function storedSession(ext: ExtensionHarness, profile?: string): Promise<StoredSession | undefined> {
  const settings = await ext.readStorage<{ activeProfileId: string | null }>('local', 'settings');
  const profileId = profile ?? settings?.activeProfileId ?? E2E_PROFILE;
  return (
    (await ext.readStorage<StoredSession | null>('session', `session/${profileId}`)) ??
    (await ext.readStorage<StoredSession | null>('local', `session/${profileId}`)) ??
    undefined
  );
}

/** Presses a key that may close the page it was pressed in (the popup closes once it opened a page). */
export async function pressClosing(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key).catch((error: unknown) => {
    if (!page.isClosed()) throw error;
  });
}

/**
 * One browser and one stand-in server for the whole test file, reset before each test; `use`
 * hands them to the file's own variables.
 */
export function browserAndServerPerFile(use: (server: StandInServer, ext: ExtensionHarness) => void): void {
  let server: StandInServer | undefined;
  let ext: ExtensionHarness | undefined;
  beforeAll(async () => {
    server = await startServerForTest();
    ext = await launchExtension();
    use(server, ext);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  beforeEach(() => resetBetweenTests(ext!, server!));
}
