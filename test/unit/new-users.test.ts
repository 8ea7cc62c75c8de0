import { describe, expect, it } from 'vitest';
import { LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import { parseBatch } from '../../lib/users/batch';
import { planRun, type BatchProgress } from '../../lib/users/batch-progress';
import { linesLeft } from '../../lib/users/batch-run';
import { runPaced } from '../../lib/users/paced-run';
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

  it('passes the optional columns through: description, and verified flags as true/false, 1/0, yes/no, 是/否', () => {
    const batch = parseBatch('邮箱,密码,描述,emailVerified,手机,mobileVerified\na@x.cn,secret1,"Night, shift",是,13800000001,0\nb@x.cn,secret2,,YES,,\nc@x.cn,secret3,,maybe,,');
    expect(batch.rows.map((r) => [r.user, r.problems])).toEqual([
      [expect.objectContaining({ description: 'Night, shift', emailVerified: true, mobileVerified: false }), []],
      [expect.not.objectContaining({ description: expect.anything(), mobileVerified: expect.anything() }), []],
      [null, ['users_problem_flag']],
    ]);
    expect(batch.rows[1]!.user).toMatchObject({ emailVerified: true });
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

const DESK = { profileId: 'prod', serverUrl: 'https://desk' };

describe('creating listed users in turn, a pace apart', () => {
  const batch = parseBatch('a@x.cn, A, secret1\nbad line\nb@x.cn, B, secret2\nc@x.cn, C, secret3');

  /** A run on a clock of its own: sleeping moves it on; what was sent, when, and the last progress saved. */
  async function run(answers: Record<string, ErrorKind | 'ok'>, options: { signal?: AbortSignal; paceMs?: number; from?: BatchProgress } = {}) {
    let clock = 1_000;
    const sent: [string, number][] = [];
    const waits: number[] = [];
    let saved = null as BatchProgress | null;
    const ended = await runPaced(batch.rows, options.from ?? planRun(batch, null, DESK, options.paceMs ?? 1_000), {
      async create(user) {
        sent.push([user.username!, clock]);
        clock += 30; // the server's answer takes a while
        const answer = answers[user.username!] ?? 'ok';
        if (answer !== 'ok') throw new LaunchpadError(answer, { serverMessage: `Email ${user.email} already exists..!!` });
        return { username: user.username! };
      },
      save: async (progress) => void (saved = progress),
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      waiting: (until) => waits.push(until - clock),
    }, options.signal ?? new AbortController().signal);
    return { ended, sent, waits, states: saved?.lines.map((l) => [l.line, l.state, l.kind]), saved: saved! };
  }

  it('sends only the valid lines, a second after each answer, and goes on past a line the server refuses', async () => {
    const { ended, sent, waits, states } = await run({ 'b@x.cn': 'already-exists' });
    expect(ended).toEqual({ end: 'done' });
    expect(sent).toEqual([['a@x.cn', 1_000], ['b@x.cn', 2_030], ['c@x.cn', 3_060]]);
    expect(waits, 'the page shows the time left').toEqual([1_000, 1_000]);
    expect(states).toEqual([[1, 'created', undefined], [3, 'failed', 'already-exists'], [4, 'created', undefined]]);
  });

  it('at a pace of 0, does not wait', async () => {
    const { sent, waits } = await run({}, { paceMs: 0 });
    expect(sent.map(([, at]) => at)).toEqual([1_000, 1_030, 1_060]);
    expect(waits).toEqual([]);
  });

  it.each(['forbidden', 'token-rejected', 'signed-out'] as const)(
    'pauses at %s (every next line would fail alike); nothing was created, so the line is sent again on resume',
    async (kind) => {
      const { ended, sent, states } = await run({ 'a@x.cn': kind });
      expect(ended).toEqual({ end: 'stopped', kind });
      expect(sent.map(([u]) => u)).toEqual(['a@x.cn']);
      expect(states).toEqual([[1, 'pending', undefined], [3, 'pending', undefined], [4, 'pending', undefined]]);
    },
  );

  it.each(['unreachable', 'timeout'] as const)('pauses at %s, the line marked as maybe created', async (kind) => {
    const { states } = await run({ 'a@x.cn': kind });
    expect(states?.[0]).toEqual([1, 'sending', undefined]);
  });

  it('pauses when asked, before the next request', async () => {
    const pause = new AbortController();
    pause.abort();
    const { ended, sent } = await run({}, { signal: pause.signal });
    expect(ended).toEqual({ end: 'paused' });
    expect(sent).toEqual([]);
  });

  it('resumed, a line cut off mid-request that the server says exists (its email named) counts as created', async () => {
    const from = planRun(batch, null, DESK, 1_000);
    from.lines[0]!.state = 'sending';
    from.lines[1]!.state = 'created';
    const { sent, states, saved } = await run({ 'a@x.cn': 'already-exists' }, { from });
    expect(sent.map(([u]) => u), 'b@x.cn was done').toEqual(['a@x.cn', 'c@x.cn']);
    expect(states).toEqual([[1, 'created', undefined], [3, 'created', undefined], [4, 'created', undefined]]);
    expect(saved.lines[0]!.existed).toBe(true);
  });

  it('an interrupted run is carried over by email or mobile, even to a list edited meanwhile, and only on its server', () => {
    const before = planRun(batch, null, DESK, 1_000);
    before.lines[0]!.state = 'created';
    const edited = parseBatch('new@x.cn, N, secret9\nA@X.CN, A, secret1');
    expect(planRun(edited, before, DESK, 1_000).lines.map((l) => [l.line, l.state])).toEqual([[1, 'pending'], [2, 'created']]);
    expect(planRun(edited, before, { ...DESK, serverUrl: 'https://other' }, 1_000).lines.map((l) => l.state)).toEqual(['pending', 'pending']);
    expect(planRun(edited, before, { ...DESK, profileId: 'other' }, 1_000).lines.map((l) => l.state), 'nor on another profile').toEqual(['pending', 'pending']);
  });

  it('leaves the lines not created (with the header) to fix and send again', () => {
    const batch = parseBatch('email,nickname,password\na@x.cn,A,secret1\nbad\nb@x.cn,B,secret2');
    expect(linesLeft(batch, new Set([2])).text).toBe('email,nickname,password\nbad\nb@x.cn,B,secret2');
    expect(linesLeft(batch, new Set([2, 4])).text).toBe('email,nickname,password\nbad');
    expect(linesLeft(parseBatch('email,nickname,password\na@x.cn,A,secret1'), new Set([2])).text, 'all created').toBe('');
  });
});
