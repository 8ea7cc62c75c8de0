// Accessibility checks for the e2e tests: axe-core's serious and critical findings, where Tab
// goes, horizontal overflow, and screenshots into test-results/screenshots/.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(fileURLToPath(new URL('../../test-results/screenshots', import.meta.url)));

/** A readable summary of axe's serious and critical violations (empty when there are none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export interface TabStop {
  key: string;
  label: string;
}

/**
 * The controls a keyboard user should be able to Tab to, in DOM order: enabled buttons, inputs,
 * selects, text areas, links and tabindex >= 0, one per radio group (its checked radio). Each
 * is tagged with `data-tab-key` so `tabThrough` can tell them apart.
 */
export async function expectedTabStops(page: Page): Promise<TabStop[]> {
  return page.evaluate(() => {
    const selector = 'button, input, select, textarea, a[href], [tabindex]';
    const stops: { key: string; label: string }[] = [];
    const groups = new Set<string>();
    const all = [...document.querySelectorAll<HTMLElement>(selector)];
    all.forEach((el, i) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return;
      const style = getComputedStyle(el);
      if (style.display === 'none' || style.visibility === 'hidden' || el.closest('[hidden], [inert]')) return;
      if (el instanceof HTMLInputElement && el.type === 'hidden') return;
      if (el instanceof HTMLInputElement && el.type === 'radio' && el.name) {
        const checked = all.find((o) => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name && o.checked);
        if (groups.has(el.name) || (checked && checked !== el)) return;
        groups.add(el.name);
      }
      el.setAttribute('data-tab-key', String(i));
      const label =
        el.getAttribute('aria-label') ||
        (el.id && document.querySelector(`label[for="${el.id}"]`)?.textContent) ||
        el.closest('label')?.textContent ||
        el.textContent ||
        el.tagName;
      stops.push({ key: String(i), label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${label.trim().slice(0, 40)}"` });
    });
    return stops;
  });
}

/** Presses Tab until the focus comes back round (or `max` presses); the tagged controls reached, in order. */
export async function tabThrough(page: Page, max = 30): Promise<string[]> {
  const reached: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const key = await page.evaluate(() => document.activeElement?.getAttribute('data-tab-key') ?? null);
    if (key === null) continue; // the browser's own UI, or body, between rounds
    if (reached[0] === key) break;
    reached.push(key);
  }
  return reached;
}

/** What has the keyboard focus, e.g. `input#path-filter`. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}` : 'none';
  });
}

/** Content wider than the page (a horizontal scrollbar in the 360 px popup). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A full-page screenshot as test-results/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}

/**
 * Every visible text of the page and its placeholders and ARIA labels, one entry per text node
 * or attribute, trimmed: for spotting strings left in another language.
 */
export async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      if (text) texts.push(text);
    }
    for (const el of document.querySelectorAll('[placeholder], [aria-label], [title]')) {
      for (const name of ['placeholder', 'aria-label', 'title']) {
        const value = el.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
    }
    texts.push(document.title);
    return texts;
  });
}
