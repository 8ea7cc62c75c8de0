import type { ZodMiniType } from 'zod/mini';
import * as z from 'zod/mini';
import { createUserFailure, loginFailure, statusFailure, workUnsupported } from './classify';
import {
  agentSchema,
  CHANNEL,
  jsonResultSchema,
  pageTotalSchema,
  PATHS,
  PLATFORM,
  queuingSchema,
  tokenGrantSchema,
  userSchema,
  type AgentIds,
  type BytedeskUser,
  type JsonResult,
  type NewUser,
  type QueuingCounts,
  type TicketStatus,
  type TokenGrant,
  type WorkUnsupported,
} from './contract';
import { errorKindOf, LaunchpadError } from './errors';
import { readCapped } from './read-capped';
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
  /** How many conversations wait for the token's agent to reply (the server takes the agent from the token). */
  unreplied(token: string, options?: CallOptions): Promise<number | WorkUnsupported>;
  /** The agent record of a user (null: the user is no agent). */
  agentOf(token: string, user: { uid: string; orgUid: string }, options?: CallOptions): Promise<AgentIds | null | WorkUnsupported>;
  /** Today's visitors queued for an agent (by agent uid, not user uid). */
  queuing(token: string, agentUid: string, options?: CallOptions): Promise<QueuingCounts | WorkUnsupported>;
  /** How many tickets of one status are assigned to a member (by member uid). */
  ticketsAssigned(
    token: string,
    query: { orgUid: string; memberUid: string; status: TicketStatus },
    options?: CallOptions,
  ): Promise<number | WorkUnsupported>;
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
      text = await readCapped(response);
    } catch (error) {
      if (errorKindOf(error) === 'too-large') throw error;
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

  /** A GET of the work endpoints, where a missing endpoint or authority is an answer. */
  async function work<T>(token: string, path: string, schema: ZodMiniType<T>, signal?: AbortSignal): Promise<T | WorkUnsupported> {
    try {
      const result = await send({ method: 'GET', path, token, signal });
      if (result.code === 200) return data(result, schema);
      // Recent servers answer a missing endpoint with HTTP 200 and code 404 ("No static resource …"):
      // read like the status it stands for.
      const failure = result.code === 404 ? statusFailure(404, result.message ?? undefined) : codeFailure(result);
      throw failure ?? new LaunchpadError('rejected', { serverMessage: result.message ?? '' });
    } catch (error) {
      const unsupported = workUnsupported(error);
      if (unsupported) return unsupported;
      throw error;
    }
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

    unreplied(token, { signal } = {}) {
      return work(token, `${PATHS.unreplied}?${query({ pageNumber: '0', pageSize: '1' })}`, pageTotalSchema, signal);
    },

    async agentOf(token, user, { signal } = {}) {
      const path = `${PATHS.agentOfUser}?${query({ userUid: user.uid, orgUid: user.orgUid })}`;
      const agent = await work(token, path, agentSchema, signal);
      if (agent === null || 'unsupported' in agent) return agent;
      return { agentUid: agent.uid, memberUid: agent.member?.uid ?? null };
    },

    queuing(token, agentUid, { signal } = {}) {
      return work(token, `${PATHS.queuing}?${query({ agentUid })}`, queuingSchema, signal);
    },

    ticketsAssigned(token, { orgUid, memberUid, status }, { signal } = {}) {
      const params = query({ orgUid, assigneeUid: memberUid, status, pageNumber: '0', pageSize: '1' });
      return work(token, `${PATHS.ticketsOfOrg}?${params}`, pageTotalSchema, signal);
    },
  };
}

const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

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
    emailVerified: user.emailVerified ?? false,
    mobileVerified: user.mobileVerified ?? false,
    platform: PLATFORM,
  };
}

const messageHolder = z.object({ message: z.string() });

function messageOf(body: unknown): string | undefined {
  const parsed = messageHolder.safeParse(body);
  return parsed.success ? parsed.data.message : undefined;
}
