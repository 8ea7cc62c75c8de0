import { t } from '../browser/i18n';
import type { BadgeLook } from '../browser/action-badge';
import { pluralForm } from '../users/plural';
import { isStale, type WaitingState } from '../work/waiting';
import { BADGE_COLORS, type BadgeState, type BadgeStateName } from './badge-state';

export interface WaitingBadge extends BadgeLook {
  state: BadgeStateName | 'waiting';
}

// The badge has room for about four characters.
const MAX_SHOWN = 99;

/**
 * The badge with the conversations waiting for the agent. Every state that needs the user
 * (not set up, signed out, unreachable, renewal failed, expiring) keeps the badge: the count
 * shows only when the sign-in is fine. Nothing waiting: no text, as today.
 */
export function waitingBadge(base: BadgeState, waiting: WaitingState | undefined, now: number, translate: typeof t = t): WaitingBadge {
  if (base.state !== 'signed-in' || waiting?.kind !== 'count' || waiting.count === 0) return base;
  const { count, checkedAt, serverUrl } = waiting;
  const language = translate('page_language');
  const stale = isStale(waiting, now);
  const one = pluralForm(count, language) === 'one';
  const key = stale ? (one ? 'waiting_title_stale_one' : 'waiting_title_stale') : one ? 'waiting_title_one' : 'waiting_title';
  const title = translate(key, [translate('extName'), String(count), new URL(serverUrl).host, clock(checkedAt, language)]);
  return {
    state: 'waiting',
    text: count > MAX_SHOWN ? `${MAX_SHOWN}+` : String(count),
    // Grey: a number from a while ago, not to be trusted as now.
    color: stale ? BADGE_COLORS.grey : BADGE_COLORS.blue,
    title,
  };
}

/** "14:02": a tooltip line is short, and a 24-hour time reads the same in every language. */
function clock(ms: number, language: string): string {
  return new Date(ms).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
