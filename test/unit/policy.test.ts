import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyManagedPolicy, startManagedPolicy } from '../../lib/settings/managed-policy';
import { applyPolicy } from '../../lib/settings/policy';
import { readPolicy, type Policy, type PolicyProblem } from '../../lib/settings/policy-read';
import { policyProblemText } from '../../lib/settings/policy-problem-text';
import { DEFAULT_SETTINGS, parseSettings, type ServerProfile, type Settings } from '../../lib/settings/settings';
import { policyStateItem, settingsItem } from '../../lib/storage';
import { profileOf } from '../support/profiles';

beforeEach(() => {
  vi.restoreAllMocks();
  fakeBrowser.reset();
});

const DESK = { name: 'Desk', serverUrl: 'https://desk.example.com/' };
const STAGING = { name: 'Staging', serverUrl: 'staging.example.com', agentUrl: 'http://127.0.0.1:9005/agent/' };

const valid = (raw: unknown): Policy => {
  const reading = readPolicy(raw);
  if (reading.kind !== 'valid') throw new Error(`not valid: ${JSON.stringify(reading)}`);
  return reading.policy;
};
const problems = (raw: unknown): PolicyProblem[] => {
  const reading = readPolicy(raw);
  if (reading.kind !== 'invalid') throw new Error(`not invalid: ${JSON.stringify(reading)}`);
  return reading.problems;
};

const own = (name: string, baseUrl = 'https://own.example.com', id = `own-${name}`): ServerProfile => profileOf(id, name, baseUrl);
const withProfiles = (profiles: ServerProfile[], patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  profiles,
  activeProfileId: profiles[0]?.id ?? null,
  ...patch,
});

describe('readPolicy', () => {
  it.each([[undefined], [{}]])('%j: no policy', (raw) => {
    expect(readPolicy(raw)).toEqual({ kind: 'none' });
  });

  it('reads every field, addresses normalised as the options page would', () => {
    expect(
      valid({ profiles: [DESK, STAGING], defaultWorkspace: 'admin', allowUserProfiles: false, lockManagedProfiles: false }),
    ).toEqual({
      profiles: [
        { name: 'Desk', baseUrl: 'https://desk.example.com', agentUrl: null, adminUrl: null },
        { name: 'Staging', baseUrl: 'https://staging.example.com', agentUrl: 'http://127.0.0.1:9005', adminUrl: null },
      ],
      defaultWorkspace: 'admin',
      allowUserProfiles: false,
      lockManagedProfiles: false,
    });
  });

  it.each([
    ['only profiles', { profiles: [DESK] }, { defaultWorkspace: null, allowUserProfiles: true, lockManagedProfiles: true }],
    ['only the default workspace', { defaultWorkspace: 'agent' }, { profiles: [], defaultWorkspace: 'agent' }],
    ['only a rule', { allowUserProfiles: false }, { profiles: [], allowUserProfiles: false, lockManagedProfiles: true }],
  ])('partial (%s): the rest takes the schema defaults', (_, raw, expected) => {
    expect(valid(raw)).toMatchObject(expected);
  });

  it.each<[string, unknown, PolicyProblem[]]>([
    ['a profile without a server', { profiles: [{ name: 'Desk' }] }, [{ path: 'profiles[0].serverUrl', code: 'missing' }]],
    ['a profile without a name', { profiles: [DESK, { serverUrl: 'https://b.example' }] }, [{ path: 'profiles[1].name', code: 'missing' }]],
    ['a blank name', { profiles: [{ ...DESK, name: '  ' }] }, [{ path: 'profiles[0].name', code: 'empty' }]],
    ['a blank server', { profiles: [{ ...DESK, serverUrl: '' }] }, [{ path: 'profiles[0].serverUrl', code: 'empty' }]],
    ['ftp', { profiles: [DESK, { name: 'B', serverUrl: 'ftp://x' }] }, [{ path: 'profiles[1].serverUrl', code: 'not-a-url' }]],
    ['a password in the URL', { profiles: [{ ...DESK, serverUrl: 'https://a:b@desk.example.com' }] }, [{ path: 'profiles[0].serverUrl', code: 'not-a-url' }]],
    ['a bad agent URL', { profiles: [{ ...DESK, agentUrl: 'javascript:alert(1)' }] }, [{ path: 'profiles[0].agentUrl', code: 'not-a-url' }]],
    ['a number for a URL', { profiles: [{ ...DESK, adminUrl: 9004 }] }, [{ path: 'profiles[0].adminUrl', code: 'wrong-type' }]],
    ['the same name twice, case aside', { profiles: [DESK, { ...STAGING, name: 'DESK' }] }, [{ path: 'profiles[1].name', code: 'duplicate-name' }]],
    ['an empty list', { profiles: [] }, [{ path: 'profiles', code: 'no-profiles' }]],
    ['profiles not a list', { profiles: DESK }, [{ path: 'profiles', code: 'wrong-type' }]],
    ['a profile not an object', { profiles: ['https://desk.example.com'] }, [{ path: 'profiles[0]', code: 'wrong-type' }]],
    ['an unknown workspace', { defaultWorkspace: 'agents' }, [{ path: 'defaultWorkspace', code: 'unknown-workspace' }]],
    ['a flag as text', { allowUserProfiles: 'false' }, [{ path: 'allowUserProfiles', code: 'wrong-type' }]],
    ['a misspelt setting', { lockManagedProfile: true }, [{ path: 'lockManagedProfile', code: 'unknown-setting' }]],
    ['a misspelt profile field', { profiles: [{ ...DESK, serverURL: 'x' }] }, [{ path: 'profiles[0].serverURL', code: 'unknown-setting' }]],
    ['not an object', 'desk', [{ path: '', code: 'wrong-type' }]],
  ])('invalid: %s', (_, raw, expected) => {
    expect(problems(raw)).toEqual(expected);
  });

  it('reports a name clash beside the entry\'s other problems', () => {
    expect(problems({ profiles: [DESK, { name: 'desk', serverUrl: 'ftp://x' }] })).toEqual([
      { path: 'profiles[1].serverUrl', code: 'not-a-url' },
      { path: 'profiles[1].name', code: 'duplicate-name' },
    ]);
  });

  it('reports every problem at once', () => {
    const found = problems({ profiles: [{ name: 'A', serverUrl: 'ftp://x' }, { serverUrl: 1 }], defaultWorkspace: 'x' });
    expect(found.map((p) => p.path)).toEqual(['profiles[0].serverUrl', 'profiles[1].name', 'profiles[1].serverUrl', 'defaultWorkspace']);
  });
});

