// IT deployment: a Chromium policy file for the e2e build's fixed id (manifest `key`) sets the
// server, and a fresh browser needs no set-up; a broken policy is reported and changes nothing.
// The file is written as root to Chromium's managed policy folder and always removed afterwards.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { extensionDir, launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { AGENT, landingOn, landingView, pageLoads } from './support.ts';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = join(POLICY_DIR, 'launchpad-e2e-policy.json');
const t = en();

/** The id Chromium gives the build: from its manifest `key`, as Chromium computes it. */
function extensionIdOfBuild(): string {
  const { key } = JSON.parse(readFileSync(join(extensionDir(), 'manifest.json'), 'utf8')) as { key?: string };
  if (!key) throw new Error('The e2e build has no manifest key: rebuild with `npm run build:e2e`.');
  const hex = createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** Writes the policy for the extension in one step (a rename), so Chromium never reads half a file. */
function writePolicy(id: string, policy: Record<string, unknown>): void {
  mkdirSync(POLICY_DIR, { recursive: true });
  const partial = `${POLICY_FILE}.partial`;
  writeFileSync(partial, JSON.stringify({ '3rdparty': { extensions: { [id]: policy } } }));
  renameSync(partial, POLICY_FILE);
}

const removePolicy = () => rmSync(POLICY_FILE, { force: true });

let server: StandInServer;
let ext: ExtensionHarness;
let id: string;

interface StoredProfile {
  id: string;
  name: string;
  baseUrl: string;
  managed: boolean;
}
const storedProfiles = async () => (await ext.readStorage<{ profiles: StoredProfile[] }>('local', 'settings'))?.profiles ?? [];
const policyState = async () => (await ext.readStorage<{ kind: string }>('local', 'policy'))?.kind ?? 'none';

beforeAll(async () => {
  id = extensionIdOfBuild();
  server = await startServerForTest();
  try {
    writePolicy(id, { profiles: [{ name: 'Support desk', serverUrl: server.url }], defaultWorkspace: 'agent' });
    ext = await launchExtension();
  } catch (error) {
    removePolicy();
    throw error;
  }
});

afterAll(async () => {
  removePolicy();
  await ext?.close();
  await server?.close();
});

describe('deployment by managed policy', () => {
  it('runs the build under the id the policy names', () => {
    expect(ext.extensionId).toBe(id);
  });

  it("a fresh browser's popup signs in to the policy's server with no set-up, and opens the ticket page signed in", async () => {
    await expect.poll(storedProfiles, { timeout: 15_000 }).toEqual([
      expect.objectContaining({ name: 'Support desk', baseUrl: server.url, managed: true }),
    ]);

    const popup = await PopupPage.open(ext);
    expect(await popup.text(), 'no server set-up step').not.toContain(t('popup_no_server'));
    expect(await popup.isSignInForm()).toBe(true);
    expect(await popup.text()).toContain(new URL(server.url).host);

    await popup.signIn(AGENT);
    const landing = landingOn(ext, server, 'agent', 'ticket');
    await popup.openByTyping('ticket');
    const page = await landing;
    expect(await landingView(page)).toMatchObject({ state: 'signed-in', status: `signed in as ${AGENT.nickname}` });
    expect(pageLoads(server).at(-1)).toMatchObject({ path: '/agent/ticket', token: expect.any(String) });
  });

  it('the options page says the organisation sets some settings, and the locked profile cannot be changed or removed', async () => {
    const options = await OptionsPage.open(ext);
    const { page } = options;
    await expect.poll(() => page.locator('main').innerText()).toContain(t('policy_applied'));
    await page.getByText(t('options_profile_locked')).waitFor();
    const serverField = page.getByLabel(t('options_server_url_label'));
    expect(await serverField.inputValue()).toBe(server.url);
    expect(await serverField.isEditable(), 'the server field is read-only').toBe(false);
    expect(await page.getByLabel(t('options_profile_name_label')).isEditable()).toBe(false);
    expect(await page.getByRole('button', { name: t('options_save'), exact: true }).count(), 'no Save').toBe(0);
    expect(await page.getByRole('button', { name: t('options_profile_remove', 'Support desk') }).count(), 'no Remove').toBe(0);
    expect((await storedProfiles()).map((p) => [p.name, p.baseUrl, p.managed])).toEqual([['Support desk', server.url, true]]);
    await page.close();
  });

  it('an invalid policy is reported on the options page and changes nothing', async () => {
    const before = await storedProfiles();
    writePolicy(id, { profiles: [{ name: 'Support desk', serverUrl: 'ftp://x' }], defaultWorkspace: 'agent' });
    // Chromium watches its policy folder and re-reads it a few seconds after a change.
    await expect.poll(policyState, { timeout: 45_000, interval: 500 }).toBe('invalid');

    const options = await OptionsPage.open(ext);
    const alert = options.page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain(t('policy_invalid'));
    const serverProblem = t('policy_code_not_a_url', t('policy_field_server_url'));
    expect(await alert.innerText()).toContain(t('policy_problem_line', t('policy_where_profile', '1'), serverProblem));
    expect(await storedProfiles(), 'the last valid settings stay').toEqual(before);
    await options.page.close();

    const popup = await PopupPage.open(ext);
    expect(await popup.isLauncher(), 'still signed in to the same server').toBe(true);
    await popup.page.close();
  });
});
