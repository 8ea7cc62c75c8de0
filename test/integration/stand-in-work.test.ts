// The stand-in's "Work waiting for an agent" endpoints against /work/shared/bytedesk-contract.md.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';

const AGENT = 'agent1@email.com';
const UNREPLIED = '/api/v1/queue/query/unreplied';
const PAGE_KEYS = ['content', 'empty', 'first', 'last', 'number', 'numberOfElements', 'pageable', 'size', 'sort', 'totalElements', 'totalPages'];

let server: StandInServer;
beforeEach(async () => {
  server = await startStandInServer();
});
afterEach(() => server.close());

const get = async (path: string, token: string | null) => {
  const res = await fetch(server.url + path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) as any };
};
const profileOf = async (token: string) => (await get('/api/v1/user/profile', token)).json().data;

describe('unreplied conversations of the current agent', () => {
  it('answers a Spring page whose totalElements is what the test set, per agent', async () => {
    server.setWaiting(AGENT, { unreplied: 3 });
    const res = await get(`${UNREPLIED}?pageNumber=0&pageSize=1`, server.mint(AGENT));
    expect(res.status).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code: 200, message: 'success' });
    expect(Object.keys(body.data).sort()).toEqual(PAGE_KEYS);
    expect(body.data).toMatchObject({ totalElements: 3, totalPages: 3, size: 1, number: 0, numberOfElements: 1, first: true, last: false });
    expect(body.data.content).toHaveLength(1);
    const other = (await get(`${UNREPLIED}?pageNumber=0&pageSize=1`, server.mint('agent2@email.com'))).json();
    expect(other.data).toMatchObject({ totalElements: 0, content: [], empty: true });
  });

  it('follows changes, and a user who is no agent gets an empty page', async () => {
    const token = server.mint(AGENT);
    server.setWaiting(AGENT, { unreplied: 5 });
    server.setWaiting(AGENT, { unreplied: 2 });
    expect((await get(UNREPLIED, token)).json().data.totalElements).toBe(2);
    server.setWaiting(AGENT, { agent: false });
    expect((await get(UNREPLIED, token)).json().data.totalElements).toBe(0);
  });

  it('without a valid token: HTTP 401 with Spring body, whatever server it plays', async () => {
    for (const support of ['supported', 'missing-json', 'missing-page', 'forbidden'] as const) {
      server.setWorkSupport(support);
      const res = await get(UNREPLIED, 'not-a-token');
      expect(res.status).toBe(401);
      expect(res.json()).toMatchObject({ status: 401, error: 'Unauthorized', path: UNREPLIED });
    }
  });

  it.each([
    ['missing-json', 200, 'application/json', { message: 'No static resource api/v1/queue/query/unreplied.', code: 404, data: false }],
    ['missing-page', 404, 'text/html', null],
    ['forbidden', 403, 'application/json', { code: 403, data: false, message: 'i18n.authorization.denied' }],
  ] as const)('as %s: HTTP %i', async (support, status, type, json) => {
    server.setWaiting(AGENT, { unreplied: 3 });
    server.setWorkSupport(support);
    const res = await get(UNREPLIED, server.mint(AGENT));
    expect(res.status).toBe(status);
    expect(res.type).toContain(type);
    if (json) expect(res.json()).toEqual(json);
    else expect(res.text).toContain('Whitelabel Error Page');
    server.setWorkSupport('supported');
    expect((await get(UNREPLIED, server.mint(AGENT))).json().data.totalElements).toBe(3);
  });

  it('logs each request with its query', async () => {
    await get(`${UNREPLIED}?pageNumber=0&pageSize=1`, server.mint(AGENT));
    expect(server.requests.map((r) => [r.path, r.query])).toEqual([[UNREPLIED, { pageNumber: '0', pageSize: '1' }]]);
  });
});

describe('queued visitors and tickets', () => {
  it('finds the agent of a user, then the visitors queued for that agent', async () => {
    server.setWaiting(AGENT, { directQueuing: 2, workgroupUnassigned: 1 });
    const token = server.mint(AGENT);
    const user = await profileOf(token);
    const agent = (await get(`/api/v1/agent/query/user/uid?userUid=${user.uid}&orgUid=${user.orgUid}`, token)).json().data;
    expect(agent.uid).not.toBe(user.uid);
    expect(agent.member.uid).toEqual(expect.any(String));
    const queue = (await get(`/api/v1/queue/agent/queuing/count?agentUid=${agent.uid}`, token)).json();
    expect(queue).toEqual({
      message: 'success',
      code: 200,
      data: { directQueuingCount: 2, workgroupUnassignedCount: 1, totalQueuingCount: 3 },
    });
  });

  it('answers data null for a user who is no agent', async () => {
    server.setWaiting(AGENT, { agent: false });
    const token = server.mint(AGENT);
    const user = await profileOf(token);
    expect((await get(`/api/v1/agent/query/user/uid?userUid=${user.uid}&orgUid=${user.orgUid}`, token)).json().data).toBeNull();
  });

  it('counts tickets for the whole org by status, and per assignee (member uid) one status at a time', async () => {
    server.setWaiting(AGENT, { tickets: { processing: 3, pending: 1, review: 0 } });
    server.setWaiting('agent2@email.com', { tickets: { processing: 1, pending: 0, review: 2 } });
    const token = server.mint(AGENT);
    const user = await profileOf(token);
    const counts = (await get(`/api/v1/ticket/count/status?orgUid=${user.orgUid}`, token)).json();
    expect(counts.data).toEqual({ processing: 4, pending: 1, review: 2 });
    const agent = (await get(`/api/v1/agent/query/user/uid?userUid=${user.uid}&orgUid=${user.orgUid}`, token)).json().data;
    const mine = await get(
      `/api/v1/ticket/query/org?orgUid=${user.orgUid}&assigneeUid=${agent.member.uid}&status=PROCESSING&pageNumber=0&pageSize=1`,
      token,
    );
    expect(mine.json().data).toMatchObject({ totalElements: 3, size: 1 });
  });

  it('without orgUid: HTTP 200, code 500 "organization uid required"', async () => {
    const res = await get('/api/v1/ticket/count/status', server.mint(AGENT));
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ message: 'organization uid required', code: 500, data: false });
  });
});