describe('the problems in words', () => {
  it.each<[PolicyProblem, string]>([
    [{ path: 'profiles[1].serverUrl', code: 'not-a-url' }, 'Profile 2: the server address is not a web address'],
    [{ path: 'profiles[0].name', code: 'duplicate-name' }, "Profile 1: the name is the same as another profile's"],
    [{ path: 'profiles[2]', code: 'wrong-type' }, 'Profile 3: the entry is of the wrong type'],
    [{ path: 'profiles', code: 'no-profiles' }, 'The policy: the list of profiles is empty'],
    [{ path: 'defaultWorkspace', code: 'unknown-workspace' }, 'The policy: the default workspace is neither agent nor admin'],
    [{ path: 'lockManagedProfile', code: 'unknown-setting' }, 'The policy: “lockManagedProfile” is not a setting'],
    [{ path: 'profiles[0].serverURL', code: 'unknown-setting' }, 'Profile 1: “serverURL” is not a setting'],
  ])('%j', (problem, words) => {
    expect(policyProblemText(problem)).toContain(words);
  });
});

describe('applyPolicy', () => {
  const policy = valid({ profiles: [DESK, STAGING], defaultWorkspace: 'admin' });

  it('puts the managed profiles first, in policy order, with ids from their names; the user keeps theirs', () => {
    const settings = applyPolicy(withProfiles([own('Mine')]), policy);
    expect(settings.profiles.map((p) => [p.id, p.name, p.managed])).toEqual([
      ['policy:desk', 'Desk', true],
      ['policy:staging', 'Staging', true],
      ['own-Mine', 'Mine', false],
    ]);
    expect(settings.activeProfileId).toBe('own-Mine');
    expect(settings.defaultWorkspace).toBe('admin');
    expect(settings.policy).toEqual({ allowUserProfiles: true, lockManaged: true, defaultWorkspaceLocked: true });
  });

  it('a fresh browser: the first managed profile is the active one, with nothing to set up', () => {
    const settings = applyPolicy(DEFAULT_SETTINGS, policy);
    expect(settings.activeProfileId).toBe('policy:desk');
    expect(settings.profiles[0]!.baseUrl).toBe('https://desk.example.com');
  });

  it('applying twice is applying once, and unchanged settings come back as they were', () => {
    const once = applyPolicy(withProfiles([own('Mine')]), policy);
    expect(applyPolicy(once, policy)).toBe(once);
    const removed = applyPolicy(once, null);
    expect(applyPolicy(removed, null)).toBe(removed);
  });

  it('a changed policy replaces the profiles the earlier one set; a kept name keeps its id (and its session)', () => {
    const before = applyPolicy(DEFAULT_SETTINGS, policy);
    const after = applyPolicy({ ...before, activeProfileId: 'policy:staging' }, valid({ profiles: [{ ...STAGING, serverUrl: 'https://new.example.com' }] }));
    expect(after.profiles.map((p) => [p.id, p.baseUrl])).toEqual([['policy:staging', 'https://new.example.com']]);
    expect(after.activeProfileId).toBe('policy:staging');
    expect(after.policy?.defaultWorkspaceLocked).toBe(false);
  });

  it('a user profile named like a managed one is renamed, never dropped', () => {
    const settings = applyPolicy(withProfiles([own('desk'), own('Desk (2)')]), policy);
    expect(settings.profiles.map((p) => p.name)).toEqual(['Desk', 'Staging', 'desk (3)', 'Desk (2)']);
  });

  it('a removed policy leaves every profile to the user, unlocked', () => {
    const settings = applyPolicy(applyPolicy(withProfiles([own('Mine')]), policy), null);
    expect(settings.profiles.map((p) => [p.name, p.managed])).toEqual([['Desk', false], ['Staging', false], ['Mine', false]]);
    expect(settings.policy).toBeNull();
    // The policy coming back takes its profiles back rather than adding a second "Desk".
    expect(applyPolicy(settings, policy).profiles.map((p) => p.name)).toEqual(['Desk', 'Staging', 'Mine']);
  });
});

