import { describe, expect, it } from 'vitest';
import { BADGE_COLORS, badgeState } from '../../lib/badge/badge-state';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { localeTranslator } from '../support/locale';
import { PROFILE } from '../support/profiles';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const SET_UP: Settings = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id };

const session = (change: Partial<Session> = {}): Session => ({
  id: 's1',
  retired: [],
  token: 'token',
  serverUrl: PROFILE.baseUrl,
  profileId: PROFILE.id,
  issuedAt: T0,
  expiresAt: T0 + 30 * DAY, // renewal due at T0 + 24 days
  user: { username: 'admin@email.com', nickname: 'Admin', superUser: true },
  persist: false,
  renewalFailed: null,
  ...change,
});
const failed = (kind: 'unreachable' | 'timeout' | 'server-error' | 'token-rejected') => ({
  renewalFailed: { at: T0, kind, passwordTried: false },
});

const N = 'Bytedesk Launchpad';
describe('badgeState', () => {
  it.each([
    ['nothing set up', DEFAULT_SETTINGS, null, T0, 'not-set-up', 'SET', BADGE_COLORS.grey,
      `${N} — not set up: enter your Bytedesk server in the options.`],
    ['a profile that is not the active one', { ...SET_UP, activeProfileId: 'gone' }, session(), T0, 'not-set-up', 'SET', BADGE_COLORS.grey,
      `${N} — not set up: enter your Bytedesk server in the options.`],
    ['no session', SET_UP, null, T0, 'signed-out', 'OFF', BADGE_COLORS.grey,
      `${N} — signed out of desk.example.com. Click to sign in.`],
    ['a session of another server', SET_UP, session({ serverUrl: 'https://old.example.com' }), T0, 'signed-out', 'OFF', BADGE_COLORS.grey,
      `${N} — signed out of desk.example.com. Click to sign in.`],
    ['a fresh token', SET_UP, session(), T0 + DAY, 'signed-in', '', BADGE_COLORS.blue,
      `${N} — signed in as Admin on desk.example.com`],
    ['a token that is not a JWT', SET_UP, session({ expiresAt: null }), T0 + 400 * DAY, 'signed-in', '', BADGE_COLORS.blue,
      `${N} — signed in as Admin on desk.example.com`],
    ['a user without a nickname', SET_UP, session({ user: { username: 'agent@email.com', nickname: '', superUser: false } }), T0, 'signed-in', '', BADGE_COLORS.blue,
      `${N} — signed in as agent@email.com on desk.example.com`],
    ['a token past its renewal time', SET_UP, session(), T0 + 25 * DAY, 'attention', '!', BADGE_COLORS.amber,
      `${N} — the sign-in of Admin on desk.example.com expires soon.`],
    ['an expired token', SET_UP, session(), T0 + 31 * DAY, 'attention', '!', BADGE_COLORS.amber,
      `${N} — the sign-in of Admin on desk.example.com has expired. Click to sign in again.`],
    ['a renewal the server refused', SET_UP, session(failed('server-error')), T0 + DAY, 'attention', '!', BADGE_COLORS.amber,
      `${N} — signed in as Admin on desk.example.com, but the sign-in could not be renewed. Click for details.`],
    ['a renewal that found no server', SET_UP, session(failed('unreachable')), T0 + 25 * DAY, 'unreachable', '×', BADGE_COLORS.red,
      `${N} — cannot reach desk.example.com. Still signed in as Admin; trying again.`],
    ['a renewal that timed out, token expired', SET_UP, session(failed('timeout')), T0 + 31 * DAY, 'unreachable', '×', BADGE_COLORS.red,
      `${N} — cannot reach desk.example.com. Still signed in as Admin; trying again.`],
  ] as const)('%s: %s', (_, settings, stored, now, state, text, color, title) => {
    expect(badgeState({ settings, session: stored, now }, localeTranslator('en'))).toEqual({ state, text, color, title });
  });

  it.each([
    ['en', 'Bytedesk Launchpad — cannot reach desk.example.com. Still signed in as Admin; trying again.'],
    ['zh_CN', '微语快捷入口 — 无法连接 desk.example.com。当前仍以 Admin 的身份登录，稍后会自动重试。'],
  ] as const)('titles in the user language (%s)', (locale, title) => {
    const state = badgeState({ settings: SET_UP, session: session(failed('unreachable')), now: T0 }, localeTranslator(locale));
    expect(state.title).toBe(title);
  });

  it.each([
    ['en', 'nothing set up', 'SET', DEFAULT_SETTINGS],
    ['en', 'signed out', 'OFF', SET_UP],
    ['zh_CN', 'nothing set up', '设置', DEFAULT_SETTINGS],
    ['zh_CN', 'signed out', '登录', SET_UP],
  ] as const)('badge text in the user language (%s), %s: %s', (locale, _, text, settings) => {
    expect(badgeState({ settings, session: null, now: T0 }, localeTranslator(locale)).text).toBe(text);
  });

  it('has words for every state in Chinese', () => {
    const titles = [
      badgeState({ settings: DEFAULT_SETTINGS, session: null, now: T0 }, localeTranslator('zh_CN')).title,
      badgeState({ settings: SET_UP, session: null, now: T0 }, localeTranslator('zh_CN')).title,
      badgeState({ settings: SET_UP, session: session(), now: T0 }, localeTranslator('zh_CN')).title,
      badgeState({ settings: SET_UP, session: session(), now: T0 + 25 * DAY }, localeTranslator('zh_CN')).title,
    ];
    expect(titles).toEqual([
      '微语快捷入口 — 尚未设置：请在设置中填写您的微语服务器地址。',
      '微语快捷入口 — 尚未登录 desk.example.com，点击即可登录。',
      '微语快捷入口 — 当前以 Admin 的身份登录 desk.example.com',
      '微语快捷入口 — Admin 在 desk.example.com 上的登录即将过期。',
    ]);
  });
});
