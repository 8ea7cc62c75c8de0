// A token revoked elsewhere (the admin console's Token management) while the extension still
// trusts it: twenty shortcuts fired at once open at once, with no wait, and then every one of
// those pages ends signed in with the fresh token (one password login), or on the sign-in
// prompt when no password is remembered: never on the web app's own "not signed in".
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHORTCUT_REQUESTS } from '../../lib/ways-in/shortcuts';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import {
  ADMIN,
  browserAndServerPerFile,
  pageLoads,
  browserWindows,
  landingOn,
  landingView,
  passwordLogins,
  profileStatus,
  storedSession,
  tokenExchanges,
  tokenInUrl,
} from './support.ts';
import { PopupPage } from './pages/popup.ts';

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

const OPENS = 20;
const COMMANDS = ['open-agent-ticket', 'open-agent-chat', 'open-admin-dashboard'];
/** `npm run test:known-defects`: also the test of a defect not fixed yet. */
const KNOWN_DEFECTS = process.env.E2E_KNOWN_DEFECTS === '1';

declare const chrome: {
  commands: { onCommand: { dispatch(command: string): void } };
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string; pendingUrl?: string }[]>;
    update(tabId: number, properties: { active: boolean }): Promise<unknown>;
  };
};

/** The address of every tab on the stand-in server's apps, as the browser has it (committed or loading). */
async function appTabUrls(): Promise<URL[]> {
  const worker = await ext.currentWorker();
  const urls = await worker.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.pendingUrl || tab.url || ''));
  return urls.filter((url) => url.startsWith(`${server.url}/`)).map((url) => new URL(url));
}

/** Brings each tab on the stand-in's apps to the front in turn (an unloaded one loads then). */
async function showEachAppTab(): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(async (prefix) => {
    for (const tab of await chrome.tabs.query({})) {
      if (!(tab.pendingUrl || tab.url || '').startsWith(prefix)) continue;
      await chrome.tabs.update(tab.id!, { active: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, `${server.url}/`);
}

/** Twenty shortcuts in one go, as fast as the worker takes them. */
async function fireShortcuts(): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(
    ([count, commands]) => {
      for (let i = 0; i < count; i++) chrome.commands.onCommand.dispatch(commands[i % commands.length]!);
    },
    [OPENS, COMMANDS] as const,
  );
}

/** Signed in, the token confirmed by the server (so trusted), then revoked from outside. */
async function signInThenRevokeElsewhere(rememberPassword: boolean): Promise<string> {
  const popup = await PopupPage.open(ext);
  await popup.signIn({ ...ADMIN, rememberPassword });
  await popup.page.close();
  const { token } = (await storedSession(ext))!;
  server.revoke(token); // the admin console's Token management
  expect(await profileStatus(server, token)).toBe(401);
  server.clearRequests();
  return token;
}

const isPrompt = (page: Page) => page.url().startsWith(`chrome-extension://${ext.extensionId}/popup.html?`);
const appState = (page: Page) => page.locator('#status').getAttribute('data-state').catch(() => null);

describe('opens on a token revoked elsewhere', () => {
  // Known defect, left open (see the closing note of issue 15): on this 2-core machine more than
  // one run in two leaves some tabs, the one in front among them at times, on the revoked token.
  // Not in `npm test` until fixed: `npm run test:known-defects` runs it.
  it.runIf(KNOWN_DEFECTS)('with the password remembered: 20 shortcuts end as 20 signed-in pages with the fresh token, after one password login', { timeout: 180_000 }, async () => {
    const revoked = await signInThenRevokeElsewhere(true);
    await fireShortcuts();

    const fresh = () => storedSession(ext).then((s) => s?.token);
    await expect.poll(fresh, { timeout: 40_000 }).not.toBe(revoked);
    const token = (await fresh())!;
    const tokens = async () => (await appTabUrls()).map((url) => url.searchParams.get('accessToken'));
    // Chrome leaves a background tab it was asked to navigate unloaded until it is shown: the tabs
    // are looked at in turn, as a person going through them would, until each shows the fresh token
    // (asked every 2 s: a tight loop of questions to the worker slows the navigations it waits for).
    const shownTokens = async () => {
      await showEachAppTab();
      return tokens();
    };
    await expect.poll(shownTokens, { timeout: 90_000, interval: 2_000 }).toEqual(Array.from({ length: OPENS }, () => token));
    await expect.poll(() => ext.webPages().length, { timeout: 40_000 }).toBe(OPENS);
    for (const page of ext.webPages()) {
      await expect.poll(() => appState(page), { timeout: 20_000 }).toBe('signed-in');
      expect(tokenInUrl(page)).toBe(token);
    }
    expect(await profileStatus(server, token), 'the token in every page is accepted').toBe(200);

    expect(pageLoads(server).filter((r) => r.token === revoked), 'each opened at once, with no wait').toHaveLength(OPENS);
    expect(passwordLogins(server), 'one password login for 20 opens').toHaveLength(1);
    expect(tokenExchanges(server).length).toBeLessThanOrEqual(1);
    expect((await browserWindows(ext)).map((w) => w.type), 'no prompt window').not.toContain('popup');
  }); // a timeout for twenty page loads, then twenty more: slow on two cores

  it('with no password remembered: the 20 shortcuts end on the sign-in prompt, never on the app saying "not signed in"', async () => {
    await signInThenRevokeElsewhere(false);
    await fireShortcuts();

    const prompts = () => ext.context.pages().filter(isPrompt);
    await expect.poll(() => prompts().length, { timeout: 40_000 }).toBe(OPENS);
    await expect.poll(async () => (await appTabUrls()).length, { timeout: 20_000 }).toBe(0);
    await expect.poll(() => ext.webPages().length, { timeout: 20_000 }).toBe(0);
    for (const prompt of prompts()) {
      const query = Object.fromEntries(new URL(prompt.url()).searchParams);
      expect(query).toMatchObject({ reason: 'token-rejected' });
      expect(COMMANDS.map((c) => SHORTCUT_REQUESTS[c]!.path)).toContain(query.path);
      await new PopupPage(prompt).rendered();
      expect(await new PopupPage(prompt).isSignInForm()).toBe(true);
    }
    expect(passwordLogins(server), 'no password to try').toEqual([]);
    expect(await storedSession(ext)).toBeUndefined();

    // Signing in on one of them opens the page it was for, signed in.
    const [first] = prompts().filter((p) => !p.url().includes('workspace=admin'));
    const path = new URL(first!.url()).searchParams.get('path')!;
    const landing = landingOn(ext, server, 'agent', path);
    await new PopupPage(first!).submitSignIn(ADMIN);
    const page = await landing;
    expect(await landingView(page)).toMatchObject({ state: 'signed-in', path: `/${path}` });
    expect(tokenInUrl(page)).toBe((await storedSession(ext))!.token);
  });
});