describe('startManagedPolicy', () => {
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
  const managed = (value: Record<string, unknown>) => fakeBrowser.storage.managed.set(value);
  const stored = async () => parseSettings(await settingsItem.getValue());

  it('applies the policy at start and again when it changes while running', async () => {
    await managed({ profiles: [DESK] });
    startManagedPolicy(() => 1000);
    await settled();
    expect((await stored()).profiles.map((p) => p.name)).toEqual(['Desk']);
    expect(await policyStateItem.getValue()).toMatchObject({ kind: 'applied', at: 1000 });

    await managed({ profiles: [DESK, STAGING] });
    await settled();
    expect((await stored()).profiles.map((p) => p.name)).toEqual(['Desk', 'Staging']);
  });

  it('fails closed: an invalid policy changes nothing, and says why', async () => {
    await managed({ profiles: [DESK], defaultWorkspace: 'admin' });
    startManagedPolicy();
    await settled();
    const before = await stored();

    await managed({ profiles: [DESK, { name: 'Broken', serverUrl: 'ftp://x' }] });
    await settled();
    expect(await stored()).toEqual(before);
    expect(await policyStateItem.getValue()).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'profiles[1].serverUrl', code: 'not-a-url' }],
    });
  });

  it('a profile the policy no longer names is removed (the worker then ends its session); the others stay', async () => {
    await managed({ profiles: [DESK, STAGING] });
    await applyManagedPolicy(Date.now);
    await managed({ profiles: [DESK] });
    await applyManagedPolicy(Date.now);
    expect((await stored()).profiles.map((p) => p.name)).toEqual(['Desk']);
  });

  it('a policy taken away leaves the profiles to the user', async () => {
    await managed({ profiles: [DESK] });
    startManagedPolicy();
    await settled();
    await fakeBrowser.storage.managed.clear();
    await settled();
    expect((await stored()).profiles.map((p) => [p.name, p.managed])).toEqual([['Desk', false]]);
    expect(await policyStateItem.getValue()).toEqual({ kind: 'none' });
  });

  it('Firefox with no policy for the extension (managed storage throws): no policy, no crash', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await settingsItem.setValue(withProfiles([own('Mine')]));
    await expect(applyManagedPolicy()).resolves.toEqual({ kind: 'none' });
    expect((await stored()).profiles.map((p) => p.name)).toEqual(['Mine']);
  });

  it('unlocked managed profiles the user edited are set again only when the policy changes', async () => {
    await managed({ profiles: [DESK], lockManagedProfiles: false });
    await applyManagedPolicy();
    const applied = await stored();
    await settingsItem.setValue({ ...applied, profiles: [{ ...applied.profiles[0]!, name: 'My desk' }] });
    await applyManagedPolicy(); // a worker start
    expect((await stored()).profiles[0]!.name).toBe('My desk');

    await managed({ profiles: [DESK], lockManagedProfiles: true });
    await applyManagedPolicy();
    expect((await stored()).profiles[0]!.name).toBe('Desk');
  });
});
