import type { StoredItem } from '../browser/stored-item';
import type { Workspace } from '../settings/settings';

/** A tab the extension opened with a token: what it opened, and which token (its fingerprint only). */
export interface SignedTab {
  profileId: string;
  workspace: Workspace;
  path: string;
  /** trust.ts's `tokenEnd` of the token in its address: never the token itself. */
  tokenEnd: string;
}
export type SignedTabMap = Record<string, SignedTab>;

/** Enough for any burst of opens; the oldest go first (a tab that old no longer needs healing). */
const KEEP = 100;

/**
 * Which tabs were opened with which token: kept in memory and in session storage, so a worker
 * restarted between an open and the server's answer still knows its tabs.
 */
export function createSignedTabs(item: StoredItem<SignedTabMap>) {
  const tabs = new Map<number, SignedTab>();
  // Read on first use, after the open that needs it (a cold open waits on nothing more); what was
  // added meanwhile is newer and wins.
  let reading: Promise<void> | undefined;
  const loaded = () =>
    (reading ??= item.getValue().then(
      (stored) => {
        const newer = [...tabs];
        tabs.clear();
        // Integer keys come back in ascending order: tab ids grow, so the oldest first.
        for (const [id, tab] of Object.entries(stored ?? {})) tabs.set(Number(id), tab);
        for (const [id, tab] of newer) {
          tabs.delete(id);
          tabs.set(id, tab);
        }
      },
      () => {},
    ));
  const save = () => void loaded().then(() => item.setValue(Object.fromEntries(tabs))).catch(() => {});
  return {
    /** Tab `tabId` now shows a page signed with the token `tab.tokenEnd` names. */
    add(tabId: number, tab: SignedTab): void {
      tabs.delete(tabId); // newest last
      tabs.set(tabId, tab);
      for (const id of tabs.keys()) if (tabs.size > KEEP) tabs.delete(id);
      save();
    },
    /** The tabs of `profileId` opened with the token `tokenEnd`, taken out of the list (whoever takes them heals them). */
    async take(profileId: string, tokenEnd: string): Promise<[number, SignedTab][]> {
      await loaded();
      const taken = [...tabs].filter(([, tab]) => tab.profileId === profileId && tab.tokenEnd === tokenEnd);
      taken.forEach(([id]) => tabs.delete(id));
      if (taken.length) save();
      return taken;
    },
    /** What tab `tabId` was opened with, if the extension opened it. */
    async get(tabId: number): Promise<SignedTab | undefined> {
      await loaded();
      return tabs.get(tabId);
    },
    /** A tab closed. */
    forget(tabId: number): void {
      void loaded().then(() => tabs.delete(tabId) && save());
    },
  };
}
export type SignedTabs = ReturnType<typeof createSignedTabs>;
