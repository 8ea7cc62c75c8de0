// The popup as a user drives it: server set in the options page, sign-in, opening pages with
// the keyboard, recent pages, signing out, and wrong passwords up to the lock. Each step is checked
// on the landing page AND in the stand-in server's request log.
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import {
  ADMIN,
  AGENT,
  landingOn,
  landingView,
  pageLoads,
  passwordLogins,
  pressClosing,
  profileStatus,
  browserAndServerPerFile,
  resetBetweenTests,
  storedSession,
  tokenInUrl,
} from './support.ts';

const t = en();
const CUSTOM_PATH = '任意路径/子页';

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

/** Opens the popup and signs in there as the admin. */
async function popupSignedIn(): Promise<PopupPage> {
  const popup = await PopupPage.open(ext);
  await popup.signIn(ADMIN);
  return popup;
}

describe('popup flow', () => {
  it('sets the server in the options page, signs in from the popup and opens the agent ticket page with the keyboard', async () => {
    await resetBetweenTests(ext, server, { configure: false });
    const setup = await PopupPage.open(ext);
    expect(await setup.text(), 'no server yet: the popup asks for one').toContain(t('popup_no_server'));

    const options = await OptionsPage.open(ext);
    await options.setServer(server.url);
    await options.page.close();

    const popup = await PopupPage.open(ext);
    expect(await popup.isSignInForm()).toBe(true);
    expect(await popup.text()).toContain(new URL(server.url).host);
    await popup.signIn(ADMIN);
    const session = await storedSession(ext);
    expect(session).toMatchObject({ serverUrl: server.url, user: { username: ADMIN.username } });

    // Into the filter box (after signing in the focus is not put there: see accessibility test), type, Enter.
    const landing = landingOn(ext, server, 'agent', 'ticket');
    await popup.filter.click();
    await popup.page.keyboard.type('tick');
    await expect.poll(() => popup.listedPages(), { timeout: 5_000 }).toEqual([
      ['Tickets', '/ticket'],
      [t('popup_open_typed'), '/tick'],
    ]);
    expect(await popup.selectedPage(), 'Enter opens the first match').toBe('Tickets');
    await pressClosing(popup.page, 'Enter'); // the popup closes itself
    const page = await landing;

    expect(await landingView(page)).toEqual({
      state: 'signed-in',
      status: `signed in as ${ADMIN.nickname}`,
      app: 'Agent workbench',
      path: '/ticket',
      found: true,
    });
    expect(tokenInUrl(page)).toBe(session!.token);
    await expect.poll(() => popup.page.isClosed(), { timeout: 5_000 }).toBe(true);

    // The server saw one password login without a token, then the page load with the token.
    const logins = passwordLogins(server);
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ token: null, body: { username: ADMIN.username, password: '***', channel: 'FLUTTER' } });
    expect(pageLoads(server).map((r) => [r.method, r.path, r.token])).toEqual([['GET', '/agent/ticket', session!.token]]);
    expect(server.requests.indexOf(logins[0]!)).toBeLessThan(server.requests.indexOf(pageLoads(server)[0]!));
    expect(ext.webPages().map((p) => p.url())).toEqual([page.url()]);
  });

  it('switches to Admin, opens the dashboard (the console\'s /welcome), then a typed Chinese path, which is listed first next time', async () => {
    const popup = await popupSignedIn();
    const { token } = (await storedSession(ext))!;

    await popup.chooseWorkspace('admin');
    const dashboardLanding = landingOn(ext, server, 'admin', 'welcome');
    await popup.openByTyping('dash');
    const dashboard = await dashboardLanding;
    expect(await landingView(dashboard)).toEqual({
      state: 'signed-in',
      status: `signed in as ${ADMIN.nickname}`,
      app: 'Admin console',
      path: '/welcome',
      found: true,
    });
    expect(tokenInUrl(dashboard)).toBe(token);

    // A path no page matches opens as typed, Chinese characters and all (Admin is remembered).
    const again = await PopupPage.open(ext);
    expect(await again.workspaceRadio('admin').isChecked()).toBe(true);
    await again.filter.click();
    await again.page.keyboard.type(CUSTOM_PATH);
    expect(await again.listedPages()).toEqual([[t('popup_open_typed'), `/${CUSTOM_PATH}`]]);
    const customLanding = landingOn(ext, server, 'admin', CUSTOM_PATH);
    await pressClosing(again.page, 'Enter');
    const custom = await customLanding;
    expect(new URL(custom.url()).pathname).toBe(`/admin/${encodeURI(CUSTOM_PATH)}`);
    expect(await landingView(custom)).toEqual({
      state: 'signed-in',
      status: `signed in as ${ADMIN.nickname}`,
      app: 'Admin console',
      path: `/${CUSTOM_PATH}`,
      found: false, // the app's 404 page, signed in: a path of one's own is opened as typed
    });
    expect(tokenInUrl(custom)).toBe(token);
    expect(pageLoads(server).map((r) => [r.path, r.token])).toEqual([
      ['/admin/welcome', token],
      [`/admin/${CUSTOM_PATH}`, token],
    ]);

    // Next time, under Admin only, the pages opened are listed first, newest first; no sign-in page.
    const third = await PopupPage.open(ext);
    const firstTwo = async () => (await third.listedPages()).slice(0, 2);
    expect(await firstTwo()).toEqual([
      [`/${CUSTOM_PATH}`, ''],
      ['Dashboard', '/welcome'],
    ]);
    await third.chooseWorkspace('agent');
    expect(await firstTwo(), 'the agent list is unchanged').toEqual([
      ['Tickets', '/ticket'],
      ['Chat', '/chat'],
    ]);
    expect((await third.listedPages()).map(([, path]) => path)).not.toContain('/auth/login');
    await third.chooseWorkspace('admin');
    // Filtering on part of it lists it first: Enter opens it again.
    const recentLanding = landingOn(ext, server, 'admin', CUSTOM_PATH);
    await third.filter.click();
    await third.page.keyboard.type('子页');
    expect(await third.listedPages()).toEqual([
      [`/${CUSTOM_PATH}`, ''],
      [t('popup_open_typed'), '/子页'],
    ]);
    await pressClosing(third.page, 'Enter');
    expect(await landingView(await recentLanding)).toMatchObject({ state: 'signed-in', path: `/${CUSTOM_PATH}` });
    expect(passwordLogins(server), 'one sign-in for all of it').toHaveLength(1);
  });

  it('signs out from the popup: the server revokes the token and the popup says "Signed out" over the sign-in form', async () => {
    const popup = await popupSignedIn();
    const { token } = (await storedSession(ext))!;
    expect(await profileStatus(server, token)).toBe(200);

    await popup.openAccount();
    await popup.revokeButton.click();
    expect(await popup.text()).toContain(t('popup_revoke_confirm'));
    await popup.confirmRevokeButton.click();
    await popup.signInButton.waitFor({ timeout: 10_000 });
    expect(await popup.isSignInForm()).toBe(true);
    expect(await popup.username.inputValue(), 'the form remembers who signed in').toBe(ADMIN.username);
    expect(await popup.alert.count(), 'signing out is not an error').toBe(0);
    expect(await popup.status.textContent()).toBe(t('popup_signed_out'));

    const logouts = server.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/user/logout');
    expect(logouts.map((r) => r.token)).toEqual([token]);
    expect(server.tokens().find((row) => row.token === token)).toMatchObject({ revoked: true });
    expect(await profileStatus(server, token), 'the old token is dead on the server').toBe(401);
    expect(await storedSession(ext)).toBeUndefined();
    expect(pageLoads(server)).toEqual([]);
  });

  it('shows the tries left after a wrong password, then the lock, with one login request per try', async () => {
    const popup = await PopupPage.open(ext);
    const attempt = async () => {
      const sent = passwordLogins(server).length;
      await popup.submitSignIn({ username: AGENT.username, password: 'not-the-password' });
      await expect.poll(() => passwordLogins(server).length).toBe(sent + 1);
      await popup.alert.waitFor({ timeout: 10_000 });
      await expect.poll(() => popup.password.inputValue()).toBe('');
      return (await popup.alert.textContent()) ?? '';
    };

    const first = await attempt();
    expect(first).toBe(t('error_wrong_credentials_tries', '2'));
    expect(first).toContain('2 tries left');
    expect(passwordLogins(server)).toHaveLength(1);

    const second = await attempt();
    expect(second).toBe(t('error_wrong_credentials_last_try'));
    expect(passwordLogins(server)).toHaveLength(2);

    const third = await attempt();
    const { lock } = (await ext.readStorage<{ lock: { until: number } }>('local', 'popup'))!;
    const until = new Date(lock.until).toLocaleString('en', { hour: 'numeric', minute: '2-digit' });
    expect(third.replace(/\s/g, ' ')).toBe(t('popup_locked_until', until).replace(/\s/g, ' '));
    expect(await popup.signInButton.isDisabled(), 'no fourth try during the lock').toBe(true);
    await expect.poll(() => passwordLogins(server).length).toBe(3);
    expect(
      passwordLogins(server).map((r) => (r.body as { username?: string }).username),
      'each try is one request, never retried',
    ).toEqual([AGENT.username, AGENT.username, AGENT.username]);

    expect(await popup.isSignInForm(), 'still on the form').toBe(true);
    expect(await storedSession(ext)).toBeUndefined();
    expect(pageLoads(server)).toEqual([]);
    expect(ext.webPages()).toEqual([]);
  });
});
