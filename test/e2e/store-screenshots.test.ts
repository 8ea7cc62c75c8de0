// The store listing's screenshots, 1280x800 as the Chrome Web Store and Edge Add-ons ask, in
// English (light) and Chinese (dark): the popup signed out and signed in beside a caption, the
// options page, the users page. Written to release/store-screenshots/ (not committed).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../lib/settings/settings';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, zhCN, type Translate } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { UsersPage } from './pages/users.ts';
import { ADMIN, resetBetweenTests } from './support.ts';

const STORE_SIZE = { width: 1280, height: 800 };
const OUT = resolve(fileURLToPath(new URL('../../release/store-screenshots', import.meta.url)));

const LANGUAGES = [
  {
    name: 'en',
    locale: undefined,
    colorScheme: 'light',
    t: en,
    profile: 'Support desk',
    caption: ['Your Bytedesk, already signed in', 'Sign in once. Tickets, chats and the dashboard open signed in, from the toolbar, a shortcut, the right-click menu or the address bar.'],
  },
  {
    name: 'zh-CN',
    locale: 'zh-CN',
    colorScheme: 'dark',
    t: zhCN,
    profile: '客服中心',
    caption: ['打开即已登录的微语', '登录一次即可。工单、会话和仪表盘打开即已登录：工具栏、快捷键、右键菜单或地址栏，随手就到。'],
  },
] as const;

/** The page as the store shows it: exactly 1280x800. */
async function storeShot(page: Page, file: string): Promise<string> {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${file}.png`);
  const image = await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  // PNG's IHDR: width and height, big-endian, at bytes 16 and 20.
  expect([image.readUInt32BE(16), image.readUInt32BE(20)], file).toEqual([STORE_SIZE.width, STORE_SIZE.height]);
  return path;
}

/** Two popup pictures side by side under a caption, on a 1280x800 page of its own. */
async function composePopups(ext: ExtensionHarness, shots: Buffer[], [title, text]: readonly [string, string], dark: boolean) {
  const page = await ext.context.newPage();
  await page.setViewportSize(STORE_SIZE);
  const images = shots.map((png) => `<img alt="" src="data:image/png;base64,${png.toString('base64')}">`).join('');
  await page.setContent(`<!doctype html><meta charset="utf-8">
    <style>
      body { margin: 0; height: 800px; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 36px;
        font-family: system-ui, "WenQuanYi Micro Hei", sans-serif; background: ${dark ? '#161b22' : '#eef3fb'}; color: ${dark ? '#e6edf3' : '#1b2430'}; }
      h1 { margin: 0; font-size: 40px; } p { margin: 0; max-width: 980px; font-size: 22px; text-align: center; line-height: 1.5; }
      div { display: flex; gap: 56px; } img { width: 360px; border-radius: 12px; box-shadow: 0 8px 28px rgb(0 0 0 / 0.25); }
    </style>
    <h1>${title}</h1><p>${text}</p><div>${images}</div>`);
  return page;
}

let server: StandInServer;
beforeAll(async () => {
  server = await startServerForTest();
});
afterAll(async () => {
  await server?.close();
});

describe.each(LANGUAGES)('store screenshots, $name', ({ name, locale, colorScheme, t: messages, profile, caption }) => {
  let ext: ExtensionHarness;
  let t: Translate;
  beforeAll(async () => {
    t = messages();
    ext = await launchExtension({ ...(locale && { locale }), colorScheme });
    await resetBetweenTests(ext, server);
    // A profile named as a team would name it, not the test's own.
    const settings = (await ext.readStorage<Settings>('local', 'settings'))!;
    await ext.writeSettings({ ...settings, profiles: settings.profiles.map((p) => ({ ...p, name: profile })) });
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('the popup signed out and signed in, with what it does', async () => {
    const signedOut = await PopupPage.open(ext, { t });
    await signedOut.signInButton.waitFor();
    const before = await signedOut.page.screenshot({ animations: 'disabled', caret: 'hide' });
    await signedOut.signIn(ADMIN);
    await signedOut.page.close();
    const signedIn = await PopupPage.open(ext, { t });
    await signedIn.filter.waitFor();
    await signedIn.page.mouse.move(0, 0);
    const after = await signedIn.page.screenshot({ animations: 'disabled', caret: 'hide' });
    const page = await composePopups(ext, [before, after], caption, colorScheme === 'dark');
    await storeShot(page, `1-popup-${name}`);
    await page.close();
  });

  it('the options page', async () => {
    const options = await OptionsPage.open(ext, { t });
    await options.page.setViewportSize(STORE_SIZE);
    await options.page.getByRole('table').waitFor();
    await options.footer.getByText(ADMIN.username, { exact: false }).waitFor();
    await storeShot(options.page, `2-options-${name}`);
  });

  it('the users page, a batch created', async () => {
    const users = await UsersPage.open(ext, t);
    await users.page.setViewportSize(STORE_SIZE);
    const [one, two] = locale ? ['zhangsan, 张三', 'lisi, 李四'] : ['agent3, Agent Three', 'agent4, Agent Four'];
    const line = (user: string) => `${user.split(',')[0]}@example.com,${user.split(',')[1]}, secret1`;
    await users.batchText.fill(`${line(one)}\n${line(two)}`);
    await users.createManyButton(2).click();
    await users.untilStatus(1, t('users_batch_all_done', '2'));
    await users.page.mouse.move(0, 0);
    // The batch part, from its heading down to the results.
    await users.page.getByRole('heading', { name: t('users_batch_heading') }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await storeShot(users.page, `3-users-${name}`);
  });
});
