// The users page (users.html in a tab), driven by its labels.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness.ts';
import { en, type Translate } from './messages.ts';

export class UsersPage {
  readonly page: Page;
  readonly t: Translate;

  constructor(page: Page, t: Translate = en()) {
    this.page = page;
    this.t = t;
  }

  /** Opens users.html directly (a super admin gets there from the popup's "Create users…"). */
  static async open(ext: ExtensionHarness, t: Translate = en()): Promise<UsersPage> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/users.html`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return new UsersPage(page, t);
  }

  field(label: Parameters<Translate>[0]): Locator {
    return this.page.getByLabel(this.t(label), { exact: true });
  }
  get email(): Locator {
    return this.field('users_email');
  }
  get createOneButton(): Locator {
    return this.page.getByRole('button', { name: this.t('users_create_one'), exact: true });
  }
  get batchText(): Locator {
    return this.field('users_batch_label');
  }
  /** "Create 1 user", "Create 3 users" (English's plural rule: the one form for exactly 1). */
  createManyButton(count: number): Locator {
    const key = count === 1 ? 'users_create_many_one' : 'users_create_many';
    return this.page.getByRole('button', { name: this.t(key, String(count)), exact: true });
  }
  /** The file input, by its label: "Choose a CSV or TSV file". */
  get listFile(): Locator {
    return this.field('users_choose_file');
  }
  get pace(): Locator {
    return this.field('users_pace');
  }
  button(label: Parameters<Translate>[0]): Locator {
    return this.page.getByRole('button', { name: this.t(label), exact: true });
  }
  /** "3 ready, 1 with a problem", under the box. */
  get batchSummary(): Locator {
    return this.page.locator('#batch-summary');
  }
  /** The problems under the box, one per line: "Line 2: …". */
  batchProblems(): Promise<string[]> {
    return this.page.locator('#batch-problems li').allTextContents();
  }
  /** Signed out: the button that opens the sign-in. */
  get signInButton(): Locator {
    return this.page.getByRole('button', { name: this.t('users_sign_in'), exact: true });
  }
  /** The live region of a section: 0 one user, 1 several users. */
  status(section: 0 | 1): Locator {
    return this.page.getByRole('status').nth(section);
  }
  /** The several-users section's live region, whatever else the page shows (signed out, say). */
  get batchStatus(): Locator {
    return this.page.getByRole('region', { name: this.t('users_batch_heading') }).getByRole('status');
  }
  get results(): Locator {
    return this.page.getByRole('table', { name: this.t('users_results_caption') });
  }

  async createOne(user: { email: string; nickname?: string; password: string }): Promise<void> {
    await this.email.fill(user.email);
    if (user.nickname) await this.field('users_nickname').fill(user.nickname);
    await this.field('users_password').fill(user.password);
    await this.createOneButton.click();
  }

  async untilStatus(section: 0 | 1, text: string): Promise<void> {
    await expect.poll(() => this.status(section).textContent(), { timeout: 15_000 }).toBe(text);
  }

  /** The results table as text: one `[line, user, result]` per row (a created line's number: its hidden words). */
  async resultRows(): Promise<string[][]> {
    return this.results.locator('tbody tr').evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent ?? '')),
    );
  }
}
