import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WAITING_ALARM, waitingAlarm } from '../../lib/browser/waiting-alarm';
import { createBytedeskClient } from '../../lib/server/client';
import { LaunchpadError } from '../../lib/server/errors';
import { afterAnswer, afterFailure, isStale, nextCheck, shouldAsk, stateFor, withCountShown, withoutEnded, type WaitingState } from '../../lib/work/waiting';
import { waitingPoller, type WaitingDeps, type WaitingSession } from '../../lib/work/waiting-poller';

const URL_A = 'https://desk.example.com';
const AGENT1 = 'agent1@email.com';
const ACCOUNT = { serverUrl: URL_A, username: AGENT1 };
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

type Reply = { status: number; body: unknown; contentType?: string } | 'network-error';
const ok = (data: unknown) => ({ status: 200, body: { message: 'success', code: 200, data } });
const SPRING_PAGE = {
  content: [{ uid: 't1' }],
  pageable: { pageNumber: 0, pageSize: 1, sort: { empty: true, sorted: false, unsorted: true }, offset: 0, paged: true, unpaged: false },
  totalElements: 3, totalPages: 3, last: false, size: 1, number: 0,
  sort: { empty: true, sorted: false, unsorted: true }, numberOfElements: 1, first: true, empty: false,
};
const WHITELABEL = '<html><body><h1>Whitelabel Error Page</h1><div>There was an unexpected error (type=Not Found, status=404).</div></body></html>';

function clientAnswering(reply: Reply) {
  const urls: string[] = [];
  const client = createBytedeskClient({
    baseUrl: URL_A,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      urls.push(`${request.url} ${request.headers.get('Authorization')}`);
      if (reply === 'network-error') throw new TypeError('Failed to fetch');
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      return new Response(text, { status: reply.status, headers: { 'Content-Type': reply.contentType ?? 'application/json' } });
    },
  });
  return { client, urls };
}

const counted = (count: number, change: Partial<WaitingState> = {}): WaitingState =>
  ({ kind: 'count', count, checkedAt: T0, stale: false, ...ACCOUNT, ...change }) as WaitingState;

/** What the extension shows after one check that met `reply`, when it showed `before`. */
async function stateAfter(reply: Reply, before?: WaitingState) {
  const { client } = clientAnswering(reply);
  try {
    return afterAnswer(await client.unreplied('tok'), ACCOUNT, T0 + MINUTE);
  } catch (error) {
    return afterFailure(before, error);
  }
}

describe('reading the unreplied count from every answer in the contract', () => {
  it('asks for one item of the first page, with the token, and no agent uid', async () => {
    const { client, urls } = clientAnswering(ok(SPRING_PAGE));
    await client.unreplied('tok');
    expect(urls).toEqual([`${URL_A}/api/v1/queue/query/unreplied?pageNumber=0&pageSize=1 Bearer tok`]);
  });

  it.each<[string, Reply, WaitingState | undefined]>([
    ['Spring page JSON: data.totalElements', ok(SPRING_PAGE), counted(3, { checkedAt: T0 + MINUTE })],
    ['PagedModel JSON: data.page.totalElements', ok({ content: [], page: { size: 1, number: 0, totalElements: 7, totalPages: 7 } }), counted(7, { checkedAt: T0 + MINUTE })],
    ['an empty page (a user who is no agent)', ok({ ...SPRING_PAGE, content: [], totalElements: 0, empty: true }), counted(0, { checkedAt: T0 + MINUTE })],
    ['older server: HTTP 200, code 404 "No static resource"', { status: 200, body: { message: 'No static resource api/v1/queue/query/unreplied.', code: 404, data: false } },
      { kind: 'unsupported', reason: 'not-on-server', checkedAt: T0 + MINUTE, ...ACCOUNT }],
    ['older server: HTTP 404 whitelabel page', { status: 404, body: WHITELABEL, contentType: 'text/html' },
      { kind: 'unsupported', reason: 'not-on-server', checkedAt: T0 + MINUTE, ...ACCOUNT }],
    ['older server: HTTP 404 Spring JSON', { status: 404, body: { status: 404, error: 'Not Found', path: '/api/v1/queue/query/unreplied' } },
      { kind: 'unsupported', reason: 'not-on-server', checkedAt: T0 + MINUTE, ...ACCOUNT }],
    ['no authority: HTTP 403', { status: 403, body: { code: 403, data: false, message: 'i18n.authorization.denied' } },
      { kind: 'unsupported', reason: 'no-authority', checkedAt: T0 + MINUTE, ...ACCOUNT }],
    ['no authority: HTTP 200, code 403', { status: 200, body: { code: 403, data: false, message: 'i18n.authorization.denied' } },
      { kind: 'unsupported', reason: 'no-authority', checkedAt: T0 + MINUTE, ...ACCOUNT }],
  ])('%s', async (_, reply, expected) => {
    expect(await stateAfter(reply, counted(1))).toEqual(expected);
  });

  it.each<[string, Reply, WaitingState | undefined]>([
    ['401 Spring body: the count stays as it was (the token lifecycle handles it)', { status: 401, body: { status: 401, error: 'Unauthorized', message: 'x', path: '/api' } }, counted(1)],
    ['401 of a deleted user', { status: 401, body: { code: 401, data: false, message: 'i18n.user.signup.first' } }, counted(1)],
    ['403 of a disabled account: not a missing feature', { status: 403, body: { code: 403, data: false, message: 'i18n.user.disabled' } }, counted(1)],
    ['network failure: the last count, marked old', 'network-error', counted(1, { stale: true })],
    ['HTTP 500', { status: 500, body: { status: 500, error: 'Internal Server Error' } }, counted(1, { stale: true })],
    ['malformed JSON', { status: 200, body: '{"code":200,"mess' }, counted(1, { stale: true })],
    ['a page without a total', ok({ content: [] }), counted(1, { stale: true })],
    ['a negative total', ok({ totalElements: -1 }), counted(1, { stale: true })],
    ['captive portal HTML with 200', { status: 200, body: '<!doctype html><p>Welcome</p>', contentType: 'text/html' }, counted(1, { stale: true })],
  ])('%s', async (_, reply, expected) => {
    expect(await stateAfter(reply, counted(1))).toEqual(expected);
  });

  it('a failure with no count before shows nothing rather than an invented one', async () => {
    expect(await stateAfter('network-error', undefined)).toBeUndefined();
  });
});

