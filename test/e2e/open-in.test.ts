import { afterAll, beforeAll, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';

// The "Open pages in" setting, in real Chromium: reuse an open tab of the workspace, or the current tab.
let server: StandInServer;
let ext: ExtensionHarness;

beforeAll(async () => {
  server = await startServerForTest();
  ext = await launchExtension();
  await ext.configureServer(server.url, { openIn: 'reuse-tab' });
  await ext.sendToBackground('signIn', { username: 'admin@email.com', password: 'admin', persist: false, rememberPassword: false });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

const signedIn = async (page: import('playwright-core').Page) =>
  expect.poll(() => page.locator('#status').getAttribute('data-state')).toBe('signed-in');

it('reuses the open tab of a workspace: focused and navigated, not a second tab', async () => {
  const first = ext.waitForLanding((url) => url.pathname === '/agent/ticket');
  await ext.sendToBackground('open', { workspace: 'agent', path: 'ticket' });
  const ticket = await first;
  await signedIn(ticket);
  await (await ext.messagePage()).bringToFront();

  const second = ext.waitForLanding((url) => url.pathname === '/agent/chat');
  await ext.sendToBackground('open', { workspace: 'agent', path: 'chat' });
  const chat = await second;
  expect(chat).toBe(ticket); // the same tab, navigated
  await signedIn(chat);
  expect(ext.webPages().filter((p) => p.url().includes('/agent/'))).toHaveLength(1);
  expect(await chat.evaluate(() => document.visibilityState)).toBe('visible');

  const admin = ext.waitForLanding((url) => url.pathname === '/admin/dashboard');
  await ext.sendToBackground('open', { workspace: 'admin', path: 'dashboard' });
  expect(await admin).not.toBe(chat); // another workspace: its own tab
});

it('opens in the current tab when asked (the modifier key)', async () => {
  const blank = await ext.context.newPage();
  await blank.goto(`${server.url}/agent/auth/login`);
  await blank.bringToFront();
  const landing = ext.waitForLanding((url) => url.pathname === '/admin/welcome');
  await ext.sendToBackground('open', { workspace: 'admin', path: 'welcome', target: 'current-tab' });
  expect(await landing).toBe(blank);
  await signedIn(blank);
});
