import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import { snippetWithToken } from '../../lib/share/real-snippet';
import { buildSnippet, TOKEN_PLACEHOLDER, type SnippetKind } from '../../lib/share/snippets';
import type { Session } from '../../lib/token/session';
import { signedWorkspaceUrl } from '../../lib/workspace/workspace-url';
import { PROFILE } from '../support/profiles';

const placeholderUrl = (path: string) => signedWorkspaceUrl(PROFILE, 'agent', path, TOKEN_PLACEHOLDER);
const decode = (value: string) =>
  value.replace(/&(quot|#39|lt|gt|amp);/g, (_, e: string) => ({ quot: '"', '#39': "'", lt: '<', gt: '>', amp: '&' })[e]!);
/** The markup with every attribute value emptied: what is left is the snippet's real structure. */
const skeleton = (html: string) => html.replace(/"[^"]*"/g, '""');
const attribute = (html: string, name: string) => decode(new RegExp(`${name}="([^"]*)"`).exec(html)![1]!);

/** What `window.open(...)` in the snippet is called with, run as a script. */
function windowOpenArgs(snippet: string): unknown[] {
  const open = vi.fn();
  new Function('window', snippet)({ open });
  expect(open).toHaveBeenCalledOnce();
  return open.mock.calls[0]!;
}

// Paths a user might type (or paste) whose characters mean something in HTML or JavaScript.
const HOSTILE = [
  `ticket?q='"><script>alert(1)</script>`,
  `ticket?q=a&b=c'); alert(1); ('`,
  `ticket?name=O'Brien&x=\u2028y`,
  `任意路径?标签=工单&x=</script>`,
  `ticket#/detail?id='1'`,
];

describe('links to share', () => {
  it('are the four shapes of the Bytedesk docs, with the placeholder', () => {
    const url = 'https://desk.example.com/agent/ticket?accessToken=YOUR_ACCESS_TOKEN';
    expect(placeholderUrl('ticket')).toBe(url);
    expect(buildSnippet('link', url)).toBe(url);
    expect(buildSnippet('window-open', url)).toBe(`window.open('${url}', '_blank');`);
    expect(buildSnippet('iframe', url)).toBe(`<iframe src="${url}" width="100%" height="600px" frameborder="0"></iframe>`);
    expect(buildSnippet('form', url)).toBe(
      [
        '<form action="https://desk.example.com/agent/ticket" method="get" target="_blank">',
        '  <input type="hidden" name="accessToken" value="YOUR_ACCESS_TOKEN">',
        '  <button type="submit">Open</button>',
        '</form>',
      ].join('\n'),
    );
  });

  it.each(HOSTILE)('window.open code opens exactly the page, whatever the path: %j', (path) => {
    const url = placeholderUrl(path);
    expect(windowOpenArgs(buildSnippet('window-open', url))).toEqual([url, '_blank']);
    expect(buildSnippet('window-open', url)).not.toMatch(/<\/script/i);
  });

  it.each(HOSTILE)('iframe code keeps the address inside its attribute: %j', (path) => {
    const url = placeholderUrl(path);
    const html = buildSnippet('iframe', url);
    expect(skeleton(html)).toBe('<iframe src="" width="" height="" frameborder=""></iframe>');
    expect(attribute(html, 'src')).toBe(url);
  });

  it.each(HOSTILE)('form code submits the same address, each query parameter a hidden field: %j', (path) => {
    const url = new URL(placeholderUrl(path));
    const html = buildSnippet('form', url.href);
    const fields = [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((m) => [decode(m[1]!), decode(m[2]!)]);
    expect(fields).toEqual([...url.searchParams]);
    expect(skeleton(html).split('\n')).toEqual([
      '<form action="" method="" target="">',
      ...fields.map(() => '  <input type="" name="" value="">'),
      '  <button type="">Open</button>',
      '</form>',
    ]);
    // What a browser submits: the action (its query replaced) with the fields as the query.
    const submitted = new URL(attribute(html, 'action'));
    submitted.search = new URLSearchParams(fields as [string, string][]).toString();
    expect(submitted.href).toBe(url.href);
  });
});

describe('the real token in a snippet', () => {
  const settings: Settings = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id };
  const deps = (session: Pick<Session, 'token' | 'serverUrl'> | null) => ({
    settings: async () => settings,
    lifecycleFor: vi.fn(() => ({ liveSession: vi.fn(async () => session as Session) })),
  });

  it.each([
    ['link', 'https://desk.example.com/agent/ticket?accessToken=LIVE'],
    ['window-open', "window.open('https://desk.example.com/agent/ticket?accessToken=LIVE', '_blank');"],
  ] as [SnippetKind, string][])('The real token goes into a shared snippet only on an explicit choice: the background puts the live token in when asked with it (%s)', async (kind, expected) => {
    const d = deps({ token: 'LIVE', serverUrl: PROFILE.baseUrl });
    const request = { profileId: PROFILE.id, workspace: 'agent' as const, path: 'ticket', kind, realToken: true as const };
    await expect(snippetWithToken(request, d)).resolves.toBe(expected);
    await expect(snippetWithToken({ ...request, realToken: false as never }, d)).rejects.toMatchObject({ kind: 'invalid-input' });
  });

  it('is refused when signed out, and for a path that leaves the workspace before the token is asked for', async () => {
    const request = { profileId: PROFILE.id, workspace: 'agent' as const, path: 'ticket', kind: 'link' as const, realToken: true as const };
    await expect(snippetWithToken(request, deps(null))).rejects.toMatchObject({ kind: 'signed-out' });
    const d = deps({ token: 'LIVE', serverUrl: PROFILE.baseUrl });
    await expect(snippetWithToken({ ...request, path: '//evil.example/x' }, d)).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(d.lifecycleFor).not.toHaveBeenCalled();
  });
});
