import { browser } from 'wxt/browser';

/** The organisation's policy for the extension; Firefox without one throws ("Managed storage manifest not found"): none. */
export async function managedValues(): Promise<unknown> {
  try {
    return await browser.storage.managed.get();
  } catch {
    return undefined;
  }
}

/** Calls back whenever the organisation's policy changes. */
export function onManagedChange(callback: () => void): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') callback();
  });
}
