import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorMessage, signInErrorMessage } from '../../lib/error-message';
import { LaunchpadError, type ErrorKind } from '../../lib/server/errors';
import { localeTranslator } from '../support/locale';

const KINDS = readFileSync(new URL('../../lib/server/errors.ts', import.meta.url), 'utf8')
  .match(/export type ErrorKind =([^;]+);/)![1]!
  .match(/'([a-z-]+)'/g)!
  .map((k) => k.slice(1, -1) as ErrorKind);
const catalogue = JSON.parse(
  readFileSync(new URL('../../public/_locales/en/messages.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('errorMessage', () => {
  it('has a message for every kind, and a kind for every error message', () => {
    const keys = Object.keys(catalogue).filter((key) => key.startsWith('error_'));
    const ofKinds = KINDS.map((kind) => `error_${kind.replace(/-/g, '_')}`);
    expect(ofKinds.filter((key) => !keys.includes(key))).toEqual([]);
    expect(keys.filter((key) => !ofKinds.includes(key)).sort()).toEqual([
      'error_unexpected',
      'error_unreachable_signed_out',
      'error_wrong_credentials_last_try',
      'error_wrong_credentials_tries',
    ]);
  });

  it.each(['en', 'zh_CN'] as const)('tells every kind apart in %s: no two kinds show the same words, none the general ones', (locale) => {
    const translate = localeTranslator(locale);
    const texts = KINDS.map((kind) => errorMessage(new LaunchpadError(kind), translate));
    const shared = texts.filter((text, i) => texts.indexOf(text) !== i);
    expect(shared).toEqual([]);
    expect(texts).not.toContain(translate('error_unexpected'));
  });

  it.each(KINDS.flatMap((kind) => [[kind, 'en'], [kind, 'zh_CN']] as const))('%s has words in %s', (kind, locale) => {
    const text = errorMessage(new LaunchpadError(kind), localeTranslator(locale));
    expect(text).not.toMatch(/^error_/);
    expect(text.length).toBeGreaterThan(3);
  });

  it.each([
    ['en', 'Wrong password: 2 tries left before the account is locked for 10 minutes.'],
    ['zh_CN', '密码错误：还可尝试 2 次，之后账户将被锁定 10 分钟。'],
  ] as const)('says how many tries are left (%s)', (locale, expected) => {
    const error = new LaunchpadError('wrong-credentials', { triesLeft: 2 });
    expect(errorMessage(error, localeTranslator(locale))).toBe(expected);
  });

  it.each([
    ['en', 'Wrong password: 1 try left before the account is locked for 10 minutes.'],
    ['zh_CN', '密码错误：还可尝试 1 次，之后账户将被锁定 10 分钟。'],
  ] as const)('says "1 try", not "1 tries" (%s)', (locale, expected) => {
    const error = new LaunchpadError('wrong-credentials', { triesLeft: 1 });
    expect(errorMessage(error, localeTranslator(locale))).toBe(expected);
  });

  it.each([
    ['en', 'Cannot reach desk.example.com. Check the address or your connection.'],
    ['zh_CN', '无法连接 desk.example.com。请检查地址或网络连接。'],
  ] as const)('the signed-out form names the server it cannot reach and never says "you stay signed in" (%s)', (locale, expected) => {
    const translate = localeTranslator(locale);
    const text = signInErrorMessage(new LaunchpadError('unreachable'), 'desk.example.com', translate);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/signed in|保持登录/);
    expect(signInErrorMessage(new LaunchpadError('account-locked'), 'desk.example.com', translate)).toBe(
      errorMessage(new LaunchpadError('account-locked'), translate),
    );
  });

  it('reads the kind of an error that crossed messaging as a plain object', () => {
    const crossed = Object.assign(new Error('account-locked'), { kind: 'account-locked' });
    expect(errorMessage(crossed, localeTranslator('en'))).toMatch(/locked for 10 minutes/);
  });

  it('has a general message for anything else', () => {
    expect(errorMessage(new Error('oops'), localeTranslator('zh_CN'))).toBe('出了点问题，请重试。');
  });
});
