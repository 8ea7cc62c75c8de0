import { describe, expect, it } from 'vitest';
import {
  addProfile,
  canAdd,
  canEdit,
  changeProfile,
  moveProfile,
  profileByName,
  removeProfile,
  setActiveProfile,
  uniqueName,
} from '../../lib/settings/profiles';
import { originsInUse, originsNoLongerUsed } from '../../lib/settings/profile-origins';
import { type PolicyRules, type Settings } from '../../lib/settings/settings';
import { profileOf, settingsOf } from '../support/profiles';

// The list of profiles as the options page and the popup change it: pure functions, plain values.

const profile = profileOf;
const PROD = profile('prod', 'Production');
const STAGING = profile('staging', 'Staging');
const EU = profile('eu', 'Prod EU');
const POLICY: PolicyRules = { allowUserProfiles: true, lockManaged: true, defaultWorkspaceLocked: false };
const names = (settings: Settings) => settings.profiles.map((p) => p.name);
const ids = (settings: Settings) => settings.profiles.map((p) => p.id);

describe('names', () => {
  const settings = settingsOf([PROD, STAGING]);

  it.each([
    ['a free name', 'QA', 'QA'],
    ['a taken name', 'Staging', 'Staging 2'],
    ['a taken name in other case', 'STAGING', 'STAGING 2'],
    ['a taken name with spaces around', '  staging ', 'staging 2'],
    ['a name free but for its spaces', '  QA  ', 'QA'],
  ])('%s: %j becomes %j', (_, wanted, expected) => {
    expect(uniqueName(settings, wanted)).toBe(expected);
  });

  it('counts on past the numbers already taken', () => {
    expect(uniqueName(settingsOf([STAGING, profile('s2', 'staging 2')]), 'Staging')).toBe('Staging 3');
  });

  it("a profile keeps its own name on a rename to the same name, in any case", () => {
    expect(uniqueName(settings, 'staging', STAGING.id)).toBe('staging');
  });

  it.each([
    ['staging', STAGING],
    ['STAGING', STAGING],
    ['prod eu', EU],
    ['Prod', null],
    ['nobody', null],
  ])('the word %j names %o', (word, expected) => {
    expect(profileByName(settingsOf([PROD, STAGING, EU]), word)).toEqual(expected);
  });
});

describe('adding', () => {
  const server = { baseUrl: 'https://desk.example.com:8443', agentUrl: null, adminUrl: null };

  it('named after its server unless named, made active, never managed', () => {
    const added = addProfile(settingsOf([PROD]), server, 'new');
    expect(added.profiles.at(-1)).toEqual({ id: 'new', name: 'desk.example.com:8443', ...server, managed: false });
    expect(added.activeProfileId).toBe('new');
  });

  it('a name already taken (case aside) gets a number', () => {
    expect(names(addProfile(settingsOf([PROD]), server, 'new', 'production'))).toEqual(['Production', 'production 2']);
  });

  it('a blank name is no name: the server names it', () => {
    expect(names(addProfile(settingsOf([]), server, 'new', '   '))).toEqual(['desk.example.com:8443']);
  });

  it.each([
    ['no policy', null, true],
    ['a policy that allows profiles of their own', POLICY, true],
    ['a policy that does not', { ...POLICY, allowUserProfiles: false }, false],
  ] as const)('the user may add one with %s: %s', (_, policy, allowed) => {
    expect(canAdd(settingsOf([PROD], { policy }))).toBe(allowed);
  });
});

