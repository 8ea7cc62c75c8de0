import * as z from 'zod/mini';
import { parseJson } from '../util/parse-json';

/** What the extension reads from a Bytedesk token. The signature is never checked (no key here). */
export interface TokenClaims {
  /** Seconds since the epoch. */
  issuedAt: number | null;
  /** Seconds since the epoch. */
  expiresAt: number;
  username: string | null;
}

const claimsSchema = z.object({
  exp: z.number(),
  iat: z.optional(z.number()),
  sub: z.optional(z.string()),
});

// Bytedesk's `sub` is itself JSON: {"platform":"bytedesk","username":"admin@email.com"}.
const subjectSchema = z.object({ username: z.string() });

/** Reads `exp`, `iat` and the username; null for anything that is not such a JWT (kept opaque). */
export function readTokenClaims(token: string): TokenClaims | null {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return null;
  const claims = claimsSchema.safeParse(parseJson(decodeBase64Url(payload)));
  if (!claims.success || !Number.isFinite(claims.data.exp)) return null;
  const { exp, iat, sub } = claims.data;
  return { expiresAt: exp, issuedAt: iat ?? null, username: usernameOf(sub) };
}

function usernameOf(sub: string | undefined): string | null {
  if (sub === undefined) return null;
  const parsed = z.safeParse(subjectSchema, parseJson(sub));
  return parsed.success ? parsed.data.username : sub;
}

function decodeBase64Url(text: string): string | null {
  try {
    const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')), (c) =>
      c.charCodeAt(0),
    );
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}
