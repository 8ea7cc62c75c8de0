// Keyboard shortcuts, context-menu items and the address-bar keyword, dispatched in the service
// worker the way the browser fires them: signed in they open the page signed in; signed out they
// open the prompt window, and signing in there opens what was asked for.
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { en, pageName } from './pages/messages.ts';
import { PopupPage } from './pages/popup.ts';
import {
  ADMIN,
  browserWindows,
  clickMenuItem,
  dispatchCommand,
  enterInAddressBar,
  landingOn,
  landingView,
  pageLoads,
  passwordLogins,
  browserAndServerPerFile,
  storedSession,
  tokenInUrl,
  typeInAddressBar,
} from './support.ts';

const t = en();

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

const signedInAsAdmin = { state: 'signed-in', status: `signed in as ${ADMIN.nickname}` };

describe('shortcuts and context menu', () => {
  it('signed in: the ticket shortcut, the ticket menu item and the dashboard shortcut each open their page signed in', async () => {
    const popup = await PopupPage.open(ext);
    await popup.signIn(ADMIN);
    await popup.page.close();
    const { token } = (await storedSession(ext))!;
    server.clearRequests();

    const byShortcut = landingOn(ext, server, 'agent', 'ticket');
    await dispatchCommand(ext, 'open-agent-ticket');
    const shortcutPage = await byShortcut;
    expect(new URL(shortcutPage.url()).href).toBe(`${server.url}/agent/ticket?accessToken=${token}`);
    expect(await landingView(shortcutPage)).toMatchObject({ ...signedInAsAdmin, app: 'Agent workbench', path: '/ticket' });

    const byMenu = landingOn(ext, server, 'agent', 'ticket');
    await clickMenuItem(ext, 'open-agent-ticket');
    const menuPage = await byMenu;
    expect(menuPage, 'a new tab, as set').not.toBe(shortcutPage);
    expect(tokenInUrl(menuPage)).toBe(token);
    expect(await landingView(menuPage)).toMatchObject({ ...signedInAsAdmin, app: 'Agent workbench', path: '/ticket' });

    // The admin console's dashboard (仪表盘) is /welcome: /admin/dashboard is its 404 page.
    const byDashboardShortcut = landingOn(ext, server, 'admin', 'welcome');
    await dispatchCommand(ext, 'open-admin-dashboard');
    const dashboard = await byDashboardShortcut;
    expect(new URL(dashboard.url()).href).toBe(`${server.url}/admin/welcome?accessToken=${token}`);
    expect(await landingView(dashboard)).toMatchObject({ ...signedInAsAdmin, app: 'Admin console', path: '/welcome', found: true });

    // Three page loads with the one token; no further sign-in.
    expect(pageLoads(server).map((r) => [r.method, r.path, r.token])).toEqual([
      ['GET', '/agent/ticket', token],
      ['GET', '/agent/ticket', token],
      ['GET', '/admin/welcome', token],
    ]);
    expect(passwordLogins(server)).toEqual([]);
    expect(ext.webPages()).toHaveLength(3);
    expect((await browserWindows(ext)).map((w) => w.type), 'no prompt window').not.toContain('popup');
  });

  it('signed out: the ticket shortcut opens the sign-in prompt window and nothing else; signing in there opens the ticket page', async () => {
    const prompted = ext.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(`chrome-extension://${ext.extensionId}/popup.html?`),
      timeout: 10_000,
    });
    await dispatchCommand(ext, 'open-agent-ticket');
    const promptPage = await prompted;
    await promptPage.waitForLoadState();
    const prompt = new PopupPage(promptPage);
    await prompt.rendered();

    const query = new URL(promptPage.url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({ reason: 'signed-out', workspace: 'agent', path: 'ticket' });
    expect(await browserWindows(ext)).toContainEqual({ type: 'popup', urls: [promptPage.url()] });
    expect(await prompt.opens.textContent(), 'says what signing in opens').toBe(t('popup_sign_in_to_open', pageName(t, 'agent', 'ticket')));
    expect(await prompt.alert.count(), 'being signed out is no error').toBe(0);
    expect(await prompt.isSignInForm()).toBe(true);
    expect(pageLoads(server), 'no page was opened without a token').toEqual([]);
    expect(server.requests.filter((r) => r.token !== null)).toEqual([]);
    expect(ext.webPages()).toEqual([]);

    const landing = landingOn(ext, server, 'agent', 'ticket');
    await prompt.submitSignIn(ADMIN);
    const page = await landing;
    const { token } = (await storedSession(ext))!;
    expect(tokenInUrl(page)).toBe(token);
    expect(await landingView(page)).toMatchObject({ ...signedInAsAdmin, app: 'Agent workbench', path: '/ticket' });
    await expect.poll(() => promptPage.isClosed(), { timeout: 5_000 }).toBe(true);

    expect(passwordLogins(server)).toHaveLength(1);
    expect(pageLoads(server).map((r) => [r.path, r.token])).toEqual([['/agent/ticket', token]]);
    expect(server.requests.indexOf(passwordLogins(server)[0]!)).toBeLessThan(server.requests.indexOf(pageLoads(server)[0]!));
  });

  it('the workbench\'s own "Sign out" revoked the token: the next shortcut asks to sign in again, and no page opens with the dead token', async () => {
    const popup = await PopupPage.open(ext);
    await popup.signIn(ADMIN);
    await popup.page.close();
    const { token } = (await storedSession(ext))!;
    const byShortcut = landingOn(ext, server, 'agent', 'ticket');
    await dispatchCommand(ext, 'open-agent-ticket');
    const workbench = await byShortcut;
    expect(await landingView(workbench)).toMatchObject(signedInAsAdmin);

    await workbench.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(async () => (await landingView(workbench)).status).toBe('signed out');
    server.clearRequests();

    const prompted = ext.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(`chrome-extension://${ext.extensionId}/popup.html?`),
      timeout: 10_000,
    });
    await dispatchCommand(ext, 'open-agent-chat');
    const prompt = new PopupPage(await prompted);
    await prompt.rendered();
    expect(Object.fromEntries(new URL(prompt.page.url()).searchParams)).toEqual({ reason: 'token-rejected', workspace: 'agent', path: 'chat' });
    expect(await prompt.alert.textContent()).toBe(t('error_token_rejected'));
    expect(await prompt.opens.textContent()).toBe(t('popup_sign_in_to_open', pageName(t, 'agent', 'chat')));
    expect(await prompt.isSignInForm()).toBe(true);
    expect(pageLoads(server), 'no page opened with the dead token').toEqual([]);
    expect(server.requests.map((r) => [r.path, r.token])).toEqual([
      ['/api/v1/user/profile', token], // still taken? 401
      ['/auth/v1/login/accessToken', null], // nor traded (the token goes in the body)
    ]);
    expect(await storedSession(ext)).toBeUndefined();
  });

  it('a sign-out inside the workbench followed at once by a shortcut: no page opens with the dead token', async () => {
    const popup = await PopupPage.open(ext);
    await popup.signIn(ADMIN);
    await popup.page.close();
    const byShortcut = landingOn(ext, server, 'agent', 'ticket');
    await dispatchCommand(ext, 'open-agent-ticket');
    const workbench = await byShortcut;
    expect(await landingView(workbench)).toMatchObject(signedInAsAdmin);
    const paths = server.requests.map((r) => r.path);
    expect(paths.indexOf('/api/v1/user/profile'), 'confirmed at sign-in: the page opened without a question first').toBeGreaterThan(paths.indexOf('/agent/ticket'));

    const prompted = ext.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(`chrome-extension://${ext.extensionId}/popup.html?`),
      timeout: 10_000,
    });
    server.clearRequests();
    await workbench.getByRole('button', { name: 'Sign out' }).click();
    await dispatchCommand(ext, 'open-agent-chat');
    const prompt = new PopupPage(await prompted);
    await prompt.rendered();
    expect(await prompt.isSignInForm()).toBe(true);
    expect(pageLoads(server), 'no page opened with the dead token').toEqual([]);
  });

  it('the address-bar keyword suggests pages as the user types; Enter opens in the current tab, Alt+Enter in a new one', async () => {
    const popup = await PopupPage.open(ext);
    await popup.signIn(ADMIN);
    await popup.page.close();
    const { token } = (await storedSession(ext))!;
    const tab = await ext.context.newPage();
    await tab.bringToFront();

    expect(await typeInAddressBar(ext, 'admin dash')).toEqual([
      { content: 'admin welcome', description: 'Admin console: Dashboard (/welcome)' },
    ]);

    const custom = landingOn(ext, server, 'admin', '任意路径');
    await enterInAddressBar(ext, 'admin 任意路径?from=omnibox', 'currentTab');
    const page = await custom;
    expect(page, 'the tab the user typed in').toBe(tab);
    expect(new URL(page.url()).searchParams.get('from')).toBe('omnibox');
    expect(tokenInUrl(page)).toBe(token);
    expect(await landingView(page)).toMatchObject({ ...signedInAsAdmin, app: 'Admin console', path: '/任意路径' });

    expect(await typeInAddressBar(ext, 'admin 任')).toEqual([
      { content: 'admin 任意路径?from=omnibox', description: 'Admin console: /任意路径?from=omnibox (recent)' },
      { content: 'admin team/task', description: 'Admin console: Organisation › Tasks (/team/task)' },
    ]);

    const ticket = landingOn(ext, server, 'agent', 'ticket');
    await enterInAddressBar(ext, 'ticket', 'newForegroundTab');
    const ticketPage = await ticket;
    expect(ticketPage, 'a new tab').not.toBe(tab);
    expect(await landingView(ticketPage)).toMatchObject({ ...signedInAsAdmin, app: 'Agent workbench', path: '/ticket' });
    expect(pageLoads(server).map((r) => [r.path, r.token])).toEqual([
      ['/admin/任意路径', token],
      ['/agent/ticket', token],
    ]);
    expect(passwordLogins(server)).toHaveLength(1);
  });
});
