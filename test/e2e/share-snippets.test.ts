// Links to share, in real Chromium: the popup's row menu and the options page copy the Bytedesk
// docs' snippets with the placeholder; the real token goes in only when the user ticks the box,
// and what was copied is kept nowhere but the clipboard.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { seriousViolations } from './a11y.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, pageName } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { AGENT, storedSession } from './support.ts';

const t = en();
let server: StandInServer;
let ext: ExtensionHarness;

beforeAll(async () => {
  server = await startServerForTest();
  ext = await launchExtension();
  // Chromium takes no grant for an extension's origin ("opaque"): the whole context gets it.
  await ext.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await ext.configureServer(server.url);
  await ext.sendToBackground('signIn', { username: AGENT.username, password: AGENT.password, persist: false, rememberPassword: false });
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Clicks a copy button and reads back what landed in the clipboard once "Copied" shows. */
async function copy(page: Page, button: string): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: t(button as never), exact: true }).click();
  await page.getByRole('status').filter({ hasText: t('share_copied') }).waitFor();
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Everything the extension keeps, as text. */
async function everythingStored(): Promise<string> {
  const worker = await ext.currentWorker();
  return worker.evaluate(async () => JSON.stringify([await chrome.storage.local.get(null), await chrome.storage.session.get(null)]));
}
declare const chrome: { storage: Record<'local' | 'session', { get(keys: null): Promise<unknown> }> };

it('the link snippet copied for the ticket page holds the placeholder, and the real token only when chosen', async () => {
  const popup = await PopupPage.open(ext);
  const page = popup.page;
  await page.bringToFront();
  // By keyboard: from the filter box, Tab reaches the selected row's menu; Enter opens it.
  expect(await popup.selectedPage()).toContain(pageName(t, 'agent', 'ticket'));
  await page.keyboard.press('Tab');
  const menu = page.getByRole('button', { name: t('share_menu', pageName(t, 'agent', 'ticket')), exact: true });
  await expect.poll(() => menu.evaluate((el) => el === document.activeElement)).toBe(true);
  await page.keyboard.press('Enter');
  const realToken = page.getByRole('checkbox', { name: t('share_real_token'), exact: true });
  await expect.poll(() => realToken.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await realToken.isChecked()).toBe(false);
  expect(await seriousViolations(page), 'axe with the menu open').toEqual([]);

  const placeholder = await copy(page, 'share_copy_link');
  const { token } = (await storedSession(ext))!;
  expect(placeholder).toBe(`${server.url}/agent/ticket?accessToken=YOUR_ACCESS_TOKEN`);
  expect(placeholder).not.toContain(token);

  await realToken.check();
  expect(await page.getByText(t('share_real_token_warning')).isVisible()).toBe(true);
  const real = await copy(page, 'share_copy_link');
  expect(real).toBe(`${server.url}/agent/ticket?accessToken=${(await storedSession(ext))!.token}`);
  expect(await everythingStored()).not.toContain(real);

  // Closed and opened again, the choice is off: the real token is asked for each time.
  await page.getByRole('button', { name: t('share_close'), exact: true }).click();
  await menu.click();
  expect(await realToken.isChecked()).toBe(false);
  expect(await copy(page, 'share_copy_window_open')).toBe(`window.open('${placeholder}', '_blank');`);
  await page.close();
});

it('the options page copies any page of either workspace, the placeholder in an iframe and a form', async () => {
  const options = await OptionsPage.open(ext);
  const page = options.page;
  await page.bringToFront();
  const section = page.getByRole('region', { name: t('share_heading') });
  await section.getByRole('radio', { name: t('options_workspace_admin'), exact: true }).check();
  await section.getByRole('textbox', { name: t('share_page'), exact: true }).fill('任意路径?q="x"');

  const iframe = await copy(page, 'share_copy_iframe');
  const url = `${server.url}/admin/%E4%BB%BB%E6%84%8F%E8%B7%AF%E5%BE%84?q=%22x%22&accessToken=YOUR_ACCESS_TOKEN`;
  expect(iframe).toBe(`<iframe src="${url.replace('&', '&amp;')}" width="100%" height="600px" frameborder="0"></iframe>`);
  const form = await copy(page, 'share_copy_form');
  expect(form).toContain(`<form action="${server.url}/admin/%E4%BB%BB%E6%84%8F%E8%B7%AF%E5%BE%84" method="get" target="_blank">`);
  expect(form).toContain('<input type="hidden" name="q" value="&quot;x&quot;">');
  expect(form).toContain('<input type="hidden" name="accessToken" value="YOUR_ACCESS_TOKEN">');
  expect(await everythingStored()).not.toContain('YOUR_ACCESS_TOKEN');
  await page.close();
});
