// The options page (options.html in a tab), driven by its labels.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness.ts';
import { en, type Translate } from './messages.ts';

export class OptionsPage {
  readonly page: Page;
  readonly t: Translate;

  constructor(page: Page, t: Translate = en()) {
    this.page = page;
    this.t = t;
  }

  static async open(ext: ExtensionHarness, { t = en() }: { t?: Translate } = {}): Promise<OptionsPage> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/options.html`);
    const options = new OptionsPage(page, t);
    // The server form appears once the stored settings are read.
    await options.serverUrl.waitFor({ timeout: 10_000 });
    return options;
  }

  get serverUrl(): Locator {
    return this.page.getByRole('textbox', { name: this.t('options_server_url_label'), exact: true });
  }
  get saveButton(): Locator {
    return this.page.getByRole('button', { name: this.t('options_save'), exact: true });
  }
  get testButton(): Locator {
    return this.page.getByRole('button', { name: this.t('options_test_button'), exact: true });
  }
  /** The server form's live region (the first status on the page). */
  get serverStatus(): Locator {
    return this.page.getByRole('status').first();
  }

  /** Types the server URL and clicks Save; resolves once the page says it saved. */
  async setServer(url: string): Promise<void> {
    await this.serverUrl.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(url);
    await this.saveButton.click();
    const saved = this.t('options_saved_server', new URL(url).host);
    await expect.poll(() => this.serverStatus.textContent(), { timeout: 10_000 }).toContain(saved);
  }
}
