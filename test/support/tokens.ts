/** An unsigned token of Bytedesk's shape: enough for code that reads claims and never verifies. */
export function fakeJwt(username: string, issuedAtMs: number, lifetimeMs: number): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const iat = Math.floor(issuedAtMs / 1000);
  const sub = JSON.stringify({ platform: 'bytedesk', username });
  return `${part({ alg: 'HS384' })}.${part({ sub, iat, exp: iat + Math.floor(lifetimeMs / 1000) })}.sig`;
}
