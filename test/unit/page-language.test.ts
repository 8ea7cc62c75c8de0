import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { setPageLanguage } from '../../lib/browser/i18n';
import { localeTranslator } from '../support/locale';

describe('setPageLanguage', () => {
  it.each([
    ['en', 'en'],
    ['zh_CN', 'zh-CN'],
  ] as const)('a page shown from the %s catalogue says lang="%s"', (locale, lang) => {
    const page = { documentElement: { lang: '' } } as Pick<Document, 'documentElement'>;
    setPageLanguage(page, localeTranslator(locale));
    expect(page.documentElement.lang).toBe(lang);
  });

  it('follows the messages, not the browser: a German browser gets English messages, so "en"', () => {
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'de' }); // the messages stay English
    const page = { documentElement: { lang: '' } } as Pick<Document, 'documentElement'>;
    setPageLanguage(page);
    expect(page.documentElement.lang).toBe('en');
  });
});
