import { describe, expect, it } from 'vitest';
import { LaunchpadError } from '../../lib/server/errors';
import {
  connectionOutcome,
  isInsecure,
  readServerForm,
  serverFormValues,
  serverOrigins,
} from '../../lib/settings/server-form';
import { isSessionFor } from '../../lib/token/session';
import { DEV_PROFILE, PROFILE } from '../support/profiles';
import { localeTranslator } from '../support/locale';

const en = localeTranslator('en');
const zh = localeTranslator('zh_CN');
const form = (baseUrl: string, agentUrl = '', adminUrl = '') => ({ baseUrl, agentUrl, adminUrl });

describe('readServerForm', () => {
  it.each([
    [form('desk.example.com'), { baseUrl: 'https://desk.example.com', agentUrl: null, adminUrl: null }, ['https://desk.example.com/*']],
    [form(' https://Desk.Example.com/bytedesk/ '), { baseUrl: 'https://desk.example.com/bytedesk', agentUrl: null, adminUrl: null }, ['https://desk.example.com/*']],
    [
      form('127.0.0.1:9003', 'http://127.0.0.1:9005/agent/', 'http://127.0.0.1:9004/admin'),
      { baseUrl: 'http://127.0.0.1:9003', agentUrl: 'http://127.0.0.1:9005', adminUrl: 'http://127.0.0.1:9004' },
      ['http://127.0.0.1:9003/*', 'http://127.0.0.1:9005/*', 'http://127.0.0.1:9004/*'],
    ],
    [
      form('https://desk.example.com', 'https://desk.example.com/agent', '  '),
      { baseUrl: 'https://desk.example.com', agentUrl: 'https://desk.example.com', adminUrl: null },
      ['https://desk.example.com/*'],
    ],
  ])('%j -> %j, asking for %j', (values, server, origins) => {
    expect(readServerForm(values, en)).toEqual({ ok: true, server, origins });
  });

  it.each([
    [form(''), { baseUrl: 'Enter the server URL.' }],
    [form('   ', 'http://127.0.0.1:9005'), { baseUrl: 'Enter the server URL.' }],
    [form('ftp://desk.example.com'), { baseUrl: 'Use an address that starts with https:// or http://.' }],
    [form('https://admin:admin@desk.example.com'), { baseUrl: 'Leave out the user name and password: you sign in from the toolbar button.' }],
    [form('https://desk.example.com/#/login'), { baseUrl: 'Leave out everything from ? or # onwards.' }],
    [form('http://exa mple.com'), { baseUrl: 'This is not a web address.' }],
    [form('https://desk.example.com', 'file:///etc/passwd'), { agentUrl: 'Use an address that starts with https:// or http://.' }],
    [form('https://desk.example.com', '', 'javascript:alert(1)'), { adminUrl: 'This is not a web address.' }],
    [
      form('', 'https://desk.example.com?x=1', 'http://[nope'),
      { baseUrl: 'Enter the server URL.', agentUrl: 'Leave out everything from ? or # onwards.', adminUrl: 'This is not a web address.' },
    ],
  ])('%j is refused with words for each bad field', (values, errors) => {
    expect(readServerForm(values, en)).toEqual({ ok: false, errors });
  });

  it('says it in Chinese too', () => {
    expect(readServerForm(form(''), zh)).toEqual({ ok: false, errors: { baseUrl: '请输入服务器地址。' } });
  });
});

describe('the rest of the form', () => {
  it.each([
    [null, form('')],
    [PROFILE, form('https://desk.example.com')],
    [DEV_PROFILE, form('http://127.0.0.1:9003', 'http://127.0.0.1:9005', 'http://127.0.0.1:9004')],
  ])('fills the fields from %j', (profile, values) => {
    expect(serverFormValues(profile)).toEqual(values);
  });

  it('never asks for more than the three origins, each once', () => {
    const server = { baseUrl: 'https://desk.example.com/bytedesk', agentUrl: 'https://desk.example.com:8443', adminUrl: 'https://desk.example.com' };
    expect(serverOrigins(server)).toEqual(['https://desk.example.com/*', 'https://desk.example.com:8443/*']);
  });

  it.each([
    ['https://desk.example.com', false],
    ['http://desk.example.com', true],
    ['http://192.168.1.20:9003', true],
    ['http://127.0.0.1:9003', false],
    ['http://localhost:9005', false],
    ['http://[::1]:9003', false],
  ])('Plain http to another computer is warned about: %s is insecure: %s', (url, insecure) => {
    expect(isInsecure(url)).toBe(insecure);
  });

  const desk = { baseUrl: 'https://desk.example.com', agentUrl: null, adminUrl: null };
  const origins = ['https://desk.example.com'];
  it.each([
    ['no session', null, desk, false],
    ['a session on this server', { serverUrl: desk.baseUrl, origins }, desk, true],
    ['a session on the old server', { serverUrl: 'https://old.example.com', origins: ['https://old.example.com'] }, desk, false],
    ['a session under another path', { serverUrl: desk.baseUrl, origins }, { ...desk, baseUrl: 'https://desk.example.com/bytedesk' }, false],
    ['a session begun before an agent app address was set', { serverUrl: desk.baseUrl, origins }, { ...desk, agentUrl: 'https://agent.example.com' }, false],
    ['a session begun before the admin app address changed', { serverUrl: desk.baseUrl, origins: [...origins, 'https://admin.example.com'] }, { ...desk, adminUrl: 'https://evil.example.com' }, false],
    ['a session whose app address moved within its origin', { serverUrl: desk.baseUrl, origins }, { ...desk, adminUrl: 'https://desk.example.com/other' }, true],
    ['a session stored before sessions recorded origins', { serverUrl: desk.baseUrl }, desk, true],
  ])('A token goes only to the origins its session began on: with %s, the session is the profile\'s: %s', (_, session, profile, expected) => {
    expect(isSessionFor(session, profile)).toBe(expected);
  });
});

describe('connectionOutcome', () => {
  const host = 'desk.example.com';
  it.each([
    [null, 'ok', 'Connected: desk.example.com is a Bytedesk server.'],
    [new LaunchpadError('unreachable'), 'unreachable', 'Cannot reach desk.example.com. Check the address, that the server is running, and your network.'],
    [new LaunchpadError('timeout'), 'unreachable', 'desk.example.com did not answer in time. Check the address and your network, then try again.'],
    [new LaunchpadError('not-bytedesk', { status: 404 }), 'not-bytedesk', 'desk.example.com answers, but not as a Bytedesk server. Check the address, including the path if Bytedesk runs under one.'],
    [
      new LaunchpadError('server-error', { status: 502 }),
      'not-bytedesk',
      'desk.example.com answers, but not as a Bytedesk server. Check the address, including the path if Bytedesk runs under one. The server had an internal error. Try again in a moment.',
    ],
  ])('%s -> %s', (error, result, text) => {
    expect(connectionOutcome(error, host, en)).toEqual({ result, text });
  });

  it('tells the three outcomes apart in Chinese', () => {
    const texts = [null, new LaunchpadError('unreachable'), new LaunchpadError('not-bytedesk')].map(
      (error) => connectionOutcome(error, host, zh).text,
    );
    expect(texts).toEqual([
      '连接成功：desk.example.com 是微语服务器。',
      '无法连接 desk.example.com。请检查地址是否正确、服务器是否在运行，以及网络是否正常。',
      'desk.example.com 有响应，但不是微语服务器。请检查地址；如果微语部署在某个路径下，请一并填写该路径。',
    ]);
  });
});
