import type { t } from '../browser/i18n';
import { pluralForm } from '../users/plural';
import type { OpenRequest } from '../workspace/open-workspace';
import type { WaitingState } from './waiting';

const NOTICE_PREFIX = 'waiting/';

/** The id of a profile's notice: one per profile, so a newer count replaces the older one. */
export const noticeId = (profileId: string) => NOTICE_PREFIX + profileId;

/** What a click on a notice opens: its profile's agent chat page (null: not one of these notices). */
export function noticeOpens(id: string): OpenRequest | null {
  if (!id.startsWith(NOTICE_PREFIX)) return null;
  return { profileId: id.slice(NOTICE_PREFIX.length), workspace: 'agent', path: 'chat' };
}

/**
 * The count worth a notice: a fresh count above the one known before. A first count after a
 * sign-in is no news (the badge shows it at once), nor a count read again after a failure.
 */
export function risenCount(before: WaitingState | undefined, after: WaitingState | undefined): number | null {
  if (before?.kind !== 'count' || after?.kind !== 'count' || after.stale) return null;
  if (after.serverUrl !== before.serverUrl || after.username !== before.username) return null;
  return after.count > before.count ? after.count : null;
}

export interface NoticeDeps {
  /** The user's "Notify me when more conversations wait". */
  enabled(): Promise<boolean>;
  notices: { granted(): Promise<boolean>; show(id: string, title: string, message: string): Promise<void> };
  translate: typeof t;
}

/** Shows a notice for each profile whose count rose, if the user asked for them and the browser allows. */
export async function noticeRises(
  before: Record<string, WaitingState>,
  after: Record<string, WaitingState>,
  deps: NoticeDeps,
): Promise<void> {
  const risen = Object.entries(after).flatMap(([id, state]) => {
    const count = risenCount(before[id], state);
    return count === null ? [] : [{ id, count }];
  });
  if (risen.length === 0 || !(await deps.enabled()) || !(await deps.notices.granted())) return;
  const { translate } = deps;
  const one = (count: number) => pluralForm(count, translate('page_language')) === 'one';
  await Promise.all(
    risen.map(({ id, count }) =>
      deps.notices.show(noticeId(id), translate('extName'), translate(one(count) ? 'waiting_count_one' : 'waiting_count', String(count))),
    ),
  );
}
