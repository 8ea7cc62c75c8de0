// The Bytedesk endpoints the extension uses, answering as the real server does (see
// /work/shared/bytedesk-contract.md). Handlers are pure: state in, Reply out.
import { landingPage, webAppFor } from './landing-page.ts';
import { userJson, type Store, type UserRecord } from './store.ts';
import { WORK_ROUTES } from './work-routes.ts';

export interface Reply {
  status: number;
  contentType: string;
  body: string;
  cors?: boolean; // default true; only fault pages from "another server" leave it out
}

export interface Call {
  method: string;
  path: string;
  bearer: string | null; // from the Authorization header only: the API ignores ?accessToken=
  body: unknown; // parsed JSON, null when absent, undefined when unparsable
  query: Record<string, string>;
  store: Store;
}

export function json(status: number, value: unknown): Reply {
  return { status, contentType: 'application/json', body: JSON.stringify(value) };
}

export function ok(data: unknown): Reply {
  return json(200, { message: 'success', code: 200, data });
}

/** Business failures are HTTP 200 with code != 200 and data false. */
export function fail(code: number, message: string): Reply {
  return json(200, { message, code, data: false });
}

/** Spring Boot's own error body (not JsonResult). */
export function springError(status: number, error: string, path: string, now: number): Reply {
  return json(status, { timestamp: new Date(now).toISOString().replace('Z', '+00:00'), status, error, path });
}

function unauthorized(path: string): Reply {
  return json(401, {
    status: 401,
    error: 'Unauthorized',
    message: 'Full authentication is required to access this resource',
    path,
  });
}

type Handler = (call: Call) => Reply;
export type AuthedHandler = (call: Call, user: UserRecord) => Reply;

/** Written by the server's security handlers, not JsonResult: same fields, HTTP status = code. */
export function denied(status: 401 | 403, message: string): Reply {
  return json(status, { code: status, data: false, message });
}

function authFailure(reason: 'invalid' | 'deleted' | 'disabled', path: string): Reply {
  if (reason === 'deleted') return denied(401, 'i18n.user.signup.first');
  if (reason === 'disabled') return denied(403, 'i18n.user.disabled');
  return unauthorized(path);
}

/** Spring Security's filter in front of /api/**. */
function authed(handler: AuthedHandler): Handler {
  return (call) => {
    const auth = call.store.check(call.bearer);
    return auth.ok ? handler(call, auth.user) : authFailure(auth.reason, call.path);
  };
}

/** @RequestBody: Spring answers 400 when the body is missing or not JSON. */
function withBody<A extends unknown[]>(handler: (call: Call, ...rest: A) => Reply) {
  return (call: Call, ...rest: A): Reply =>
    call.body === null || call.body === undefined
      ? springError(400, 'Bad Request', call.path, call.store.config.now())
      : handler(call, ...rest);
}

function field(body: unknown, name: string): string {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'string' ? value : '';
}

function flag(body: unknown, name: string, fallback: boolean): boolean {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
  return typeof value === 'boolean' ? value : fallback;
}

const login: Handler = ({ body, store }) => {
  // Only FLUTTER skips the captcha; the stand-in never issues captchas, so other channels always fail.
  if (field(body, 'channel') !== 'FLUTTER') return fail(-1, 'i18n.auth.captcha.error');
  const password = field(body, 'password');
  if (!password) return fail(-1, 'Password or password hash is required');
  const result = store.checkPassword(field(body, 'username'), password);
  if (result.ok) return ok({ accessToken: store.mint(result.user.username), user: userJson(result.user) });
  if (result.locked) return fail(-1, `密码错误次数过多，账户已被锁定${store.config.lockMinutes}分钟`);
  return fail(-1, `用户名或密码错误，还可尝试${result.remaining}次`);
};

// A newly minted token; the old one stays valid (same string if minted in the same second).
const exchange: Handler = ({ body, store }) => {
  const result = store.check(field(body, 'accessToken') || null);
  if (!result.ok) return fail(-1, 'accessToken is invalid');
  return ok({ accessToken: store.mint(result.user.username), user: userJson(result.user) });
};

const profile: AuthedHandler = (_call, user) => ok(userJson(user));

const logout: AuthedHandler = ({ bearer, store }) => {
  const row = bearer === null ? undefined : store.tokens.get(bearer);
  if (row) row.revoked = true;
  return json(200, { message: 'success', code: 200, data: true });
};

const createUser: AuthedHandler = ({ body, store }, caller) => {
  if (!caller.superUser) return denied(403, 'i18n.authorization.denied');
  const email = field(body, 'email');
  const mobile = field(body, 'mobile');
  // The real server answers these with HTTP 200 + code 500 (its docs claim HTTP 400).
  if (!email && !mobile) return fail(500, 'email or mobile is required..!!');
  if (email && store.findByEmail(email)) return fail(500, `Email ${email} already exists..!!`);
  if (mobile && store.findByMobile(mobile)) return fail(500, `Mobile ${mobile} already exists..!!`);
  const username = field(body, 'username') || email || mobile;
  // Not in the contract: the stand-in keys users by username, so it cannot hold two alike.
  if (store.users.has(username)) return fail(500, `Username ${username} already exists..!!`);
  const user = store.addUser({
    username,
    password: field(body, 'password') || '123456',
    nickname: field(body, 'nickname') || username,
    email: email || null,
    mobile: mobile || null,
    country: field(body, 'country') || null,
    avatar: field(body, 'avatar'),
    description: field(body, 'description'),
    sex: field(body, 'sex') || 'UNKNOWN',
    enabled: flag(body, 'enabled', true),
    emailVerified: flag(body, 'emailVerified', false),
    mobileVerified: flag(body, 'mobileVerified', false),
  });
  return ok(userJson(user));
};

const routes: Record<string, Handler> = {
  'POST /auth/v1/login': withBody(login),
  'POST /auth/v1/login/accessToken': withBody(exchange),
  'GET /api/v1/user/profile': authed(profile),
  // "accessToken is empty" is a business failure, not a 401: logout is the one exception.
  'POST /api/v1/user/logout': (call) => (call.bearer ? authed(logout)(call) : fail(-1, 'accessToken is empty')),
  'POST /api/v1/user/create': authed(withBody(createUser)),
};

// Looked up when called, not copied into `routes`: work-routes.ts imports this module's replies.
function handlerFor(key: string): Handler | undefined {
  const work = WORK_ROUTES[key];
  return routes[key] ?? (work && authed(work));
}

export function route(call: Call): Reply {
  const { method, path, store } = call;
  const app = webAppFor(path);
  if (app && (method === 'GET' || method === 'HEAD')) {
    return { status: 200, contentType: 'text/html; charset=utf-8', body: landingPage(app) };
  }
  const handler = handlerFor(`${method} ${path}`);
  if (handler) return handler(call);
  // Spring Security runs before routing: without a valid token even unknown /api paths are 401.
  if (path.startsWith('/api/')) {
    const auth = store.check(call.bearer);
    if (!auth.ok) return authFailure(auth.reason, path);
  }
  const keys = [...Object.keys(routes), ...Object.keys(WORK_ROUTES)];
  const pathKnown = app !== null || keys.some((key) => key.endsWith(` ${path}`));
  const now = store.config.now();
  return pathKnown ? springError(405, 'Method Not Allowed', path, now) : springError(404, 'Not Found', path, now);
}
