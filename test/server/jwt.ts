// HS384 JWTs shaped exactly like Bytedesk's (jjwt): header {"alg":"HS384"}, claims sub/iat/exp.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The server's default development key; it reproduces the sample token in Bytedesk's docs. */
export const DEFAULT_JWT_KEY_BASE64 = '1dfaf8d004207b628a9a6b859c429f49a9a7ead9fd8161c1e60847aeef06dbd2';

export interface JwtClaims {
  sub: string; // itself a JSON string: {"platform":"bytedesk","username":"…"}
  iat: number; // seconds
  exp: number; // seconds
}

const HEADER = b64url(JSON.stringify({ alg: 'HS384' }));

function b64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function signature(signingInput: string, keyBase64: string): Buffer {
  // Spring/jjwt decode the configured key with Decoders.BASE64 before using it as the HMAC key.
  return createHmac('sha384', Buffer.from(keyBase64, 'base64')).update(signingInput).digest();
}

export function subjectFor(username: string): string {
  return JSON.stringify({ platform: 'bytedesk', username });
}

export function usernameFromSubject(sub: string): string | null {
  try {
    const parsed: unknown = JSON.parse(sub);
    if (parsed && typeof parsed === 'object' && typeof (parsed as { username?: unknown }).username === 'string') {
      return (parsed as { username: string }).username;
    }
  } catch {
    // not JSON: not one of ours
  }
  return null;
}

export function signJwt(claims: JwtClaims, keyBase64: string = DEFAULT_JWT_KEY_BASE64): string {
  // Property order sub, iat, exp matters: it is what makes same-second tokens identical strings.
  const payload = b64url(JSON.stringify({ sub: claims.sub, iat: claims.iat, exp: claims.exp }));
  const input = `${HEADER}.${payload}`;
  return `${input}.${signature(input, keyBase64).toString('base64url')}`;
}

/** Checks shape and signature only; expiry is the caller's business (it owns the clock). */
export function verifyJwt(token: string, keyBase64: string = DEFAULT_JWT_KEY_BASE64): JwtClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [header, payload, sig] = parts as [string, string, string];
  // Compare the text, not decoded bytes: Node's base64url decoder ignores stray trailing characters.
  const expected = Buffer.from(signature(`${header}.${payload}`, keyBase64).toString('base64url'));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const head: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    if (!head || typeof head !== 'object' || (head as { alg?: unknown }).alg !== 'HS384') return null;
    const body: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!body || typeof body !== 'object') return null;
    const { sub, iat, exp } = body as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof iat !== 'number' || typeof exp !== 'number') return null;
    return { sub, iat, exp };
  } catch {
    return null;
  }
}
