import { describe, expect, it, vi } from 'vitest';
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
  return {
    settings: async () => settings,
    lifecycle: { liveSession: vi.fn(async () => session as Session) },
    tabs: { open: vi.fn(async () => {}) },
    remember: vi.fn(async () => {}),
  } satisfies OpenDeps;
}

describe('security model', () => {
  it('A token is sent only to its own server: a session of server A opens nothing for server B', async () => {
    const d = deps(SERVER_B, { token: 'TOKEN-OF-A', serverUrl: SERVER_A.baseUrl });
    await expect(openWorkspace({ workspace: 'agent', path: 'ticket' }, d)).rejects.toMatchObject({ kind: 'signed-out' });
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
