import { describe, expect, it } from 'vitest';
import { LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import { parseBatch, type BatchRow } from '../../lib/users/batch';
import { createInTurn, linesLeft, type RowOutcome } from '../../lib/users/batch-run';
import { checkNewUser } from '../../lib/users/new-user';

const input = (over: Partial<Record<'email' | 'mobile' | 'nickname' | 'password', string>>) => ({
  email: '',
  mobile: '',
  nickname: '',
  password: 'secret1',
  ...over,
});

describe('one new user', () => {
  it('signs in with the email; the nickname defaults to its name part', () => {
    expect(checkNewUser(input({ email: ' agent3@example.com ' }))).toEqual({
      ok: true,
      user: { username: 'agent3@example.com', email: 'agent3@example.com', mobile: '', nickname: 'agent3', password: 'secret1', enabled: true },
    });
  });

  it('without an email, signs in with the mobile number, written without spaces or dashes', () => {
    expect(checkNewUser(input({ mobile: '+86 138-0000-0001', nickname: '王小明' }))).toMatchObject({
      ok: true,
      user: { username: '+8613800000001', mobile: '+8613800000001', nickname: '王小明' },
    });
  });

  it.each([
    [input({}), { email: 'users_problem_contact' }],
    [input({ email: 'agent3' }), { email: 'users_problem_email' }],
    [input({ email: 'a@b.cn', mobile: '12ab' }), { mobile: 'users_problem_mobile' }],
    [input({ email: 'a@b.cn', password: '12345' }), { password: 'users_problem_password' }],
    [input({ email: 'x', mobile: '1', password: '' }), { email: 'users_problem_email', mobile: 'users_problem_mobile', password: 'users_problem_password' }],
  ])('refuses %j before anything is sent: %j', (given, problems) => {
    expect(checkNewUser(given)).toEqual({ ok: false, problems });
  });
});

describe('pasted users', () => {
  it('reads email, nickname, password[, mobile] per line; skips blank lines and # comments', () => {
    const batch = parseBatch('# new agents\nagent3@example.com, Agent Three, secret3\n\n  agent4@example.com,Agent Four,secret4,13800000004  \n');
    expect(batch.header).toBeNull();
    expect(batch.rows.map((r) => [r.line, r.user?.username, r.user?.nickname, r.user?.mobile, r.problems])).toEqual([
      [2, 'agent3@example.com', 'Agent Three', '', []],
      [4, 'agent4@example.com', 'Agent Four', '13800000004', []],
    ]);
  });

  it('follows a header line (English or Chinese) and a spreadsheet\'s tabs', () => {
    const batch = parseBatch('密码\t手机\t昵称\nsecret5\t13800000005\t客服五');
    expect(batch.header).toBe('密码\t手机\t昵称');
    expect(batch.rows).toMatchObject([{ line: 2, user: { username: '13800000005', nickname: '客服五', password: 'secret5' }, problems: [] }]);
    expect(parseBatch('Email,Password\nx@y.cn,secret6').rows[0]?.user).toMatchObject({ email: 'x@y.cn', nickname: 'x' });
  });

  it('says what is wrong with each line, and refuses a second line for the same email', () => {
    const batch = parseBatch('a@x.cn, A, secret1\nnot-an-email, B, secret2\nA@X.CN, A again, secret3\nc@x.cn, C, pass,word, 1380000\nd@x.cn, D, 123');
    expect(batch.rows.map((r) => [r.line, r.user !== null, r.problems])).toEqual([
      [1, true, []],
      [2, false, ['users_problem_email']],
      [3, false, ['users_problem_duplicate']],
      // A comma in the password shifts the columns: "pass" is short, "word" no mobile number.
      [4, false, ['users_problem_mobile', 'users_problem_password', 'users_problem_columns']],
      [5, false, ['users_problem_password']],
    ]);
  });
});

describe('creating pasted users in turn', () => {
  const rows = parseBatch('a@x.cn, A, secret1\nbad line\nb@x.cn, B, secret2\nc@x.cn, C, secret3').rows;

  async function run(answers: Record<string, ErrorKind | 'ok'>, signal?: AbortSignal) {
    const sent: string[] = [];
    const outcomes: [number, RowOutcome][] = [];
    await createInTurn(
      rows,
      async (user) => {
        sent.push(user.username!);
        const answer = answers[user.username!] ?? 'ok';
        if (answer !== 'ok') throw new LaunchpadError(answer);
        return { username: user.username! };
      },
      (row: BatchRow, outcome) => outcomes.push([row.line, outcome]),
      signal,
    );
    return { sent, outcomes };
  }

  it('sends only the valid lines, one after another, and goes on past a line the server refuses', async () => {
    const { sent, outcomes } = await run({ 'b@x.cn': 'already-exists' });
    expect(sent).toEqual(['a@x.cn', 'b@x.cn', 'c@x.cn']);
    expect(outcomes).toEqual([
      [1, { state: 'created', username: 'a@x.cn' }],
      [3, { state: 'failed', kind: 'already-exists' }],
      [4, { state: 'created', username: 'c@x.cn' }],
    ]);
  });

  it.each(['forbidden', 'token-rejected', 'signed-out', 'unreachable', 'timeout'] as const)(
    'stops at %s: every next line would fail alike, so they are not sent',
    async (kind) => {
      const { sent, outcomes } = await run({ 'a@x.cn': kind });
      expect(sent).toEqual(['a@x.cn']);
      expect(outcomes.map(([line, o]) => [line, o.state])).toEqual([[1, 'failed'], [3, 'not-tried'], [4, 'not-tried']]);
    },
  );

  it('stops when the user says stop', async () => {
    const stop = new AbortController();
    stop.abort();
    const { sent, outcomes } = await run({}, stop.signal);
    expect(sent).toEqual([]);
    expect(outcomes.every(([, o]) => o.state === 'not-tried')).toBe(true);
  });

  it('leaves the lines not created (with the header) to fix and send again', () => {
    const batch = parseBatch('email,nickname,password\na@x.cn,A,secret1\nbad\nb@x.cn,B,secret2');
    expect(linesLeft(batch, new Set([2])).text).toBe('email,nickname,password\nbad\nb@x.cn,B,secret2');
    expect(linesLeft(batch, new Set([2, 4])).text).toBe('email,nickname,password\nbad');
    expect(linesLeft(parseBatch('email,nickname,password\na@x.cn,A,secret1'), new Set([2])).text, 'all created').toBe('');
  });
});
