import { describe, expect, it } from 'vitest';
import type { WaitingState } from '../../lib/work/waiting';
import { noticeOpens, noticeRises, risenCount } from '../../lib/work/waiting-notice';
import { localeTranslator } from '../support/locale';

const URL_A = 'https://desk.example.com';
const count = (n: number, change: Partial<WaitingState> = {}): WaitingState =>
  ({ kind: 'count', count: n, checkedAt: 0, stale: false, serverUrl: URL_A, username: 'agent1@email.com', ...change }) as WaitingState;

describe('when a notice is worth it', () => {
  it.each<[string, WaitingState | undefined, WaitingState | undefined, number | null]>([
    ['3 -> 5: five wait', count(3), count(5), 5],
    ['0 -> 1: one waits', count(0), count(1), 1],
    ['5 -> 5: nothing new', count(5), count(5), null],
    ['5 -> 2: fewer, no notice', count(5), count(2), null],
    ['the first count after signing in: the badge says it', undefined, count(4), null],
    ['an old count read again after a failure', count(2, { stale: true }), count(2), null],
    ['an old count kept through a failure', count(2), count(2, { stale: true }), null],
    ['another server: not a rise', count(1, { serverUrl: 'https://old.example.com' }), count(4), null],
    ['another account: not a rise', count(1, { username: 'admin@email.com' }), count(4), null],
    ['turned off', count(1), { kind: 'off' }, null],
  ])('%s', (_, before, after, expected) => {
    expect(risenCount(before, after)).toBe(expected);
  });
});

describe('the notice', () => {
  function deps({ enabled = true, granted = true } = {}) {
    const shown: [string, string, string][] = [];
    return {
      shown,
      deps: {
        enabled: async () => enabled,
        notices: { granted: async () => granted, show: async (...args: [string, string, string]) => void shown.push(args) },
        translate: localeTranslator('en'),
      },
    };
  }

  it('says how many wait, in words, once per profile whose count rose', async () => {
    const { shown, deps: d } = deps();
    await noticeRises({ p1: count(1), p2: count(2) }, { p1: count(3), p2: count(2) }, d);
    expect(shown).toEqual([['waiting/p1', 'Bytedesk Launchpad', '3 conversations wait for your reply']]);
    await noticeRises({ p1: count(0) }, { p1: count(1) }, d);
    expect(shown[1]?.[2]).toBe('1 conversation waits for your reply');
  });

  it('says it in Chinese', async () => {
    const { shown, deps: d } = deps();
    await noticeRises({ p1: count(1) }, { p1: count(3) }, { ...d, translate: localeTranslator('zh_CN') });
    expect(shown[0]?.[2]).toBe('3 个会话等待您回复');
  });

  it.each([
    ['the option is off (the default)', { enabled: false }],
    ['the browser did not grant notifications', { granted: false }],
  ])('shows nothing when %s', async (_, options) => {
    const { shown, deps: d } = deps(options);
    await noticeRises({ p1: count(1) }, { p1: count(3) }, d);
    expect(shown).toEqual([]);
  });

  it('a click opens the agent chat page of the profile it was about', () => {
    expect(noticeOpens('waiting/p1')).toEqual({ profileId: 'p1', workspace: 'agent', path: 'chat' });
    expect(noticeOpens('something-else')).toBeNull();
  });
});
