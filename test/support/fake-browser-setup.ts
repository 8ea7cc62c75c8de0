import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localeTranslator } from './locale';

// WxtVitest registers this setup at the root only; vitest projects do not inherit it.
vi.stubGlobal('chrome', fakeBrowser);
vi.stubGlobal('browser', fakeBrowser);

// The fake browser has no i18n: English from public/_locales, as a browser in English would.
beforeEach(() => {
  Object.assign(fakeBrowser, { i18n: { getMessage: localeTranslator('en'), getUILanguage: () => 'en' } });
});
