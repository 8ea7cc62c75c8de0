import { describe, expect, it } from 'vitest';
import { readTokenClaims } from '../../lib/token/jwt';

const b64url = (value: unknown) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const jwt = (claims: unknown) => `${b64url({ alg: 'HS384' })}.${b64url(claims)}.c2lnbmF0dXJl`;
const SUB = JSON.stringify({ platform: 'bytedesk', username: 'admin@email.com' });

describe('readTokenClaims', () => {
  it('reads exp, iat and the username inside the JSON-string subject', () => {
    expect(readTokenClaims(jwt({ sub: SUB, iat: 1_700_000_000, exp: 1_731_536_000 }))).toEqual({
      issuedAt: 1_700_000_000,
      expiresAt: 1_731_536_000,
      username: 'admin@email.com',
    });
  });

  it('reads a unicode username', () => {
    const sub = JSON.stringify({ platform: 'bytedesk', username: '客服一号' });
    expect(readTokenClaims(jwt({ sub, exp: 2 }))?.username).toBe('客服一号');
  });

  it.each([
    ['a plain subject', { sub: 'alice', exp: 5 }, { issuedAt: null, expiresAt: 5, username: 'alice' }],
    ['no subject', { exp: 5, iat: 1 }, { issuedAt: 1, expiresAt: 5, username: null }],
  ])('copes with %s', (_, claims, expected) => {
    expect(readTokenClaims(jwt(claims))).toEqual(expected);
  });

  it.each([
    ['an opaque string', 'bd_8f3a9c1e2d'],
    ['two parts', `${b64url({ alg: 'HS384' })}.${b64url({ exp: 5 })}`],
    ['no exp', jwt({ sub: SUB, iat: 1 })],
    ['exp as text', jwt({ exp: 'tomorrow' })],
    ['a payload that is not JSON', `${b64url({ alg: 'HS384' })}.${b64url('not json')}.sig`],
    ['a payload that is not base64', 'a.!!!.c'],
    ['an empty string', ''],
  ])('treats %s as opaque (null)', (_, token) => {
    expect(readTokenClaims(token)).toBeNull();
  });
});
