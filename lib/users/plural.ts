/**
 * The plural form a count takes in a language: chrome.i18n has no plurals, so a message that
 * needs one comes in two keys (`…_one`, and the plain key for every other count). English says
 * "1 user" but "0 users"; Chinese has one form for all ("1 个用户", "3 个用户").
 */
export function pluralForm(count: number, locale: string): 'one' | 'other' {
  try {
    return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
  } catch {
    return count === 1 ? 'one' : 'other'; // a language tag Intl does not know
  }
}
