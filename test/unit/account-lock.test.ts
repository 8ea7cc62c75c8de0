import { describe, expect, it } from 'vitest';
import { lockAfterRefusal, lockedUntil, type AccountLock } from '../../components/popup/account-lock';

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
});
