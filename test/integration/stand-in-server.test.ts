// The stand-in Bytedesk server against /work/shared/bytedesk-contract.md, over real HTTP.
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStandInServer, type StandInServer } from '../server/bytedesk-server.ts';
import { DEFAULT_JWT_KEY_BASE64, signJwt, subjectFor, verifyJwt } from '../server/jwt.ts';

const START = Date.UTC(2025, 8, 10, 8, 0, 0); // a whole second, so same-second minting is deterministic
const YEAR_S = 365 * 24 * 60 * 60;
const ADMIN = 'admin@email.com';
const AGENT = 'agent1@email.com';
const USER_FIELDS = [
  'uid', 'orgUid', 'username', 'nickname', 'email', 'mobile', 'avatar', 'description', 'sex', 'enabled',
  'superUser', 'emailVerified', 'mobileVerified', 'platform', 'currentOrganization', 'currentRoles',
  'authorities', 'createdAt', 'updatedAt',
];
const SPRING_401_MESSAGE = 'Full authentication is required to access this resource';

let clock = START;
let server: StandInServer;

beforeEach(async () => {
  clock = START;
  server = await startStandInServer({ now: () => clock });
});
afterEach(() => server.close());

function headers(token?: string | null): Record<string, string> {
  return { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}
const get = (path: string, token?: string | null) => fetch(server.url + path, { headers: headers(token) });
const post = (path: string, body: unknown, token?: string | null) =>
  fetch(server.url + path, { method: 'POST', headers: headers(token), body: JSON.stringify(body) });

async function login(username: string, password: string, channel = 'FLUTTER') {
  const res = await post('/auth/v1/login', { username, password, platform: 'BYTEDESK', channel });
  expect(res.status).toBe(200);
  return (await res.json()) as { message: string; code: number; data: any };
}

async function tokenFor(username: string, password: string): Promise<string> {
  const body = await login(username, password);
  expect(body.code).toBe(200);
  return body.data.accessToken as string;
}

async function expectSpring401(res: Response, path: string) {
  expect(res.status).toBe(401);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(await res.json()).toEqual({ status: 401, error: 'Unauthorized', message: SPRING_401_MESSAGE, path });
}

function decodePart(token: string, index: number): unknown {
  return JSON.parse(Buffer.from(token.split('.')[index]!, 'base64url').toString('utf8'));
}

describe('JWT', () => {
  it('reproduces the sample token in the Bytedesk docs with the default key', () => {
    const sample =
      'eyJhbGciOiJIUzM4NCJ9.eyJzdWIiOiJ7XCJwbGF0Zm9ybVwiOlwiYnl0ZWRlc2tcIixcInVzZXJuYW1lXCI6XCJhZG1pbkBlbWFpbC5jb21cIn0iLCJpYXQiOjE3NTI3MjQ4MzIsImV4cCI6MTc1NTMxNjgzMn0.3Q5ZXyNHImEGCErPkRXWG6rnFK1F_z77kTE6iRlpKmzUAtRpJZinjM_O0J0GebtM';
    expect(signJwt({ sub: subjectFor(ADMIN), iat: 1752724832, exp: 1755316832 })).toBe(sample);
    expect(verifyJwt(sample)).toEqual({ sub: subjectFor(ADMIN), iat: 1752724832, exp: 1755316832 });
  });

  it('has header {"alg":"HS384"}, claims sub/iat/exp only, sub a JSON string, base64url without padding', async () => {
    const token = await tokenFor(ADMIN, 'admin');
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(Buffer.from(token.split('.')[0]!, 'base64url').toString()).toBe('{"alg":"HS384"}');
    const claims = decodePart(token, 1) as Record<string, unknown>;
    expect(Object.keys(claims)).toEqual(['sub', 'iat', 'exp']);
    expect(claims.sub).toBe('{"platform":"bytedesk","username":"admin@email.com"}');
    expect(claims.iat).toBe(START / 1000);
    expect(claims.exp).toBe(START / 1000 + YEAR_S);
  });

  it('rejects a tampered payload, a stray trailing character and another key', () => {
    const token = signJwt({ sub: subjectFor(ADMIN), iat: 1, exp: 2 });
    const [h, , s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: subjectFor('x'), iat: 1, exp: 2 })).toString('base64url');
    expect(verifyJwt(`${h}.${forged}.${s}`)).toBeNull();
    expect(verifyJwt(`${token}A`)).toBeNull();
    expect(verifyJwt(token, Buffer.from('another key of enough length........').toString('base64'))).toBeNull();
    expect(verifyJwt(token, DEFAULT_JWT_KEY_BASE64)).not.toBeNull();
  });
});

