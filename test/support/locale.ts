import { readFileSync } from 'node:fs';
import type { MessageKey } from '../../lib/browser/i18n';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** `browser.i18n.getMessage` for one locale, read from public/_locales with Chrome's substitution rules. */
export function localeTranslator(locale: 'en' | 'zh_CN') {
  const url = new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(url, 'utf8')) as Messages;
  return (key: MessageKey, substitutions?: string | string[]): string => {
    const entry = messages[key];
    if (!entry) return '';
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) => {
      const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
      return content.replace(/\$(\d)/g, (__, i: string) => subs[Number(i) - 1] ?? '');
    });
  };
}
