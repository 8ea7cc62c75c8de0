// A super administrator creates users from the extension: one through the form, several pasted
// at once; what the server received, and that the new users can sign in. The batch's wording
// (plural, refused lines counted), its line numbers after a run, and the sign-in offered when signed out.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBytedeskClient } from '../../lib/server/client.ts';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { PopupPage } from './pages/popup.ts';
import { UsersPage } from './pages/users.ts';
import { ADMIN, AGENT, browserAndServerPerFile, browserWindows, storedSession } from './support.ts';

const t = en();

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

const creations = () => server.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/user/create');
const canSignIn = (username: string, password: string) =>
  createBytedeskClient({ baseUrl: server.url })
    .login(username, password)
    .then((grant) => grant.user.nickname, () => null);

describe('creating users', () => {
  it('a super administrator opens "Create users…" from the popup and creates one user, then several pasted ones', async () => {
    const popup = await PopupPage.open(ext);
    await popup.signIn(ADMIN);
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/users.html') });
    await popup.page.getByRole('button', { name: t('users_open'), exact: true }).click();
    const users = new UsersPage(await opened);
    await users.email.waitFor();
    expect(await users.email.evaluate((el) => el === document.activeElement), 'focus on the first field').toBe(true);
    const { token } = (await storedSession(ext))!;

    // One user.
    await users.createOne({ email: 'agent3@example.com', nickname: 'Agent Three', password: 'secret3' });
    await users.untilStatus(0, t('users_created_one', 'Agent Three (agent3@example.com)'));
    expect(await users.email.inputValue(), 'the form is ready for the next one').toBe('');
    expect(creations().map((r) => r.token)).toEqual([token]);
    expect(await canSignIn('agent3@example.com', 'secret3')).toBe('Agent Three');

    // The same email again: refused by the server, said in words, the field marked, nothing lost.
    await users.createOne({ email: 'agent3@example.com', password: 'another1' });
    await users.untilStatus(0, t('error_already_exists'));
    expect(await users.email.getAttribute('aria-invalid')).toBe('true');
    expect(await users.email.inputValue()).toBe('agent3@example.com');

    // Several, with a header; one line is not an email, one is already on the server.
    await users.batchText.fill(
      [
        'email,nickname,password',
        'agent4@example.com,Agent Four,secret4',
        'not-an-email,Bad Line,secret5',
        'agent3@example.com,Taken,secret6',
        'agent5@example.com,客服五,secret7',
      ].join('\n'),
    );
    await expect.poll(() => users.page.getByText(t('users_batch_summary', '3', '1')).count()).toBe(1);
    expect(await users.batchProblems()).toEqual([t('users_batch_line', '3', t('users_problem_email'))]);
    const before = creations().length;
    await users.createManyButton(3).click();
    // Two created, one refused by the server: said as such, and the run is not "done".
    const counts = [t('users_count_created', '2'), t('users_count_refused', '1')].join(t('users_count_separator'));
    await users.untilStatus(1, t('users_batch_done', counts));
    expect(creations().length - before, 'the bad line was never sent').toBe(3);

    // What was not created stays, to fix and send again; the results name lines as the box shows them now.
    expect(await users.batchText.inputValue()).toBe(
      ['email,nickname,password', 'not-an-email,Bad Line,secret5', 'agent3@example.com,Taken,secret6'].join('\n'),
    );
    const removed = `–${t('users_line_removed')}`;
    expect(await users.resultRows()).toEqual([
      [removed, 'agent4@example.com', t('users_result_created')],
      ['3', 'agent3@example.com', t('error_already_exists')],
      [removed, 'agent5@example.com', t('users_result_created')],
    ]);
    // The refused line is a problem of the box now, under its new number, and is not offered again.
    expect(await users.batchProblems()).toEqual([
      t('users_batch_line', '2', t('users_problem_email')),
      t('users_batch_line', '3', t('error_already_exists')),
    ]);
    expect(await users.batchSummary.textContent()).toBe(t('users_batch_summary', '0', '2'));
    expect(await users.createManyButton(0).getAttribute('aria-disabled')).toBe('true');
    expect(await canSignIn('agent4@example.com', 'secret4')).toBe('Agent Four');
    expect(await canSignIn('agent5@example.com', 'secret7')).toBe('客服五');

    // The refused line as it stands stays a problem; edited, it is ready again. The button counts in words.
    await users.batchText.fill(['email,nickname,password', 'agent3@example.com,Taken,secret6', 'agent6@example.com,Six,secret8'].join('\n'));
    await users.createManyButton(1).waitFor();
    expect(await users.batchProblems()).toEqual([t('users_batch_line', '2', t('error_already_exists'))]);
    await users.batchText.fill(['email,nickname,password', 'agent7@example.com,Seven,secret6', 'agent6@example.com,Six,secret8'].join('\n'));
    await users.createManyButton(2).waitFor();
    expect(await users.batchProblems()).toEqual([]);
  });

  it('a CSV file is chosen, the run paused and the page closed; reopened, it resumes without creating anyone twice, and the summary downloads', async () => {
    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    let users = await UsersPage.open(ext);
    const csv = '\uFEFFemail,昵称,password,description\r\nfile1@example.com,"Li, Lei",secret11,"a, b"\r\n\r\nfile2@example.com,李雷,secret12,\r\nfile3@example.com,Three,123,\r\nfile4@example.com,Four,secret14,\r\n';
    await users.listFile.setInputFiles({ name: 'agents.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => users.batchText.inputValue()).toContain('file1@example.com,"Li, Lei"');
    expect(await users.batchSummary.textContent()).toBe(t('users_batch_summary', '3', '1'));
    await users.pace.fill('2');
    await users.pace.press('Tab');
    const before = creations().length;
    await users.createManyButton(3).click();
    await expect.poll(() => creations().length - before).toBe(1);
    // The time left before the next one shows while the run waits; Pause takes effect before it.
    await users.page.getByText(/^Next in \d\.\d s$/).waitFor();
    await users.button('users_pause').click();
    await users.untilStatus(1, t('users_paused', '1', '3'));

    // Closed and opened again: the run is still there, with its list.
    await users.page.close();
    users = await UsersPage.open(ext);
    await users.untilStatus(1, t('users_paused', '1', '3'));
    expect(await users.resultRows()).toEqual([['2', 'file1@example.com', t('users_result_created')]]);
    await users.pace.fill('0');
    await users.pace.press('Tab');
    await users.button('users_resume').click();
    await users.untilStatus(1, t('users_batch_all_done', '3'));
    const sent = creations().slice(before).map((r) => (r.body as { email: string }).email);
    expect(sent, 'each sent once').toEqual(['file1@example.com', 'file2@example.com', 'file4@example.com']);
    expect(creations()[before]!.body).toMatchObject({ nickname: 'Li, Lei', description: 'a, b' });

    // The line with a problem stays in the box; the summary comes as a CSV file.
    expect(await users.batchText.inputValue()).toBe('email,昵称,password,description\nfile3@example.com,Three,123,');
    const download = users.page.waitForEvent('download');
    await users.button('users_download_summary').click();
    const file = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    });
    expect(file).toBe(
      '\uFEFFline,user,result,reason\r\n2,file1@example.com,created,\r\n4,file2@example.com,created,\r\n' +
        `5,file3@example.com,failed,${t('users_problem_password')}\r\n6,file4@example.com,created,\r\n`,
    );
    // One click puts the lines not created back, after the box was cleared.
    await users.batchText.fill('');
    await users.button('users_failed_back').click();
    expect(await users.batchText.inputValue()).toBe('email,昵称,password,description\nfile3@example.com,Three,123,');
  });

  it.each([
    [0, t('users_create_many', '0')],
    [1, 'Create 1 user'],
    [2, 'Create 2 users'],
  ])('with %i lines ready the button says "%s"', async (count, label) => {
    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    const users = await UsersPage.open(ext);
    const lines = Array.from({ length: count }, (_, i) => `plural${i}@example.com, P${i}, secret${i}1`);
    await users.batchText.fill(lines.join('\n'));
    await users.page.getByRole('button', { name: label, exact: true }).waitFor();
  });

  it('an agent is not offered "Create users…", and the page says only super administrators can', async () => {
    const popup = await PopupPage.open(ext);
    await popup.signIn(AGENT);
    expect(await popup.page.getByRole('button', { name: t('users_open') }).count()).toBe(0);

    const users = await UsersPage.open(ext);
    await users.page.getByText(t('users_need_super', AGENT.nickname)).waitFor();
    expect(await users.page.getByRole('textbox').count()).toBe(0);
    expect(creations()).toEqual([]);
  });
});

