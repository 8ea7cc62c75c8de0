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
  /** "Advanced": the disclosure of the development app servers (a <summary>, clicked or Enter). */
  get advanced(): Locator {
    return this.page.locator('summary', { hasText: this.t('options_advanced') });
  }
  /** Whether "Advanced" is open. */
  advancedOpen(): Promise<boolean> {
    return this.page.locator('details.advanced').evaluate((details) => (details as HTMLDetailsElement).open);
  }
  get agentUrl(): Locator {
    return this.page.getByRole('textbox', { name: this.t('options_agent_url_label'), exact: true });
  }
  get adminUrl(): Locator {
    return this.page.getByRole('textbox', { name: this.t('options_admin_url_label'), exact: true });
  }
  /** The address-bar keyword, shown as a key. */
  get keywordKey(): Locator {
    return this.page.locator('kbd', { hasText: /^bdk$/ });
  }
  /** The last lines of the page: who is signed in, and the version. */
  get footer(): Locator {
    return this.page.locator('footer.page-footer');
  }
  get signInButton(): Locator {
    return this.page.getByRole('button', { name: this.t('options_sign_in'), exact: true });
  }
  /** The server form's live region (the first status on the page). */
  /** The server card's status line (the profiles card above has one of its own). */
  get serverStatus(): Locator {
    return this.page.locator('section[aria-labelledby="server-heading"]').getByRole('status');
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