describe('POST /auth/v1/login', () => {
  it('succeeds with channel FLUTTER: data is exactly {accessToken, user} and a token row is added', async () => {
    const body = await login(ADMIN, 'admin');
    expect(body.message).toBe('success');
    expect(body.code).toBe(200);
    expect(Object.keys(body.data).sort()).toEqual(['accessToken', 'user']);
    const user = body.data.user;
    expect(Object.keys(user).sort()).toEqual([...USER_FIELDS].sort());
    expect(user).toMatchObject({ username: ADMIN, nickname: 'Admin', superUser: true, enabled: true, platform: 'BYTEDESK' });
    expect(user.createdAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(user.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(server.tokens()).toEqual([
      { token: body.data.accessToken, username: ADMIN, revoked: false, expiresAt: START + YEAR_S * 1000 },
    ]);
  });

  it.each(['WEB', 'PC', undefined])('channel %s without a captcha fails with i18n.auth.captcha.error', async (channel) => {
    const res = await post('/auth/v1/login', { username: ADMIN, password: 'admin', platform: 'BYTEDESK', channel });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'i18n.auth.captcha.error', code: -1, data: false });
  });

  it.each([undefined, ''])('password %j fails with "Password or password hash is required"', async (password) => {
    const res = await post('/auth/v1/login', { username: ADMIN, password, platform: 'BYTEDESK', channel: 'FLUTTER' });
    expect(await res.json()).toEqual({ message: 'Password or password hash is required', code: -1, data: false });
  });

  it.each([
    ['a wrong password', ADMIN, 'wrong'],
    ['an unknown user', 'nobody@email.com', '123456'],
    ['a disabled user with the right password', 'disabled@email.com', '123456'],
  ])('%s gets the same "用户名或密码错误，还可尝试2次"', async (_case, username, password) => {
    expect(await login(username, password)).toEqual({ message: '用户名或密码错误，还可尝试2次', code: -1, data: false });
  });

  it('counts down 2, 1, then the third wrong password locks the account for 10 minutes, right password included', async () => {
    expect((await login(AGENT, 'x')).message).toBe('用户名或密码错误，还可尝试2次');
    expect((await login(AGENT, 'x')).message).toBe('用户名或密码错误，还可尝试1次');
    const locked = { message: '密码错误次数过多，账户已被锁定10分钟', code: -1, data: false };
    expect(await login(AGENT, 'x')).toEqual(locked);
    expect(await login(AGENT, '123456')).toEqual(locked);
    clock = START + 10 * 60_000 - 1;
    expect(await login(AGENT, '123456')).toEqual(locked);
    expect((await login('agent2@email.com', '123456')).code).toBe(200); // the lock is per username
    clock = START + 10 * 60_000;
    expect((await login(AGENT, '123456')).code).toBe(200);
  });

  it('a successful login resets the wrong-password count', async () => {
    await login(AGENT, 'x');
    await login(AGENT, 'x');
    expect((await login(AGENT, '123456')).code).toBe(200);
    expect((await login(AGENT, 'x')).message).toBe('用户名或密码错误，还可尝试2次');
  });

  it('mints tokens with the configured lifetime (option and setTokenLifetime)', async () => {
    await server.close();
    server = await startStandInServer({ now: () => clock, tokenLifetimeSeconds: 30 });
    expect((decodePart(await tokenFor(ADMIN, 'admin'), 1) as { exp: number }).exp).toBe(START / 1000 + 30);
    server.setTokenLifetime(90);
    clock += 1000;
    expect((decodePart(await tokenFor(ADMIN, 'admin'), 1) as { exp: number }).exp).toBe(START / 1000 + 1 + 90);
  });

  it('answers a body that is not JSON with Spring 400', async () => {
    const res = await fetch(`${server.url}/auth/v1/login`, { method: 'POST', headers: headers(), body: '{nope' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ status: 400, error: 'Bad Request', path: '/auth/v1/login' });
  });
});

