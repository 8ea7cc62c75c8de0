// axe-core on the popup (signed out, signed in) and the options page, in light and dark; the
// keyboard (focus on open, Tab reaches every control); no horizontal overflow at the popup's
// 360 px; screenshots in English and Chinese into test-results/screenshots/ for a human to look at.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { APP_PAGES } from '../../lib/workspace/app-pages';
import { LOGIN_PATH } from '../../lib/workspace/paths';
import type { StandInServer } from '../server/bytedesk-server.ts';
import {
  expectedTabStops,
  focused,
  horizontalOverflow,
  screenshot,
  seriousViolations,
  tabThrough,
  visibleTexts,
} from './a11y.ts';
import { extensionDir, launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, messageKeys, zhCN } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { UsersPage } from './pages/users.ts';
import { ADMIN, AGENT, resetBetweenTests } from './support.ts';

const SCHEMES = ['light', 'dark'] as const;

let server: StandInServer;

beforeAll(async () => {
  server = await startServerForTest();
});

afterAll(async () => {
  await server?.close();
});

/**
 * Latin words a Chinese page may show: those the Chinese catalogue uses itself (Enter, https,
 * ticket…), the manifest's key names and address-bar keyword, and the web apps' page names.
 */
function chineseCatalogueLatin(): Set<string> {
  const zh = zhCN();
  const manifest = JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8')) as {
    commands?: Record<string, { suggested_key?: Record<string, string> }>;
    omnibox?: { keyword?: string };
  };
  const texts = [
    ...messageKeys('zh_CN').map((key) => zh(key)),
    ...Object.values(manifest.commands ?? {}).flatMap((command) => Object.values(command.suggested_key ?? {})),
    manifest.omnibox?.keyword ?? '',
    LOGIN_PATH,
    ...Object.values(APP_PAGES).flat().flatMap((page) => [page.path, page.name.zh, page.group?.zh ?? '']),
  ];
  return new Set(texts.flatMap((text) => text.match(/[a-z]{3,}/gi) ?? []).map((word) => word.toLowerCase()));
}

/** The page's `lang`, which tells screen readers which voice to read it with. */
function pageLanguage(page: Page): Promise<string> {
  return page.evaluate(() => document.documentElement.lang);
}

