// A batch of new users stays on the profile it started on: two stand-in servers (Production and
// Staging, different ports), two profiles signed in as the super administrator. Switching the
// active profile mid-run changes nothing for the run; moving its profile to another server pauses
// it, in words, with nothing sent there. Screenshots of that pause, English/light and Chinese/dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/settings/settings';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { screenshot } from './a11y.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, zhCN, type Translate } from './pages/messages.ts';
import { PopupPage } from './pages/popup.ts';
import { UsersPage } from './pages/users.ts';
import { ADMIN } from './support.ts';

declare const chrome: { storage: { local: { set(items: object): Promise<void>; get(keys: null): Promise<Record<string, unknown>> } } };

let production: StandInServer;
let staging: StandInServer;

beforeAll(async () => {
  [production, staging] = await Promise.all([startServerForTest(), startServerForTest()]);
});
afterAll(async () => {
  await Promise.all([production?.close(), staging?.close()]);
});

const created = (server: StandInServer) =>
  server.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/user/create').map((r) => (r.body as { email: string }).email);
const host = (server: StandInServer) => new URL(server.url).host;
const settings = (prodUrl = production.url): Settings => ({
  profiles: [
    { id: 'prod', name: 'Production', baseUrl: prodUrl, agentUrl: null, adminUrl: null, managed: false },
    { id: 'stage', name: 'Staging', baseUrl: staging.url, agentUrl: null, adminUrl: null, managed: false },
  ],
  activeProfileId: 'prod',
  openIn: 'new-tab',
  defaultWorkspace: 'agent',
  policy: null,
  cleanAddressBar: false,
  actions: [],
});

/** A browser with both profiles signed in as the super administrator, Production active. */
async function twoProfiles(options: Parameters<typeof launchExtension>[0] = {}): Promise<ExtensionHarness> {
  const ext = await launchExtension(options);
  await ext.writeSettings(settings());
  for (const profileId of ['prod', 'stage']) {
    await ext.sendToBackground('signIn', { profileId, ...ADMIN, persist: false, rememberPassword: false });
  }
  return ext;
}

/** Starts `emails` on the users page (Production shown) at a pace of 1 s; resolves once the first is created. */
async function startRun(ext: ExtensionHarness, emails: string[], t: Translate): Promise<UsersPage> {
  const users = await UsersPage.open(ext, t);
  await users.batchText.fill(emails.map((e, i) => `${e}, User ${i}, secret${i}1`).join('\n'));
  await users.pace.fill('1');
  await users.pace.press('Tab');
  const before = created(production).length;
  await users.page.getByRole('button', { name: t('users_create_many', String(emails.length)), exact: true }).click();
  await expect.poll(() => created(production).length - before).toBe(1);
  return users;
}

describe('a batch of new users and the profiles', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => {
    ext = await twoProfiles();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('a batch started on A stays on A while the popup switches to B: all 3 created on A, nothing sent to B', async () => {
    const t = en();
    staging.clearRequests();
    const emails = ['stay1@example.com', 'stay2@example.com', 'stay3@example.com'];
    const users = await startRun(ext, emails, t);

    const popup = await PopupPage.open(ext);
    await popup.switchProfile('Staging');
    expect(await ext.readStorage<Settings>('local', 'settings')).toMatchObject({ activeProfileId: 'stage' });

    await expect.poll(() => users.batchStatus.textContent(), { timeout: 15_000 }).toBe(t('users_batch_all_done', '3'));
    expect(created(production).filter((e) => e.startsWith('stay'))).toEqual(emails);
    expect(created(staging), 'nothing created on Staging').toEqual([]);
    expect(staging.requests.filter((r) => r.path.startsWith('/api/v1/user/')), 'no request of the run reached Staging').toEqual([]);
    await popup.page.close();
    await users.page.close();
  });

  it("A's server changed mid-run: the run pauses with the words, creates nothing on the new server, and resumes on A once A is back", async () => {
    const t = en();
    await ext.writeSettings(settings()); // Production active again
    staging.clearRequests();
    const users = await startRun(ext, ['moved1@example.com', 'moved2@example.com', 'moved3@example.com'], t);

    // Production is now set to Staging's server (as the options page or an import would do it).
    await ext.writeSettings(settings(staging.url));
    const words = t('users_profile_changed', 'Production', host(production));
    await expect.poll(() => users.batchStatus.textContent(), { timeout: 15_000 }).toBe(words);
    expect(created(staging), 'nothing created on the new server').toEqual([]);
    expect(created(production).filter((e) => e.startsWith('moved'))).toEqual(['moved1@example.com']);
    expect(await users.button('users_resume').count(), 'no Resume while the profile is elsewhere').toBe(0);
    await users.page.setViewportSize({ width: 900, height: 900 });
    await screenshot(users.page, 'users-profile-changed-en-light');

    // Production back on its server (and signed in there again): Resume goes on there.
    await ext.writeSettings(settings());
    await ext.sendToBackground('signIn', { profileId: 'prod', ...ADMIN, persist: false, rememberPassword: false });
    await users.button('users_resume').click();
    await expect.poll(() => users.batchStatus.textContent(), { timeout: 15_000 }).toBe(t('users_batch_all_done', '3'));
    expect(created(production).filter((e) => e.startsWith('moved'))).toEqual(['moved1@example.com', 'moved2@example.com', 'moved3@example.com']);
    expect(created(staging)).toEqual([]);
  });
});