describe('tokens on /api/**', () => {
  const PROFILE = '/api/v1/user/profile';

  it.each<[string, () => string | null]>([
    ['missing', () => null],
    ['malformed', () => 'not-a-jwt'],
    ['signed with another key', () =>
      signJwt({ sub: subjectFor(ADMIN), iat: START / 1000, exp: START / 1000 + 60 }, Buffer.alloc(48, 7).toString('base64'))],
    ['tampered', () => {
      const token = server.mint(ADMIN);
      return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    }],
    ['expired (the clock moved past exp)', () => {
      const token = server.mint(ADMIN, { lifetimeSeconds: 60 });
      clock += 60_001;
      return token;
    }],
    ['revoked', () => {
      const token = server.mint(ADMIN);
      server.revoke(token);
      return token;
    }],
    ['correctly signed but without a token-table row', () => server.signWithoutRow(ADMIN)],
  ])('%s -> HTTP 401 with Spring body', async (_case, makeToken) => {
    await expectSpring401(await get(PROFILE, makeToken()), PROFILE);
  });

  it('a token is accepted up to its exp second and refused after it', async () => {
    const token = server.mint(AGENT, { lifetimeSeconds: 60 });
    clock = START + 60_000;
    expect((await get(PROFILE, token)).status).toBe(200);
    clock += 1;
    await expectSpring401(await get(PROFILE, token), PROFILE);
  });

  it('token of a deleted user -> HTTP 401 i18n.user.signup.first', async () => {
    const token = await tokenFor(AGENT, '123456');
    server.deleteUser(AGENT);
    const res = await get(PROFILE, token);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 401, data: false, message: 'i18n.user.signup.first' });
  });

  it('token of a disabled user -> HTTP 403 i18n.user.disabled', async () => {
    const token = await tokenFor(AGENT, '123456');
    server.setUserEnabled(AGENT, false);
    const res = await get(PROFILE, token);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 403, data: false, message: 'i18n.user.disabled' });
    server.setUserEnabled(AGENT, true);
    expect((await get(PROFILE, token)).status).toBe(200);
  });

  it('?accessToken= in the URL does not authenticate API calls', async () => {
    await expectSpring401(await fetch(`${server.url}${PROFILE}?accessToken=${server.mint(ADMIN)}`), PROFILE);
  });

  it('unknown /api path: 401 without a token (security runs first), Spring 404 with one', async () => {
    await expectSpring401(await get('/api/v1/nothing'), '/api/v1/nothing');
    const res = await get('/api/v1/nothing', server.mint(ADMIN));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status: 404, error: 'Not Found', path: '/api/v1/nothing' });
  });
});

