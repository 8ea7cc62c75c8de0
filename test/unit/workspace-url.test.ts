import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorKindOf } from '../../lib/server/errors';
import { signedWorkspaceUrl } from '../../lib/workspace/workspace-url';
import { DEV_PROFILE, PROFILE } from '../support/profiles';

const TOKEN = 'eyJhbGciOiJIUzM4NCJ9.e30.sig';

/**
 * Paths built on purpose from the shapes that leave a workspace (schemes, `//host`, backslashes,
 * `..` plain and percent-encoded, which the URL parser decodes), mixed with anything at all.
 */
const leavingPath = (() => {
  const lead = fc.constantFrom('', '', '', '', '/', '/\t', '\t', '\x01', ' ');
  const scheme = fc.constantFrom('', '', '', 'https:', 'HTTPS:', 'http:', 'HTTP:', 'javascript:', 'data:');
  const slashes = fc.constantFrom('', '', '/', '//', '//', '///', '\\', '\\\\', '/\\', '\\/');
  const host = fc.constantFrom('', 'desk.example.com', 'desk.example.com', 'evil.example', 'desk.example.com:443', 'desk.example.com@evil.example');
  const segment = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('agent', 'admin') },
    { weight: 3, arbitrary: fc.constantFrom('..', '%2e%2e', '%2E%2e', '.%2e', '.', '') },
    { weight: 2, arbitrary: fc.constantFrom('ticket', '任意路径', 'evil.example', 'desk.example.com') },
    { weight: 2, arbitrary: fc.string({ maxLength: 6 }) },
  );
  const separator = fc.constantFrom('', '/', '/', '/', '\\', '//');
  const step = fc.tuple(separator, segment).map(([sep, seg]) => sep + seg);
  const tail = fc.constantFrom('', '', '?x=1', '#top', '?accessToken=old', '?#', '#?/..');
  const noise = fc.tuple(fc.constantFrom('', '', '', '', '', '\t', '\n', '\x01', '\\'), fc.nat());
  return fc
    .tuple(lead, scheme, slashes, host, fc.array(step, { minLength: 1, maxLength: 5 }), tail, noise, fc.string({ maxLength: 3 }))
    .map(([l, sc, sl, h, steps, t, [n, at], anything]) => {
      const path = l + sc + sl + h + steps.join('') + t + anything;
      const i = at % (path.length + 1);
      return path.slice(0, i) + n + path.slice(i);
    });
})();

describe('signedWorkspaceUrl', () => {
  it.each([
    ['agent', 'auth/login', 'https://desk.example.com/agent/auth/login?accessToken=T'],
    ['agent', '/ticket', 'https://desk.example.com/agent/ticket?accessToken=T'],
    ['agent', 'chat', 'https://desk.example.com/agent/chat?accessToken=T'],
    ['admin', 'welcome', 'https://desk.example.com/admin/welcome?accessToken=T'],
    ['admin', '/dashboard', 'https://desk.example.com/admin/dashboard?accessToken=T'],
    ['agent', '', 'https://desk.example.com/agent/?accessToken=T'],
    ['agent', '  ticket  ', 'https://desk.example.com/agent/ticket?accessToken=T'],
    ['admin', '任意路径', 'https://desk.example.com/admin/%E4%BB%BB%E6%84%8F%E8%B7%AF%E5%BE%84?accessToken=T'],
    ['agent', 'ticket?status=open#list', 'https://desk.example.com/agent/ticket?status=open&accessToken=T#list'],
    ['agent', 'ticket?accessToken=old', 'https://desk.example.com/agent/ticket?accessToken=T'],
    ['agent', 'ticket?accessToken=a&accessToken=b&x=1', 'https://desk.example.com/agent/ticket?accessToken=T&x=1'],
    ['agent', 'a/../ticket', 'https://desk.example.com/agent/ticket?accessToken=T'],
  ] as const)('%s %j -> %s', (workspace, path, expected) => {
    expect(signedWorkspaceUrl(PROFILE, workspace, path, 'T')).toBe(expected);
  });

  it.each([
    ['agent', 'ticket', 'http://127.0.0.1:9005/agent/ticket?accessToken=T'],
    ['admin', 'dashboard', 'http://127.0.0.1:9004/admin/dashboard?accessToken=T'],
  ] as const)('uses the dev-server override for %s', (workspace, path, expected) => {
    expect(signedWorkspaceUrl(DEV_PROFILE, workspace, path, 'T')).toBe(expected);
  });

  it('keeps a server installed under a sub-path', () => {
    const profile = { ...PROFILE, baseUrl: 'https://example.com/bytedesk' };
    expect(signedWorkspaceUrl(profile, 'agent', 'ticket', 'T')).toBe(
      'https://example.com/bytedesk/agent/ticket?accessToken=T',
    );
  });

  it.each([
    'https://evil.example/agent/ticket',
    'javascript:alert(1)',
    '//evil.example/agent',
    '///evil.example',
    '\\\\evil.example\\agent',
    '/\\evil.example',
    '../admin/welcome',
    '../../etc',
    '%2e%2e/admin',
    'ticket/../../admin',
    'data:text/html,hi',
    '/\t//desk.example.com/agent/x',
    'ht\ttps://desk.example.com/agent/x',
    '/ //desk.example.com/agent/x',
    '/\tHTTP:',
    'tick\net',
  ])('refuses %j, which would leave the workspace', (path) => {
    expect(() => signedWorkspaceUrl(PROFILE, 'agent', path, TOKEN)).toThrow(
      expect.objectContaining({ kind: 'invalid-input' }),
    );
  });

  it('never sends the token anywhere but the workspace, whatever the path', () => {
    fc.assert(
      fc.property(leavingPath, fc.constantFrom('agent', 'admin'), (path, workspace) => {
        let url: URL;
        try {
          url = new URL(signedWorkspaceUrl(PROFILE, workspace, path, TOKEN));
        } catch (error) {
          expect(errorKindOf(error)).toBe('invalid-input');
          return;
        }
        expect(url.origin).toBe('https://desk.example.com');
        expect(url.pathname.startsWith(`/${workspace}/`)).toBe(true);
        expect(url.searchParams.getAll('accessToken')).toEqual([TOKEN]);
        // A path is read as a path in the workspace, never as an address (scheme, host, backslash).
        const asText = new URL(`./${path.trim().replace(/^\//, '').trimStart()}`, `https://desk.example.com/${workspace}/`);
        asText.searchParams.delete('accessToken');
        url.searchParams.delete('accessToken');
        expect(url.href).toBe(asText.href);
      }),
      { numRuns: 10_000 },
    );
  });

  it('opens any plain relative path inside the workspace, exactly once tokenised', () => {
    const segment = fc.stringMatching(/^[\p{L}\p{N}_~-]{1,12}$/u);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.boolean(), (segments, slash) => {
        const path = (slash ? '/' : '') + segments.join('/');
        const url = new URL(signedWorkspaceUrl(PROFILE, 'agent', path, TOKEN));
        expect(decodeURIComponent(url.pathname)).toBe(`/agent/${segments.join('/')}`);
        expect(url.searchParams.getAll('accessToken')).toEqual([TOKEN]);
      }),
    );
  });
});
