import { browser } from 'wxt/browser';

/** A moment in the browser's language and the user's time zone: "Jun 3, 2027, 2:32 PM", "2027年6月3日 14:32". */
export function localTime(ms: number, style: Intl.DateTimeFormatOptions): string {
  return new Date(ms).toLocaleString(browser.i18n.getUILanguage(), style);
}
