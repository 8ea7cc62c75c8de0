// The options page's "Actions on selected text" card, driven by its labels.
import type { Locator, Page } from 'playwright-core';
import { en, type Translate } from './messages.ts';

export interface ActionInput {
  name: string;
  workspace?: 'agent' | 'admin';
  template: string;
}

export class ActionsCard {
  readonly section: Locator;
  readonly page: Page;
  readonly t: Translate;

  constructor(page: Page, t: Translate = en()) {
    this.page = page;
    this.t = t;
    this.section = page.getByRole('region', { name: t('actions_heading') });
  }

  get addButton(): Locator {
    return this.section.getByRole('button', { name: this.t('actions_add'), exact: true });
  }
  get name(): Locator {
    return this.section.getByRole('textbox', { name: this.t('actions_name_label'), exact: true });
  }
  get template(): Locator {
    return this.section.getByRole('textbox', { name: this.t('actions_template_label'), exact: true });
  }
  get saveButton(): Locator {
    return this.section.getByRole('button', { name: this.t('actions_save'), exact: true });
  }
  /** The live preview of the URL for the sample selection. */
  get preview(): Locator {
    return this.section.locator('#action-preview');
  }
  get alert(): Locator {
    return this.section.getByRole('alert');
  }
  get status(): Locator {
    return this.section.getByRole('status');
  }
  /** The names listed, in order. */
  listed(): Promise<string[]> {
    return this.section.locator('ol.actions strong').allTextContents();
  }

  /** Add action, the fields typed (the keyboard only), not saved yet. */
  async fill({ name, workspace = 'agent', template }: ActionInput): Promise<void> {
    await this.addButton.click();
    await this.name.waitFor();
    await this.name.fill(name);
    const workspaceName = this.t(workspace === 'agent' ? 'options_workspace_agent' : 'options_workspace_admin');
    await this.section.getByRole('radio', { name: workspaceName }).check();
    await this.template.fill(template);
  }
}