describe('the other work calls of the contract (not polled yet)', () => {
  const QUEUE = { directQueuingCount: 2, workgroupUnassignedCount: 1, totalQueuingCount: 3 };
  const NOT_HERE = { status: 200, body: { message: 'No static resource.', code: 404, data: false } };
  it.each<[string, Reply, (c: ReturnType<typeof createBytedeskClient>) => Promise<unknown>, string, unknown]>([
    ['the agent of a user', ok({ uid: 'a1', member: { uid: 'm1' } }), (c) => c.agentOf('tok', { uid: 'u1', orgUid: 'o1' }),
      '/api/v1/agent/query/user/uid?userUid=u1&orgUid=o1', { agentUid: 'a1', memberUid: 'm1' }],
    ['a user who is no agent', ok(null), (c) => c.agentOf('tok', { uid: 'u1', orgUid: 'o1' }),
      '/api/v1/agent/query/user/uid?userUid=u1&orgUid=o1', null],
    ['the visitors queued for an agent', ok(QUEUE), (c) => c.queuing('tok', 'a1'), '/api/v1/queue/agent/queuing/count?agentUid=a1', QUEUE],
    ['the tickets of one status assigned to a member', ok(SPRING_PAGE), (c) => c.ticketsAssigned('tok', { orgUid: 'o1', memberUid: 'm1', status: 'PENDING' }),
      '/api/v1/ticket/query/org?orgUid=o1&assigneeUid=m1&status=PENDING&pageNumber=0&pageSize=1', 3],
    ['an older server', NOT_HERE, (c) => c.queuing('tok', 'a1'), '/api/v1/queue/agent/queuing/count?agentUid=a1', { unsupported: 'not-on-server' }],
  ])('%s', async (_, reply, call, path, expected) => {
    const { client, urls } = clientAnswering(reply);
    expect(await call(client)).toEqual(expected);
    expect(urls).toEqual([`${URL_A}${path} Bearer tok`]);
  });
});