describe('what the batch section refuses and repairs', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => {
    ext = await twoProfiles();
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('A list over 5,000 lines is refused before it starts, in words; the limit is said beforehand', async () => {
    const t = en();
    const users = await UsersPage.open(ext, t);
    await users.page.getByText(t('users_batch_limit', '5,000', '1 MB'), { exact: true }).waitFor();
    const before = created(production).length;
    // As a paste puts it in (fill types it through an editing command, line by line: minutes).
    const list = Array.from({ length: 5_001 }, (_, i) => `many${i}@example.com, M${i}, secret${i}1`).join('\n');
    await users.batchText.evaluate((box: HTMLTextAreaElement, text) => {
      box.value = text;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, list);
    await expect.poll(() => users.batchSummary.textContent(), { timeout: 10_000 }).toBe(t('users_batch_too_long', '5,001', '5,000'));
    const button = users.page.getByRole('button', { name: t('users_create_many', '0'), exact: true });
    expect(await button.getAttribute('aria-disabled')).toBe('true');
    await button.click({ force: true }); // aria-disabled: Playwright would wait for it to be enabled
    await users.page.waitForTimeout(500);
    expect(created(production).length, 'nothing sent').toBe(before);
    await users.page.close();
  });

  it('the extension stopped mid-request: the line is "unknown, checked on resume", the run pauses in words, and Resume counts it as created', async () => {
    const t = en();
    await ext.writeSettings(settings());
    const users = await UsersPage.open(ext, t);
    await users.batchText.fill('gone1@example.com, Gone One, secret11\ngone2@example.com, Gone Two, secret21');
    await users.pace.fill('0');
    await users.pace.press('Tab');
    production.setResponseDelay(1_500, ['/api/v1/user/create']);
    const before = created(production).length;
    await users.page.getByRole('button', { name: t('users_create_many', '2'), exact: true }).click();
    await expect.poll(() => created(production).length - before).toBe(1); // logged as it arrives, answered later

    // The browser stops the extension's worker while the request is out (as MV3 may).
    const cdp = await ext.context.newCDPSession(users.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect
      .poll(() => users.batchStatus.textContent(), { timeout: 15_000 })
      .toBe(t('users_stopped', t('error_no_answer')));
    expect(await users.resultRows()).toEqual([['1', 'gone1@example.com', t('users_result_unknown')]]);
    production.setResponseDelay(null);

    await users.button('users_resume').click();
    await expect.poll(() => users.batchStatus.textContent(), { timeout: 15_000 }).toBe(t('users_batch_all_done', '2'));
    expect(created(production).slice(before), 'the unknown line sent again, the next once').toEqual([
      'gone1@example.com',
      'gone1@example.com',
      'gone2@example.com',
    ]);
    await users.page.close();
  });

  it('A damaged run record is removed and said once on the users page', async () => {
    const t = en();
    const page = await ext.messagePage();
    await page.evaluate(() => chrome.storage.local.set({ batchProgress: { serverUrl: 42 }, 'batchProgress/0': 'junk' }));
    const users = await UsersPage.open(ext, t);
    await expect.poll(() => users.batchStatus.textContent(), { timeout: 5_000 }).toBe(t('users_damaged_run'));
    expect(Object.keys(await page.evaluate(() => chrome.storage.local.get(null))).filter((k) => k.startsWith('batchProgress'))).toEqual([]);
    await users.page.reload();
    await users.batchText.waitFor();
    expect(await users.batchStatus.textContent(), 'said once').toBe('');
    await users.page.close();
  });
});

describe('the same pause in Chinese, dark', () => {
  let ext: ExtensionHarness;
  beforeAll(async () => {
    ext = await twoProfiles({ locale: 'zh-CN', colorScheme: 'dark' });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('says the profile changed and where to resume, in Chinese', async () => {
    const t = zhCN();
    const users = await startRun(ext, ['zh1@example.com', 'zh2@example.com'], t);
    await ext.writeSettings(settings(staging.url));
    await expect
      .poll(() => users.batchStatus.textContent(), { timeout: 15_000 })
      .toBe(t('users_profile_changed', 'Production', host(production)));
    await users.page.setViewportSize({ width: 900, height: 900 });
    await screenshot(users.page, 'users-profile-changed-zh-CN-dark');
  });
});
