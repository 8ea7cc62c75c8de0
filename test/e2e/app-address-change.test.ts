// A session belongs to the origins it began on. Changing only the agent app's address, in the
// options page or by an import, must not hand the live token to the new origin: the session ends,
// its token is revoked on its own server, and the next shortcut asks to sign in instead.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { profileOf } from '../support/profiles.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { ADMIN, browserWindows, dispatchCommand, profileStatus } from './support.ts';

const t = en();
let home: StandInServer;
// Where the new agent app address points: a server that must never see the old token.
let elsewhere: StandInServer;
let ext: ExtensionHarness;
let folder: string;

beforeAll(async () => {
  [home, elsewhere] = await Promise.all([startServerForTest(), startServerForTest()]);
  folder = mkdtempSync(join(tmpdir(), 'launchpad-app-address-'));
});
afterAll(async () => {
  await Promise.all([home?.close(), elsewhere?.close()]);
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(async () => {
  ext = await launchExtension();
  await ext.writeSettings({
    profiles: [profileOf('p', 'Desk', home.url)],
    activeProfileId: 'p',
    openIn: 'new-tab',
    defaultWorkspace: 'agent',
    policy: null,
    cleanAddressBar: false,
    actions: [],
  });
});
afterEach(() => ext?.close());

/** Signs in on the stand-in and resolves the token the extension holds. */
async function signIn(): Promise<string> {
  await ext.sendToBackground('signIn', { ...ADMIN, profileId: 'p', persist: true, rememberPassword: false });
  const rows = home.tokens().filter((row) => !row.revoked);
  expect(rows).toHaveLength(1);
  return rows[0]!.token;
}

/** What the user sees next: the shortcut opens the sign-in prompt window, and no page carries the old token. */
async function expectNothingOpensWith(token: string): Promise<void> {
  await dispatchCommand(ext, 'open-agent-ticket');
  await expect.poll(async () => (await browserWindows(ext)).map((w) => w.type), { timeout: 10_000 }).toContain('popup');
  const urls = (await browserWindows(ext)).flatMap((w) => w.urls);
  expect(urls.filter((url) => url.includes(token))).toEqual([]);
  expect(elsewhere.requests.filter((r) => r.token === token), 'the new origin never saw the old token').toEqual([]);
  expect(await profileStatus(home, token), 'revoked on its own server').toBe(401);
}

const newAgentAddress = () => `http://localhost:${elsewhere.port}`;

describe('changing only an app address', () => {
  it('in the options page: signs the profile out, revokes its token on its own server, and opens nothing with it on the new origin', async () => {
    const token = await signIn();
    const options = await OptionsPage.open(ext);
    await options.advanced.click();
    await options.agentUrl.fill(newAgentAddress());
    await options.saveButton.click();
    await expect.poll(() => options.serverStatus.textContent(), { timeout: 10_000 }).toContain(t('options_signed_out_server_changed'));
    await expectNothingOpensWith(token);
  });

  it('by an import: the preview says the profile signs in again; Apply revokes its token and opens nothing with it on the new origin', async () => {
    const token = await signIn();
    const file = join(folder, 'crafted.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'bytedesk-launchpad-settings',
        version: 1,
        exportedAt: new Date().toISOString(),
        profiles: [{ name: 'Desk', serverUrl: home.url, agentUrl: newAgentAddress() }],
        preferences: {},
      }),
    );
    const { page } = await OptionsPage.open(ext);
    page.on('filechooser', () => {});
    await page.evaluate(() => 0);
    const button = (p: Page, name: string) => p.getByRole('button', { name, exact: true });
    const choosing = page.waitForEvent('filechooser');
    await button(page, t('transfer_import')).click();
    await (await choosing).setFiles(file);
    const preview = page.getByRole('group', { name: t('transfer_preview_heading', 'crafted.json') });
    await expect.poll(() => preview.getByRole('listitem').allTextContents()).toEqual([
      `${t('transfer_change', 'Desk', t('transfer_change_field', t('transfer_field_agent'), t('transfer_none'), newAgentAddress()))} ${t('transfer_change_signs_out')}`,
    ]);
    await button(page, t('transfer_apply')).click();
    const status = page.locator('section', { has: page.getByRole('heading', { name: t('transfer_heading') }) }).getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toContain(t('transfer_signed_out'));
    await expectNothingOpensWith(token);
  });
});
