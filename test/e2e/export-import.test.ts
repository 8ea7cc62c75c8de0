// Settings carried to another browser: exported from the options page of a browser where two
// profiles are signed in (the file holds no token and no password), then imported into a fresh
// browser through the preview, which restores both profiles and the preferences.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Settings } from '../../lib/settings/settings';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { profileOf } from '../support/profiles.ts';

const t = en();
const FILE_NAME = 'bytedesk-launchpad-settings.json';
// Passwords no other text in the file could hold by chance.
const ONE = { username: 'one@email.com', password: 'first-Secret-4711', nickname: 'One' };
const TWO = { username: 'two@email.com', password: 'second-Secret-0815', nickname: 'Two' };

interface WorkerChrome {
  storage: Record<'local' | 'session', { get(): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }>;
}
declare const chrome: WorkerChrome;

let production: StandInServer;
let staging: StandInServer;
let folder: string;

beforeAll(async () => {
  [production, staging] = await Promise.all([startServerForTest({ users: [ONE] }), startServerForTest({ users: [TWO] })]);
  folder = mkdtempSync(join(tmpdir(), 'launchpad-export-'));
});
afterAll(async () => {
  await Promise.all([production?.close(), staging?.close()]);
  rmSync(folder, { recursive: true, force: true });
});

const profile = profileOf;

/** Everything the extension stores, both areas, as one text. */
async function allStorage(ext: ExtensionHarness): Promise<string> {
  const worker = await ext.currentWorker();
  return JSON.stringify(await worker.evaluate(async () => [await chrome.storage.local.get(), await chrome.storage.session.get()]));
}

const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const status = (page: Page) => page.locator('section', { has: page.getByRole('heading', { name: t('transfer_heading') }) }).getByRole('status');
/**
 * The options page, its file choosers caught from the start: Playwright turns the catching on
 * asynchronously when the first listener is added, and a chooser opened before that is lost.
 */
async function openOptions(ext: ExtensionHarness): Promise<Page> {
  const { page } = await OptionsPage.open(ext);
  page.on('filechooser', () => {});
  await page.evaluate(() => 0); // one round trip: the catching is on
  return page;
}
const previewLines = (page: Page) => page.getByRole('group', { name: new RegExp(FILE_NAME.replace(/\./g, '\\.')) }).getByRole('listitem').allTextContents();

describe('export and import of settings', () => {
  it('exports two signed-in profiles without token or password, and a fresh browser imports them with a preview', async () => {
    const exported = join(folder, FILE_NAME);
    const first = await launchExtension();
    let settings: Settings;
    try {
      const stagingAgent = `http://localhost:${staging.port}`;
      settings = {
        profiles: [profile('p1', 'Production', production.url), profile('p2', 'Staging', staging.url, { agentUrl: stagingAgent })],
        activeProfileId: 'p1',
        openIn: 'reuse-tab',
        defaultWorkspace: 'admin',
        policy: null,
        cleanAddressBar: false,
        actions: [],
      };
      const worker = await first.currentWorker();
      await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
      // Stay signed in, renewing with the password: a token and a sealed password are stored.
      await first.sendToBackground('signIn', { ...ONE, profileId: 'p1', persist: true, rememberPassword: true });
      await first.sendToBackground('signIn', { ...TWO, profileId: 'p2', persist: true, rememberPassword: true });
      const tokens = [...production.tokens(), ...staging.tokens()].map((row) => row.token);
      expect(tokens).toHaveLength(2);
      const stored = await allStorage(first);
      for (const token of tokens) expect(stored, 'the browser holds the token').toContain(token);

      const page = await openOptions(first);
      // A file that is not one: its problem in words, and nothing to apply.
      const refusing = page.waitForEvent('filechooser');
      await button(page, t('transfer_import')).click();
      await (await refusing).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"profiles": [') });
      const problems = page.getByRole('group', { name: t('transfer_problems_heading', 'notes.json') });
      // The file is read after the chooser answers: wait for its words, then check them.
      await expect.poll(() => problems.getByRole('listitem').allTextContents()).toEqual([t('transfer_problem_not_json')]);
      expect(await button(page, t('transfer_apply')).count()).toBe(0);
      await page.keyboard.press('Escape');
      await expect.poll(() => problems.count()).toBe(0);
      expect(await button(page, t('transfer_import')).evaluate((el) => el === document.activeElement), 'back on Import').toBe(true);

      const downloading = page.waitForEvent('download');
      await button(page, t('transfer_export')).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(FILE_NAME);
      await download.saveAs(exported);
      await expect.poll(() => status(page).textContent()).toBe(t('transfer_exported', FILE_NAME));

      const text = readFileSync(exported, 'utf8');
      for (const secret of [...tokens, ONE.password, TWO.password]) expect(text).not.toContain(secret);
      expect(text).not.toMatch(/token|password/i);
      expect(JSON.parse(text)).toMatchObject({
        format: 'bytedesk-launchpad-settings',
        version: 1,
        profiles: [
          { name: 'Production', serverUrl: production.url },
          { name: 'Staging', serverUrl: staging.url, agentUrl: stagingAgent },
        ],
        preferences: { openIn: 'reuse-tab', defaultWorkspace: 'admin' },
      });
    } finally {
      await first.close();
    }

    const fresh = await launchExtension();
    try {
      const page = await openOptions(fresh);

      // From the keyboard.
      await button(page, t('transfer_import')).focus();
      const choosing = page.waitForEvent('filechooser');
      await page.keyboard.press('Enter');
      await (await choosing).setFiles(exported);
      const heading = page.getByRole('heading', { name: t('transfer_preview_heading', FILE_NAME) });
      await heading.waitFor();
      expect(await heading.evaluate((el) => el === document.activeElement), 'the preview is where the focus goes').toBe(true);
      expect(await previewLines(page)).toEqual([
        t('transfer_add', 'Production', production.url),
        t('transfer_add', 'Staging', staging.url),
        t('transfer_change', t('options_open_in_legend'), `${t('options_open_in_new_tab')} → ${t('options_open_in_reuse_tab')}`),
        t('transfer_change', t('options_default_workspace_legend'), `${t('options_workspace_agent')} → ${t('options_workspace_admin')}`),
      ]);
      const before = await fresh.readStorage<Settings>('local', 'settings');
      expect(before?.profiles ?? [], 'nothing changes before Apply').toEqual([]);

      await button(page, t('transfer_apply')).click();
      const done = `${t('transfer_done', t('transfer_profiles', '2'), '0')} ${t('transfer_done_preferences')}`;
      await expect.poll(() => status(page).textContent()).toBe(done);
      const imported = (await fresh.readStorage<Settings>('local', 'settings'))!;
      const withoutIds = (s: Settings) => s.profiles.map(({ id: _, ...rest }) => rest);
      expect(withoutIds(imported)).toEqual(withoutIds(settings));
      expect(imported).toMatchObject({ openIn: 'reuse-tab', defaultWorkspace: 'admin', activeProfileId: imported.profiles[0]!.id });
      expect(await allStorage(fresh), 'signed in nowhere yet: no account came with the file').not.toMatch(/one@email|two@email/);
    } finally {
      await fresh.close();
    }
  });
});
