import { describe, expect, it } from 'vitest';
import { normalizeServerUrl, originPattern } from '../../lib/settings/server-url';
import { addProfile, changeProfile } from '../../lib/settings/profiles';
import { DEFAULT_SETTINGS, activeProfile, parseSettings } from '../../lib/settings/settings';

describe('normalizeServerUrl', () => {
  it.each([
    ['https://desk.example.com', 'https://desk.example.com'],
    ['https://desk.example.com/', 'https://desk.example.com'],
    ['  HTTPS://Desk.Example.COM//  ', 'https://desk.example.com'],
    ['desk.example.com', 'https://desk.example.com'],
    ['desk.example.com:8443/bytedesk/', 'https://desk.example.com:8443/bytedesk'],
    ['127.0.0.1:9003', 'http://127.0.0.1:9003'],
    ['localhost:9003', 'http://localhost:9003'],
    ['http://127.0.0.1:9003', 'http://127.0.0.1:9003'],
    ['https://desk.example.com:443', 'https://desk.example.com'],
    ['http://[::1]:9003', 'http://[::1]:9003'],
    ['http://客服.example', 'http://xn--ubtq9x.example'],
  ])('%j -> %j', (input, expected) => {
    expect(normalizeServerUrl(input)).toBe(expected);
  });

  it.each([
    ['agent', 'http://127.0.0.1:9005/agent/', 'http://127.0.0.1:9005'],
    ['admin', 'http://127.0.0.1:9004/admin', 'http://127.0.0.1:9004'],
    ['agent', 'http://127.0.0.1:9005', 'http://127.0.0.1:9005'],
  ] as const)('strips a pasted /%s app path', (app, input, expected) => {
    expect(normalizeServerUrl(input, app)).toBe(expected);
  });

  it.each([
    ['empty', '   '],
    ['another scheme', 'ftp://desk.example.com'],
    ['javascript', 'javascript:alert(1)'],
    ['credentials', 'https://admin:admin@desk.example.com'],
    ['a user name', 'https://admin@desk.example.com'],
    ['a query', 'https://desk.example.com/?x=1'],
    ['a fragment', 'https://desk.example.com/#/login'],
    ['not a URL', 'http://exa mple.com'],
  ])('refuses %s', (_, input) => {
    expect(() => normalizeServerUrl(input)).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
  });

  it('asks permission for the origin only', () => {
    expect(originPattern('https://desk.example.com:8443/bytedesk')).toBe('https://desk.example.com:8443/*');
  });

  it('leaves the port out for Firefox, whose match patterns take none', () => {
    expect(originPattern('https://desk.example.com:8443/bytedesk', { withPort: false })).toBe('https://desk.example.com/*');
    expect(originPattern('http://[::1]:9003', { withPort: false })).toBe('http://[::1]/*');
  });
});

describe('settings', () => {
  it.each([
    ['nothing stored', undefined],
    ['an unknown shape', { server: 'https://old.example' }],
    ['a bad open-in value', { ...DEFAULT_SETTINGS, openIn: 'popup-window' }],
    ['a bad default workspace', { ...DEFAULT_SETTINGS, defaultWorkspace: 'visitor' }],
    ['a list that is no list', { ...DEFAULT_SETTINGS, profiles: {} }],
    ['a profile without a server', { ...DEFAULT_SETTINGS, profiles: [{ id: 'a', baseUrl: '', agentUrl: null, adminUrl: null }] }],
    ['a profile with an app URL of the wrong type', { ...DEFAULT_SETTINGS, profiles: [{ id: 'a', baseUrl: 'https://a.example', agentUrl: 9005, adminUrl: null }] }],
    ['an active profile id that is no string', { ...DEFAULT_SETTINGS, activeProfileId: 7 }],
    ['an array', []],
    ['null', null],
  ])('falls back to the defaults for %s', (_, raw) => {
    expect(parseSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps valid settings, without fields it does not know', () => {
    const profile = { id: 'a', name: 'A', baseUrl: 'https://a.example', agentUrl: 'http://127.0.0.1:9005', adminUrl: null, managed: false };
    const stored = { ...DEFAULT_SETTINGS, profiles: [{ ...profile, extra: 1 }], activeProfileId: 'a', openIn: 'reuse-tab', legacy: true };
    expect(parseSettings(stored)).toEqual({ ...DEFAULT_SETTINGS, profiles: [profile], activeProfileId: 'a', openIn: 'reuse-tab' });
  });

  it('calls a profile stored before names existed after its server, and takes it as not managed', () => {
    const stored = { ...DEFAULT_SETTINGS, profiles: [{ id: 'a', baseUrl: 'https://a.example:8443', agentUrl: null, adminUrl: null }], activeProfileId: 'a' };
    expect(parseSettings(stored).profiles).toEqual([
      { id: 'a', name: 'a.example:8443', baseUrl: 'https://a.example:8443', agentUrl: null, adminUrl: null, managed: false },
    ]);
  });

  it('adds a first profile and makes it active', () => {
    const settings = addProfile(DEFAULT_SETTINGS, { baseUrl: 'https://a.example', agentUrl: null, adminUrl: null }, 'id1');
    expect(activeProfile(settings)).toEqual({ id: 'id1', name: 'a.example', baseUrl: 'https://a.example', agentUrl: null, adminUrl: null, managed: false });
  });

  it('edits a profile in place, keeping its id, its name and the others', () => {
    const other = { id: 'other', name: 'B', baseUrl: 'https://b.example', agentUrl: null, adminUrl: null, managed: false };
    const start = {
      ...DEFAULT_SETTINGS,
      profiles: [other, { id: 'id1', name: 'A', baseUrl: 'https://a.example', agentUrl: null, adminUrl: null, managed: false }],
      activeProfileId: 'id1',
    };
    const edited = changeProfile(start, 'id1', { baseUrl: 'https://c.example', agentUrl: 'https://c.example:9005', adminUrl: null });
    expect(edited.profiles).toEqual([
      other,
      { id: 'id1', name: 'A', baseUrl: 'https://c.example', agentUrl: 'https://c.example:9005', adminUrl: null, managed: false },
    ]);
    expect(edited.activeProfileId).toBe('id1');
  });
});
