import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { doneText, planLines, problemLine } from '../../components/options/import-words';
import { DEFAULT_SETTINGS, parseSettings, type ServerProfile } from '../../lib/settings/settings';
import {
  applyImport,
  changesAnything,
  exportSettings,
  originsToGrant,
  parseImport,
  planImport,
  type ImportFile,
  type ImportProblem,
} from '../../lib/settings/transfer';
import { settingsItem } from '../../lib/storage';
import { profileOf, settingsOf } from '../support/profiles';

const profile = profileOf;

const PRODUCTION = profile('p1', 'Production', 'https://desk.example.com');
const STAGING = profile('p2', 'Staging', 'http://127.0.0.1:9003', { agentUrl: 'http://127.0.0.1:9005', adminUrl: 'http://127.0.0.1:9004' });
const CORPORATE = profile('m1', 'Corporate', 'https://corp.example.com', { managed: true });

const fileOf = (body: Record<string, unknown>) =>
  JSON.stringify({ format: 'bytedesk-launchpad-settings', version: 1, exportedAt: '2025-01-01T00:00:00.000Z', profiles: [], ...body });

function parsed(text: string): ImportFile {
  const result = parseImport(text);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problems)}`);
  return result.file;
}

function problems(text: string): ImportProblem[] {
  const result = parseImport(text);
  if (result.ok) throw new Error('accepted');
  return result.problems;
}

let ids = 0;
const newId = () => `new-${++ids}`;
beforeEach(() => {
  ids = 0;
  fakeBrowser.reset();
});

describe('export', () => {
  it('holds the user\'s profiles and preferences, not the organisation\'s profiles', () => {
    const settings = settingsOf([PRODUCTION, STAGING, CORPORATE], { openIn: 'reuse-tab', defaultWorkspace: 'admin' });
    expect(exportSettings(settings, new Date('2025-03-04T05:06:07Z'))).toEqual({
      format: 'bytedesk-launchpad-settings',
      version: 1,
      exportedAt: '2025-03-04T05:06:07.000Z',
      profiles: [
        { name: 'Production', serverUrl: 'https://desk.example.com' },
        { name: 'Staging', serverUrl: 'http://127.0.0.1:9003', agentUrl: 'http://127.0.0.1:9005', adminUrl: 'http://127.0.0.1:9004' },
      ],
      preferences: { openIn: 'reuse-tab', defaultWorkspace: 'admin' },
    });
  });

  it('holds no token and no password, though both are stored beside the settings', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXRva2Vu.sig-1234';
    const password = 'correct horse battery staple';
    const session = { id: 's1', token, retired: ['old-token-5678'], serverUrl: PRODUCTION.baseUrl, profileId: 'p1', persist: true };
    // What a stored profile could hold by mistake one day must not ride along either.
    const leaky = { ...PRODUCTION, token, password };
    await fakeBrowser.storage.local.set({
      settings: settingsOf([leaky as ServerProfile, STAGING]),
      'session/p1': session,
      'password/p1': { iv: 'abc', data: password },
      session,
      password: { plain: password },
    });
    await fakeBrowser.storage.session.set({ 'session/p2': { ...session, profileId: 'p2' }, 'password/p2': password });

    const json = JSON.stringify(exportSettings(parseSettings(await settingsItem.getValue())));
    expect(json).toContain('Production');
    for (const secret of [token, 'old-token-5678', password]) expect(json).not.toContain(secret);
    expect(json).not.toMatch(/token|password/i);
  });
});

describe('round trip', () => {
  it('export, then import into a fresh browser: the same profiles and preferences, the first one active', () => {
    const source = settingsOf([PRODUCTION, STAGING], { openIn: 'current-tab', defaultWorkspace: 'admin' });
    const file = parsed(JSON.stringify(exportSettings(source)));
    const plan = planImport(DEFAULT_SETTINGS, file);
    expect(plan.add.map((p) => p.name)).toEqual(['Production', 'Staging']);
    const imported = applyImport(DEFAULT_SETTINGS, plan, newId);
    expect(imported).toEqual({
      ...source,
      profiles: [
        { ...PRODUCTION, id: 'new-1' },
        { ...STAGING, id: 'new-2' },
      ],
      activeProfileId: 'new-1',
    });
    expect(parseSettings(imported)).toEqual(imported);
  });

  it('importing the same file again changes nothing', () => {
    const settings = settingsOf([PRODUCTION, STAGING]);
    const plan = planImport(settings, parsed(JSON.stringify(exportSettings(settings))));
    expect(plan).toEqual({ add: [], change: [], unchanged: ['Production', 'Staging'], refused: [], preferences: [] });
    expect(changesAnything(plan)).toBe(false);
    expect(applyImport(settings, plan, newId)).toEqual(settings);
  });

  it('reads addresses the way the server form does: a bare host gets https, a pasted /agent is dropped', () => {
    const file = parsed(fileOf({ profiles: [{ name: ' Lab ', serverUrl: 'Desk.Example.com/', agentUrl: 'http://127.0.0.1:9005/agent', adminUrl: '' }] }));
    expect(file.profiles).toEqual([{ name: 'Lab', baseUrl: 'https://desk.example.com', agentUrl: 'http://127.0.0.1:9005', adminUrl: null }]);
  });
});

describe('problems, one per bad thing', () => {
  it.each([
    ['not JSON', 'profiles: [', 'not-json'],
    ['JSON of something else', '{"profiles":[]}', 'wrong-format'],
    ['a list, not a file', '[1, 2]', 'wrong-format'],
    ['a newer version', fileOf({ version: 2 }), 'wrong-version'],
    ['profiles missing', fileOf({ profiles: undefined }), 'no-profiles'],
    ['far too large', `"${'x'.repeat(1_000_001)}"`, 'too-large'],
  ])('%s: %s', (_, text, code) => {
    expect(problems(text)).toEqual([{ where: {}, code }]);
  });

  it('names the profile (counted from 1) and the field of each problem, with the URL\'s reason', () => {
    const text = fileOf({
      profiles: [
        { name: 'Production', serverUrl: 'https://desk.example.com' },
        { serverUrl: 'https://two.example.com' },
        { name: 'production', serverUrl: 'ftp://desk.example.com' },
        'Staging',
        { name: 'Lab', serverUrl: 'https://lab.example.com?tenant=1', agentUrl: 42, adminUrl: 'https://u:p@lab.example.com' },
        { name: 'Empty', serverUrl: ' ' },
      ],
      preferences: { openIn: 'new-window', defaultWorkspace: 'owner' },
    });
    expect(problems(text)).toEqual([
      { where: { profile: 2, field: 'name' }, code: 'missing-name' },
      { where: { profile: 3, field: 'name' }, code: 'duplicate-name' },
      { where: { profile: 3, field: 'baseUrl' }, code: 'bad-url', reason: 'options_error_scheme' },
      { where: { profile: 4 }, code: 'not-a-profile' },
      { where: { profile: 5, field: 'baseUrl' }, code: 'bad-url', reason: 'options_error_query' },
      { where: { profile: 5, field: 'agentUrl' }, code: 'bad-url', reason: 'options_error_not_url' },
      { where: { profile: 5, field: 'adminUrl' }, code: 'bad-url', reason: 'options_error_credentials' },
      { where: { profile: 6, field: 'baseUrl' }, code: 'bad-url', reason: 'options_error_required' },
      { where: { field: 'openIn' }, code: 'bad-preference' },
      { where: { field: 'defaultWorkspace' }, code: 'bad-preference' },
    ]);
  });

  it('a preference is a value, not a list holding it', () => {
    expect(problems(fileOf({ preferences: { openIn: ['new-tab'], defaultWorkspace: ['agent'] } }))).toEqual([
      { where: { field: 'openIn' }, code: 'bad-preference' },
      { where: { field: 'defaultWorkspace' }, code: 'bad-preference' },
    ]);
  });

  it('preferences that are not a set of values: one problem', () => {
    expect(problems(fileOf({ preferences: 'new-tab' }))).toEqual([{ where: { field: 'preferences' }, code: 'bad-preference' }]);
  });

  it('takes a file without preferences, and ignores fields it does not know (a token included)', () => {
    const file = parsed(fileOf({ profiles: [{ name: 'A', serverUrl: 'https://a.example.com', token: 'x' }], extra: true }));
    expect(file).toEqual({ profiles: [{ name: 'A', baseUrl: 'https://a.example.com', agentUrl: null, adminUrl: null }], preferences: {} });
  });
});

describe('merge by name, with a preview', () => {
  const settings = settingsOf([PRODUCTION, STAGING], { activeProfileId: 'p2' });
  const file = parsed(
    fileOf({
      profiles: [
        { name: 'PRODUCTION', serverUrl: 'https://desk2.example.com', adminUrl: 'https://admin.example.com' },
        { name: 'staging', serverUrl: 'http://127.0.0.1:9003', agentUrl: 'http://127.0.0.1:9005', adminUrl: 'http://127.0.0.1:9004' },
        { name: 'Lab', serverUrl: 'https://lab.example.com' },
      ],
      preferences: { openIn: 'reuse-tab', defaultWorkspace: 'agent' },
    }),
  );
  const plan = planImport(settings, file);

  it('lists what is added, what changes from what to what, and what stays', () => {
    expect(plan.add).toEqual([{ name: 'Lab', baseUrl: 'https://lab.example.com', agentUrl: null, adminUrl: null }]);
    expect(plan.change).toEqual([
      {
        id: 'p1',
        name: 'Production',
        changes: [
          { field: 'name', from: 'Production', to: 'PRODUCTION' },
          { field: 'baseUrl', from: 'https://desk.example.com', to: 'https://desk2.example.com' },
          { field: 'adminUrl', from: null, to: 'https://admin.example.com' },
        ],
        endsSession: true,
        next: { name: 'PRODUCTION', baseUrl: 'https://desk2.example.com', agentUrl: null, adminUrl: 'https://admin.example.com' },
      },
      expect.objectContaining({ id: 'p2', changes: [{ field: 'name', from: 'Staging', to: 'staging' }], endsSession: false }),
    ]);
    expect(plan.unchanged).toEqual([]);
    expect(plan.preferences).toEqual([{ field: 'openIn', from: 'new-tab', to: 'reuse-tab' }]);
  });

  it('an imported change of only an app address ends that profile\'s session: its token never reaches the new origin', () => {
    const appOnly = planImport(
      { ...DEFAULT_SETTINGS, profiles: [{ id: 'p', name: 'Desk', baseUrl: 'https://desk.example.com', agentUrl: null, adminUrl: null, managed: false }] },
      { profiles: [{ name: 'Desk', baseUrl: 'https://desk.example.com', agentUrl: 'https://attacker.example.net', adminUrl: null }], preferences: {} },
    );
    expect(appOnly.change).toEqual([expect.objectContaining({ id: 'p', endsSession: true })]);
  });

  it('keeps the ids of changed profiles (their recent pages stay; sessions stay only where no origin changed) and the active profile', () => {
    const after = applyImport(settings, plan, newId);
    expect(after.profiles.map((p) => [p.id, p.name, p.baseUrl])).toEqual([
      ['p1', 'PRODUCTION', 'https://desk2.example.com'],
      ['p2', 'staging', 'http://127.0.0.1:9003'],
      ['new-1', 'Lab', 'https://lab.example.com'],
    ]);
    expect(after.activeProfileId).toBe('p2');
    expect(after.openIn).toBe('reuse-tab');
  });

  it('asks host permission for the servers of added and changed profiles', () => {
    expect(originsToGrant(plan).sort()).toEqual(
      ['https://desk2.example.com/*', 'https://admin.example.com/*', 'http://127.0.0.1:9003/*', 'http://127.0.0.1:9005/*', 'http://127.0.0.1:9004/*', 'https://lab.example.com/*'].sort(),
    );
  });
});

describe('what the organisation set is not changed', () => {
  const file = parsed(
    fileOf({
      profiles: [
        { name: 'corporate', serverUrl: 'https://elsewhere.example.com' },
        { name: 'Production', serverUrl: 'https://desk.example.com' },
        { name: 'Lab', serverUrl: 'https://lab.example.com' },
      ],
      preferences: { defaultWorkspace: 'admin' },
    }),
  );
  const locked = { allowUserProfiles: false, lockManaged: true, defaultWorkspaceLocked: true };

  it('refuses a locked managed profile, a new profile when only the organisation\'s are allowed, and a locked default workspace', () => {
    const settings = settingsOf([CORPORATE, PRODUCTION], { policy: locked });
    const plan = planImport(settings, file);
    expect(plan.refused).toEqual([
      { what: 'managed-profile', name: 'Corporate' },
      { what: 'new-profile', name: 'Lab' },
      { what: 'default-workspace' },
    ]);
    expect(plan.unchanged).toEqual(['Production']);
    expect(changesAnything(plan)).toBe(false);
    expect(applyImport(settings, plan, newId)).toEqual(settings);
  });

  it('changes a managed profile that is not locked, keeping it managed, when the policy allows', () => {
    const settings = settingsOf([CORPORATE], { policy: { allowUserProfiles: true, lockManaged: false, defaultWorkspaceLocked: false } });
    const after = applyImport(settings, planImport(settings, file), newId);
    expect(after.profiles).toEqual([
      { ...CORPORATE, name: 'corporate', baseUrl: 'https://elsewhere.example.com' },
      { ...PRODUCTION, id: 'new-1' },
      profile('new-2', 'Lab', 'https://lab.example.com'),
    ]);
    expect(after.defaultWorkspace).toBe('admin');
  });
});

describe('in words, as the options page shows them', () => {
  it('the preview: one line per profile added, changed, unchanged or left as the organisation set it', () => {
    const settings = settingsOf([PRODUCTION, STAGING, CORPORATE], { policy: { allowUserProfiles: true, lockManaged: true, defaultWorkspaceLocked: true } });
    const file = parsed(
      fileOf({
        profiles: [
          { name: 'Lab', serverUrl: 'https://lab.example.com' },
          { name: 'Production', serverUrl: 'https://desk2.example.com', agentUrl: 'https://agent.example.com' },
          { name: 'Staging', serverUrl: STAGING.baseUrl, agentUrl: STAGING.agentUrl, adminUrl: STAGING.adminUrl },
          { name: 'Corporate', serverUrl: 'https://elsewhere.example.com' },
        ],
        preferences: { openIn: 'reuse-tab', defaultWorkspace: 'admin' },
      }),
    );
    expect(planLines(planImport(settings, file))).toEqual([
      'Add: Lab (https://lab.example.com)',
      'Change: Production — server https://desk.example.com → https://desk2.example.com; agent app none → https://agent.example.com (you will sign in to it again)',
      'Change: Open pages in — A new tab → An open tab of that workspace (a new tab if there is none)',
      'Unchanged: Staging',
      'Not changed: Corporate — set by your organisation',
      'Not changed: Default workspace — set by your organisation',
    ]);
  });

  it('each problem names the profile and what to fix', () => {
    const text = fileOf({
      profiles: [{ serverUrl: 'https://a.example.com' }, { name: 'B', serverUrl: 'ftp://b.example.com' }],
      preferences: { openIn: 'window' },
    });
    expect(problems(text).map((p) => problemLine(p))).toEqual([
      'Profile 1: the name is missing.',
      'Profile 2, server: Use an address that starts with https:// or http://.',
      'Open pages in: not a value this extension knows.',
    ]);
    expect(problems('{').map((p) => problemLine(p))).toEqual(['It is not a JSON file.']);
  });

  it.each([
    [1, 1, 0, 'Imported: 1 profile added, 1 changed.'],
    [2, 0, 1, 'Imported: 2 profiles added, 0 changed. Preferences updated.'],
    [0, 0, 1, 'Preferences updated.'],
  ])('after: %i added, %i changed, %i preferences', (added, changed, preferences, text) => {
    const plan = planImport(DEFAULT_SETTINGS, { profiles: [], preferences: {} });
    plan.add = Array.from({ length: added }, (_, i) => ({ name: `P${i}`, baseUrl: 'https://p.example.com', agentUrl: null, adminUrl: null }));
    plan.change = Array.from({ length: changed }, (_, i) => ({ id: `c${i}`, name: `C${i}`, changes: [], endsSession: false, next: plan.add[0]! }));
    plan.preferences = Array.from({ length: preferences }, () => ({ field: 'openIn' as const, from: 'new-tab' as const, to: 'reuse-tab' as const }));
    expect(doneText(plan)).toBe(text);
  });
});