describe('POST /auth/v1/login/accessToken', () => {
  it('returns a newly minted token (new row) once the clock moved 1 s; the old one keeps working', async () => {
    const old = await tokenFor(AGENT, '123456');
    clock += 1000;
    const res = await post('/auth/v1/login/accessToken', { accessToken: old });
    const body = (await res.json()) as { code: number; data: { accessToken: string; user: Record<string, unknown> } };
    expect(body.code).toBe(200);
    expect(Object.keys(body.data).sort()).toEqual(['accessToken', 'user']);
    expect(body.data.user.username).toBe(AGENT);
    expect(body.data.accessToken).not.toBe(old);
    expect((decodePart(body.data.accessToken, 1) as { iat: number }).iat).toBe(START / 1000 + 1);
    expect(server.tokens().map((row) => row.token)).toEqual([old, body.data.accessToken]);
    expect((await get('/api/v1/user/profile', old)).status).toBe(200);
    expect((await get('/api/v1/user/profile', body.data.accessToken)).status).toBe(200);
  });

  it('within the same second returns the same string, and the table keeps one row for it', async () => {
    const old = await tokenFor(AGENT, '123456');
    const body = (await (await post('/auth/v1/login/accessToken', { accessToken: old })).json()) as any;
    expect(body.data.accessToken).toBe(old);
    expect(server.tokens()).toHaveLength(1);
    expect(server.tokens()[0]!.revoked).toBe(false);
  });

  it.each<[string, () => unknown]>([
    ['garbage', () => 'garbage'],
    ['missing', () => undefined],
    ['revoked', () => {
      const token = server.mint(ADMIN);
      server.revoke(token);
      return token;
    }],
    ['expired', () => {
      const token = server.mint(ADMIN, { lifetimeSeconds: 1 });
      clock += 5000;
      return token;
    }],
    ['without a row', () => server.signWithoutRow(ADMIN)],
  ])('%s token -> HTTP 200 code -1 "accessToken is invalid"', async (_case, makeToken) => {
    const res = await post('/auth/v1/login/accessToken', { accessToken: makeToken() });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ code: -1, message: 'accessToken is invalid', data: false });
  });
});

describe('GET /api/v1/user/profile', () => {
  it('returns JsonResult with the same user fields as login', async () => {
    const res = await get('/api/v1/user/profile', await tokenFor(AGENT, '123456'));
    const body = (await res.json()) as { message: string; code: number; data: Record<string, unknown> };
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body).toMatchObject({ message: 'success', code: 200, data: { username: AGENT, nickname: 'Agent One', superUser: false } });
    expect(Object.keys(body.data).sort()).toEqual([...USER_FIELDS].sort());
  });
});

describe('POST /api/v1/user/logout', () => {
  it('revokes that token: later calls get 401, other tokens of the user keep working', async () => {
    const first = await tokenFor(AGENT, '123456');
    clock += 1000;
    const second = await tokenFor(AGENT, '123456');
    const res = await post('/api/v1/user/logout', {}, first);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'success', code: 200, data: true });
    expect(server.tokens().find((row) => row.token === first)?.revoked).toBe(true);
    await expectSpring401(await get('/api/v1/user/profile', first), '/api/v1/user/profile');
    expect((await get('/api/v1/user/profile', second)).status).toBe(200);
  });

  it('without an Authorization header -> HTTP 200 code -1 "accessToken is empty"', async () => {
    const res = await fetch(`${server.url}/api/v1/user/logout`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'accessToken is empty', code: -1, data: false });
  });
});

describe('POST /api/v1/user/create', () => {
  const CREATE = '/api/v1/user/create';
  const newUser = (over: Record<string, unknown> = {}) => ({
    username: '', nickname: 'New Agent', password: '', email: 'new@email.com', mobile: '', country: 'CN',
    avatar: '', description: '', sex: 'UNKNOWN', enabled: true, emailVerified: false, mobileVerified: false,
    platform: 'BYTEDESK', ...over,
  });

  it('creates the user (username defaults to the email, password to 123456), who can then log in', async () => {
    const res = await post(CREATE, newUser(), await tokenFor(ADMIN, 'admin'));
    const body = (await res.json()) as { code: number; data: Record<string, unknown> };
    expect(res.status).toBe(200);
    expect(body.code).toBe(200);
    expect(body.data).toMatchObject({ username: 'new@email.com', nickname: 'New Agent', email: 'new@email.com', superUser: false });
    expect(Object.keys(body.data).sort()).toEqual([...USER_FIELDS].sort());
    expect((await login('new@email.com', '123456')).data.user.nickname).toBe('New Agent');
  });

  it('uses the given password, and the mobile as username when there is no email', async () => {
    const admin = await tokenFor(ADMIN, 'admin');
    const body = (await (await post(CREATE, newUser({ email: '', mobile: '13800000001', password: 'pw1' }), admin)).json()) as any;
    expect(body.data.username).toBe('13800000001');
    expect((await login('13800000001', 'pw1')).code).toBe(200);
  });

  it('email and mobile both missing -> HTTP 200 code 500 "email or mobile is required..!!"', async () => {
    const res = await post(CREATE, newUser({ email: '', mobile: undefined }), await tokenFor(ADMIN, 'admin'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'email or mobile is required..!!', code: 500, data: false });
  });

  it.each([
    ['email', { email: 'agent1@email.com' }, 'Email agent1@email.com already exists..!!'],
    ['mobile', { email: 'other@email.com', mobile: '13345678000' }, 'Mobile 13345678000 already exists..!!'],
  ])('duplicate %s -> HTTP 200 code 500', async (_field, over, message) => {
    const res = await post(CREATE, newUser(over), await tokenFor(ADMIN, 'admin'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message, code: 500, data: false });
  });

  it('token of a non-super user -> HTTP 403 i18n.authorization.denied', async () => {
    const res = await post(CREATE, newUser(), await tokenFor(AGENT, '123456'));
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: 403, data: false, message: 'i18n.authorization.denied' });
  });

  it('no token -> HTTP 401 Spring body', async () => {
    await expectSpring401(await post(CREATE, newUser()), CREATE);
  });
});