/** axe in light and dark (contrast differs), a screenshot of each: `<name>-light`, `<name>-dark`. */
async function checkInBothSchemes(page: Page, name: string, { shots = SCHEMES }: { shots?: readonly string[] } = {}) {
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page), `axe on ${name} (${scheme})`).toEqual([]);
    if (shots.includes(scheme)) await screenshot(page, `${name}-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Tab from where the focus is now: every expected control is reached, in DOM order. */
async function expectTabReachesEveryControl(page: Page) {
  const stops = await expectedTabStops(page);
  const reached = await tabThrough(page);
  const sorted = [...reached].sort((a, b) => Number(a) - Number(b));
  expect(
    sorted.map((key) => stops.find((s) => s.key === key)?.label),
    'controls reached by Tab',
  ).toEqual(stops.map((s) => s.label));
}

describe('English', () => {
  let ext: ExtensionHarness;
  const t = en();

  beforeAll(async () => {
    ext = await launchExtension();
  });
  afterAll(async () => {
    await ext?.close();
  });
  beforeEach(async () => {
    await resetBetweenTests(ext, server);
  });

  it('popup signed out: no serious axe findings, the user name has the focus, Tab reaches every control', async () => {
    const popup = await PopupPage.open(ext);
    expect(await popup.isSignInForm()).toBe(true);
    expect(await focused(popup.page)).toBe('input#username');
    expect(await horizontalOverflow(popup.page)).toBe(0);
    await checkInBothSchemes(popup.page, 'popup-signed-out-en');
    await expectTabReachesEveryControl(popup.page);

    // A wrong password's inline error must be accessible too.
    await popup.submitSignIn({ username: AGENT.username, password: 'wrong' });
    await popup.alert.waitFor();
    expect(await seriousViolations(popup.page), 'axe with the error shown').toEqual([]);
    await screenshot(popup.page, 'popup-signed-out-error-en-light');
  });

  it('popup signed in: the filter box has the focus on open, no serious axe findings, Tab reaches every control', async () => {
    const first = await PopupPage.open(ext);
    await first.signIn(ADMIN);
    await first.page.close();

    const popup = await PopupPage.open(ext);
    expect(await focused(popup.page), 'focus on open').toBe('input#path-filter');
    expect(await horizontalOverflow(popup.page)).toBe(0);
    await checkInBothSchemes(popup.page, 'popup-signed-in-en');
    await expectTabReachesEveryControl(popup.page);

    // The sign-out confirmation, in the account area: its buttons are reachable too, and it passes axe.
    await popup.openAccount();
    await popup.revokeButton.click();
    await popup.confirmRevokeButton.waitFor();
    expect(await seriousViolations(popup.page), 'axe with the revoke confirmation').toEqual([]);
    await expectTabReachesEveryControl(popup.page);
    await screenshot(popup.page, 'popup-revoke-confirm-en-light');
    expect(await popup.text()).toContain(t('popup_revoke_confirm'));
  });

  it('options page: no serious axe findings in light and dark, Tab reaches every control', async () => {
    const options = await OptionsPage.open(ext);
    await options.page.getByRole('table').waitFor(); // the shortcuts, read from the browser
    await options.page.getByText(t('shortcut_omnibox', 'bdk')).waitFor(); // and the address-bar keyword
    await checkInBothSchemes(options.page, 'options-en');
    await options.serverUrl.focus();
    await expectTabReachesEveryControl(options.page);
  });

  it('users page: no serious axe findings with field errors, line problems and results shown; Tab reaches every control', async () => {
    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    const users = await UsersPage.open(ext);
    await users.createOne({ email: 'not-an-email', password: '1' });
    await users.page.getByText(t('users_problem_password')).waitFor();
    await users.batchText.fill('a11y@example.com, A11y, secret1\nbad line');
    await users.createManyButton(1).click();
    await users.untilStatus(1, t('users_batch_all_done', '1'));
    await users.batchText.fill('bad line');
    await checkInBothSchemes(users.page, 'users-en');
    await users.email.focus();
    await expectTabReachesEveryControl(users.page);
  });

  // Product bug (see the report): when a control with the focus disappears (the sign-in form
  // replaced by the launcher, "Sign out…" replaced by its confirmation, the launcher replaced by
  // the form after revoking) the focus falls to <body>: the `autoFocus` of what replaces it does
  // nothing, as the page already used up its autofocus. Typing "tick" + Enter right after signing
  // in goes nowhere; a screen-reader user is left at the top of the page.
  it('popup: after signing in there, the focus is in the filter box', async () => {
    const popup = await PopupPage.open(ext);
    await popup.submitSignIn(ADMIN);
    await popup.filter.waitFor();
    expect(await focused(popup.page)).toBe('input#path-filter');
  });

  it('popup: after "Sign out", the focus is on the confirmation\'s "Cancel"', async () => {
    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    const popup = await PopupPage.open(ext);
    await popup.openAccount();
    await popup.revokeButton.click();
    await popup.confirmRevokeButton.waitFor();
    expect(await popup.cancelSignOutButton.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('popup: after revoking, the focus is in the sign-in form (the password, the user name being filled in)', async () => {
    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    const popup = await PopupPage.open(ext);
    await popup.revoke();
    await popup.signInButton.waitFor();
    expect(await focused(popup.page)).toBe('input#password');
  });
});

describe('Chinese (zh-CN)', () => {
  let ext: ExtensionHarness;
  const t = zhCN();

  beforeAll(async () => {
    ext = await launchExtension({ locale: 'zh-CN' });
    await resetBetweenTests(ext, server);
  });
  afterAll(async () => {
    await ext?.close();
  });

  /**
   * Runs of three or more Latin letters in the page's texts (text nodes, labels, titles,
   * placeholders) that the Chinese catalogue does not use itself: English hard-coded in a
   * component shows up here. Addresses, emails and the test accounts' names are data, not UI.
   */
  async function latinLeftOvers(page: Page, data: readonly string[] = []): Promise<string[]> {
    const allowed = chineseCatalogueLatin();
    const found = new Set<string>();
    for (const text of await visibleTexts(page)) {
      const rest = data
        .reduce((left, value) => left.split(value).join(' '), text)
        .replace(/[a-z][a-z0-9+.-]*:\/\/[\x21-\x7e]*|[\w.+-]+@[\w.-]+|\b[\w-]+(?:\.[\w-]+)+(?::\d+)?/gi, ' ');
      for (const word of rest.match(/[a-z]{3,}/gi) ?? []) if (!allowed.has(word.toLowerCase())) found.add(`${word} in "${text}"`);
    }
    return [...found];
  }

  it('popup signed out and signed in: translated, no overflow, no serious axe findings; screenshots light and dark', async () => {
    const popup = await PopupPage.open(ext, { t });
    expect(await popup.isSignInForm(), 'the form, found by its Chinese labels').toBe(true);
    expect(await pageLanguage(popup.page)).toBe('zh-CN');
    expect(await latinLeftOvers(popup.page)).toEqual([]);
    expect(await horizontalOverflow(popup.page)).toBe(0);
    await checkInBothSchemes(popup.page, 'popup-signed-out-zh-CN', { shots: ['light'] });

    await popup.signIn(AGENT);
    await popup.page.close();
    const signedIn = await PopupPage.open(ext, { t });
    expect(await signedIn.isLauncher()).toBe(true);
    expect(await signedIn.workspaceRadio('admin').count(), 'an agent without admin rights has no Admin switch').toBe(0);
    expect(await signedIn.text()).toContain(AGENT.nickname);
    expect(await latinLeftOvers(signedIn.page, [AGENT.nickname])).toEqual([]);
    expect(await horizontalOverflow(signedIn.page)).toBe(0);
    await checkInBothSchemes(signedIn.page, 'popup-signed-in-zh-CN');
  });

  it('options page: translated, no serious axe findings', async () => {
    const options = await OptionsPage.open(ext, { t });
    await options.page.getByRole('table').waitFor();
    expect(await pageLanguage(options.page)).toBe('zh-CN');
    expect(await latinLeftOvers(options.page, [AGENT.nickname])).toEqual([]);
    expect(await seriousViolations(options.page)).toEqual([]);
    await screenshot(options.page, 'options-zh-CN-light');
  });

  it('users page: translated, no serious axe findings', async () => {
    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    const users = await UsersPage.open(ext, t);
    await users.batchText.fill('不是邮箱, 客服, 123');
    await users.page.getByText(t('users_problem_email'), { exact: false }).waitFor();
    expect(await pageLanguage(users.page)).toBe('zh-CN');
    expect(await latinLeftOvers(users.page, [ADMIN.nickname])).toEqual([]);
    expect(await seriousViolations(users.page)).toEqual([]);
    await screenshot(users.page, 'users-zh-CN-light');
  });
});

describe('a browser in a language the extension has no messages for (German)', () => {
  let ext: ExtensionHarness;

  beforeAll(async () => {
    ext = await launchExtension({ locale: 'de' });
    await resetBetweenTests(ext, server);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('every page says it is in English, the language of its messages, not in the browser’s German', async () => {
    const popup = await PopupPage.open(ext);
    expect(await popup.isSignInForm()).toBe(true);
    expect(await pageLanguage(popup.page), 'popup').toBe('en');
    const options = await OptionsPage.open(ext); // waits for the stored settings: the page's effects have run
    expect(await pageLanguage(options.page), 'options').toBe('en');
    const users = await UsersPage.open(ext);
    await users.page.getByText(en()('users_need_sign_in')).waitFor();
    expect(await pageLanguage(users.page), 'users').toBe('en');
  });
});
