import { browser } from 'wxt/browser';

/** Keyboard shortcuts (manifest `commands`); wrapped because the fake browser has no `commands`. */
export function onShortcut(listener: (command: string) => void): void {
  browser.commands.onCommand.addListener((command) => listener(command));
}