describe('changing and removing', () => {
  it('a rename to a name another profile has (case aside) gets a number; an empty one keeps the name', () => {
    const settings = settingsOf([PROD, STAGING]);
    expect(names(changeProfile(settings, STAGING.id, { name: 'PRODUCTION' }))).toEqual(['Production', 'PRODUCTION 2']);
    expect(names(changeProfile(settings, STAGING.id, { name: '' }))).toEqual(['Production', 'Staging']);
  });

  it('a server change keeps the id and name, and leaves the others alone', () => {
    const changed = changeProfile(settingsOf([PROD, STAGING]), STAGING.id, { baseUrl: 'https://new.example.com' });
    expect(changed.profiles).toEqual([PROD, { ...STAGING, baseUrl: 'https://new.example.com' }]);
  });

  it('removing the active one makes the first one left active', () => {
    const settings = settingsOf([PROD, STAGING, EU], { activeProfileId: STAGING.id });
    const left = removeProfile(settings, STAGING.id);
    expect(ids(left)).toEqual([PROD.id, EU.id]);
    expect(left.activeProfileId).toBe(PROD.id);
  });

  it('removing another keeps the active one; removing the last leaves none active', () => {
    expect(removeProfile(settingsOf([PROD, STAGING], { activeProfileId: STAGING.id }), PROD.id).activeProfileId).toBe(STAGING.id);
    expect(removeProfile(settingsOf([PROD]), PROD.id)).toMatchObject({ profiles: [], activeProfileId: null });
  });

  it('an unknown id changes nothing', () => {
    const settings = settingsOf([PROD]);
    expect(removeProfile(settings, 'gone')).toEqual(settings);
    expect(changeProfile(settings, 'gone', { name: 'X' })).toEqual(settings);
  });

  describe("an organisation's profile", () => {
    const MANAGED = profile('org', 'Company', 'https://desk.company.example', { managed: true });

    it('locked: the user can neither change nor remove it', () => {
      const settings = settingsOf([MANAGED, PROD], { policy: POLICY });
      expect(canEdit(settings, MANAGED)).toBe(false);
      expect(canEdit(settings, PROD)).toBe(true);
      expect(changeProfile(settings, MANAGED.id, { name: 'Mine', baseUrl: 'https://evil.example' })).toEqual(settings);
      expect(removeProfile(settings, MANAGED.id)).toEqual(settings);
    });

    it('not locked: the user may rename it, and it stays managed', () => {
      const settings = settingsOf([MANAGED], { policy: { ...POLICY, lockManaged: false } });
      expect(canEdit(settings, MANAGED)).toBe(true);
      expect(changeProfile(settings, MANAGED.id, { name: 'Work' }).profiles).toEqual([{ ...MANAGED, name: 'Work' }]);
    });
  });
});

describe('order and the active profile', () => {
  const settings = settingsOf([PROD, STAGING, EU]);

  it.each([
    [STAGING.id, -1, [STAGING.id, PROD.id, EU.id]],
    [STAGING.id, 1, [PROD.id, EU.id, STAGING.id]],
    [PROD.id, -1, [PROD.id, STAGING.id, EU.id]], // the first cannot go up
    [EU.id, 1, [PROD.id, STAGING.id, EU.id]], // the last cannot go down
    ['gone', 1, [PROD.id, STAGING.id, EU.id]],
  ] as const)('%s moved by %i: %j', (id, by, order) => {
    expect(ids(moveProfile(settings, id, by))).toEqual(order);
  });

  it('moving keeps which profile is active', () => {
    expect(moveProfile(settings, PROD.id, 1).activeProfileId).toBe(PROD.id);
  });

  it('switches to a profile that exists, and to no other', () => {
    expect(setActiveProfile(settings, EU.id).activeProfileId).toBe(EU.id);
    expect(setActiveProfile(settings, 'gone')).toEqual(settings);
  });
});

describe('host permissions no profile uses', () => {
  const DEV = profile('dev', 'Dev', 'http://127.0.0.1:9003', { agentUrl: 'http://127.0.0.1:9005', adminUrl: 'http://127.0.0.1:9004' });

  it('every origin of every profile is in use, each once', () => {
    const twoAccounts = profile('prod2', 'Production (agent)', PROD.baseUrl);
    expect([...originsInUse(settingsOf([PROD, twoAccounts, DEV]))]).toEqual([
      'https://prod.example.com/*',
      'http://127.0.0.1:9003/*',
      'http://127.0.0.1:9005/*',
      'http://127.0.0.1:9004/*',
    ]);
  });

  it("a removed profile's origins go", () => {
    const before = settingsOf([PROD, DEV]);
    expect(originsNoLongerUsed(before, removeProfile(before, DEV.id))).toEqual([
      'http://127.0.0.1:9003/*',
      'http://127.0.0.1:9005/*',
      'http://127.0.0.1:9004/*',
    ]);
  });

  it('two profiles on one server: removing one keeps the server', () => {
    const agent = profile('prod-agent', 'Production agent', PROD.baseUrl);
    const before = settingsOf([PROD, agent]);
    expect(originsNoLongerUsed(before, removeProfile(before, agent.id))).toEqual([]);
  });

  it('an origin another profile still uses is kept when a server changes', () => {
    const sharing = profile('api', 'API on 9003', 'http://127.0.0.1:9003');
    const before = settingsOf([DEV, sharing]);
    const after = changeProfile(before, DEV.id, { baseUrl: 'http://127.0.0.1:8003', agentUrl: null, adminUrl: null });
    expect(originsNoLongerUsed(before, after)).toEqual(['http://127.0.0.1:9005/*', 'http://127.0.0.1:9004/*']);
  });

  it('a change that keeps the servers (a switch, a rename) lets go of nothing', () => {
    const before = settingsOf([PROD, DEV]);
    expect(originsNoLongerUsed(before, setActiveProfile(changeProfile(before, DEV.id, { name: 'Local' }), DEV.id))).toEqual([]);
  });
});
