import { describe, expect, it, vi } from 'vitest';
import { LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import type { Session } from '../../lib/token/session';
import { createUser } from '../../lib/users/create-user';

const session = (token: string) => ({ token, serverUrl: 'https://desk.example.com' }) as Session;
const USER = { username: 'a@x.cn', email: 'a@x.cn', password: 'secret1' };

function setup(answers: (ErrorKind | 'ok')[]) {
  const sent: string[] = [];
  const deps = {
    lifecycle: { freshSession: vi.fn(async () => session('old')), renew: vi.fn(async () => session('new')) },
    client: () => ({
      createUser: vi.fn(async (token: string) => {
        sent.push(token);
        const answer = answers.shift() ?? 'ok';
        if (answer !== 'ok') throw new LaunchpadError(answer);
        return { username: 'a@x.cn', nickname: '' } as never;
      }),
    }),
  };
  return { deps, sent };
}

describe('creating a user from the background', () => {
  it('uses the fresh token; the nickname falls back to the user name', async () => {
    const { deps, sent } = setup(['ok']);
    await expect(createUser(USER, deps)).resolves.toEqual({ username: 'a@x.cn', nickname: 'a@x.cn' });
    expect(sent).toEqual(['old']);
  });

  it('a token the server no longer takes: renewed, and the call made once more', async () => {
    const { deps, sent } = setup(['token-rejected', 'ok']);
    await createUser(USER, deps);
    expect(sent).toEqual(['old', 'new']);
  });

  it.each(['already-exists', 'forbidden', 'unreachable'] as const)('%s: reported, not sent again', async (kind) => {
    const { deps, sent } = setup([kind]);
    await expect(createUser(USER, deps)).rejects.toMatchObject({ kind });
    expect(sent).toEqual(['old']);
    expect(deps.lifecycle.renew).not.toHaveBeenCalled();
  });
});
