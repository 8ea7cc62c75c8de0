import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onWebAppSignOut } from '../../lib/browser/web-app-sign-out';
import { serverOrigins } from '../../lib/settings/server-form';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { openWorkspace, type OpenDeps } from '../../lib/workspace/open-workspace';
import { workspaceUrl } from '../../lib/workspace/workspace-url';
import { PROFILE } from '../support/profiles';

// The claims of README's "Security model", each held to its words.

const SERVER_A = { ...PROFILE, id: 'a', baseUrl: 'https://desk-a.example.com' };
const SERVER_B = { ...PROFILE, id: 'b', baseUrl: 'https://desk-b.example.com' };

function deps(active: typeof SERVER_A, session: Pick<Session, 'token' | 'serverUrl'>) {
  const settings: Settings = { ...DEFAULT_SETTINGS, profiles: [SERVER_A, SERVER_B], activeProfileId: active.id };
  const lifecycle = { liveSession: vi.fn(async () => session as Session) };
  const d = {
    settings: async () => settings,
    lifecycleFor: vi.fn(() => lifecycle),
    tabs: { open: vi.fn(async () => {}) },
    remember: vi.fn(async () => {}),
  } satisfies OpenDeps;
  return { ...d, lifecycle };
}

describe('security model', () => {
  it('A token is sent only to its own server: a session of server A opens nothing for server B', async () => {
    const d = deps(SERVER_B, { token: 'TOKEN-OF-A', serverUrl: SERVER_A.baseUrl });
    await expect(openWorkspace({ workspace: 'agent', path: 'ticket' }, d)).rejects.toMatchObject({ kind: 'signed-out' });
    expect(d.lifecycleFor).toHaveBeenCalledWith(SERVER_B.id);
    expect(d.tabs.open).not.toHaveBeenCalled();
    expect(d.remember).not.toHaveBeenCalled();
  });

  it('A token is sent only to its own server: the same session opens its own server', async () => {
    const d = deps(SERVER_A, { token: 'TOKEN-OF-A', serverUrl: SERVER_A.baseUrl });
    await openWorkspace({ workspace: 'agent', path: 'ticket' }, d);
    expect(d.tabs.open).toHaveBeenCalledWith(
      'https://desk-a.example.com/agent/ticket?accessToken=TOKEN-OF-A',
      'new-tab',
      'https://desk-a.example.com/agent/',
    );
  });

  it.each(['//evil.example/x', 'https://evil.example/agent', '../admin', 'a\\b', '%2e%2e/admin'])(
    'A path that would leave the workspace is refused before any token is asked for: %j',
    async (path) => {
      const d = deps(SERVER_A, { token: 'TOKEN-OF-A', serverUrl: SERVER_A.baseUrl });
      await expect(openWorkspace({ workspace: 'agent', path }, d)).rejects.toMatchObject({ kind: 'invalid-input' });
      expect(d.lifecycle.liveSession).not.toHaveBeenCalled();
      expect(d.tabs.open).not.toHaveBeenCalled();
    },
  );

  it.each([
    'https://desk.example.com/agent/ticket',
    'https://desk.example.com/agent/',
    'HTTPS://DESK.EXAMPLE.COM/agent/ticket',
    '//desk.example.com/agent',
    '//desk.example.com/agent/ticket',
    '/\\desk.example.com/agent',
    '\\\\desk.example.com/agent/ticket',
  ])('A path that would leave the workspace (an absolute URL, //host, a backslash) is refused, even to the workspace’s own origin: %j', (path) => {
    expect(() => workspaceUrl(PROFILE, 'agent', path)).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
  });
});

describe('security model: what the extension asks of the browser', () => {
  type ConfigEnv = { mode: string; browser: string; manifestVersion: 2 | 3; command: 'build' };
  async function manifestFor(env: ConfigEnv): Promise<Record<string, unknown>> {
    const config = (await import('../../wxt.config')).default as { manifest: (env: ConfigEnv) => Record<string, unknown> };
    return config.manifest(env);
  }
  const BUILDS: ConfigEnv[] = [
    { mode: 'production', browser: 'chrome', manifestVersion: 3, command: 'build' },
    { mode: 'production', browser: 'firefox', manifestVersion: 2, command: 'build' },
  ];
  const sources = (dir: string): string[] =>
    readdirSync(new URL(`../../${dir}/`, import.meta.url), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx)$/.test(file))
      .map((file) => readFileSync(new URL(`../../${dir}/${file}`, import.meta.url), 'utf8'));

  it('The token is never logged: no product code writes to the console', () => {
    const code = ['lib', 'components', 'entrypoints'].flatMap(sources);
    expect(code.length).toBeGreaterThan(50);
    expect(code.filter((text) => /\bconsole\s*\.\s*\w+\s*\(/.test(text))).toEqual([]);
  });

  it.each(BUILDS)('No web page sees the token but the workspace page opened with it: no content script, no page web pages can load ($browser)', async (env) => {
    const manifest = await manifestFor(env);
    expect(manifest).not.toHaveProperty('content_scripts');
    expect(manifest).not.toHaveProperty('web_accessible_resources');
    expect(manifest).not.toHaveProperty('externally_connectable');
    const entrypoints = readdirSync(new URL('../../entrypoints/', import.meta.url));
    expect(entrypoints.filter((name) => /content|inject/i.test(name))).toEqual([]);
  });

  it.each(BUILDS)("Host permission is asked for the server's origin alone: no site granted up front ($browser)", async (env) => {
    const manifest = await manifestFor(env);
    const granted = [...((manifest.permissions as string[]) ?? []), ...((manifest.host_permissions as string[]) ?? [])];
    expect(granted.filter((p) => p.includes('://') || p === '<all_urls>')).toEqual([]);
    const server = { baseUrl: 'https://desk.example.com:8443/bytedesk', agentUrl: 'http://127.0.0.1:9005', adminUrl: null };
    expect(serverOrigins(server)).toEqual(['https://desk.example.com:8443/*', 'http://127.0.0.1:9005/*']);
  });

  it.each(BUILDS)("The web apps' sign-out is observed, never blocked or read: webRequest without blocking ($browser)", async (env) => {
    const manifest = await manifestFor(env);
    expect(manifest.permissions).toContain('webRequest');
    expect(manifest.permissions).not.toContain('webRequestBlocking');
    const addListener = vi.fn();
    Object.assign(fakeBrowser, { webRequest: { onBeforeRequest: { addListener } } });
    onWebAppSignOut(() => {});
    expect(addListener).toHaveBeenCalledOnce();
    const [, filter, extraInfo] = addListener.mock.calls[0]!;
    expect(filter).toEqual({ urls: ['*://*/*api/v1/user/logout'] });
    expect(extraInfo).toBeUndefined(); // no 'blocking', no 'requestBody', no 'requestHeaders'
  });
});