describe('when to ask the server', () => {
  const unsupported: WaitingState = { kind: 'unsupported', reason: 'not-on-server', checkedAt: T0, ...ACCOUNT };
  it.each<[string, WaitingState | undefined, number, boolean]>([
    ['never asked: asks', undefined, T0, true],
    ['a count just read (a popup opened twice): waits', counted(3), T0 + 10_000, false],
    ['a count from the last alarm: asks', counted(3), T0 + MINUTE, true],
    ['an old count after a failure: asks', counted(3, { stale: true }), T0 + 1, true],
    ['an older server, an hour later: waits', unsupported, T0 + 60 * MINUTE, false],
    ['an older server, a day later: asks', unsupported, T0 + DAY, true],
    ['the count turned off: never asks', { kind: 'off' }, T0 + 365 * DAY, false],
  ])('%s', (_, state, now, asks) => {
    expect(shouldAsk(state, now)).toBe(asks);
  });

  it('never plans a check for a count turned off', () => {
    expect(nextCheck({ kind: 'off' }, T0)).toBeNull();
  });

  it('forgets what another server address said: a server change asks again', () => {
    const old = { serverUrl: 'https://old.example.com', username: AGENT1 };
    const states = { p1: { kind: 'unsupported', reason: 'not-on-server', checkedAt: T0, ...old } as WaitingState };
    expect(stateFor(states, 'p1', ACCOUNT)).toBeUndefined();
    expect(stateFor(states, 'p1', old)).toEqual(states.p1);
    expect(stateFor({ p1: { kind: 'off' } }, 'p1', ACCOUNT)).toEqual({ kind: 'off' });
  });

  it.each<[string, { serverUrl: string; username: string } | null, boolean]>([
    ['the account that read it', ACCOUNT, true],
    ['another account signed in on the same profile and server', { serverUrl: URL_A, username: 'admin@email.com' }, false],
    ['the same user name on another server', { serverUrl: 'https://other.example.com', username: AGENT1 }, false],
    ['nobody signed in', null, false],
  ])('another account\'s waiting count is never shown: %s sees it: %s', (_, account, seen) => {
    expect(stateFor({ p1: counted(3) }, 'p1', account)).toEqual(seen ? counted(3) : undefined);
  });

  it('another account\'s waiting count is forgotten: a sign-out or another sign-in drops it, the switch stays', () => {
    const states = { p1: counted(3), p2: counted(1), p3: { kind: 'off' } as WaitingState, p4: counted(2) };
    const admin = { serverUrl: URL_A, username: 'admin@email.com' };
    expect(withoutEnded(states, { p1: null, p2: admin, p4: ACCOUNT })).toEqual({ p3: { kind: 'off' }, p4: counted(2) });
  });

  it('the options switch: off stops asking for that profile only; on again asks at once', () => {
    const states = { p1: counted(3), p2: counted(1) };
    const off = withCountShown(states, 'p1', false);
    expect(off).toEqual({ p1: { kind: 'off' }, p2: counted(1) });
    expect(shouldAsk(off.p1, T0 + DAY)).toBe(false);
    const on = withCountShown(off, 'p1', true);
    expect(on).toEqual({ p2: counted(1) });
    expect(shouldAsk(on.p1, T0)).toBe(true);
  });

  it('shows a count as old after a failure, or after five quiet minutes', () => {
    expect(isStale(counted(2) as Extract<WaitingState, { kind: 'count' }>, T0 + 4 * MINUTE)).toBe(false);
    expect(isStale(counted(2) as Extract<WaitingState, { kind: 'count' }>, T0 + 6 * MINUTE)).toBe(true);
    expect(isStale(counted(2, { stale: true }) as Extract<WaitingState, { kind: 'count' }>, T0)).toBe(true);
  });
});

