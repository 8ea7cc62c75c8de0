import type { BytedeskClient } from '../server/client';
import type { NewUser } from '../server/contract';
import type { TokenLifecycle } from '../token/lifecycle';

export interface CreateUserDeps {
  lifecycle: Pick<TokenLifecycle, 'freshSession'>;
  client(serverUrl: string): Pick<BytedeskClient, 'createUser'>;
}

export interface CreatedUser {
  username: string;
  nickname: string;
}

/**
 * Creates a user with the signed-in super administrator's token (the server answers 403 to
 * anyone else). The token stays in the background: the users page only sees the result.
 */
export async function createUser(user: NewUser, deps: CreateUserDeps): Promise<CreatedUser> {
  const session = await deps.lifecycle.freshSession();
  const created = await deps.client(session.serverUrl).createUser(session.token, user);
  return { username: created.username, nickname: created.nickname || created.username };
}
