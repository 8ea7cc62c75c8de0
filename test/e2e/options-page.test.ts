// The options page as a user meets it: the save model said at the top, the development servers
// behind "Advanced" (open by itself once one is set), the address-bar keyword as a key, and who is
// signed in and which version at the bottom, kept current.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { extensionDir, type ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { ADMIN, browserAndServerPerFile } from './support.ts';

const t = en();

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

const builtVersion = () =>
  (JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8')) as { version: string }).version;

describe('options page', () => {
  it('says how it saves, near the top: the server with its button, the rest at once', async () => {
    const options = await OptionsPage.open(ext);
    const intro = options.page.locator('main > p.intro').first();
    expect(await intro.textContent()).toBe(t('options_save_model'));
    // Above the first card, where it is read before anything is changed.
    const [introTop, cardTop] = await Promise.all([intro, options.page.locator('.card').first()].map(async (l) => (await l.boundingBox())!.y));
    expect(introTop).toBeLessThan(cardTop!);
  });

  it('keeps the development servers behind "Advanced": closed while unset, opened by click or keyboard, open by itself once one is saved', async () => {
    const options = await OptionsPage.open(ext);
    expect(await options.advancedOpen()).toBe(false);
    expect(await options.agentUrl.count(), 'no hidden field to Tab into').toBe(0);
    expect(await options.adminUrl.count()).toBe(0);

    await options.advanced.focus();
    await options.page.keyboard.press('Enter');
    await options.agentUrl.waitFor();
    expect(await options.advancedOpen()).toBe(true);
    await options.page.keyboard.press('Enter'); // the summary still has the focus: closes again
    await expect.poll(() => options.agentUrl.count()).toBe(0);

    await options.advanced.click();
    await options.agentUrl.fill('http://127.0.0.1:9005');
    await options.saveButton.click();
    await expect.poll(() => options.serverStatus.textContent()).toContain(t('options_saved_server', new URL(server.url).host));

    const again = await OptionsPage.open(ext);
    expect(await again.advancedOpen(), 'open: a development server is set').toBe(true);
    expect(await again.agentUrl.inputValue()).toBe('http://127.0.0.1:9005');
    expect(await again.adminUrl.inputValue()).toBe('');
  });

  it('opens "Advanced" to show a development server the form refuses', async () => {
    const options = await OptionsPage.open(ext);
    await options.advanced.click();
    await options.agentUrl.fill('ftp://127.0.0.1:9005');
    await options.advanced.click(); // closed again, the bad address still in the form
    await expect.poll(() => options.agentUrl.count()).toBe(0);
    await options.saveButton.click();
    await expect.poll(() => options.agentUrl.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await options.agentUrl.getAttribute('aria-invalid')).toBe('true');
    expect(await options.page.getByText(t('options_error_scheme')).count()).toBe(1);
  });

  it('shows the address-bar keyword as a key, inside its sentence', async () => {
    const options = await OptionsPage.open(ext);
    await options.keywordKey.waitFor();
    const sentence = options.page.locator('p', { has: options.keywordKey });
    expect(await sentence.textContent()).toBe(t('shortcut_omnibox', 'bdk'));
  });

  it('ends with who is signed in (nickname, user name, server) and the version, kept current', async () => {
    const host = new URL(server.url).host;
    const options = await OptionsPage.open(ext);
    await expect.poll(() => options.footer.textContent()).toContain(t('options_signed_out', host));
    expect(await options.signInButton.count(), 'signed out: a way to sign in').toBe(1);
    expect(await options.footer.textContent()).toContain(t('options_version', t('extName'), builtVersion()));

    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    await expect
      .poll(() => options.footer.textContent(), { timeout: 10_000 })
      .toContain(t('options_signed_in_as', ADMIN.nickname, ADMIN.username, host));
    expect(await options.signInButton.count()).toBe(0);
  });
});
