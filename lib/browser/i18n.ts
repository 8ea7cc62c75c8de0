import { browser } from 'wxt/browser';

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** A string in the browser's language, from `public/_locales` (English when it has none). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/**
 * Sets a page's `lang` to the language of the messages it shows, which the catalogue names
 * itself: a browser in German gets the English catalogue, so `en`, not the browser's `de`.
 */
export function setPageLanguage(page: Pick<Document, 'documentElement'>, translate: typeof t = t): void {
  page.documentElement.lang = translate('page_language');
}
