import { LaunchpadError } from '../server/errors';
import type { TokenLifecycle } from '../token/lifecycle';
import { canEdit, profileById, removeProfile as withoutProfile } from './profiles';
import { updateSettings } from './save-settings';
import type { Settings } from './settings';

export interface RemoveProfileDeps {
  settings(): Promise<Settings>;
  lifecycleFor(profileId: string): Pick<TokenLifecycle, 'revoke' | 'forget'>;
  /** Everything stored for the profile, gone, its token dealt with already. */
  forgetProfile(profileId: string): Promise<void>;
}

/**
 * Removes a profile: its token is revoked on its own server first (unreachable: throws, and
 * nothing is removed, unless `force`, which forgets it here only), then the profile, everything
 * stored for it, and host permissions no other profile needs.
 */
export async function removeProfile(profileId: string, force: boolean, deps: RemoveProfileDeps): Promise<void> {
  const settings = await deps.settings();
  const profile = profileById(settings, profileId);
  if (!profile) return;
  if (!canEdit(settings, profile)) throw new LaunchpadError('invalid-input', { serverMessage: 'set by your organisation' });
  const lifecycle = deps.lifecycleFor(profileId);
  await (force ? lifecycle.forget() : lifecycle.revoke());
  await updateSettings((s) => withoutProfile(s, profileId));
  await deps.forgetProfile(profileId);
}
