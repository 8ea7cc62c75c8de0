// The options and users pages in the states this work touches, English/light and Chinese/dark:
// axe clean in each, the Chinese pages in Chinese (the batch box's example too), and screenshots
// into test-results/screenshots/ (options-en-light.png, users-zh-CN-dark.png, …) to look at.
// With DOCS_SCREENSHOTS=1, the README's pictures are written too: docs/options.png, docs/options-zh.png,
// docs/users.png, docs/users-zh.png.
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { screenshot, seriousViolations } from './a11y.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en, zhCN, type Translate } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { UsersPage } from './pages/users.ts';
import { ADMIN, resetBetweenTests } from './support.ts';

const VIEWPORT = { width: 860, height: 900 };

let server: StandInServer;
beforeAll(async () => {
  server = await startServerForTest();
  // One user exists already: the batch below has a line the server refuses.
  await createOnServer('taken@example.com');
});
afterAll(async () => {
  await server?.close();
});

async function createOnServer(email: string) {
  const { createBytedeskClient } = await import('../../lib/server/client.ts');
  const client = createBytedeskClient({ baseUrl: server.url });
  const grant = await client.login(ADMIN.username, ADMIN.password);
  await client.createUser(grant.accessToken, { username: email, email, mobile: '', nickname: 'Taken', password: 'secret1', enabled: true });
}

const DOCS = resolve(fileURLToPath(new URL('../../docs', import.meta.url)));

/** axe, then a screenshot; `doc` names the copy in docs/ when DOCS_SCREENSHOTS is set. */
async function check(page: Page, name: string, doc?: string) {
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
  const path = await screenshot(page, name);
  if (doc && process.env.DOCS_SCREENSHOTS) copyFileSync(path, resolve(DOCS, `${doc}.png`));
}

const LANGUAGES = [
  { suffix: 'en-light', doc: '', locale: undefined, colorScheme: 'light', t: en, names: ['agent3', 'Agent Three', 'agent4', 'Agent Four'] },
  { suffix: 'zh-CN-dark', doc: '-zh', locale: 'zh-CN', colorScheme: 'dark', t: zhCN, names: ['zhangsan', '张三', 'lisi', '李四'] },
] as const;

describe.each(LANGUAGES)('$suffix', ({ suffix, doc, locale, colorScheme, t: messages, names }) => {
  let ext: ExtensionHarness;
  let t: Translate;
  beforeAll(async () => {
    t = messages();
    ext = await launchExtension({ ...(locale && { locale }), colorScheme });
    await resetBetweenTests(ext, server);
  });
  afterAll(async () => {
    await ext?.close();
  });

  it('options page: signed out, then signed in with Advanced open', async () => {
    const options = await OptionsPage.open(ext, { t });
    await options.page.setViewportSize(VIEWPORT);
    await options.page.getByRole('table').waitFor();
    await options.signInButton.waitFor();
    await check(options.page, `options-signed-out-${suffix}`);

    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    const signedIn = await OptionsPage.open(ext, { t });
    await signedIn.page.setViewportSize(VIEWPORT);
    await signedIn.page.getByRole('table').waitFor();
    await signedIn.footer.getByText(ADMIN.username, { exact: false }).waitFor();
    await check(signedIn.page, `options-${suffix}`, `options${doc}`);
    await signedIn.advanced.click();
    await signedIn.agentUrl.waitFor();
    await check(signedIn.page, `options-advanced-${suffix}`);
  });

  it('users page: signed out, then a batch with a line refused and one with a problem', async () => {
    await ext.sendToBackground('revoke').catch(() => {});
    const signedOut = await UsersPage.open(ext, t);
    await signedOut.page.setViewportSize(VIEWPORT);
    await signedOut.signInButton.waitFor();
    await check(signedOut.page, `users-signed-out-${suffix}`);

    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    const users = await UsersPage.open(ext, t);
    await users.page.setViewportSize(VIEWPORT);
    await users.batchText.waitFor();
    const placeholder = (await users.batchText.getAttribute('placeholder')) ?? '';
    expect(placeholder).toBe(t('users_batch_placeholder'));
    expect(placeholder, 'the example speaks the language').toContain(locale ? '张三' : 'Agent Three');
    await check(users.page, `users-empty-${suffix}`);

    const [first, firstName, second, secondName] = names;
    await users.batchText.fill(
      [
        `${first}@example.com, ${firstName}, secret1`,
        'not-an-email, Bad, secret2',
        'taken@example.com, Taken, secret3',
        `${second}@example.com, ${secondName}, secret4`,
      ].join('\n'),
    );
    await users.createManyButton(3).waitFor();
    await users.createManyButton(3).click();
    await expect.poll(() => users.status(1).getAttribute('class'), { timeout: 15_000 }).toContain('warn');
    expect(await users.batchProblems()).toHaveLength(2);
    await users.page.mouse.move(0, 0);
    await check(users.page, `users-${suffix}`, `users${doc}`);
  });
});
