// The clean address bar (opt-in), in real Chromium against the stand-in, whose landing page reads
// the token at load: once loaded, the tab's address has no accessToken, the page is still signed
// in, and history (granted up front in the e2e build) holds no signed address.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { AGENT, landingOn, landingView, tokenInUrl } from './support.ts';

let server: StandInServer;
let ext: ExtensionHarness;

beforeAll(async () => {
  server = await startServerForTest();
  ext = await launchExtension();
  await ext.configureServer(server.url);
  await ext.sendToBackground('signIn', { username: AGENT.username, password: AGENT.password, persist: false, rememberPassword: false });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

declare const chrome: {
  history: { search(query: { text: string; startTime: number; maxResults: number }): Promise<{ url?: string }[]> };
};
/** Every address in the browser's history. */
async function historyUrls(): Promise<string[]> {
  const worker = await ext.currentWorker();
  const items = await worker.evaluate(() => chrome.history.search({ text: '', startTime: 0, maxResults: 1000 }));
  return items.map((item) => item.url ?? '');
}

it('with the option on, the opened tab loses accessToken once loaded, stays signed in, and history holds no signed address', async () => {
  await ext.configureServer(server.url, { cleanAddressBar: true });
  const landing = landingOn(ext, server, 'agent', 'ticket');
  await ext.sendToBackground('open', { workspace: 'agent', path: 'ticket?view=mine' });
  const page = await landing;
  await expect.poll(() => tokenInUrl(page), { timeout: 10_000 }).toBeNull();
  expect(page.url()).toBe(`${server.url}/agent/ticket?view=mine`);
  const view = await landingView(page);
  expect(view.state).toBe('signed-in');
  expect(view.status).toBe(`signed in as ${AGENT.nickname}`);
  await expect.poll(async () => (await historyUrls()).filter((url) => url.includes('accessToken')), { timeout: 10_000 }).toEqual([]);
  // Reloaded without the token, the web app still knows who is signed in (it kept it, as Bytedesk's do).
  await page.reload();
  expect((await landingView(page)).state).toBe('signed-in');
  await page.close();
});

it('by default the address is left as the docs have it, token included', async () => {
  await ext.configureServer(server.url, { cleanAddressBar: false });
  const landing = landingOn(ext, server, 'agent', 'chat');
  await ext.sendToBackground('open', { workspace: 'agent', path: 'chat' });
  const page = await landing;
  expect((await landingView(page)).state).toBe('signed-in');
  await new Promise((resolve) => setTimeout(resolve, 1000)); // what the option would have taken
  expect(tokenInUrl(page)).not.toBeNull();
  expect((await historyUrls()).some((url) => url.includes('/agent/chat?accessToken='))).toBe(true);
  await page.close();
});
