import type { ZodMiniType } from 'zod/mini';
import * as z from 'zod/mini';
import { createUserFailure, loginFailure, statusFailure } from './classify';
import {
  CHANNEL,
  jsonResultSchema,
  PATHS,
  PLATFORM,
  tokenGrantSchema,
  userSchema,
  type BytedeskUser,
  type JsonResult,
  type NewUser,
  type TokenGrant,
} from './contract';
import { LaunchpadError } from './errors';
import { parseJson } from '../util/parse-json';

export interface ClientOptions {
  /** Normalised server base URL, no trailing slash: every request goes to this origin only. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface BytedeskClient {
  /** Password login over the captcha-free channel. Never retried: three failures lock the account. */
  login(username: string, password: string, options?: CallOptions): Promise<TokenGrant>;
  /** Trades a still-valid token for a newly minted one; the old one stays valid. */
  exchange(token: string, options?: CallOptions): Promise<TokenGrant>;
  /** The token's user: the cheap check that a token is alive. */
  profile(token: string, options?: CallOptions): Promise<BytedeskUser>;
  /** Revokes the token on the server. */
  logout(token: string, options?: CallOptions): Promise<void>;
  /** Creates a user; needs a super administrator's token. */
  createUser(token: string, user: NewUser, options?: CallOptions): Promise<BytedeskUser>;
  /** Resolves when a Bytedesk server answers at the base URL (no credentials involved). */
  probe(options?: CallOptions): Promise<void>;
}

interface Request {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: unknown;
  signal?: AbortSignal;
}

export const DEFAULT_TIMEOUT_MS = 10_000;

export function createBytedeskClient(options: ClientOptions): BytedeskClient {
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function send(request: Request): Promise<JsonResult> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (request.token) headers.Authorization = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['Content-Type'] = 'application/json';
    let status: number;
    let text: string;
    try {
      const response = await fetchImpl(options.baseUrl + request.path, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        credentials: 'omit',
        redirect: 'error',
      });
      status = response.status;
      text = await response.text();
    } catch {
      if (timeout.aborted) throw new LaunchpadError('timeout');
      if (request.signal?.aborted) throw new LaunchpadError('cancelled');
      throw new LaunchpadError('unreachable');
    }
    const body = parseJson(text);
    const failure = statusFailure(status, messageOf(body));
    if (failure) throw failure;
    const result = jsonResultSchema.safeParse(body);
    if (!result.success) throw new LaunchpadError('not-bytedesk', { status });
    return result.data;
  }

  function data<T>(result: JsonResult, schema: ZodMiniType<T>): T {
    const parsed = schema.safeParse(result.data);
    if (!parsed.success) throw new LaunchpadError('not-bytedesk');
    return parsed.data;
  }

  /** Codes inside a JsonResult that mean the same as the HTTP status would. */
  function codeFailure(result: JsonResult): LaunchpadError | null {
    return result.code === 401 || result.code === 403
      ? statusFailure(result.code, result.message ?? undefined)
      : null;
  }

  /** A call made with a token that failed: 401/403 codes as such, anything else the token's fault. */
  function tokenFailure(result: JsonResult): LaunchpadError {
    return codeFailure(result) ?? new LaunchpadError('token-rejected', { serverMessage: result.message ?? '' });
  }

  return {
    async login(username, password, { signal } = {}) {
      const result = await send({
        method: 'POST',
        path: PATHS.login,
        body: { username, password, platform: PLATFORM, channel: CHANNEL },
        signal,
      });
      if (result.code !== 200) throw loginFailure(result.message ?? '');
      return data(result, tokenGrantSchema);
    },

    async exchange(token, { signal } = {}) {
      const result = await send({
        method: 'POST',
        path: PATHS.exchange,
        body: { accessToken: token },
        signal,
      });
      if (result.code !== 200) throw tokenFailure(result);
      return data(result, tokenGrantSchema);
    },

    async profile(token, { signal } = {}) {
      const result = await send({ method: 'GET', path: PATHS.profile, token, signal });
      if (result.code !== 200) throw tokenFailure(result);
      return data(result, userSchema);
    },

    async logout(token, { signal } = {}) {
      const result = await send({ method: 'POST', path: PATHS.logout, token, signal });
      if (result.code !== 200) throw tokenFailure(result);
    },

    async createUser(token, user, { signal } = {}) {
      const result = await send({
        method: 'POST',
        path: PATHS.createUser,
        token,
        body: newUserBody(user),
        signal,
      });
      if (result.code !== 200) throw codeFailure(result) ?? createUserFailure(result.message ?? '');
      return data(result, userSchema);
    },

    async probe({ signal } = {}) {
      await send({ method: 'POST', path: PATHS.exchange, body: { accessToken: PROBE_TOKEN }, signal });
    },
  };
}

// Any JsonResult counts: the exchange of a dummy token answers `accessToken is invalid` (code -1).
const PROBE_TOKEN = 'launchpad-connection-test';

function newUserBody(user: NewUser) {
  return {
    username: user.username ?? '',
    nickname: user.nickname ?? '',
    password: user.password ?? '',
    email: user.email ?? '',
    mobile: user.mobile ?? '',
    country: user.country ?? '',
    avatar: '',
    description: user.description ?? '',
    sex: user.sex ?? '',
    enabled: user.enabled ?? true,
    emailVerified: false,
    mobileVerified: false,
    platform: PLATFORM,
  };
}

const messageHolder = z.object({ message: z.string() });

function messageOf(body: unknown): string | undefined {
  const parsed = messageHolder.safeParse(body);
  return parsed.success ? parsed.data.message : undefined;
}
