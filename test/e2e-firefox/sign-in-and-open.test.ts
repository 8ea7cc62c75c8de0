// Smoke test of the Firefox build in real headless Firefox ESR, as a user goes: the server set in
// the options page, sign-in in the popup, the agent ticket page opened from its launcher; then
// "Open pages in: an open tab", on a server with a port (which Firefox match patterns cannot say).
// Checked on the landing page and in the stand-in server's request log.
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

/** Types `filter` in the signed-in popup and presses Enter; resolves with the page that lands on `path`. */
async function openFromPopup(popup: Page, filter: string, path: string): Promise<Page> {
  await popup.locator(byRole('combobox', t('popup_filter'))).setTimeout(10_000).click();
  await popup.keyboard.type(filter);
  const landing = firefox!.browser.waitForTarget((target) => target.url().startsWith(`${server!.url}${path}?`), {
    timeout: 15_000,
  });
  // The popup closes itself once it opened the page.
  await popup.keyboard.press('Enter').catch((error: unknown) => {
    if (!popup.isClosed()) throw error;
  });
  return (await (await landing).page())!;
}

/** The open tabs showing the stand-in server's pages. */
const serverPages = async () => (await firefox!.browser.pages()).filter((p) => p.url().startsWith(server!.url));

const t = translatorFor(join(EXTENSION_DIR, '_locales', 'en', 'messages.json'));

describe('Firefox', () => {
  it('sets the server in the options page, signs in from the popup and opens the agent ticket page signed in', async () => {
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
    const page = await openFromPopup(popup, 'ticket', '/agent/ticket'); // in a new tab, by default

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

  it('reuses the open tab of a workspace on a server with a port: the second page opens in the first one', async () => {
    // Signed in by the test above.
    expect(new URL(server!.url).port).not.toBe(''); // Firefox match patterns take no port
    for (const page of await serverPages()) await page.close(); // the first test's tab

    const options = await firefox!.extensionPage('options.html');
    await options.locator(byRole('radio', t('options_open_in_reuse_tab'))).click();
    await waitForText(options, t('options_saved'));
    await options.close();

    const chat = await openFromPopup(await firefox!.extensionPage('popup.html'), 'chat', '/agent/chat');
    const ticket = await openFromPopup(await firefox!.extensionPage('popup.html'), 'ticket', '/agent/ticket');
    expect(ticket === chat, 'the ticket page opened in the chat tab').toBe(true);
    expect((await serverPages()).map((p) => p.url())).toEqual([ticket.url()]);
    expect(pageLoads(server!).slice(-2).map((r) => r.path)).toEqual(['/agent/chat', '/agent/ticket']);
  });
});
