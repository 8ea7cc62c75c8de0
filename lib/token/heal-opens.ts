import { errorKindOf, isTransient, type ErrorKind } from '../server/errors';
import { profileById } from '../settings/profiles';
import type { ServerProfile, Settings } from '../settings/settings';
import type { Prompt } from '../ways-in/prompt';
import type { OpenedPage } from '../workspace/open-workspace';
import type { SignedTab, SignedTabs } from '../workspace/signed-tabs';
import { signedWorkspaceUrl, workspaceUrl } from '../workspace/workspace-url';
import type { TokenLifecycle } from './lifecycle';
import { isSessionFor, type Session } from './session';
import { tokenEnd } from './trust';

/** What the pages of a refused token become: signed with the renewed session, or the sign-in prompt. */
type Outcome = { session: Session } | { reason: ErrorKind };

export interface HealDeps {
  lifecycleFor(profileId: string): Pick<TokenLifecycle, 'recheck'>;
  /** The profile's current token, if it has a session. */
  sessionToken(profileId: string): Promise<string | null>;
  settings(): Promise<Settings>;
  tabs: SignedTabs;
  /** The address tab `tabId` shows or is loading; null once it is gone. */
  tabUrl(tabId: number): Promise<string | null>;
  navigate(tabId: number, url: string): Promise<void>;
  /** The sign-in prompt, in tab `tabId` when given, else in a window of its own. */
  prompt(prompt: Prompt, tabId?: number): Promise<void>;
  now(): number;
}

function tokenIn(url: string | null): string | null {
  try {
    return url && new URL(url).searchParams.get('accessToken');
  } catch {
    return null;
  }
}

/** Whether `shown` still is the page opened in `tab`: signed with its token, or that page with the token already cleaned away. */
export function showsSignedTab(shown: string, tab: SignedTab, profile: ServerProfile): boolean {
  try {
    const url = new URL(shown);
    const token = url.searchParams.get('accessToken');
    if (token !== null) return tokenEnd(token) === tab.tokenEnd;
    const opened = workspaceUrl(profile, tab.workspace, tab.path);
    return url.origin === opened.origin && url.pathname === opened.pathname;
  } catch {
    return false;
  }
}

/**
 * Opens on trust hand out a token confirmed minutes ago, with no wait. Each is followed by a
 * question to the server in the background; a token refused meanwhile (revoked elsewhere, its
 * user disabled) is renewed once, however many pages were opened with it, and each of those
 * pages that still shows it goes to the same page with the fresh token, or to the sign-in
 * prompt when nothing can renew it. A network failure changes nothing.
 */
export function createOpenHealer(deps: HealDeps) {
  /** Tokens asked about or refused, per profile: what their pages become. */
  const refused = new Map<string, Promise<Outcome | null>>();

  function ask(profileId: string, token: string, since: number): Promise<Outcome | null> {
    const key = `${profileId} ${tokenEnd(token)}`;
    const known = refused.get(key);
    if (known) return known;
    const outcome = deps
      .lifecycleFor(profileId)
      .recheck(token, since)
      .then(
        (session): Outcome | null => session && { session },
        (error: unknown): Outcome | null => (isTransient(error) ? null : { reason: errorKindOf(error) ?? 'token-rejected' }),
      );
    // Shared at once: an open that asks while the first question is out (or once its renewal has
    // replaced the token) heals its own tab with that answer. A token found alive is asked again later.
    refused.set(key, outcome);
    void outcome.then((settled) => {
      if (!settled && refused.get(key) === outcome) refused.delete(key);
    });
    return outcome;
  }

  /** One tab opened with a refused token, if it still shows it: to the fresh address, or the prompt. */
  async function healTab(tabId: number, tab: SignedTab, profile: ServerProfile, outcome: Outcome): Promise<void> {
    const shown = await deps.tabUrl(tabId);
    if (shown === null) return; // closed
    if (!showsSignedTab(shown, tab, profile)) {
      // Not loaded yet (no address of its own): kept, so the 401 of its first load heals it.
      if (tokenIn(shown) === null) deps.tabs.add(tabId, tab);
      return;
    }
    const request = { profileId: profile.id, workspace: tab.workspace, path: tab.path };
    if ('reason' in outcome || !isSessionFor(outcome.session, profile)) {
      return deps.prompt({ reason: 'reason' in outcome ? outcome.reason : 'signed-out', request }, tabId);
    }
    const { token } = outcome.session;
    await deps.navigate(tabId, signedWorkspaceUrl(profile, tab.workspace, tab.path, token));
    deps.tabs.add(tabId, { ...tab, tokenEnd: tokenEnd(token) });
  }

  /** The tabs opened with the refused token that still show it, each sent on; the others are left alone. */
  async function heal(profileId: string, end: string, outcome: Outcome): Promise<void> {
    const taken = await deps.tabs.take(profileId, end);
    const profile = profileById(await deps.settings(), profileId);
    if (!profile) return;
    // A tab closed meanwhile refuses: nothing to heal there.
    await Promise.all(taken.map(([tabId, tab]) => healTab(tabId, tab, profile, outcome).catch(() => {})));
  }

  async function askAndHeal(profileId: string, token: string, since: number, untracked?: Prompt['request']): Promise<void> {
    const outcome = await ask(profileId, token, since);
    if (!outcome) return;
    await heal(profileId, tokenEnd(token), outcome);
    // An open whose tab is unknown: the sign-in prompt, once, in a window.
    if (untracked && 'reason' in outcome) await deps.prompt({ reason: outcome.reason, request: untracked });
  }

  return {
    /** After a page opened (see OpenDeps.opened): remembered, and its token asked about in the background. */
    afterOpen(page: OpenedPage): void {
      const { tabId, profileId, workspace, path, token } = page;
      if (tabId !== undefined) deps.tabs.add(tabId, { profileId, workspace, path, tokenEnd: tokenEnd(token) });
      const untracked = tabId === undefined ? { profileId, workspace, path } : undefined;
      void askAndHeal(profileId, token, page.since, untracked).catch(() => {});
    },

    /**
     * The server refused a request of a page in tab `tabId` (its 401 seen): if the extension
     * opened it with the profile's current token, that token is asked about now.
     */
    async afterRefusal(tabId: number): Promise<void> {
      const tab = await deps.tabs.get(tabId);
      if (!tab) return;
      // Still showing a token already found refused (its first load landed after it was healed): healed again.
      const shown = tokenIn(await deps.tabUrl(tabId));
      const known = shown === null ? undefined : refused.get(`${tab.profileId} ${tokenEnd(shown)}`);
      if (shown !== null && known) {
        const [outcome, settings] = await Promise.all([known, deps.settings()]);
        const profile = profileById(settings, tab.profileId);
        if (outcome && profile) await healTab(tabId, { ...tab, tokenEnd: tokenEnd(shown) }, profile, outcome);
        return;
      }
      const token = await deps.sessionToken(tab.profileId);
      if (!token || tokenEnd(token) !== tab.tokenEnd) return;
      await askAndHeal(tab.profileId, token, deps.now());
    },

    /** A tab closed: nothing to heal there. */
    forgetTab: (tabId: number): void => deps.tabs.forget(tabId),
  };
}
export type OpenHealer = ReturnType<typeof createOpenHealer>;
