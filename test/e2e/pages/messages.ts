// The UI strings of the built extension, per locale, resolved the way chrome.i18n.getMessage
// does: tests find controls by role and accessible name in the language under test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageKey } from '../../../lib/browser/i18n';
import type { Workspace } from '../../../lib/settings/workspace';
import { pageLabel, pageLanguageOf, TOP_PAGES } from '../../../lib/workspace/paths';
import { extensionDir } from '../harness.ts';

/** A `_locales` folder of the extension. */
export type LocaleDir = 'en' | 'zh_CN';

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

const cache = new Map<LocaleDir, Translate>();

/** `t(key, ...substitutions)` for one locale of the built extension (no fallback: a missing key throws). */
export function messages(locale: LocaleDir): Translate {
  const cached = cache.get(locale);
  if (cached) return cached;
  const translate = translatorFor(join(extensionDir(), '_locales', locale, 'messages.json'));
  cache.set(locale, translate);
  return translate;
}

/** `t(key, ...substitutions)` for one messages.json file (the Firefox e2e build's, say). */
export function translatorFor(file: string): Translate {
  const table = JSON.parse(readFileSync(file, 'utf8')) as Record<string, MessageEntry>;
  return (key, ...substitutions) => {
    const entry = table[key];
    if (!entry) throw new Error(`No message "${key}" in ${file}`);
    const numbered = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
    const placeholders = Object.fromEntries(
      Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), numbered(content)]),
    );
    return entry.message
      .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders[name.toLowerCase()] ?? whole)
      .replace(/\$\$/g, '$');
  };
}

/** Every message key of one locale of the built extension. */
export function messageKeys(locale: LocaleDir): MessageKey[] {
  const file = join(extensionDir(), '_locales', locale, 'messages.json');
  return Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) as MessageKey[];
}

export const en = (): Translate => messages('en');
export const zhCN = (): Translate => messages('zh_CN');

/** A top page's name as the popup lists it in the language of `t` ("Tickets", "工单"). */
export function pageName(t: Translate, workspace: Workspace, path: string): string {
  const page = TOP_PAGES[workspace].find((p) => p.path === path);
  if (!page) throw new Error(`No top page ${workspace}/${path}`);
  return pageLabel(page, pageLanguageOf(t('page_language')));
}
