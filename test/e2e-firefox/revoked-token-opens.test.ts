// The Firefox build, headless Firefox ESR: a token revoked elsewhere while the extension still
// trusts it. Six pages asked for at once open at once with it, and then each ends signed in with
// the fresh token after one password login, as in Chromium (test/e2e/revoked-token-opens.test.ts).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { translatorFor } from '../e2e/pages/messages.ts';
import { pageLoads, passwordLogins, tokenExchanges } from '../e2e/support.ts';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';
import { EXTENSION_DIR, launchFirefox, type FirefoxHarness } from './harness.ts';

const ADMIN = { username: 'admin@email.com', password: 'admin', nickname: 'Admin' } as const;
const OPENS = 6;

let server: StandInServer;
let firefox: FirefoxHarness;

beforeAll(async () => {
  server = await startStandInServer({ port: 0, host: '127.0.0.1' });
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const byRole = (role: string, name: string) => `::-p-aria(${name}[role="${role}"])`;
const t = translatorFor(join(EXTENSION_DIR, '_locales', 'en', 'messages.json'));

// Run in an extension page; as text, since the test's own `browser` is rewritten by WXT's vitest plugin.
const STORED_TOKEN = `(async () => {
  const local = await browser.storage.local.get();
  const session = await browser.storage.session.get();
  const profileId = local.settings.activeProfileId;
  const stored = session['session/' + profileId] ?? local['session/' + profileId];
  return { profileId, token: stored ? stored.token : null };
})()`;

/** The active profile's id and its stored token, read in an extension page. */
const storedToken = (page: Page) => page.evaluate(STORED_TOKEN) as Promise<{ profileId: string; token: string | null }>;

/** Asks the background for `count` pages at once, as the popup asks for one (the open every way in ends in). */
const openAtOnce = (page: Page, count: number, profileId: string) =>
  page.evaluate(`void Promise.all(Array.from({ length: ${count} }, (_, i) =>
    browser.runtime.sendMessage({ type: 'open', data: { profileId: ${JSON.stringify(profileId)}, workspace: 'agent', path: 'ticket?n=' + i } })))`);

const serverPages = async () => (await firefox.browser.pages()).filter((p) => p.url().startsWith(`${server.url}/`));
const stateOf = (page: Page) => page.$eval('#status', (el) => el.getAttribute('data-state')).catch(() => null);

describe('Firefox: opens on a token revoked elsewhere', () => {
  it('pages opened on trust with a token revoked elsewhere end signed in with the fresh token, after one password login', async () => {
    const options = await firefox.extensionPage('options.html');
    await options.locator(byRole('textbox', t('options_server_url_label'))).fill(server.url);
    await options.locator(byRole('button', t('options_save'))).click();
    await options.waitForFunction((host) => document.body.innerText.includes(host), { timeout: 10_000 }, new URL(server.url).host);
    await options.close();

    const popup = await firefox.extensionPage('popup.html');
    await popup.locator(byRole('textbox', t('popup_username'))).fill(ADMIN.username);
    await popup.keyboard.press('Tab');
    await popup.keyboard.type(ADMIN.password);
    await popup.locator(byRole('radio', t('popup_stay_password'))).click();
    await popup.locator(byRole('button', t('popup_sign_in'))).click();
    await popup.locator(byRole('combobox', t('popup_filter'))).setTimeout(10_000).wait(); // signed in, token confirmed
    const { profileId, token: revoked } = await storedToken(popup);
    server.revoke(revoked!); // the admin console's Token management
    server.clearRequests();

    await openAtOnce(popup, OPENS, profileId);

    await expect.poll(async () => (await storedToken(popup)).token, { timeout: 30_000 }).not.toBe(revoked);
    const fresh = (await storedToken(popup)).token;
    const tokens = async () => (await serverPages()).map((p) => new URL(p.url()).searchParams.get('accessToken'));
    await expect.poll(tokens, { timeout: 30_000 }).toEqual(Array.from({ length: OPENS }, () => fresh));
    for (const page of await serverPages()) {
      await expect.poll(() => stateOf(page), { timeout: 15_000 }).toBe('signed-in');
    }
    expect(pageLoads(server).filter((r) => r.token === revoked), 'each opened at once, with no wait').toHaveLength(OPENS);
    expect(passwordLogins(server), 'one password login for all the opens').toHaveLength(1);
    expect(tokenExchanges(server).length).toBeLessThanOrEqual(1);
  });
});