describe('signed out, the users page offers the sign-in', () => {
  /** Pages of the browser as the DevTools protocol lists them (the toolbar popup is not a playwright page). */
  async function pageTargets(page: Page): Promise<string[]> {
    const cdp = await page.context().newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    await cdp.detach();
    return targetInfos.filter((info) => info.type === 'page').map((info) => info.url);
  }

  it('"Sign in…" opens the toolbar popup; once signed in there, the page shows its forms', async () => {
    const users = await UsersPage.open(ext);
    const popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
    expect(await pageTargets(users.page)).not.toContain(popupUrl);
    await users.signInButton.click();
    await expect.poll(() => pageTargets(users.page)).toContain(popupUrl);

    await ext.sendToBackground('signIn', { ...ADMIN, persist: false, rememberPassword: false });
    await users.email.waitFor();
    expect(await users.signInButton.count()).toBe(0);
  });

  it('where the popup cannot open, "Sign in…" opens it in a small window, which closes once signed in', async () => {
    const users = await UsersPage.open(ext);
    // As in a browser without action.openPopup, or a window without the toolbar button.
    await users.page.evaluate(() => {
      (globalThis as unknown as { chrome: { action: { openPopup(): Promise<void> } } }).chrome.action.openPopup = () =>
        Promise.reject(new Error('no toolbar'));
    });
    const opened = ext.context.waitForEvent('page', { predicate: (p) => p.url().includes('/popup.html?reason=signed-out') });
    await users.signInButton.click();
    const prompt = new PopupPage(await opened);
    await prompt.rendered();
    expect(await browserWindows(ext)).toContainEqual({ type: 'popup', urls: [prompt.page.url()] });

    const closed = prompt.page.waitForEvent('close');
    await prompt.submitSignIn(ADMIN);
    await closed;
    await users.email.waitFor();
  });
});
