import * as z from 'zod/mini';

/** Bytedesk's wrapper around every business answer, failures included (HTTP 200, code != 200). */
export const jsonResultSchema = z.object({
  code: z.number(),
  message: z.optional(z.nullable(z.string())),
  data: z.unknown(),
});
export type JsonResult = z.infer<typeof jsonResultSchema>;

const optionalText = z.optional(z.nullable(z.string()));

/** The fields of the server's user that the extension uses; the rest are dropped. */
export const userSchema = z.object({
  uid: optionalText,
  username: z.string(),
  nickname: optionalText,
  email: optionalText,
  mobile: optionalText,
  avatar: optionalText,
  superUser: z.optional(z.nullable(z.boolean())),
  // Read loosely (see session-from-grant): servers have sent roles as objects and as names.
  currentRoles: z.optional(z.unknown()),
  authorities: z.optional(z.unknown()),
});
export type BytedeskUser = z.infer<typeof userSchema>;

/** `data` of login and token exchange: only these two fields, no refresh token, no expiry. */
export const tokenGrantSchema = z.object({
  accessToken: z.string().check(z.minLength(1)),
  user: userSchema,
});
export type TokenGrant = z.infer<typeof tokenGrantSchema>;

/** What a super administrator fills in to create a user; the server validates nothing. */
export interface NewUser {
  email?: string;
  mobile?: string;
  nickname?: string;
  password?: string;
  username?: string;
  country?: string;
  description?: string;
  sex?: string;
  enabled?: boolean;
  /** Marks the email (mobile) as already verified: false unless given. */
  emailVerified?: boolean;
  mobileVerified?: boolean;
}

const count = z.int().check(z.minimum(0));

/**
 * A Spring Data page, of which only the total matters: `totalElements` at the top (the default
 * JSON), or under `page` (Spring Data's newer PagedModel JSON). Either is read.
 */
export const pageTotalSchema = z.pipe(
  z.union([z.object({ totalElements: count }), z.object({ page: z.object({ totalElements: count }) })]),
  z.transform((page) => ('totalElements' in page ? page.totalElements : page.page.totalElements)),
);

/** The agent record of a user: its uid (not the user's) and the member uid tickets are assigned to. */
export const agentSchema = z.nullable(
  z.object({ uid: z.string(), member: z.optional(z.nullable(z.object({ uid: z.string() }))) }),
);
export type AgentIds = { agentUid: string; memberUid: string | null };

/** Today's queues of one agent. */
export const queuingSchema = z.object({
  directQueuingCount: count,
  workgroupUnassignedCount: count,
  totalQueuingCount: count,
});
export type QueuingCounts = z.infer<typeof queuingSchema>;

/** Ticket statuses the "my tickets" count asks about, one request each. */
export type TicketStatus = 'PROCESSING' | 'PENDING' | 'REVIEW';

/**
 * The work endpoints exist only on newer servers: a missing endpoint (404, JsonResult or page)
 * or a user without the authority (403) is an answer, not an error.
 */
export type WorkUnsupported = { unsupported: 'not-on-server' | 'no-authority' };

export const PLATFORM = 'BYTEDESK';
/** The only login channel without a captcha: what the server's own mobile app sends. */
export const CHANNEL = 'FLUTTER';

export const PATHS = {
  login: '/auth/v1/login',
  exchange: '/auth/v1/login/accessToken',
  profile: '/api/v1/user/profile',
  logout: '/api/v1/user/logout',
  createUser: '/api/v1/user/create',
  unreplied: '/api/v1/queue/query/unreplied',
  agentOfUser: '/api/v1/agent/query/user/uid',
  queuing: '/api/v1/queue/agent/queuing/count',
  ticketsOfOrg: '/api/v1/ticket/query/org',
} as const;
