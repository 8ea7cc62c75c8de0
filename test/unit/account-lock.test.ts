import { describe, expect, it } from 'vitest';
import { lockAfterRefusal, lockedUntil, lockOn, startingUsername, type AccountLock } from '../../components/popup/account-lock';

const NOW = 1_700_000_000_000;
const MINUTE = 60_000;
const known: AccountLock = { username: 'agent1@email.com', until: NOW + 3 * MINUTE };

describe('the lock after too many wrong passwords', () => {
  it.each([
    ['as long as the server said', null, 'agent1@email.com', '密码错误次数过多，账户已被锁定10分钟', NOW + 10 * MINUTE],
    ['in English too', null, 'agent1@email.com', 'locked for 15 min', NOW + 15 * MINUTE],
    ["Bytedesk's 10 minutes when it did not say", null, 'agent1@email.com', undefined, NOW + 10 * MINUTE],
    ['the known lock of that account, which began earlier', known, ' Agent1@Email.com ', '锁定10分钟', known.until],
    ['a new lock for another account', known, 'agent2@email.com', '锁定10分钟', NOW + 10 * MINUTE],
    ['a new lock once the known one ran out', { ...known, until: NOW - 1 }, 'agent1@email.com', '锁定10分钟', NOW + 10 * MINUTE],
  ] as const)('%s', (_, previous, username, serverMessage, until) => {
    expect(lockAfterRefusal(previous, username, serverMessage, NOW).until).toBe(until);
  });

  it.each([
    [known, 'agent1@email.com', NOW, known.until],
    [known, 'AGENT1@email.com', NOW, known.until],
    [known, 'agent2@email.com', NOW, null],
    [known, 'agent1@email.com', known.until, null],
    [null, 'agent1@email.com', NOW, null],
  ] as const)('%j for %j at %d: locked until %j', (lock, username, now, until) => {
    expect(lockedUntil(lock, username, now)).toBe(until);
  });

  it.each([
    ['agent1 just signed out while agent2 is locked: agent1, Sign in enabled', 'agent1@email.com', { username: 'agent2@email.com', until: NOW + MINUTE }, 'agent1@email.com'],
    ['nobody signed in before, an account is locked: that one, with its lock', '', { username: 'agent2@email.com', until: NOW + MINUTE }, 'agent2@email.com'],
    ['nobody signed in before, the lock ran out: empty', '', { username: 'agent2@email.com', until: NOW - 1 }, ''],
    ['no lock: the last account', 'agent1@email.com', null, 'agent1@email.com'],
  ] as const)('another account\'s lock is not shown after a sign-out: %s', (_, last, lock, username) => {
    const start = startingUsername(last, lock, NOW);
    expect(start).toBe(username);
    expect(lockedUntil(lock, start, NOW) !== null, 'a lock shows only for the name in the field').toBe(lock?.username === start && lock.until > NOW);
  });

  const stored = { username: 'agent2@email.com', until: NOW + MINUTE, profileId: 'p1', serverUrl: 'https://desk.example.com' };
  it.each([
    ['its own profile and server', { id: 'p1', baseUrl: 'https://desk.example.com' }, true],
    ['another profile', { id: 'p2', baseUrl: 'https://desk.example.com' }, false],
    ['its profile moved to another server', { id: 'p1', baseUrl: 'https://other.example.com' }, false],
  ] as const)('a remembered lock applies to %s: %s', (_, profile, applies) => {
    expect(lockOn(stored, profile)).toEqual(applies ? stored : null);
  });
});
