import { t } from '../../lib/browser/i18n';
import { pluralForm } from '../../lib/users/plural';
import { isStale, type WaitingState } from '../../lib/work/waiting';
import { localTime } from './local-time';

/** The conversations waiting for the agent, as the badge counts them; marked old when it is. */
export function WaitingLine({ state, now }: { state: WaitingState | undefined; now: number }) {
  if (state?.kind !== 'count' || state.count === 0) return null;
  const one = pluralForm(state.count, t('page_language')) === 'one';
  return (
    <p class="waiting">
      {t(one ? 'waiting_count_one' : 'waiting_count', String(state.count))}
      {isStale(state, now) && (
        <span class="hint"> · {t('waiting_as_of', localTime(state.checkedAt, { hour: '2-digit', minute: '2-digit' }))}</span>
      )}
    </p>
  );
}

/** How many wait, or 0 when none or unknown. */
export const waitingCount = (state: WaitingState | undefined) => (state?.kind === 'count' ? state.count : 0);
