// The popup (popup.html, opened in a tab or in the prompt window a shortcut opens), driven as a
// user does: by its labels, the mouse and the keyboard.
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { ExtensionHarness } from '../harness.ts';
import { pressClosing, type Workspace } from '../support.ts';
import { en, type Translate } from './messages.ts';

/** The size of the toolbar popup (its page is 360 px wide). */
export const POPUP_VIEWPORT = { width: 360, height: 520 } as const;

export interface SignInInput {
  username: string;
  password: string;
  /** "Stay signed in, renew with my password" (it keeps the sign-in too). */
  rememberPassword?: boolean;
  /** "Stay signed in". */
  keepSignedIn?: boolean;
}

/** The choices of "After the browser closes". */
export type Stay = 'off' | 'on' | 'password';
const STAY_MESSAGE = { off: 'popup_stay_off', on: 'popup_stay_on', password: 'popup_stay_password' } as const;

export class PopupPage {
  readonly page: Page;
  readonly t: Translate;

  constructor(page: Page, t: Translate = en()) {
    this.page = page;
    this.t = t;
  }

  /** Opens `popup.html` (with an optional `?query`) in a new tab at the popup's size, once rendered. */
  static async open(ext: ExtensionHarness, { query = '', t = en() }: { query?: string; t?: Translate } = {}): Promise<PopupPage> {
    const page = await ext.context.newPage();
    await page.setViewportSize(POPUP_VIEWPORT);
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html${query}`);
    const popup = new PopupPage(page, t);
    await popup.rendered();
    return popup;
  }

  /** The first frame: a sign-in form, the launcher or the server set-up. */
  async rendered(): Promise<void> {
    await this.page.locator('#root > :not(.status)').first().waitFor({ timeout: 10_000 });
  }

  // The sign-in form.
  get username(): Locator {
    return this.page.getByRole('textbox', { name: this.t('popup_username'), exact: true });
  }
  get password(): Locator {
    return this.page.getByLabel(this.t('popup_password'), { exact: true });
  }
  get showPassword(): Locator {
    return this.page.getByRole('button', { name: this.t('popup_show_password'), exact: true });
  }
  /** A choice of "After the browser closes". */
  stay(choice: Stay): Locator {
    return this.page
      .getByRole('group', { name: this.t('popup_after_close') })
      .getByRole('radio', { name: this.t(STAY_MESSAGE[choice]), exact: true });
  }
  get signInButton(): Locator {
    return this.page.getByRole('button', { name: this.t('popup_sign_in'), exact: true });
  }
  /** The inline error (role=alert) of the form or the launcher. */
  get alert(): Locator {
    return this.page.getByRole('alert');
  }
  /** What the sign-in window a shortcut opens says it will open ("Sign in to open Tickets"). */
  get opens(): Locator {
    return this.page.locator('p.opens');
  }
  /** The popup's status line ("Signed out"). */
  get status(): Locator {
    return this.page.locator('#root > [role=status]');
  }

  // The launcher.
  get filter(): Locator {
    return this.page.getByRole('combobox', { name: this.t('popup_filter'), exact: true });
  }
  get pathList(): Locator {
    return this.page.getByRole('listbox', { name: this.t('popup_paths'), exact: true });
  }
  /** The button that shows who is signed in and opens the account area. */
  get accountButton(): Locator {
    return this.page.locator('button.account-toggle');
  }
  get accountArea(): Locator {
    return this.page.getByRole('group', { name: this.t('popup_account'), exact: true });
  }
  /** "Sign out" in the account area (open it first: `openAccount`). */
  get revokeButton(): Locator {
    return this.accountArea.getByRole('button', { name: this.t('popup_revoke'), exact: true });
  }
  /** The sign-out confirmation, in the place of the button. */
  get signOutQuestion(): Locator {
    return this.page.getByRole('group', { name: this.t('popup_revoke_confirm'), exact: true });
  }
  get confirmRevokeButton(): Locator {
    return this.signOutQuestion.getByRole('button', { name: this.t('popup_revoke_yes'), exact: true });
  }
  get cancelSignOutButton(): Locator {
    return this.signOutQuestion.getByRole('button', { name: this.t('popup_cancel'), exact: true });
  }
  /** The primary button that opens the selected page. */
  get openButton(): Locator {
    return this.page.locator('.picker button.primary');
  }
  workspaceRadio(workspace: Workspace): Locator {
    return this.page.getByRole('radio', { name: this.t(workspace === 'agent' ? 'popup_agent' : 'popup_admin'), exact: true });
  }

  async isSignInForm(): Promise<boolean> {
    return (await this.signInButton.count()) === 1 && (await this.password.count()) === 1;
  }

  async isLauncher(): Promise<boolean> {
    return (await this.filter.count()) === 1;
  }

  /** Clears a field and types into it, as a user would. */
  async typeInto(field: Locator, text: string): Promise<void> {
    await field.click();
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  /** Fills the form and clicks "Sign in"; does not wait for the outcome. */
  async submitSignIn({ username, password, rememberPassword = false, keepSignedIn = false }: SignInInput): Promise<void> {
    await this.typeInto(this.username, username);
    await this.typeInto(this.password, password);
    await this.stay(rememberPassword ? 'password' : keepSignedIn ? 'on' : 'off').check();
    await this.signInButton.click();
  }

  /** Signs in and waits for the launcher. */
  async signIn(input: SignInInput): Promise<void> {
    await this.submitSignIn(input);
    await this.filter.waitFor({ timeout: 10_000 });
  }

  /** Clicks the Agent | Admin switch (its radios are visually hidden inside their labels). */
  async chooseWorkspace(workspace: Workspace): Promise<void> {
    await this.page.locator('label').filter({ has: this.workspaceRadio(workspace) }).click();
    await expect.poll(() => this.workspaceRadio(workspace).isChecked()).toBe(true);
  }

  /** The listed pages as shown: `[name, path]` pairs, e.g. `['Tickets', '/ticket']`; a path of one's own is `['/a/b', '']`. */
  async listedPages(): Promise<[string, string][]> {
    const options = await this.pathList.getByRole('option').all();
    return Promise.all(
      options.map(async (o) => {
        const path = o.locator('.path');
        return [(await o.locator('.name').textContent()) ?? '', (await path.count()) ? ((await path.textContent()) ?? '') : ''] as [string, string];
      }),
    );
  }

  /** The name of the page the list has selected (what Enter opens). */
  async selectedPage(): Promise<string | null> {
    const selected = this.pathList.getByRole('option', { selected: true });
    return (await selected.count()) === 1 ? selected.locator('.name').textContent() : null;
  }

  /** The profile menu's button (several profiles only). */
  get profileButton(): Locator {
    return this.page.locator('button[aria-haspopup="menu"]');
  }

  /** Picks a profile from the profile menu, by its name, and waits for the popup to show it. */
  async switchProfile(name: string): Promise<void> {
    await this.profileButton.click();
    await this.page.getByRole('menuitemradio', { name: new RegExp(`^${name}\\b`) }).click();
    await expect.poll(() => this.profileButton.textContent()).toBe(name);
  }

  /** Opens the account area (who, where, Sign out) unless it is open. */
  async openAccount(): Promise<void> {
    if ((await this.accountButton.getAttribute('aria-expanded')) !== 'true') await this.accountButton.click();
    await this.accountArea.waitFor();
  }

  /** Types into the filter box and presses Enter (the popup closes itself once the page opens). */
  async openByTyping(text: string): Promise<void> {
    await this.filter.click();
    await this.page.keyboard.type(text);
    await pressClosing(this.page, 'Enter');
  }

  /** The account area's "Sign out", then the confirmation's "Sign out". */
  async revoke(): Promise<void> {
    await this.openAccount();
    await this.revokeButton.click();
    await this.confirmRevokeButton.click();
  }

  /** The page's text (for error messages and spotting untranslated strings). */
  text(): Promise<string> {
    return this.page.locator('body').innerText();
  }
}
