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
}

export const PLATFORM = 'BYTEDESK';
/** The only login channel without a captcha: what the server's own mobile app sends. */
export const CHANNEL = 'FLUTTER';

export const PATHS = {
  login: '/auth/v1/login',
  exchange: '/auth/v1/login/accessToken',
  profile: '/api/v1/user/profile',
  logout: '/api/v1/user/logout',
  createUser: '/api/v1/user/create',
} as const;
