// Junk in the extension's storage (a profile entry, a sign-in of the wrong shape) as a user meets
// it: the rest kept, the junk's sessions ended, and the words said once; screenshots in English
// (light) and Chinese (dark) under test-results/screenshots/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { screenshot } from './a11y.ts';
import { E2E_PROFILE, launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, zhCN, type Translate } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { AGENT, resetBetweenTests } from './support.ts';

declare const chrome: { storage: Record<'local' | 'session', { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> }> };

let server: StandInServer;
beforeAll(async () => {
  server = await startServerForTest();
});
afterAll(() => server?.close());

async function store(ext: ExtensionHarness, area: 'local' | 'session', items: Record<string, unknown>): Promise<void> {
  const worker = await ext.currentWorker();
  await worker.evaluate(([where, values]) => chrome.storage[where].set(values), [area, items] as const);
}

/** The configured settings with one profile entry nobody can read, whose session is still live on the server. */
async function addUnreadableProfile(ext: ExtensionHarness): Promise<string> {
  const token = server.mint(AGENT.username);
  const settings = (await ext.readStorage<{ profiles: unknown[] }>('local', 'settings'))!;
  await store(ext, 'local', {
    settings: { ...settings, profiles: [...settings.profiles, { id: 'gone', name: 'Gone', baseUrl: 42 }] },
    'session/gone': {
      id: 's-gone', token, serverUrl: server.url, profileId: 'gone', issuedAt: Date.now(), expiresAt: null,
      user: { username: AGENT.username, nickname: AGENT.nickname, superUser: false }, persist: true, renewalFailed: null, retired: [],
    },
  });
  return token;
}

for (const [language, locale, scheme, t] of [
  ['English', undefined, 'light', en()],
  ['Chinese', 'zh-CN', 'dark', zhCN()],
] as [string, string | undefined, 'light' | 'dark', Translate][]) {
  describe(`stored junk (${language}, ${scheme})`, () => {
    let ext: ExtensionHarness;
    const tag = `${locale ?? 'en'}-${scheme}`;
    beforeAll(async () => {
      ext = await launchExtension({ locale, colorScheme: scheme });
    });
    afterAll(() => ext?.close());

    it('One unreadable profile: the options page says once that it was removed, the other stays, and its sign-in is revoked', async () => {
      await resetBetweenTests(ext, server);
      const token = await addUnreadableProfile(ext);
      const options = await OptionsPage.open(ext, { t });
      const notice = options.page.getByText(t('repair_profile'));
      await notice.waitFor();
      expect(await options.serverUrl.inputValue()).toBe(server.url);
      await screenshot(options.page, `repair-notice-options-${tag}`);
      await expect.poll(() => server.tokens().find((row) => row.token === token)?.revoked, { timeout: 10_000 }).toBe(true);
      expect(await ext.readStorage('local', 'session/gone')).toBeUndefined();

      const again = await OptionsPage.open(ext, { t });
      await again.page.waitForTimeout(300);
      expect(await again.page.getByText(t('repair_profile')).count(), 'said once').toBe(0);
    });

    it('A damaged stored sign-in: the popup signs the user out and says why', async () => {
      await resetBetweenTests(ext, server);
      await store(ext, 'local', {
        [`session/${E2E_PROFILE}`]: { token: 7, serverUrl: server.url },
        [`lastAccount/${E2E_PROFILE}`]: { username: AGENT.username, endedBecause: null },
      });
      const popup = await PopupPage.open(ext, { t });
      await expect.poll(() => popup.alert.textContent()).toBe(t('error_sign_in_damaged'));
      expect(await popup.username.inputValue()).toBe(AGENT.username);
      await screenshot(popup.page, `repair-sign-in-popup-${tag}`);
    });

    it('With the organisation managing the servers and none set, the popup says so instead of offering the server form', async () => {
      await resetBetweenTests(ext, server, { configure: false });
      // As the worker's reading of the policy leaves it: no profile, none of one's own allowed.
      const policy = { allowUserProfiles: false, lockManaged: true, defaultWorkspaceLocked: false };
      await store(ext, 'local', { settings: { profiles: [], activeProfileId: null, openIn: 'new-tab', defaultWorkspace: 'agent', policy, cleanAddressBar: false, actions: [] } });
      const popup = await PopupPage.open(ext, { t });
      await popup.page.getByText(t('popup_servers_managed')).waitFor();
      expect(await popup.page.getByRole('textbox').count(), 'no server form').toBe(0);
      await screenshot(popup.page, `servers-managed-popup-${tag}`);
    });
  });
}
