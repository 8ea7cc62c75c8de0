import { t } from '../browser/i18n';
import type { BadgeLook } from '../browser/action-badge';
import { activeProfile, type Settings } from '../settings/settings';
import { renewalTime } from '../token/schedule';
import { isSessionFor, type Session } from '../token/session';

export type BadgeStateName = 'not-set-up' | 'signed-out' | 'unreachable' | 'attention' | 'signed-in';

export interface BadgeState extends BadgeLook {
  state: BadgeStateName;
}

export const BADGE_COLORS = {
  grey: '#6e7781',
  amber: '#9a6700',
  red: '#cf222e',
  blue: '#0b63ce',
} as const;

export interface BadgeInput {
  settings: Settings;
  session: Session | null;
  now: number;
}

/** What the toolbar button shows: the one thing that needs the user, or nothing when all is well. */
export function badgeState({ settings, session, now }: BadgeInput, translate: typeof t = t): BadgeState {
  const name = translate('extName');
  const profile = activeProfile(settings);
  if (!profile) {
    const title = translate('badge_title_not_set_up', name);
    return { state: 'not-set-up', text: translate('badge_text_not_set_up'), color: BADGE_COLORS.grey, title };
  }
  const host = new URL(profile.baseUrl).host;
  if (!isSessionFor(session, profile)) {
    const title = translate('badge_title_signed_out', [name, host]);
    return { state: 'signed-out', text: translate('badge_text_signed_out'), color: BADGE_COLORS.grey, title };
  }
  const user = session.user.nickname || session.user.username;
  const failed = session.renewalFailed?.kind;
  if (failed === 'unreachable' || failed === 'timeout') {
    const title = translate('badge_title_unreachable', [name, host, user]);
    return { state: 'unreachable', text: '×', color: BADGE_COLORS.red, title };
  }
  const attention = (title: string): BadgeState => ({ state: 'attention', text: '!', color: BADGE_COLORS.amber, title });
  if (failed) return attention(translate('badge_title_renewal_failed', [name, user, host]));
  if (session.expiresAt !== null && now >= session.expiresAt) {
    return attention(translate('badge_title_expired', [name, user, host]));
  }
  if (session.expiresAt !== null && now >= renewalTime(session.issuedAt, session.expiresAt)) {
    return attention(translate('badge_title_expiring', [name, user, host]));
  }
  return { state: 'signed-in', text: '', color: BADGE_COLORS.blue, title: translate('badge_title_signed_in', [name, user, host]) };
}
