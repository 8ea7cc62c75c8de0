// A list of new users run as the Bytedesk docs run it: one after another, a pace apart, ending
// with a summary; interrupted (paused, then the page closed mid-request) and resumed without
// creating anyone twice. The real client against the stand-in; storage is the fake browser's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { createBytedeskClient } from '../../lib/server/client';
import type { NewUser } from '../../lib/server/contract';
import { batchItems } from '../../lib/storage';
import { parseBatch } from '../../lib/users/batch';
import { outcomesOf } from '../../lib/users/batch-progress';
import { summarise } from '../../lib/users/batch-summary';
import { sleep } from '../../lib/users/paced-run';
import { runList, type RunDeps } from '../../lib/users/resumable-run';
import { forgetRun, interruptedRun } from '../../lib/users/stored-run';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';

let server: StandInServer;
let token: string;
const client = () => createBytedeskClient({ baseUrl: server.url, timeoutMs: 5_000 });
const PACE_MS = 200;

beforeAll(async () => {
  server = await startStandInServer();
  token = (await client().login('admin@email.com', 'admin')).accessToken;
});
afterAll(() => server.close());

// As a spreadsheet saves it: a BOM, CRLF, quoted fields with commas, quotes and a line break,
// an empty line, Chinese names and the optional columns.
const LIST =
  '\uFEFFemail,昵称,password,mobile,description,emailVerified\r\n' +
  [
    'u1@example.com,"Wang, Xiaoming",secret01,,Night shift,是',
    'u2@example.com,王小明,secret02,13800000002,,',
    'not-an-email,Bad,secret03,,,',
    'u4@example.com,"He said ""hi""",secret04,,"two\r\nlines",no',
    'agent1@email.com,Taken,secret05,,,',
    'u6@example.com,客服六,secret06,,,1',
    '',
    'u7@example.com,Seven,secret07,,,',
    'u8@example.com,Eight,123,,,',
    'u9@example.com,Nine,secret09,,,',
    'u10@example.com,Ten,secret10,,,',
    'u11@example.com,Eleven,secret11,,,',
    'u12@example.com,Twelve,secret12,,,',
  ].join('\r\n') +
  '\r\n';

const creations = () => server.requests.filter((r) => r.method === 'POST' && r.path === '/api/v1/user/create');

/** The run's deps, as the users page has them, with a server call that can be cut off like a closing page. */
function deps(answers: { username: string; ok: boolean }[], cutOffAfter = Infinity): RunDeps {
  let sent = 0;
  return {
    items: batchItems,
    now: Date.now,
    sleep,
    async create(user: NewUser) {
      try {
        const created = await client().createUser(token, user);
        answers.push({ username: user.username!, ok: true });
        if (++sent >= cutOffAfter) await new Promise(() => {}); // the page closed before the answer was seen
        return created;
      } catch (error) {
        answers.push({ username: user.username!, ok: false });
        throw error;
      }
    },
  };
}

describe('a list of 12 users at a pace of 0.2 s', () => {
  it('paused after 4, cut off mid-request, resumed: 9 created once each, 3 reported with reasons, requests a pace apart', async () => {
    await forgetRun(batchItems);
    server.clearRequests();
    const answers: { username: string; ok: boolean }[] = [];
    const options = { profileId: 'prod', serverUrl: server.url, paceMs: PACE_MS };

    // Paused by the user once 4 are created.
    const pause = new AbortController();
    const first = await runList(LIST, options, {
      ...deps(answers),
      changed: (p) => p.lines.filter((l) => l.state === 'created').length === 4 && pause.abort(),
    }, pause.signal);
    expect(first.end).toBe('paused');
    expect(answers.filter((a) => a.ok)).toHaveLength(4);

    // Resumed, and the page closed while the 5th created user's answer was on its way.
    void runList(LIST, options, deps(answers, 1), new AbortController().signal);
    await expect.poll(() => answers.length).toBe(6); // u1, u2, u4, agent1 (exists), u6, then u7 cut off

    // The page opened again: the run is still there, its list too (same browser session).
    const interrupted = await interruptedRun(batchItems);
    expect(interrupted.list).toBe(LIST);
    expect(JSON.stringify(interrupted.progress), 'no password is kept with the progress').not.toMatch(/secret/);
    const last = await runList(interrupted.list!, options, deps(answers), new AbortController().signal);
    expect(last.end).toBe('done');
    expect((await interruptedRun(batchItems)).progress, 'a finished run is forgotten').toBeNull();

    // Nobody twice: each new user was created by exactly one request; the one cut off was recognised.
    const created = answers.filter((a) => a.ok).map((a) => a.username);
    expect(created.sort()).toEqual(['u1', 'u10', 'u11', 'u12', 'u2', 'u4', 'u6', 'u7', 'u9'].map((u) => `${u}@example.com`).sort());
    expect(answers.filter((a) => a.username === 'u7@example.com')).toEqual([
      { username: 'u7@example.com', ok: true },
      { username: 'u7@example.com', ok: false }, // "already exists": our own, from the cut-off request
    ]);
    expect(creations().map((r) => (r.body as { email: string }).email)).not.toContain('not-an-email');

    // The summary, as the download has it.
    const batch = parseBatch(LIST);
    const summary = summarise(batch, outcomesOf(last.progress));
    expect(summary.filter((s) => s.result === 'created')).toHaveLength(9);
    expect(summary.filter((s) => s.result !== 'created').map((s) => [s.line, s.user, s.result, s.reason])).toEqual([
      [4, 'not-an-email', 'failed', ['users_problem_email']],
      [7, 'agent1@email.com', 'failed', 'already-exists'], // line 5's description takes two lines
      [11, 'u8@example.com', 'failed', ['users_problem_password']],
    ]);
    expect(summary.find((s) => s.user === 'u7@example.com')?.reason).toBe('existed');

    // The pace: every request at least 0.2 s after the one before, across the pause and the reopening.
    const at = creations().map((r) => r.at);
    expect(at).toHaveLength(11);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!, `request ${i + 1}`).toBeGreaterThanOrEqual(PACE_MS);

    // The optional columns reached the server as given.
    expect(creations()[0]!.body).toMatchObject({ email: 'u1@example.com', nickname: 'Wang, Xiaoming', description: 'Night shift', emailVerified: true });
    expect(creations().find((r) => (r.body as NewUser).email === 'u4@example.com')!.body).toMatchObject({
      nickname: 'He said "hi"',
      description: 'two\r\nlines',
      emailVerified: false,
    });
    const u1 = await client().login('u1@example.com', 'secret01');
    expect(u1.user.nickname).toBe('Wang, Xiaoming');
  });

  it('A list of users being created is kept in session storage only: paused, the list is in memory and the progress has no password; once done, both are gone', async () => {
    await forgetRun(batchItems);
    const stop = new AbortController();
    stop.abort();
    const options = { profileId: 'prod', serverUrl: server.url, paceMs: 0 };
    await runList('email,password\r\nkept1@example.com,secret-kept-1', options, { ...deps([]), items: batchItems }, stop.signal);
    const local = JSON.stringify(await browser.storage.local.get(null));
    expect(local).toContain('kept1@example.com');
    expect(local).not.toContain('secret-kept-1');
    expect(JSON.stringify(await browser.storage.session.get(null))).toContain('secret-kept-1');

    await runList('email,password\r\nkept1@example.com,secret-kept-1', options, deps([]), new AbortController().signal);
    expect(JSON.stringify(await browser.storage.local.get(null))).not.toContain('kept1');
    expect(JSON.stringify(await browser.storage.session.get(null))).not.toContain('secret-kept-1');
  });
});
