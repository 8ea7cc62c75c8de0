// Actions on selected text, as a user meets them: one saved on the options page opens the page
// for a selection from the context menu, encoded and signed; one that would leave the workspace
// is refused with the reason, and nothing is stored.
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { ActionsCard } from './pages/actions.ts';
import { en } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import {
  ADMIN,
  browserAndServerPerFile,
  clickMenuItem,
  enterInAddressBar,
  landingOn,
  landingView,
  pageLoads,
  pressClosing,
  storedSession,
  typeInAddressBar,
} from './support.ts';

const t = en();

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

interface StoredAction {
  id: string;
  name: string;
  workspace: string;
  template: string;
}
const ORDER = { id: 'order', name: 'Order', workspace: 'agent', template: 'ticket?search={selection}' } as const;
const storedActions = async () => ((await ext.readStorage<{ actions?: StoredAction[] }>('local', 'settings'))?.actions ?? []);

describe('actions on selected text', () => {
  it('an action saved on the options page opens the page for a selection from the context menu, encoded and signed', async () => {
    const popup = await PopupPage.open(ext);
    await popup.signIn(ADMIN);
    await popup.page.close();
    const { token } = (await storedSession(ext))!;

    const options = await OptionsPage.open(ext);
    const actions = new ActionsCard(options.page);
    await actions.fill({ name: 'Order', template: 'ticket?search={selection}' });
    expect(await actions.preview.textContent()).toBe(t('actions_preview', 'ORDER-1234', `${server.url}/agent/ticket?search=ORDER-1234`));
    await actions.saveButton.click();
    await expect.poll(() => actions.status.textContent()).toBe(t('actions_saved', 'Order'));
    expect(await actions.listed()).toEqual(['Order']);
    const [saved] = await storedActions();
    expect(saved).toMatchObject({ name: 'Order', workspace: 'agent', template: 'ticket?search={selection}' });

    server.clearRequests();
    const selection = '  订单 #42 & more  ';
    const landing = landingOn(ext, server, 'agent', 'ticket');
    await clickMenuItem(ext, `action/${saved!.id}`, selection);
    const page = await landing;
    const url = new URL(page.url());
    expect(url.searchParams.get('search'), 'the selection, trimmed, as one parameter').toBe('订单 #42 & more');
    expect(url.searchParams.get('accessToken')).toBe(token);
    expect(url.href).toBe(`${server.url}/agent/ticket?search=%E8%AE%A2%E5%8D%95+%2342+%26+more&accessToken=${token}`);
    expect(await landingView(page)).toMatchObject({ state: 'signed-in', app: 'Agent workbench', path: '/ticket' });
    expect(pageLoads(server).map((r) => [r.path, r.token])).toEqual([['/agent/ticket', token]]);
  });

  it('in the popup, an action is listed after the pages and asks for its value; in the address bar it takes the value after its name', async () => {
    await ext.configureServer(server.url, { actions: [ORDER] });
    const popup = await PopupPage.open(ext);
    await popup.signIn(ADMIN);
    const { token } = (await storedSession(ext))!;
    const pages = await popup.listedPages();
    expect(pages.at(-1), 'after the pages, the sign-in page included').toEqual(['Order', `${t('actions_kind')} · /ticket?search={selection}`]);

    await popup.filter.click();
    await popup.page.keyboard.type('ord');
    expect(await popup.selectedPage()).toBe('Order');
    await popup.page.keyboard.press('Enter');
    const value = popup.page.getByRole('textbox', { name: t('actions_value_label', 'Order'), exact: true });
    await expect.poll(() => value.evaluate((el) => el === document.activeElement)).toBe(true);
    await popup.page.keyboard.type('ORDER 1234');
    const fromPopup = landingOn(ext, server, 'agent', 'ticket');
    await pressClosing(popup.page, 'Enter');
    const page = await fromPopup;
    expect(new URL(page.url()).searchParams.get('search')).toBe('ORDER 1234');
    expect(await landingView(page)).toMatchObject({ state: 'signed-in', app: 'Agent workbench', path: '/ticket' });

    const [suggested] = await typeInAddressBar(ext, 'ord');
    expect(suggested).toMatchObject({ content: 'Order ' });
    const fromAddressBar = landingOn(ext, server, 'agent', 'ticket');
    await enterInAddressBar(ext, 'order a+b@example.com');
    const second = await fromAddressBar;
    expect(new URL(second.url()).searchParams.get('search')).toBe('a+b@example.com');
    expect(new URL(second.url()).searchParams.get('accessToken')).toBe(token);
  });

  it.each(['//evil.example/{selection}', 'https://evil.example/{selection}', '../../{selection}'])(
    'a template leaving the workspace (%s) cannot be saved: the page says why, and nothing is stored',
    async (template) => {
      const options = await OptionsPage.open(ext);
      const actions = new ActionsCard(options.page);
      const before = await ext.readStorage('local', 'settings');
      await actions.fill({ name: 'Evil', template });
      const why = t('actions_error_leaves', t('options_workspace_agent'));
      expect(await actions.section.locator('#action-template-error').textContent(), 'said as it is typed').toBe(why);
      expect(await actions.preview.count(), 'no preview of a page it may not open').toBe(0);
      await actions.saveButton.click();
      await expect.poll(() => actions.alert.textContent()).toBe(t('actions_not_saved', why));
      expect(await actions.template.getAttribute('aria-invalid')).toBe('true');
      expect(await ext.readStorage('local', 'settings')).toEqual(before);
      expect(await actions.listed()).toEqual([]);
    },
  );
});
