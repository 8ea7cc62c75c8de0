import type { BytedeskClient } from '../server/client';
import type { NewUser } from '../server/contract';
import { errorKindOf } from '../server/errors';
import type { TokenLifecycle } from '../token/lifecycle';

export interface CreateUserDeps {
  lifecycle: Pick<TokenLifecycle, 'freshSession' | 'renew'>;
  client(serverUrl: string): Pick<BytedeskClient, 'createUser'>;
}

export interface CreatedUser {
  username: string;
  nickname: string;
}

/**
 * Creates a user with the signed-in super administrator's token (the server answers 403 to
 * anyone else). The token stays in the background: the users page only sees the result. A
 * token the server no longer takes (revoked by a sign-out elsewhere) is renewed and the call
 * made once more: a 401 comes before anything is created, so nothing is created twice.
 */
export async function createUser(user: NewUser, deps: CreateUserDeps): Promise<CreatedUser> {
  const create = async (session: { serverUrl: string; token: string }) => {
    const created = await deps.client(session.serverUrl).createUser(session.token, user);
    return { username: created.username, nickname: created.nickname || created.username };
  };
  const session = await deps.lifecycle.freshSession();
  try {
    return await create(session);
  } catch (error) {
    if (errorKindOf(error) !== 'token-rejected') throw error;
  }
  return create(await deps.lifecycle.renew());
}
