import type { BytedeskClient } from '../server/client';
import type { NewUser } from '../server/contract';
import { errorKindOf, LaunchpadError } from '../server/errors';
import type { ServerProfile } from '../settings/settings';
import type { TokenLifecycle } from '../token/lifecycle';
import type { Session } from '../token/session';

/** A user to create on the profile the page showed, and the server it showed for it. */
export interface CreateUserRequest {
  user: NewUser;
  profileId: string;
  serverUrl: string;
}

export interface CreateUserDeps {
  profile(profileId: string): Promise<ServerProfile | null>;
  lifecycleFor(profileId: string): Pick<TokenLifecycle, 'freshSession' | 'renew'>;
  client(serverUrl: string): Pick<BytedeskClient, 'createUser'>;
}

export interface CreatedUser {
  username: string;
  nickname: string;
}

/**
 * Creates a user with the signed-in super administrator's token (the server answers 403 to
 * anyone else), on the profile and server the page asked for, never the active one: a run
 * started on one profile does not follow a switch to another (a mismatch is `profile-changed`).
 * The token stays in the background. A token the server no longer takes (revoked by a sign-out
 * elsewhere) is renewed and the call made once more: a 401 comes before anything is created.
 */
export async function createUser(request: CreateUserRequest, deps: CreateUserDeps): Promise<CreatedUser> {
  const { user, profileId, serverUrl } = request;
  const profile = await deps.profile(profileId);
  if (!profile || profile.baseUrl !== serverUrl) throw new LaunchpadError('profile-changed');
  const lifecycle = deps.lifecycleFor(profileId);
  const create = async (session: Session) => {
    // The session may have been replaced meanwhile (the server changed, another sign-in).
    if (session.serverUrl !== serverUrl || session.profileId !== profileId) throw new LaunchpadError('profile-changed');
    const created = await deps.client(session.serverUrl).createUser(session.token, user);
    return { username: created.username, nickname: created.nickname || created.username };
  };
  const session = await lifecycle.freshSession();
  try {
    return await create(session);
  } catch (error) {
    if (errorKindOf(error) !== 'token-rejected') throw error;
  }
  return create(await lifecycle.renew());
}
