import { defineExtensionMessaging } from '@webext-core/messaging';
import type { NewUser } from './server/contract';
import type { PasswordSignIn } from './token/lifecycle';
import type { CreatedUser } from './users/create-user';
import type { OpenRequest } from './workspace/open-workspace';

/**
 * What the popup, options and users pages ask of the background. Failures arrive as errors that
 * keep their `kind` (see LaunchpadError). The token never crosses: only the background sends it.
 */
export interface LaunchpadProtocol {
  signIn(input: PasswordSignIn): void;
  signInWithToken(input: { token: string; persist: boolean }): void;
  open(request: OpenRequest): void;
  revoke(): void;
  forget(): void;
  /** The popup opened: check the token with the server now, before a page is asked for. */
  confirm(): void;
  createUser(user: NewUser): CreatedUser;
}

export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<LaunchpadProtocol>();
