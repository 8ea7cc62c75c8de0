// The popup as an agent meets it, in English (light) and Chinese (dark): pages by name, recent
// first, Enter right after opening goes to the last page opened, the workspace remembered, the
// account area and its sign-out, the sign-in form's choices, a wrong password and the lock. Each
// state passes axe and is screenshot into test-results/screenshots/popup-<state>-<locale>-<scheme>.
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { focused, horizontalOverflow, screenshot, seriousViolations } from './a11y.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, zhCN, type Translate } from './pages/messages.ts';
import { PopupPage } from './pages/popup.ts';
import { APP_PAGES } from '../../lib/workspace/app-pages';
import { pageLabel, pageLanguageOf } from '../../lib/workspace/paths';
import { ADMIN, AGENT, landingOn, landingView, pageLoads, passwordLogins, pressClosing, resetBetweenTests, storedSession } from './support.ts';

/** `DOCS=1`: the README's screenshots are written to docs/ as well, cut to the popup's content. */
const DOCS = process.env.DOCS === '1' ? new URL('../../docs/', import.meta.url) : null;

/** Locked by the lock test: no other test signs in with it. */
const LOCKED = { username: 'agent2@email.com', password: '123456' } as const;

describe.each([
  { locale: 'en', scheme: 'light', t: en },
  { locale: 'zh-CN', scheme: 'dark', t: zhCN },
] as const)('the popup in $locale ($scheme)', ({ locale, scheme, t: translator }) => {
  const t: Translate = translator();
  let server: StandInServer;
  let ext: ExtensionHarness;

  beforeAll(async () => {
    server = await startServerForTest();
    ext = await launchExtension({ locale, colorScheme: scheme });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });
  beforeEach(() => resetBetweenTests(ext, server));
  const language = pageLanguageOf(locale);
  /** The lines the popup lists for an app's pages, as the app's own menu names them, in the popup's language. */
  const pagesOf = (workspace: 'agent' | 'admin', superUser = false, first: string[] = []) => {
    const pages = APP_PAGES[workspace].filter((p) => superUser || !p.superOnly);
    const ordered = [...first.map((path) => pages.find((p) => p.path === path)!), ...pages.filter((p) => !first.includes(p.path))];
    return ordered.map((p) => [pageLabel(p, language), `/${p.path}`]);
  };

  const open = (query = '') => PopupPage.open(ext, { t, query });
  const signIn = (user: { username: string; password: string } = AGENT) =>
    ext.sendToBackground('signIn', { ...user, persist: false, rememberPassword: false });

  /** No serious axe findings, no horizontal scrolling; a screenshot named for the state (`docs`: for the README too). */
  async function looksRight(page: Page, state: string, docs?: string): Promise<void> {
    expect(await seriousViolations(page), `axe: ${state}`).toEqual([]);
    expect(await horizontalOverflow(page), `overflow: ${state}`).toBe(0);
    await screenshot(page, `popup-${state}-${locale}-${scheme}`);
    if (!DOCS || !docs) return;
    mkdirSync(DOCS, { recursive: true });
    const height = await page.evaluate(() => Math.ceil(document.getElementById('root')!.getBoundingClientRect().bottom + 12));
    const name = `${docs}${locale === 'en' ? '' : '-zh'}.png`;
    await page.screenshot({ path: new URL(name, DOCS).pathname, clip: { x: 0, y: 0, width: 360, height }, animations: 'disabled', caret: 'hide' });
  }

  it('first run: asks for the server, with room above "Set up server"', async () => {
    await resetBetweenTests(ext, server, { configure: false });
    const popup = await open();
    const button = popup.page.getByRole('button', { name: t('popup_set_server'), exact: true });
    const field = popup.page.getByRole('textbox', { name: t('options_server_url_label') });
    const gap = (await button.boundingBox())!.y - ((await field.boundingBox())!.y + (await field.boundingBox())!.height);
    expect(gap, 'space between the address field and the button').toBeGreaterThanOrEqual(10);
    await looksRight(popup.page, 'first-run');
  });

  it('sign-in form: one choice of what stays after the browser closes, each explained, and a show-password toggle', async () => {
    const popup = await open();
    expect(await focused(popup.page)).toBe('input#username');
    for (const [choice, hint] of [
      ['off', 'popup_stay_off_hint'],
      ['on', 'popup_stay_on_hint'],
      ['password', 'popup_stay_password_hint'],
    ] as const) {
      await expect.poll(() => popup.stay(choice).evaluate((el) => (el as HTMLInputElement).labels?.length)).toBe(1);
      expect(await popup.page.locator(`#${await popup.stay(choice).getAttribute('aria-describedby')}`).textContent()).toBe(t(hint));
    }
    expect(await popup.stay('off').isChecked(), 'nothing kept unless asked').toBe(true);

    await popup.typeInto(popup.password, 'secret');
    expect(await popup.showPassword.getAttribute('aria-pressed')).toBe('false');
    await popup.showPassword.click();
    expect(await popup.showPassword.getAttribute('aria-pressed')).toBe('true');
    expect(await popup.password.getAttribute('type')).toBe('text');
    expect(await popup.password.inputValue()).toBe('secret');
    await popup.showPassword.click();
    expect(await popup.password.getAttribute('type')).toBe('password');
    await popup.typeInto(popup.password, '');
    await popup.stay('on').check();
    await looksRight(popup.page, 'sign-in', 'popup-sign-in');

    // The choice reaches the background: "Stay signed in" keeps the session in local storage.
    await popup.submitSignIn({ ...ADMIN, keepSignedIn: true });
    await popup.filter.waitFor();
    expect(await ext.readStorage('local', 'session/e2e')).toMatchObject({ persist: true });
  });

  it('token mode: "Use token" and the way back each on one line', async () => {
    const popup = await open();
    await popup.page.getByRole('button', { name: t('popup_paste_token'), exact: true }).click();
    const useToken = popup.page.getByRole('button', { name: t('popup_use_token'), exact: true });
    const back = popup.page.getByRole('button', { name: t('popup_use_password'), exact: true });
    expect(await focused(popup.page)).toBe('textarea#token');
    for (const button of [useToken, back]) {
      const lines = await button.evaluate((el) => {
        const style = getComputedStyle(el);
        const box = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
        const content = el.getBoundingClientRect().height - box.reduce((sum, side) => sum + parseFloat(style[side]), 0);
        return Math.round(content / parseFloat(style.lineHeight));
      });
      expect(lines, (await button.textContent()) ?? '').toBeLessThanOrEqual(1);
    }
    expect(await popup.stay('password').count(), 'no password to remember with a token').toBe(0);
    await looksRight(popup.page, 'token');
  });

  it('a wrong password empties the password field and focuses it; the lock says until when and keeps Sign in from sending, reopened too', async () => {
    const popup = await open();
    for (let attempt = 1; attempt <= 2; attempt++) {
      await popup.submitSignIn({ username: LOCKED.username, password: 'not-the-password' });
      await expect.poll(() => passwordLogins(server).length).toBe(attempt);
      await popup.alert.waitFor();
      await expect.poll(() => popup.password.inputValue(), { message: 'the password field is emptied' }).toBe('');
      expect(await focused(popup.page), 'and has the focus').toBe('input#password');
      expect(await popup.signInButton.isEnabled()).toBe(true);
    }
    expect(await popup.alert.textContent()).toBe(t('error_wrong_credentials_last_try'));
    await looksRight(popup.page, 'wrong-password');

    const before = Date.now();
    await popup.page.keyboard.type('still-wrong');
    await popup.page.keyboard.press('Enter');
    await expect.poll(() => passwordLogins(server).length).toBe(3);
    await expect.poll(() => popup.signInButton.isDisabled(), { message: 'Sign in is disabled during the lock' }).toBe(true);
    const { lock } = (await ext.readStorage<{ lock: { username: string; until: number } }>('local', 'popup'))!;
    expect(lock.username).toBe(LOCKED.username);
    expect(lock.until - before).toBeGreaterThanOrEqual(10 * 60_000 - 1_000);
    expect(lock.until - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const time = (text: string | null) => text?.replace(/\s/g, ' ');
    const until = new Date(lock.until).toLocaleString(locale, { hour: 'numeric', minute: '2-digit' });
    expect(time(await popup.alert.textContent())).toBe(time(t('popup_locked_until', until)));
    await looksRight(popup.page, 'locked');

    // Enter sends nothing during the lock, in this popup or one opened later.
    await popup.typeInto(popup.password, LOCKED.password);
    await popup.page.keyboard.press('Enter');
    const reopened = await open();
    expect(await reopened.username.inputValue(), 'the locked account is shown').toBe(LOCKED.username);
    expect(await reopened.signInButton.isDisabled()).toBe(true);
    expect(time(await reopened.alert.textContent())).toBe(time(t('popup_locked_until', until)));
    await reopened.typeInto(reopened.password, LOCKED.password);
    await reopened.page.keyboard.press('Enter');
    await new Promise((r) => setTimeout(r, 500));
    expect(passwordLogins(server), 'no try sent during the lock').toHaveLength(3);
    // Another account is not locked.
    await reopened.typeInto(reopened.username, ADMIN.username);
    expect(await reopened.signInButton.isEnabled()).toBe(true);
  });

  it('lists the app\'s real pages by the names its menu gives them, recent first; Enter right after opening goes to the last page opened', async () => {
    await signIn();
    const popup = await open();
    await expect.poll(() => popup.listedPages(), { timeout: 5_000 }).toEqual(pagesOf('agent'));
    expect(await popup.selectedPage(), 'nothing opened yet: tickets').toBe(pagesOf('agent')[0]![0]);
    expect(await popup.openButton.textContent()).toBe(t('popup_open', pagesOf('agent')[0]![0]!));
    expect(await popup.page.locator('#path-keys').textContent()).toBe(t('popup_keys_new_tab'));
    expect(await popup.workspaceRadio('admin').count(), 'an agent without admin rights has no Admin switch').toBe(0);
    await looksRight(popup.page, 'launcher-agent', 'popup');

    // Arrow down to the chats, Enter.
    await popup.page.keyboard.press('ArrowDown');
    expect(await popup.selectedPage()).toBe(pagesOf('agent', false, ['chat'])[0]![0]);
    const first = landingOn(ext, server, 'agent', 'chat');
    await pressClosing(popup.page, 'Enter');
    await first;

    const again = await open();
    await expect.poll(() => again.listedPages(), { timeout: 5_000 }).toEqual(pagesOf('agent', false, ['chat']));
    const second = landingOn(ext, server, 'agent', 'chat');
    await pressClosing(again.page, 'Enter'); // at once: no click, no typing
    expect(await landingView(await second)).toMatchObject({ state: 'signed-in', path: '/chat', found: true });
    expect(pageLoads(server).map((r) => r.path)).toEqual(['/agent/chat', '/agent/chat']);
  });

  it('an administrator switches to the admin console, whose pages open signed in on pages the app has; the switch is remembered', async () => {
    await signIn(ADMIN);
    const popup = await open();
    expect(await popup.workspaceRadio('agent').isChecked(), 'the default workspace at first').toBe(true);
    await popup.chooseWorkspace('admin');
    await popup.page.close();

    const again = await open();
    expect(await again.workspaceRadio('admin').isChecked()).toBe(true);
    // A super administrator also has the super-admin pages.
    await expect.poll(() => again.listedPages(), { timeout: 5_000 }).toEqual(pagesOf('admin', true));
    expect(await again.selectedPage(), 'the dashboard first').toBe(pagesOf('admin')[0]![0]);
    await looksRight(again.page, 'launcher-admin');
    const landing = landingOn(ext, server, 'admin', 'welcome');
    await pressClosing(again.page, 'Enter');
    expect(await landingView(await landing)).toMatchObject({ state: 'signed-in', app: 'Admin console', path: '/welcome', found: true });
  });

  it('finds pages by name in either language, by path or by the app\'s menu words; text that matches nothing says so and opens only as a path', async () => {
    await signIn(ADMIN);
    const popup = await open();
    await popup.chooseWorkspace('admin');
    for (const [typed, path] of [
      ['会话', 'service/thread'],
      ['conversations', 'service/thread'],
      ['quick repl', 'kb/quickreply'],
      ['快捷回复', 'kb/quickreply'],
      ['仪表盘', 'welcome'],
      ['dashboard', 'welcome'],
    ] as const) {
      await popup.typeInto(popup.filter, typed);
      await expect.poll(async () => (await popup.listedPages())[0], { message: typed, timeout: 5_000 }).toEqual(pagesOf('admin', true, [path])[0]);
    }
    await popup.typeInto(popup.filter, 'zzz');
    expect(await popup.listedPages()).toEqual([[t('popup_open_typed'), '/zzz']]);
    expect(await popup.page.getByText(t('popup_no_page', 'zzz')).isVisible(), 'says no page is called that').toBe(true);
    await looksRight(popup.page, 'filtered');
    // Escape clears the filter first.
    await popup.page.keyboard.press('Escape');
    expect(await popup.filter.inputValue()).toBe('');
    await popup.chooseWorkspace('agent');
    await popup.filter.focus();
    await popup.page.keyboard.type('reports/daily');
    const landing = landingOn(ext, server, 'agent', 'reports/daily');
    await pressClosing(popup.page, 'Enter');
    expect(await landingView(await landing), 'a path the app does not have: its 404 page').toMatchObject({ state: 'signed-in', found: false });

    const again = await open();
    expect((await again.listedPages())[0], 'a path of its own is shown as itself, first').toEqual(['/reports/daily', '']);
  });

  it('account area: who, where and until when; Sign out confirmed in place (Cancel focused, Escape cancels); then "Signed out"', async () => {
    await signIn();
    const { token, expiresAt } = (await storedSession(ext))!;
    const popup = await open();
    const status = popup.accountButton.locator('[title]');
    expect(await status.textContent()).toBe(t('popup_status'));
    const when = new Date(expiresAt!).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const spaces = (text: string | null) => text?.replace(/\s/g, ' ');
    expect(spaces(await status.getAttribute('title')), 'the exact expiry on hover').toBe(spaces(t('popup_valid_until', when)));
    expect(await popup.revokeButton.count(), 'Sign out is tucked away').toBe(0);

    await popup.accountButton.focus();
    await popup.page.keyboard.press('Enter');
    expect(await popup.accountButton.getAttribute('aria-expanded')).toBe('true');
    const area = spaces(await popup.accountArea.innerText());
    expect(area).toContain(t('popup_signed_in_as', AGENT.nickname, AGENT.username));
    expect(area).toContain(t('popup_server', new URL(server.url).host));
    expect(area).toContain(spaces(t('popup_valid_until', when)));
    await looksRight(popup.page, 'account', 'popup-account');

    await popup.page.keyboard.press('Tab');
    expect(await popup.revokeButton.evaluate((el) => el === document.activeElement), 'Tab reaches Sign out').toBe(true);
    await popup.page.keyboard.press('Enter');
    await popup.signOutQuestion.waitFor();
    expect(await popup.revokeButton.count(), 'the question in the place of the button').toBe(1);
    expect(await popup.cancelSignOutButton.evaluate((el) => el === document.activeElement), 'Cancel has the focus').toBe(true);
    await looksRight(popup.page, 'sign-out');
    await popup.page.keyboard.press('Escape');
    await expect.poll(() => popup.signOutQuestion.count(), { message: 'Escape cancels' }).toBe(0);
    expect(await popup.revokeButton.evaluate((el) => el === document.activeElement), 'back on Sign out').toBe(true);
    expect(await popup.accountArea.count(), 'the account area stays open').toBe(1);

    await popup.revoke();
    await popup.signInButton.waitFor();
    expect(await popup.status.textContent()).toBe(t('popup_signed_out'));
    expect(await focused(popup.page)).toBe('input#password');
    expect(server.requests.filter((r) => r.path === '/api/v1/user/logout').map((r) => r.token)).toEqual([token]);
    await looksRight(popup.page, 'signed-out');
  });

  it('server out of reach: Sign out offers to sign out on this device only, and says the token stays valid there', async () => {
    await signIn();
    const popup = await open();
    await popup.openAccount();
    server.setFault({ kind: 'reset' }, ['/api/v1/user/logout']);
    try {
      await popup.revokeButton.click();
      await popup.confirmRevokeButton.click();
      const here = popup.signOutQuestion.getByRole('button', { name: t('popup_forget_here'), exact: true });
      await here.waitFor();
      expect(await popup.alert.textContent()).toBe(t('error_unreachable'));
      expect(await popup.signOutQuestion.textContent()).toContain(t('popup_forget_hint'));
      await looksRight(popup.page, 'sign-out-offline');
      await here.click();
      await popup.signInButton.waitFor();
      // The form may come first (the session's removal is seen before the answer): then the words.
      await expect.poll(() => popup.status.textContent()).toBe(t('popup_signed_out'));
      expect(await storedSession(ext)).toBeUndefined();
    } finally {
      server.setFault(null);
    }
  });

  it('the key hint says what Enter and Shift+Enter do with the open-in setting', async () => {
    await ext.configureServer(server.url, { openIn: 'current-tab' });
    await signIn();
    const popup = await open();
    expect(await popup.page.locator('#path-keys').textContent()).toBe(t('popup_keys_current_tab'));
    expect(await popup.filter.getAttribute('aria-describedby')).toBe('path-keys');
  });
});
