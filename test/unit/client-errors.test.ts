import { describe, expect, it } from 'vitest';
import { createBytedeskClient, type BytedeskClient } from '../../lib/server/client';

const USER = { uid: 'u1', username: 'admin@email.com', nickname: 'Admin', superUser: true, orgUid: 'o1' };
const ok = (data: unknown) => ({ status: 200, body: { message: 'success', code: 200, data } });
const fail = (code: number, message: string, status = 200) => ({ status, body: { message, code, data: false } });
const spring401 = { status: 401, body: { status: 401, error: 'Unauthorized', message: 'Full authentication is required', path: '/api/v1/user/profile' } };

type Reply = { status: number; body: unknown; contentType?: string } | 'network-error';

function clientAnswering(reply: Reply) {
  const seen: Request[] = [];
  const client = createBytedeskClient({
    baseUrl: 'https://desk.example.com',
    fetch: async (input, init) => {
      seen.push(new Request(input, init));
      if (reply === 'network-error') throw new TypeError('Failed to fetch');
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
      return new Response(text, { status: reply.status, headers: { 'Content-Type': reply.contentType ?? 'application/json' } });
    },
  });
  return { client, seen };
}

type Call = (c: BytedeskClient) => Promise<unknown>;
const login: Call = (c) => c.login('admin@email.com', 'admin');
const exchange: Call = (c) => c.exchange('tok');
const profile: Call = (c) => c.profile('tok');
const logout: Call = (c) => c.logout('tok');
const create: Call = (c) => c.createUser('tok', { email: 'a@b.c' });

describe('every failure in the contract becomes one error kind', () => {
  it.each<[string, Call, Reply, Record<string, unknown>]>([
    ['wrong password, 2025-09 text', login, fail(-1, '用户名或密码错误，还可尝试2次'), { kind: 'wrong-credentials', triesLeft: 2 }],
    ['wrong password, last try', login, fail(-1, '用户名或密码错误，还可尝试1次'), { kind: 'wrong-credentials', triesLeft: 1 }],
    ['wrong password, older i18n key', login, fail(-1, 'i18n.username.or.password.incorrect'), { kind: 'wrong-credentials', triesLeft: undefined }],
    ['unknown user, older key', login, fail(-1, 'i18n.user.signup.first'), { kind: 'wrong-credentials' }],
    ['disabled user, older key', login, fail(-1, 'i18n.user.disabled'), { kind: 'wrong-credentials' }],
    ['bad credentials through a generic handler', login, fail(500, 'i18n.bad.credentials'), { kind: 'wrong-credentials' }],
    ['locked after three', login, fail(-1, '密码错误次数过多，账户已被锁定10分钟'), { kind: 'account-locked' }],
    ['captcha', login, fail(-1, 'i18n.auth.captcha.error'), { kind: 'captcha-required' }],
    ['no password', login, fail(-1, 'Password or password hash is required'), { kind: 'wrong-credentials' }],
    ['invalid token on exchange', exchange, fail(-1, 'accessToken is invalid'), { kind: 'token-rejected' }],
    ['dead token, Spring 401 body', profile, spring401, { kind: 'token-rejected', status: 401 }],
    ['deleted user, JsonResult 401', profile, fail(401, 'i18n.user.signup.first', 401), { kind: 'token-rejected' }],
    ['disabled user, 403', profile, fail(403, 'i18n.user.disabled', 403), { kind: 'forbidden', serverMessage: 'i18n.user.disabled' }],
    ['logout without a token', logout, fail(-1, 'accessToken is empty'), { kind: 'token-rejected' }],
    ['create: not a super admin', create, fail(403, 'i18n.authorization.denied', 403), { kind: 'forbidden' }],
    ['create: no token', create, spring401, { kind: 'token-rejected' }],
    ['create: duplicate email', create, fail(500, 'Email a@b.c already exists..!!'), { kind: 'already-exists' }],
    ['create: duplicate mobile', create, fail(500, 'Mobile 13800000000 already exists..!!'), { kind: 'already-exists' }],
    ['create: newer duplicate key', create, fail(500, 'i18n.email.already.exists'), { kind: 'already-exists' }],
    ['create: no email or mobile', create, fail(500, 'email or mobile is required..!!'), { kind: 'invalid-input' }],
    ['create: anything else', create, fail(500, 'boom'), { kind: 'rejected' }],
    ['HTTP 500 Spring body', profile, { status: 500, body: { status: 500, error: 'Internal Server Error' } }, { kind: 'server-error', status: 500 }],
    ['proxy 502 HTML page', login, { status: 502, body: '<html><title>502 Bad Gateway</title></html>', contentType: 'text/html' }, { kind: 'server-error', status: 502 }],
    ['HTML with 200 (wrong site)', login, { status: 200, body: '<!doctype html><p>Welcome</p>', contentType: 'text/html' }, { kind: 'not-bytedesk' }],
    ['malformed JSON', profile, { status: 200, body: '{"code":200,"mess' }, { kind: 'not-bytedesk' }],
    ['JSON of another shape', profile, { status: 200, body: { ok: true } }, { kind: 'not-bytedesk' }],
    ['404', login, { status: 404, body: { status: 404, error: 'Not Found' } }, { kind: 'not-bytedesk' }],
    ['success without a token', login, ok({ user: USER }), { kind: 'not-bytedesk' }],
    ['network failure', login, 'network-error', { kind: 'unreachable' }],
  ])('%s', async (_, call, reply, expected) => {
    const { client } = clientAnswering(reply);
    await expect(call(client)).rejects.toMatchObject(expected);
  });
});

describe('requests', () => {
  it('logs in over the captcha-free channel and keeps only the known user fields', async () => {
    const { client, seen } = clientAnswering(ok({ accessToken: 'jwt', user: USER }));
    await expect(client.login('admin@email.com', 'admin')).resolves.toEqual({
      accessToken: 'jwt',
      user: { uid: 'u1', username: 'admin@email.com', nickname: 'Admin', superUser: true },
    });
    expect(seen[0]!.url).toBe('https://desk.example.com/auth/v1/login');
    expect(await seen[0]!.json()).toEqual({ username: 'admin@email.com', password: 'admin', platform: 'BYTEDESK', channel: 'FLUTTER' });
  });

  it('sends the token as a Bearer header to the configured origin only', async () => {
    const { client, seen } = clientAnswering(ok(USER));
    await client.profile('tok');
    expect(seen[0]!.url).toBe('https://desk.example.com/api/v1/user/profile');
    expect(seen[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(seen[0]!.credentials).toBe('omit');
  });

  it('times out', async () => {
    const client = createBytedeskClient({
      baseUrl: 'https://desk.example.com',
      timeoutMs: 20,
      fetch: (_, init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
    });
    await expect(client.profile('tok')).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('can be cancelled', async () => {
    const controller = new AbortController();
    const client = createBytedeskClient({
      baseUrl: 'https://desk.example.com',
      fetch: (_, init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
    });
    const call = client.profile('tok', { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
