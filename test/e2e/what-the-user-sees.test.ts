// Issue 15, "what the user sees must be true", in English (light) and Chinese (dark): no count or
// lock of another account, the signed-out form's own words for an unreachable server, and a
// shortcut's sign-in window that says what it will open. Each state passes axe and is
// screenshot into test-results/issue15/<state>-<locale>-<scheme>.png.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { horizontalOverflow, seriousViolations } from './a11y.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, zhCN, type Translate, pageName } from './pages/messages.ts';
import { POPUP_VIEWPORT, PopupPage } from './pages/popup.ts';
import { ADMIN, AGENT, dispatchCommand, passwordLogins, resetBetweenTests } from './support.ts';

const SHOTS = resolve(fileURLToPath(new URL('../../test-results/issue15', import.meta.url)));
const LOCKED = { username: 'agent2@email.com', password: '123456' } as const;

declare const chrome: { action: { getBadgeText(d: object): Promise<string> } };

describe.each([
  { locale: 'en', scheme: 'light', t: en },
  { locale: 'zh-CN', scheme: 'dark', t: zhCN },
] as const)('what the user sees is true, in $locale ($scheme)', ({ locale, scheme, t: translator }) => {
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

  const open = () => PopupPage.open(ext, { t });
  const badgeText = async () => (await ext.currentWorker()).evaluate(() => chrome.action.getBadgeText({}));

  /** No serious axe findings, no horizontal scrolling, and a screenshot to read. */
  async function looksRight(page: Page, state: string): Promise<void> {
    expect(await seriousViolations(page), `axe: ${state}`).toEqual([]);
    expect(await horizontalOverflow(page), `overflow: ${state}`).toBe(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `${state}-${locale}-${scheme}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
  }

  it('another account\'s waiting count is never shown: after agent1 signs out and admin signs in, the badge and the popup show no count', async () => {
    server.setWorkSupport('supported');
    server.setWaiting(AGENT.username, { unreplied: 3 });
    server.setWaiting(ADMIN.username, { unreplied: 0 });
    const popup = await open();
    await popup.signIn(AGENT);
    await expect.poll(badgeText, { timeout: 10_000 }).toBe('3');
    await expect.poll(() => popup.text()).toContain(t('waiting_count', '3'));

    await popup.revoke();
    await popup.signInButton.waitFor();
    await expect.poll(badgeText, { message: 'signed out: the badge says so at once' }).toBe(t('badge_text_signed_out'));
    await expect.poll(() => ext.readStorage('local', 'waiting'), { message: 'and the count is forgotten' }).toEqual({});

    await popup.signIn(ADMIN);
    // Within the 20 s a count is reused: never agent1's 3, on the badge or in the popup.
    const seen = new Set<string>();
    for (let i = 0; i < 10; i++) {
      seen.add(await badgeText());
      await new Promise((r) => setTimeout(r, 200));
    }
    expect([...seen], 'the badge after admin signed in').toEqual(['']);
    const after = await open();
    expect(await after.isLauncher()).toBe(true);
    expect(await after.text()).not.toContain(t('waiting_count', '3'));
    expect((await after.listedPages())[0]?.[0], 'nothing waits for admin: no chats first').not.toBe(pageName(t, 'agent', 'chat'));
    await looksRight(after.page, 'account-switch-no-count');
  });

  it('another account\'s lock is not shown after a sign-out: the form shows agent1 with Sign in enabled; typing the locked agent2 shows its lock', async () => {
    const popup = await open();
    for (let attempt = 1; attempt <= 3; attempt++) {
      await popup.submitSignIn({ username: LOCKED.username, password: 'not-the-password' });
      await expect.poll(() => passwordLogins(server).length).toBe(attempt);
    }
    await expect.poll(() => popup.signInButton.isDisabled(), { message: 'agent2 is locked' }).toBe(true);

    await popup.typeInto(popup.username, AGENT.username);
    expect(await popup.signInButton.isEnabled(), 'another account is not locked').toBe(true);
    await popup.signIn(AGENT);
    await popup.revoke();
    await popup.signInButton.waitFor();
    expect(await popup.username.inputValue(), 'the account that just signed out').toBe(AGENT.username);
    expect(await popup.signInButton.isEnabled(), 'Sign in works for agent1').toBe(true);
    expect(await popup.alert.count(), 'no lock of agent2 is shown').toBe(0);
    const reopened = await open();
    expect(await reopened.username.inputValue()).toBe(AGENT.username);
    expect(await reopened.signInButton.isEnabled()).toBe(true);

    await reopened.typeInto(reopened.username, LOCKED.username);
    await expect.poll(() => reopened.signInButton.isDisabled(), { message: 'typed: agent2 is locked' }).toBe(true);
    expect(await reopened.alert.textContent()).toMatch(t('popup_locked_until', 'TIME').split('TIME')[0]!);
    await looksRight(reopened.page, 'signed-out-locked-account-typed');
    await reopened.typeInto(reopened.username, AGENT.username);
    expect(await reopened.signInButton.isEnabled(), 'typing another user name enables Sign in again').toBe(true);
    expect(await reopened.alert.count()).toBe(0);
  });

  it('the signed-out form names the server it cannot reach and never says "you stay signed in"', async () => {
    const popup = await open();
    server.setFault({ kind: 'refuse' });
    try {
      await popup.submitSignIn(AGENT);
      await popup.alert.waitFor();
      expect(await popup.alert.textContent()).toBe(t('error_unreachable_signed_out', new URL(server.url).host));
      expect(await popup.text()).not.toContain(t('error_unreachable'));
      await looksRight(popup.page, 'signed-out-unreachable');
    } finally {
      server.setFault(null);
    }
  });

  it('the sign-in window a shortcut opens says "Sign in to open Tickets", with no error box', async () => {
    const prompted = ext.context.waitForEvent('page', {
      predicate: (p) => p.url().startsWith(`chrome-extension://${ext.extensionId}/popup.html?`),
      timeout: 10_000,
    });
    await dispatchCommand(ext, 'open-agent-ticket');
    const prompt = new PopupPage(await prompted, t);
    await prompt.page.waitForLoadState();
    await prompt.rendered();
    expect(await prompt.opens.textContent()).toBe(t('popup_sign_in_to_open', pageName(t, 'agent', 'ticket')));
    expect(await prompt.alert.count(), 'being signed out is no error').toBe(0);
    expect(await prompt.isSignInForm()).toBe(true);
    await prompt.page.setViewportSize(POPUP_VIEWPORT); // the window's size, not the headless default
    await looksRight(prompt.page, 'shortcut-sign-in-window');
  });
});
