import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const read = (locale: string): Messages =>
  JSON.parse(readFileSync(new URL(`../../public/_locales/${locale}/messages.json`, import.meta.url), 'utf8'));
const en = read('en');
const zh = read('zh_CN');

describe('the two languages', () => {
  it('have the same messages', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(Object.keys(en))('%s: the same placeholders, each used in both languages', (key) => {
    const names = Object.keys(en[key]!.placeholders ?? {}).sort();
    expect(Object.keys(zh[key]!.placeholders ?? {}).sort()).toEqual(names);
    for (const [locale, messages] of [['en', en], ['zh_CN', zh]] as const) {
      const used = [...messages[key]!.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
      expect([...new Set(used)].sort(), `${locale} ${key}`).toEqual(names);
    }
  });
});