describe('CORS', () => {
  it('answers a preflight: origin *, the requested method and headers, no credentials', async () => {
    const res = await fetch(`${server.url}/api/v1/user/profile`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'chrome-extension://abcdefghijklmnop',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-custom',
      },
    });
    expect([200, 204]).toContain(res.status);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-custom');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it.each([
    ['a success', () => post('/auth/v1/login', { username: ADMIN, password: 'admin', channel: 'FLUTTER' })],
    ['a 401', () => get('/api/v1/user/profile')],
    ['a 404', () => get('/nothing')],
  ])('%s carries Access-Control-Allow-Origin: *', async (_case, call) => {
    const res = await call();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
  });
});

describe('unknown paths', () => {
  it.each(['/nothing', '/auth/v1/nothing', '/chat'])('%s -> HTTP 404 Spring body', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ status: 404, error: 'Not Found', path });
    expect(Object.keys(body).sort()).toEqual(['error', 'path', 'status', 'timestamp']);
  });
});

// Runs the page's inline script against fake DOM and storage, with fetch going to the server.
async function openPage(path: string, storage = new Map<string, string>()) {
  const pageUrl = server.url + path;
  const html = await (await fetch(pageUrl)).text();
  const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1];
  if (!script) throw new Error('no inline script');
  interface FakeElement {
    textContent: string;
    attributes: Record<string, string>;
    hidden: boolean;
    setAttribute(k: string, v: string): void;
    addEventListener(): void;
  }
  const elements = new Map<string, FakeElement>();
  for (const match of html.matchAll(/<\w+ (?:[\w-]+="[^"]*" )?id="(\w+)"([^>]*)>([^<]*)</g)) {
    const attributes = Object.fromEntries([...match[2]!.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    elements.set(match[1]!, {
      textContent: match[3]!,
      attributes,
      hidden: / hidden\b/.test(match[2]!),
      setAttribute(k, v) { this.attributes[k] = v; },
      addEventListener() {},
    });
  }
  const initialStatus = elements.get('status')?.textContent;
  runInNewContext(script, {
    location: new URL(pageUrl),
    URLSearchParams,
    localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => storage.set(k, String(v)) },
    document: { getElementById: (id: string) => elements.get(id) ?? null },
    fetch: (input: string, init?: RequestInit) => fetch(new URL(input, pageUrl), init),
  });
  const status = elements.get('status')!;
  await vi.waitFor(() => expect(status.attributes['data-state']).not.toBe('checking'));
  return {
    html,
    initialStatus,
    storage,
    app: elements.get('app')!.textContent,
    pagePath: elements.get('path')!.textContent,
    status,
    signOutShown: !elements.get('signout')!.hidden,
    route: elements.get('route')!.attributes['data-route'],
  };
}

describe('web app pages', () => {
  it.each([
    ['/agent', 'Agent workbench', '/'],
    ['/agent/ticket', 'Agent workbench', '/ticket'],
    ['/agent/auth/login', 'Agent workbench', '/auth/login'],
    [`/agent/${encodeURIComponent('任意路径')}`, 'Agent workbench', '/任意路径'],
    ['/admin', 'Admin console', '/'],
    ['/admin/welcome', 'Admin console', '/welcome'],
  ])('%s is a self-contained HTML page of the %s showing path %s', async (path, app, inner) => {
    const res = await get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const page = await openPage(path);
    expect(page.html).toContain('<html lang="en">');
    expect(page.html).toContain('<meta charset="utf-8">');
    expect(page.html).toMatch(/<title>[^<]+<\/title>/);
    expect(page.html).not.toMatch(/\b(src|href)=|https?:\/\/|@import/);
    expect(page.initialStatus).toBe('checking…');
    expect(page.app).toBe(app);
    expect(page.pagePath).toBe(inner);
  });

  it('?accessToken= is stored in localStorage["ACCESS_TOKEN"] and the page shows "signed in as <nickname>"', async () => {
    const token = await tokenFor(AGENT, '123456');
    const page = await openPage(`/agent/auth/login?accessToken=${token}`);
    expect(page.storage.get('ACCESS_TOKEN')).toBe(token);
    expect(page.status.textContent).toBe('signed in as Agent One');
    expect(page.status.attributes['data-state']).toBe('signed-in');
    expect(page.signOutShown, 'its "Sign out" (which revokes the token) appears').toBe(true);
    const profileCall = server.requests.find((r) => r.path === '/api/v1/user/profile');
    expect(profileCall?.token).toBe(token);
  });

  it.each([
    ['/admin/welcome', 'found'],
    ['/admin/service/thread', 'found'],
    ['/admin/super/user', 'found'],
    ['/admin/dashboard', 'not-found'],
    ['/admin/service', 'not-found'],
    ['/agent/chat', 'found'],
    ['/agent/setting/profile', 'found'],
    ['/agent/welcome', 'not-found'],
  ])('has the real apps\' pages: %s is %s (another path shows the app\'s 404 page, still signed in)', async (path, route) => {
    const page = await openPage(path, new Map([['ACCESS_TOKEN', server.mint(ADMIN)]]));
    expect(page.route).toBe(route);
    expect(page.status.attributes['data-state']).toBe('signed-in');
  });

  it('without a token in the URL it uses the stored one, shared by the admin console on the same origin', async () => {
    const storage = new Map([['ACCESS_TOKEN', server.mint(ADMIN)]]);
    expect((await openPage('/admin/dashboard', storage)).status.textContent).toBe('signed in as Admin');
  });

  it.each<[string, () => Map<string, string>]>([
    ['no token at all', () => new Map()],
    ['a revoked token', () => {
      const token = server.mint(ADMIN);
      server.revoke(token);
      return new Map([['ACCESS_TOKEN', token]]);
    }],
  ])('with %s it shows "not signed in"', async (_case, storage) => {
    const page = await openPage('/agent/chat', storage());
    expect(page.status.textContent).toBe('not signed in');
    expect(page.status.attributes['data-state']).toBe('signed-out');
    expect(page.signOutShown).toBe(false);
  });
});

describe('request log', () => {
  it('records every request in order, with the token, decoded path, query and masked passwords', async () => {
    const token = server.mint(ADMIN);
    await post('/auth/v1/login', { username: ADMIN, password: 'admin', channel: 'FLUTTER' });
    clock += 5;
    await get('/api/v1/user/profile', token);
    await fetch(`${server.url}/api/v1/user/profile`, { method: 'OPTIONS', headers: { 'Access-Control-Request-Method': 'GET' } });
    await get(`/agent/${encodeURIComponent('任意')}?accessToken=abc&x=1`);
    await post('/api/v1/user/create', { email: 'n@email.com', password: 'secret' }, token);
    expect(server.requests).toEqual([
      { method: 'POST', path: '/auth/v1/login', query: {}, token: null, body: { username: ADMIN, password: '***', channel: 'FLUTTER' }, at: START },
      { method: 'GET', path: '/api/v1/user/profile', query: {}, token, body: null, at: START + 5 },
      { method: 'OPTIONS', path: '/api/v1/user/profile', query: {}, token: null, body: null, at: START + 5 },
      { method: 'GET', path: '/agent/任意', query: { accessToken: 'abc', x: '1' }, token: 'abc', body: null, at: START + 5 },
      { method: 'POST', path: '/api/v1/user/create', query: {}, token, body: { email: 'n@email.com', password: '***' }, at: START + 5 },
    ]);
    server.clearRequests();
    expect(server.requests).toEqual([]);
  });
});

describe('faults', () => {
  const PROFILE = '/api/v1/user/profile';

  it('latency delays the answer, which is otherwise normal', async () => {
    server.setFault({ kind: 'latency', ms: 150 });
    const started = performance.now();
    const res = await get(PROFILE, server.mint(ADMIN));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(200);
  });

  it('a response delay does the work at once and answers late (a slow network), on the chosen paths only', async () => {
    const token = server.mint(ADMIN);
    clock += 1_000; // the new token differs from the old one
    server.setResponseDelay(300, ['/auth/v1/login/accessToken']);
    const exchange = post('/auth/v1/login/accessToken', { accessToken: token });
    await vi.waitFor(() => expect(server.tokens()).toHaveLength(2), { timeout: 250 }); // minted before the answer
    const profile = await get(PROFILE, token); // another path: at once
    expect(profile.status).toBe(200);
    const started = performance.now();
    expect((await (await exchange).json()).code).toBe(200);
    expect(performance.now() - started).toBeGreaterThan(100);
    server.setResponseDelay(null);
  });

  it('status500 answers HTTP 500 with Spring\'s error body', async () => {
    server.setFault({ kind: 'status500' });
    const res = await get(PROFILE);
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ status: 500, error: 'Internal Server Error', path: PROFILE });
  });

  it('html-error answers an nginx 502 page', async () => {
    server.setFault({ kind: 'html-error' });
    const res = await get(PROFILE);
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/<title>502 Bad Gateway<\/title>[\s\S]*nginx/);
  });

  it('html-ok answers HTTP 200 with an HTML page', async () => {
    server.setFault({ kind: 'html-ok' });
    const res = await post('/auth/v1/login', { username: ADMIN, password: 'admin', channel: 'FLUTTER' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toMatch(/^<!doctype html>/i);
  });

  it('malformed-json answers HTTP 200 application/json that does not parse', async () => {
    server.setFault({ kind: 'malformed-json' });
    const res = await get(PROFILE);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(res.json()).rejects.toThrow(SyntaxError);
  });

  it('reset drops the connection: fetch throws', async () => {
    server.setFault({ kind: 'reset' });
    await expect(get(PROFILE)).rejects.toThrow(TypeError);
  });

  it('refuse makes connections fail; clearing it restores service on the same port', async () => {
    const token = server.mint(ADMIN);
    expect((await get(PROFILE, token)).status).toBe(200); // leaves a kept-alive connection behind
    server.setFault({ kind: 'refuse' });
    const error: unknown = await get(PROFILE, token).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(((error as TypeError).cause as { code?: string } | undefined)?.code).toBe('ECONNREFUSED');
    server.setFault(null);
    const res = await get(PROFILE, token);
    expect(res.status).toBe(200);
    expect(new URL(res.url).port).toBe(String(server.port));
  });

  it('onlyPaths limits a fault to those exact paths, and faulted requests are still logged', async () => {
    server.setFault({ kind: 'status500' }, ['/auth/v1/login/accessToken']);
    const token = server.mint(ADMIN);
    expect((await post('/auth/v1/login/accessToken', { accessToken: token })).status).toBe(500);
    expect((await get(PROFILE, token)).status).toBe(200);
    expect(server.requests.map((r) => r.path)).toEqual(['/auth/v1/login/accessToken', PROFILE]);
    server.setFault(null);
    expect((await post('/auth/v1/login/accessToken', { accessToken: token })).status).toBe(200);
  });
});
