// The Firefox build (.output/firefox-mv2-e2e) in Debian's headless Firefox ESR, driven by
// puppeteer-core over WebDriver BiDi. Puppeteer gives each launch a fresh profile and removes it.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** Where `npm run build:e2e:firefox` (`wxt build -b firefox --mode e2e`) writes the extension. */
export const EXTENSION_DIR = join(PROJECT_ROOT, '.output', 'firefox-mv2-e2e');

const FIREFOX = '/usr/bin/firefox-esr';

/** Firefox gives each install a random moz-extension:// host; a pref pins ours to this one. */
const EXTENSION_UUID = '3f6c1e0a-5b7d-4c2e-9a8f-1d2b3c4e5f60';

export function firefoxExecutable(): string {
  const path = process.env.FIREFOX_PATH ?? FIREFOX;
  if (!existsSync(path)) {
    throw new Error(
      `Firefox ESR not found at ${path}. ` +
        'Install it: apt-get update && apt-get install -y --no-install-recommends firefox-esr',
    );
  }
  return path;
}

/** The built extension's folder and its gecko id; fails with what to do when it is not built. */
function builtExtension(): { dir: string; id: string } {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(`No Firefox e2e build at ${EXTENSION_DIR}. Run \`npm run build:e2e:firefox\` first.`);
  }
  const { browser_specific_settings } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  return { dir: EXTENSION_DIR, id: browser_specific_settings.gecko.id };
}

export interface FirefoxHarness {
  browser: Browser;
  /** Opens an extension page (e.g. 'popup.html') in a new tab, once its app has rendered. */
  extensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxHarness> {
  const extension = builtExtension();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: firefoxExecutable(),
    headless: true,
    // Firefox 153 lets WebDriver navigate to moz-extension:// pages only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [extension.id]: EXTENSION_UUID }) },
    timeout: 30_000,
  });
  try {
    // A temporary add-on, as about:debugging's "Load Temporary Add-on…" installs it.
    await browser.installExtension(extension.dir);
  } catch (error) {
    await browser.close();
    throw error;
  }

  async function extensionPage(path: string): Promise<Page> {
    const page = await browser.newPage();
    // Firefox sends no load events for extension pages over BiDi (Mozilla bug 1755014), so
    // goto() never resolves: start the navigation and wait for the page's own first render.
    page.goto(`moz-extension://${EXTENSION_UUID}/${path}`).catch(() => {});
    await page.locator('#root > *').setTimeout(10_000).wait();
    return page;
  }

  return { browser, extensionPage, close: () => browser.close() };
}
