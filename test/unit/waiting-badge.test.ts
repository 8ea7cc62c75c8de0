import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeState } from '../../lib/badge/badge-state';
import { waitingBadge } from '../../lib/badge/waiting-badge';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import type { WaitingState } from '../../lib/work/waiting';
import { localeTranslator } from '../support/locale';
import { PROFILE } from '../support/profiles';

const DAY = 86_400_000;
const CHECKED = new Date(2026, 10, 23, 14, 2, 30).getTime(); // local time: the title shows 14:02
const SET_UP: Settings = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id };
const en = localeTranslator('en');
const zh = localeTranslator('zh_CN');

const session = (change: Partial<Session> = {}): Session => ({
  id: 's1',
  retired: [],
  token: 'token',
  serverUrl: PROFILE.baseUrl,
  profileId: PROFILE.id,
  issuedAt: CHECKED,
  expiresAt: CHECKED + 30 * DAY,
  user: { username: 'agent1@email.com', nickname: 'Agent One', superUser: false },
  persist: false,
  renewalFailed: null,
  ...change,
});
const count = (n: number, change: Partial<WaitingState> = {}): WaitingState =>
  ({ kind: 'count', count: n, checkedAt: CHECKED, stale: false, serverUrl: PROFILE.baseUrl, username: 'agent1@email.com', ...change }) as WaitingState;

const badgeWith = (settings: Settings, stored: Session | null, waiting: WaitingState | undefined, now = CHECKED + 10_000, translate = en) =>
  waitingBadge(badgeState({ settings, session: stored, now }, translate), waiting, now, translate);

describe('the count on the toolbar button', () => {
  it('shows how many conversations wait, and says so on hover', () => {
    expect(badgeWith(SET_UP, session(), count(3))).toEqual({
      state: 'waiting',
      text: '3',
      color: BADGE_COLORS.blue,
      title: 'Bytedesk Launchpad — 3 conversations wait for your reply on desk.example.com (checked 14:02)',
    });
  });

  it.each([
    [1, '1', 'Bytedesk Launchpad — 1 conversation waits for your reply on desk.example.com (checked 14:02)'],
    [120, '99+', 'Bytedesk Launchpad — 120 conversations wait for your reply on desk.example.com (checked 14:02)'],
  ])('%i: badge %s', (n, text, title) => {
    expect(badgeWith(SET_UP, session(), count(n))).toMatchObject({ text, title });
  });

  it('says it in Chinese', () => {
    expect(badgeWith(SET_UP, session(), count(3), CHECKED, zh).title).toBe('微语快捷入口 — desk.example.com 上有 3 个会话等待您回复（14:02 查看）');
    expect(badgeWith(SET_UP, session(), count(1), CHECKED, zh).title).toBe('微语快捷入口 — desk.example.com 上有 1 个会话等待您回复（14:02 查看）');
  });

  it.each<[string, WaitingState | undefined]>([
    ['nothing waiting', count(0)],
    ['never checked', undefined],
    ['an older server', { kind: 'unsupported', reason: 'not-on-server', checkedAt: CHECKED, serverUrl: PROFILE.baseUrl, username: 'agent1@email.com' }],
    ['no authority', { kind: 'unsupported', reason: 'no-authority', checkedAt: CHECKED, serverUrl: PROFILE.baseUrl, username: 'agent1@email.com' }],
    ['turned off', { kind: 'off' }],
  ])('%s: the badge of today, empty and signed in', (_, waiting) => {
    expect(badgeWith(SET_UP, session(), waiting)).toEqual({
      state: 'signed-in',
      text: '',
      color: BADGE_COLORS.blue,
      title: 'Bytedesk Launchpad — signed in as Agent One on desk.example.com',
    });
  });

  it('marks an old count grey and says when it was read', () => {
    const failed = badgeWith(SET_UP, session(), count(3, { stale: true }));
    expect(failed).toMatchObject({ text: '3', color: BADGE_COLORS.grey });
    expect(failed.title).toBe(
      'Bytedesk Launchpad — 3 conversations waited for your reply on desk.example.com when last checked at 14:02; no answer since.',
    );
    expect(badgeWith(SET_UP, session(), count(3), CHECKED + 6 * 60_000)).toMatchObject({ text: '3', color: BADGE_COLORS.grey });
    expect(badgeWith(SET_UP, session(), count(3, { stale: true }), CHECKED, zh).title).toBe(
      '微语快捷入口 — 14:02 查看时 desk.example.com 上有 3 个会话等待您回复；此后服务器没有应答。',
    );
  });
});

describe('the states of today keep priority over the count', () => {
  const renewal = (kind: 'unreachable' | 'server-error') => ({ renewalFailed: { at: CHECKED, kind, passwordTried: false } });
  it.each<[string, Settings, Session | null, number, string, string]>([
    ['not set up', DEFAULT_SETTINGS, null, CHECKED, 'not-set-up', 'SET'],
    ['signed out', SET_UP, null, CHECKED, 'signed-out', 'OFF'],
    ['signed in to another server', SET_UP, session({ serverUrl: 'https://old.example.com' }), CHECKED, 'signed-out', 'OFF'],
    ['renewal failed', SET_UP, session(renewal('server-error')), CHECKED, 'attention', '!'],
    ['server unreachable', SET_UP, session(renewal('unreachable')), CHECKED, 'unreachable', '×'],
    ['sign-in expiring', SET_UP, session(), CHECKED + 25 * DAY, 'attention', '!'],
  ])('%s: %s with %s, whatever waits', (_, settings, stored, now, state, text) => {
    const shown = badgeWith(settings, stored, count(5, { checkedAt: now }), now);
    expect(shown).toMatchObject({ state, text });
    expect(shown.title).not.toContain('conversation');
  });
});
