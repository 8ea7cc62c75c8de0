import { browser } from 'wxt/browser';

/** One of the manifest's commands, as the browser has it now. */
export interface Shortcut {
  name: string;
  description: string;
  /** Empty when the user (or a clash with another extension) left it unset. */
  shortcut: string;
}

// Firefox 137+ has it; the Chrome types do not know it.
type FirefoxCommands = { openShortcutSettings?: () => Promise<void> };
const firefoxCommands = () => browser.commands as unknown as FirefoxCommands;

/** The keyboard shortcuts and the browser's own page for changing them (an extension cannot). */
export const shortcutSettings = {
  async getAll(): Promise<Shortcut[]> {
    const commands = await browser.commands.getAll();
    return commands.map((c) => ({ name: c.name ?? '', description: c.description ?? '', shortcut: c.shortcut ?? '' }));
  },

  /** False in a Firefox without openShortcutSettings: there the user goes through about:addons. */
  canOpen(): boolean {
    return import.meta.env.BROWSER !== 'firefox' || typeof firefoxCommands().openShortcutSettings === 'function';
  },

  async open(): Promise<void> {
    const openInFirefox = firefoxCommands().openShortcutSettings;
    if (import.meta.env.BROWSER === 'firefox' && openInFirefox) return openInFirefox.call(browser.commands);
    // Chromium-based browsers (Edge included) redirect this to their own page.
    await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
  },
};
export type ShortcutSettings = typeof shortcutSettings;
