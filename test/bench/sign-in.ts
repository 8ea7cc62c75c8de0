// The signed-in state of the benchmark: the stand-in server set up as the only profile (as the
// e2e harness writes it) and an agent signed in through the background, as the popup does.
import type { Settings } from '../../lib/settings/settings';
import { DEMO_USERS } from '../server/bytedesk-server.ts';
import type { BenchBrowser } from './bench-browser.ts';

interface ChromeApi {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
}
declare const chrome: ChromeApi;

/** Agents are who open pages fifty times a day. */
const AGENT = DEMO_USERS.find((user) => user.username === 'agent1@email.com')!;

export async function signInAgainst(browser: BenchBrowser, serverUrl: string): Promise<void> {
  const settings: Settings = {
    profiles: [{ id: 'bench', name: 'Bench', baseUrl: serverUrl, agentUrl: null, adminUrl: null, managed: false }],
    activeProfileId: 'bench',
    openIn: 'new-tab',
    defaultWorkspace: 'agent',
    policy: null,
    cleanAddressBar: false,
    actions: [],
  };
  const worker = await browser.worker();
  await worker.evaluate((value) => chrome.storage.local.set({ settings: value }), settings);
  await browser.sendToBackground('signIn', {
    profileId: 'bench',
    username: AGENT.username,
    password: AGENT.password,
    persist: false,
    rememberPassword: false,
  });
}
