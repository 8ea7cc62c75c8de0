// A super administrator creates users from the extension: one through the form, several pasted
// at once; what the server received, and that the new users can sign in.
import { describe, expect, it } from 'vitest';
import { createBytedeskClient } from '../../lib/server/client.ts';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { PopupPage } from './pages/popup.ts';
import { UsersPage } from './pages/users.ts';
import { ADMIN, AGENT, browserAndServerPerFile, storedSession } from './support.ts';

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
    expect(await users.page.getByText(t('users_batch_line', '3', t('users_problem_email'))).count()).toBe(1);
    const before = creations().length;
    await users.createManyButton(3).click();
    await users.untilStatus(1, t('users_batch_done', '2', '3'));

    expect(await users.resultRows()).toEqual([
      ['2', 'agent4@example.com', t('users_result_created')],
      ['4', 'agent3@example.com', t('error_already_exists')],
      ['5', 'agent5@example.com', t('users_result_created')],
    ]);
    expect(creations().length - before, 'the bad line was never sent').toBe(3);
    expect(await users.batchText.inputValue(), 'what was not created stays, to fix and send again').toBe(
      ['email,nickname,password', 'not-an-email,Bad Line,secret5', 'agent3@example.com,Taken,secret6'].join('\n'),
    );
    expect(await canSignIn('agent4@example.com', 'secret4')).toBe('Agent Four');
    expect(await canSignIn('agent5@example.com', 'secret7')).toBe('客服五');
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
