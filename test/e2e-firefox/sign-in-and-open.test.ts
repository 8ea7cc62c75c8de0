// Smoke test of the Firefox build in real headless Firefox ESR, as a user goes: the server set in
// the options page, sign-in in the popup, the agent ticket page opened from its launcher. Checked
// on the landing page and in the stand-in server's request log.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { translatorFor } from '../e2e/pages/messages.ts';
import { pageLoads, passwordLogins } from '../e2e/support.ts';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';
import { EXTENSION_DIR, launchFirefox, type FirefoxHarness } from './harness.ts';

const ADMIN = { username: 'admin@email.com', password: 'admin', nickname: 'Admin' } as const;

let server: StandInServer | undefined;
let firefox: FirefoxHarness | undefined;

beforeAll(async () => {
  server = await startStandInServer({ port: 0, host: '127.0.0.1' });
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** A control found by its role and accessible name, as assistive technology sees it. */
const byRole = (role: string, name: string) => `::-p-aria(${name}[role="${role}"])`;

async function waitForText(page: Page, text: string): Promise<void> {
  try {
    await page.waitForFunction((wanted) => document.body.innerText.includes(wanted), { timeout: 10_000 }, text);
  } catch (error) {
    const shown = await page.evaluate(() => document.body.innerText).catch(() => '(page gone)');
    throw new Error(`"${text}" never showed; the page says:\n${shown}`, { cause: error });
  }
}

describe('Firefox', () => {
  it('sets the server in the options page, signs in from the popup and opens the agent ticket page signed in', async () => {
    const t = translatorFor(join(EXTENSION_DIR, '_locales', 'en', 'messages.json'));
    const { url } = server!;

    const options = await firefox!.extensionPage('options.html');
    await options.locator(byRole('textbox', t('options_server_url_label'))).fill(url);
    await options.locator(byRole('button', t('options_save'))).click();
    await waitForText(options, t('options_saved_server', new URL(url).host));
    await options.close();

    const popup = await firefox!.extensionPage('popup.html');
    await popup.locator(byRole('textbox', t('popup_username'))).fill(ADMIN.username);
    await popup.keyboard.press('Tab'); // to the password field (no ARIA role to find it by in Firefox)
    await popup.keyboard.type(ADMIN.password);
    await popup.locator(byRole('button', t('popup_sign_in'))).click();
    await popup.locator(byRole('combobox', t('popup_filter'))).setTimeout(10_000).click();
    await popup.keyboard.type('ticket');

    // Pages open in a new tab by default; the popup closes itself once it opened one.
    const landing = firefox!.browser.waitForTarget((target) => target.url().startsWith(`${url}/agent/ticket?`), {
      timeout: 15_000,
    });
    await popup.keyboard.press('Enter').catch((error: unknown) => {
      if (!popup.isClosed()) throw error;
    });
    const page = (await (await landing).page())!;

    await page.waitForFunction(() => document.getElementById('status')?.dataset.state !== 'checking', { timeout: 10_000 });
    expect(await page.$eval('#status', (el) => el.textContent)).toBe(`signed in as ${ADMIN.nickname}`);
    expect(await page.$eval('#path', (el) => el.textContent)).toBe('/ticket');
    const token = new URL(page.url()).searchParams.get('accessToken');
    expect(token).toBeTruthy();

    // One password login, as the FLUTTER channel (no captcha) and without a token; then the
    // page load and the page's profile call, both with the token the login gave.
    const logins = passwordLogins(server!);
    expect(logins).toHaveLength(1);
    expect(logins[0]).toMatchObject({ token: null, body: { username: ADMIN.username, password: '***', channel: 'FLUTTER' } });
    expect(pageLoads(server!).map((r) => [r.path, r.token])).toEqual([['/agent/ticket', token]]);
    const profileCalls = server!.requests.filter((r) => r.path === '/api/v1/user/profile');
    expect(profileCalls.length).toBeGreaterThanOrEqual(1);
    expect(profileCalls.map((r) => r.token)).toEqual(profileCalls.map(() => token));
  });
});
