import { describe, expect, it } from 'vitest';
import type { BytedeskUser } from '../../lib/server/contract';
import { administers } from '../../lib/token/session';
import { sessionFromGrant } from '../../lib/token/session-from-grant';

const place = { id: 's', serverUrl: 'https://desk.example.com', profileId: 'p', persist: false, retired: [] };
const userOf = (fields: Partial<BytedeskUser>) => sessionFromGrant({ accessToken: 'opaque', user: { username: 'u@example.com', ...fields } }, place, 0).user;

describe('who may use the admin console', () => {
  it.each([
    ['an agent (roles as objects)', { currentRoles: [{ name: 'ROLE_AGENT' }], authorities: [{ authority: 'ROLE_AGENT' }] }, ['ROLE_AGENT'], false],
    ['an administrator', { currentRoles: [{ name: 'ROLE_ADMIN' }, { name: 'ROLE_AGENT' }] }, ['ROLE_ADMIN', 'ROLE_AGENT'], true],
    ['a super administrator', { superUser: true, authorities: [{ authority: 'ROLE_SUPER' }] }, ['ROLE_SUPER'], true],
    ['roles given as names', { currentRoles: ['ROLE_MEMBER'] }, ['ROLE_MEMBER'], false],
    // A server that says nothing of roles: nothing is hidden (the server still decides).
    ['a server that sends no roles', {}, undefined, true],
    ['authorities without roles', { authorities: [{ authority: 'QUEUE_READ' }] }, undefined, true],
    ['roles of an unknown shape', { currentRoles: 'ROLE_AGENT' }, undefined, true],
  ])('An agent without admin rights sees no Admin switch: %s', (_, fields, roles, admin) => {
    const user = userOf(fields as Partial<BytedeskUser>);
    expect(user.roles).toEqual(roles);
    expect(administers(user)).toBe(admin);
  });
});
