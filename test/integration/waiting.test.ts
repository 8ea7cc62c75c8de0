// The waiting-work poller with the real client against the stand-in server, storage in fakeBrowser.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBytedeskClient } from '../../lib/server/client';
import { waitingItem } from '../../lib/storage';
import { waitingPoller, type WaitingSession } from '../../lib/work/waiting-poller';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';

const AGENT = 'agent1@email.com';
const UNREPLIED = '/api/v1/queue/query/unreplied';
const MINUTE = 60_000;

let server: StandInServer;
let now: number;
let session: WaitingSession | null;

beforeAll(async () => {
  server = await startStandInServer();
});
afterAll(() => server.close());
beforeEach(() => {
  fakeBrowser.reset();
  server.setFault(null);
  server.setResponseDelay(null);
  server.setWorkSupport('supported');
  server.setWaiting(AGENT, { unreplied: 0 });
  server.clearRequests();
  now = Date.now();
  session = { token: server.mint(AGENT), serverUrl: server.url, username: AGENT, profileId: 'p1' };
});

const poller = () =>
  waitingPoller({
    session: async () => session,
    client: (baseUrl) => createBytedeskClient({ baseUrl, timeoutMs: 2_000 }),
    load: () => waitingItem.getValue(),
    save: (states) => waitingItem.setValue(states),
    now: () => now,
  });
const paths = () => server.requests.map((r) => r.path);

describe('the count of unreplied conversations', () => {
  it('follows the server: 3, then 1, then 0, one request per minute', async () => {
    const p = poller();
    server.setWaiting(AGENT, { unreplied: 3 });
    expect(await p.check('alarm')).toMatchObject({ kind: 'count', count: 3, stale: false });
    server.setWaiting(AGENT, { unreplied: 1 });
    await p.check('popup'); // seconds later: the count just read is reused
    expect((await waitingItem.getValue()).p1).toMatchObject({ count: 3 });
    now += MINUTE;
    expect(await p.check('alarm')).toMatchObject({ count: 1 });
    server.setWaiting(AGENT, { unreplied: 0 });
    now += MINUTE;
    expect(await p.check('alarm')).toMatchObject({ count: 0 });
    expect(paths()).toEqual([UNREPLIED, UNREPLIED, UNREPLIED]);
  });

  it('sends one request at a time, however many checks come at once', async () => {
    server.setWaiting(AGENT, { unreplied: 2 });
    server.setResponseDelay(150, [UNREPLIED]);
    const p = poller();
    const answers = await Promise.all([p.check('alarm'), p.check('popup'), p.check('page-opened'), p.check('popup')]);
    expect(answers.map((a) => a?.kind === 'count' && a.count)).toEqual([2, 2, 2, 2]);
    expect(paths()).toEqual([UNREPLIED]);
  });

  it('keeps the last count, marked old, while the server is down, and asks nothing else', async () => {
    const p = poller();
    server.setWaiting(AGENT, { unreplied: 4 });
    await p.check('alarm');
    server.setFault({ kind: 'refuse' });
    now += MINUTE;
    expect(await p.check('alarm')).toMatchObject({ kind: 'count', count: 4, stale: true });
    server.setFault(null);
    now += MINUTE;
    expect(await p.check('alarm')).toMatchObject({ count: 4, stale: false });
    expect(new Set(paths())).toEqual(new Set([UNREPLIED]));
    expect(server.tokens().every((row) => !row.revoked)).toBe(true);
  });

  it('a revoked token leaves the count as it was and signs nobody out', async () => {
    const p = poller();
    server.setWaiting(AGENT, { unreplied: 2 });
    await p.check('alarm');
    server.revoke(session!.token);
    now += MINUTE;
    expect(await p.check('alarm')).toMatchObject({ count: 2, stale: false });
    expect(paths()).toEqual([UNREPLIED, UNREPLIED]);
  });
});

describe('a server without the feature hides it', () => {
  it.each([
    ['an older server answering JsonResult 404', 'missing-json', 'not-on-server'],
    ['an older server answering a 404 page', 'missing-page', 'not-on-server'],
    ['a user without the authority (403)', 'forbidden', 'no-authority'],
  ] as const)('%s: recorded as %s, asked again after a day, not every minute', async (_, support, reason) => {
    server.setWorkSupport(support);
    server.setWaiting(AGENT, { unreplied: 3 });
    const p = poller();
    expect(await p.check('alarm')).toEqual({ kind: 'unsupported', reason, checkedAt: now, serverUrl: server.url, username: AGENT });
    for (let i = 0; i < 5; i++) {
      now += 10 * MINUTE;
      await p.check('alarm');
    }
    expect(paths()).toEqual([UNREPLIED]);
    server.setWorkSupport('supported'); // the server was upgraded overnight
    now += 24 * 60 * MINUTE;
    expect(await p.check('alarm')).toMatchObject({ kind: 'count', count: 3 });
  });
});
