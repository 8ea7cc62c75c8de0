import { browser } from 'wxt/browser';

/**
 * Host permission for the server's own origins (patterns from originPattern), asked at run time
 * through optional_host_permissions, never for every site.
 */
export const hostPermissions = {
  /** Whether every one of these origins is granted already. */
  contains(origins: string[]): Promise<boolean> {
    return browser.permissions.contains({ origins });
  },

  /**
   * Asks the user. Firefox only shows the prompt during a user gesture: call this from a click
   * or submit handler before its first `await`.
   */
  request(origins: string[]): Promise<boolean> {
    return browser.permissions.request({ origins });
  },

  /**
   * Lets go of origins no profile uses any more. One at a time: a build's own fixed grant cannot
   * be removed, and its refusal must not keep the others.
   */
  async drop(origins: string[]): Promise<void> {
    // Called inside async: a refusal thrown at once (a browser's check of the argument) is let go
    // like a rejected one, and never fails the settings already saved.
    const remove = async (origin: string) => browser.permissions.remove({ origins: [origin] });
    await Promise.all(origins.map((origin) => remove(origin).catch(() => false)));
  },
};
export type HostPermissions = typeof hostPermissions;

/**
 * Gives back the optional `history` permission ("Also delete the signed address from history"),
 * which only the clean address bar uses. Never throws: the settings are saved either way.
 */
export async function dropHistoryPermission(): Promise<void> {
  try {
    await browser.permissions.remove({ permissions: ['history'] });
  } catch {
    // Not granted, or no permissions API: nothing to give back.
  }
}