describe('the poller', () => {
  const SESSION: WaitingSession = { token: 'tok', ...ACCOUNT, profileId: 'p1' };

  function setup(answers: (() => Promise<number | { unsupported: 'not-on-server' | 'no-authority' }>)[]) {
    let now = T0;
    let states: Record<string, WaitingState> = {};
    let session: WaitingSession | null = { ...SESSION };
    const asked: string[] = [];
    const deps: WaitingDeps = {
      session: async () => session,
      // Only the count call exists here: anything token-related would be a TypeError.
      client: (serverUrl) => ({
        unreplied: (token) => {
          asked.push(`${serverUrl} ${token}`);
          const next = answers.shift();
          if (!next) throw new Error('no answer left');
          return next();
        },
      }),
      load: async () => states,
      save: async (next) => void (states = next),
      now: () => now,
    };
    return {
      poller: waitingPoller(deps),
      asked,
      states: () => states,
      setStates: (next: Record<string, WaitingState>) => void (states = next),
      setSession: (next: WaitingSession | null) => void (session = next),
      session: () => session,
      advance: (ms: number) => void (now += ms),
    };
  }

  it('sends one request at a time: a second check while one runs gets the same answer', async () => {
    let answer!: (n: number) => void;
    const t = setup([() => new Promise<number>((resolve) => (answer = resolve))]);
    const first = t.poller.check('alarm');
    const second = t.poller.check('popup');
    expect(second).toBe(first);
    await new Promise((resolve) => setTimeout(resolve));
    answer(3);
    expect(await first).toEqual(counted(3));
    expect(await second).toEqual(counted(3));
    expect(t.asked).toEqual([`${URL_A} tok`]);
    expect(t.states()).toEqual({ p1: counted(3) });
  });

  it('keeps the last count, marked old, when the server cannot be reached, and the session stays', async () => {
    const t = setup([async () => 3, async () => Promise.reject(new LaunchpadError('unreachable'))]);
    await t.poller.check('alarm');
    t.advance(MINUTE);
    expect(await t.poller.check('alarm')).toEqual(counted(3, { stale: true }));
    expect(t.states().p1).toEqual(counted(3, { stale: true }));
    expect(t.session()).toEqual(SESSION);
  });

  it('leaves the count alone when the token is refused: signing out is not its job', async () => {
    const t = setup([async () => 2, async () => Promise.reject(new LaunchpadError('token-rejected', { status: 401 }))]);
    await t.poller.check('alarm');
    t.advance(MINUTE);
    expect(await t.poller.check('alarm')).toEqual(counted(2));
    expect(t.session()).toEqual(SESSION);
  });

  it('records an older server with its time, asks again only after a day, or at once from the options page', async () => {
    const t = setup([async () => ({ unsupported: 'not-on-server' }), async () => ({ unsupported: 'not-on-server' }), async () => 4]);
    expect(await t.poller.check('alarm')).toEqual({ kind: 'unsupported', reason: 'not-on-server', checkedAt: T0, ...ACCOUNT });
    for (let minute = 1; minute < 60; minute++) {
      t.advance(MINUTE);
      await t.poller.check('alarm');
    }
    expect(t.asked).toHaveLength(1);
    await t.poller.check('options');
    expect(t.asked).toHaveLength(2);
    t.advance(DAY);
    expect(await t.poller.check('alarm')).toMatchObject({ kind: 'count', count: 4 });
    expect(t.asked).toHaveLength(3);
  });

  it('the alarm keeps its own pace: it reads a count again even seconds after the popup did; an older server still waits its day', async () => {
    const t = setup([async () => 3, async () => 1, async () => ({ unsupported: 'no-authority' })]);
    await t.poller.check('popup');
    t.advance(5_000);
    await t.poller.check('popup');
    expect(t.asked, 'a popup opened twice: one request').toHaveLength(1);
    expect(await t.poller.check('alarm')).toEqual(counted(1, { checkedAt: T0 + 5_000 }));
    t.advance(MINUTE);
    await t.poller.check('alarm');
    t.advance(MINUTE);
    await t.poller.check('alarm');
    expect(t.asked).toHaveLength(3);
  });

  it('asks the new server at once after a server change', async () => {
    const t = setup([async () => 5]);
    t.setStates({ p1: { kind: 'unsupported', reason: 'no-authority', checkedAt: T0, serverUrl: 'https://old.example.com', username: AGENT1 } });
    expect(await t.poller.check('popup')).toEqual(counted(5));
  });

  it('another account\'s waiting count is not reused: admin signed in after agent1 is asked at once, seconds later', async () => {
    const t = setup([async () => 3, async () => 0]);
    await t.poller.check('signed-in');
    t.advance(2_000);
    t.setSession({ ...SESSION, token: 'admin-token', username: 'admin@email.com' });
    expect(await t.poller.check('signed-in')).toEqual(counted(0, { checkedAt: T0 + 2_000, username: 'admin@email.com' }));
    expect(t.asked).toEqual([`${URL_A} tok`, `${URL_A} admin-token`]);
    expect(t.states().p1).toMatchObject({ count: 0, username: 'admin@email.com' });
  });

  it('asks nothing when signed out or when the count is turned off', async () => {
    const t = setup([]);
    t.setSession(null);
    expect(await t.poller.check('alarm')).toBeUndefined();
    t.setSession(SESSION);
    t.setStates({ p1: { kind: 'off' } });
    expect(await t.poller.check('popup')).toEqual({ kind: 'off' });
    expect(t.asked).toEqual([]);
  });

  it('drops an answer that arrives after the count was turned off or someone else signed in', async () => {
    let answer!: (n: number) => void;
    const t = setup([() => new Promise<number>((resolve) => (answer = resolve)), () => new Promise<number>((resolve) => (answer = resolve))]);
    const offDuring = t.poller.check('alarm');
    await new Promise((resolve) => setTimeout(resolve));
    t.setStates({ p1: { kind: 'off' } });
    answer(3);
    expect(await offDuring).toEqual({ kind: 'off' });
    expect(t.states()).toEqual({ p1: { kind: 'off' } });

    t.setStates({});
    const otherUser = t.poller.check('alarm');
    await new Promise((resolve) => setTimeout(resolve));
    t.setSession({ ...SESSION, token: 'someone-else' });
    answer(9);
    expect(await otherUser).toBeUndefined();
    expect(t.states()).toEqual({});
  });
});

describe('the waiting alarm', () => {
  it('checks every minute, and a restarted worker keeps the running alarm rather than pushing it back', async () => {
    fakeBrowser.reset();
    await waitingAlarm.start();
    const first = await fakeBrowser.alarms.get(WAITING_ALARM);
    expect(first?.periodInMinutes).toBe(1);
    await waitingAlarm.start();
    expect((await fakeBrowser.alarms.get(WAITING_ALARM))?.scheduledTime).toBe(first?.scheduledTime);
    await waitingAlarm.stop();
    expect(await fakeBrowser.alarms.get(WAITING_ALARM)).toBeUndefined();
  });
});
