import { describe, expect, it, vi } from 'vitest';
import { LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import type { ServerProfile } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { createUser } from '../../lib/users/create-user';

const DESK = 'https://desk.example.com';
const session = (token: string, serverUrl = DESK, profileId = 'a') => ({ token, serverUrl, profileId }) as Session;
const USER = { username: 'a@x.cn', email: 'a@x.cn', password: 'secret1' };
const ON_A = { user: USER, profileId: 'a', serverUrl: DESK };
const profileA = { id: 'a', name: 'Production', baseUrl: DESK } as ServerProfile;

function setup(answers: (ErrorKind | 'ok')[], over: { profile?: ServerProfile | null; session?: Session } = {}) {
  const sent: [string, string][] = [];
  const lifecycles: string[] = [];
  const lifecycle = { freshSession: vi.fn(async () => over.session ?? session('old')), renew: vi.fn(async () => session('new')) };
  const deps = {
    profile: async (id: string) => ('profile' in over ? over.profile! : id === 'a' ? profileA : null),
    lifecycleFor: (id: string) => (lifecycles.push(id), lifecycle),
    client: (serverUrl: string) => ({
      createUser: vi.fn(async (token: string) => {
        sent.push([serverUrl, token]);
        const answer = answers.shift() ?? 'ok';
        if (answer !== 'ok') throw new LaunchpadError(answer);
        return { username: 'a@x.cn', nickname: '' } as never;
      }),
    }),
  };
  return { deps, sent, lifecycle, lifecycles };
}

describe('creating a user from the background', () => {
  it("uses the named profile's fresh token; the nickname falls back to the user name", async () => {
    const { deps, sent, lifecycles } = setup(['ok']);
    await expect(createUser(ON_A, deps)).resolves.toEqual({ username: 'a@x.cn', nickname: 'a@x.cn' });
    expect(sent).toEqual([[DESK, 'old']]);
    expect(lifecycles, "the named profile's session, whichever is active").toEqual(['a']);
  });

  it('a token the server no longer takes: renewed, and the call made once more', async () => {
    const { deps, sent } = setup(['token-rejected', 'ok']);
    await createUser(ON_A, deps);
    expect(sent.map(([, token]) => token)).toEqual(['old', 'new']);
  });

  it.each(['already-exists', 'forbidden', 'unreachable'] as const)('%s: reported, not sent again', async (kind) => {
    const { deps, sent, lifecycle } = setup([kind]);
    await expect(createUser(ON_A, deps)).rejects.toMatchObject({ kind });
    expect(sent).toHaveLength(1);
    expect(lifecycle.renew).not.toHaveBeenCalled();
  });

  it.each([
    ['the profile was removed', { profile: null }],
    ['the profile was set to another server', { profile: { ...profileA, baseUrl: 'https://other.example.com' } }],
    ["the profile's session is another server's", { session: session('other', 'https://other.example.com') }],
    ["the session is another profile's", { session: session('b-token', DESK, 'b') }],
  ])('The profile changed (%s): refused as "profile-changed", nothing sent', async (_, over) => {
    const { deps, sent } = setup(['ok'], over);
    await expect(createUser(ON_A, deps)).rejects.toMatchObject({ kind: 'profile-changed' });
    expect(sent).toEqual([]);
  });
});
