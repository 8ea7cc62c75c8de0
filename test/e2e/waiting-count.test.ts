// The count of conversations waiting for the agent (issue 11), as the user sees it: the toolbar
// badge and its tooltip, the popup's line and its Chats first, and the options page's words for
// a server without the feature. The e2e build checks every 6 s.
import { describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import type { ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { OptionsPage } from './pages/options.ts';
import { PopupPage } from './pages/popup.ts';
import { AGENT, browserAndServerPerFile, landingOn, landingView, pressClosing, tokenInUrl } from './support.ts';

const t = en();
// One polling period of the e2e build (0.1 min), and some room for the worker to wake.
const POLL_PERIOD_MS = 6_000;
const WITHIN_ONE_PERIOD = { timeout: POLL_PERIOD_MS + 4_000, interval: 250 };

let server: StandInServer;
let ext: ExtensionHarness;

browserAndServerPerFile((s, e) => {
  server = s;
  ext = e;
});

declare const chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } };

/** The toolbar button's badge text and tooltip, as the browser holds them. */
async function toolbarButton(): Promise<{ text: string; title: string }> {
  const worker = await ext.currentWorker();
  return worker.evaluate(async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) }));
}

async function signedInPopup(): Promise<PopupPage> {
  const popup = await PopupPage.open(ext);
  await popup.signIn(AGENT);
  return popup;
}

describe('conversations waiting for a reply', () => {
  it('shows 3 on the toolbar button and in the popup, offers the chats first, and an empty badge at 0', async () => {
    server.setWorkSupport('supported');
    server.setWaiting(AGENT.username, { unreplied: 3 });
    const signIn = await signedInPopup();
    await signIn.page.close();

    await expect.poll(async () => (await toolbarButton()).text, WITHIN_ONE_PERIOD).toBe('3');
    const host = new URL(server.url).host;
    expect((await toolbarButton()).title).toMatch(new RegExp(`3 conversations wait for your reply on ${host.replaceAll('.', '\\.')} \\(checked \\d\\d:\\d\\d\\)`));

    const popup = await PopupPage.open(ext);
    expect(await popup.text()).toContain(t('waiting_count', '3'));
    expect((await popup.listedPages())[0], 'the chats come first').toEqual(['Chat', '/chat']);
    expect(await popup.selectedPage()).toBe('Chat');
    expect(await popup.openButton.textContent()).toBe(t('popup_open', 'Chat'));
    // Enter right after opening: the chats, signed in.
    const landing = landingOn(ext, server, 'agent', 'chat');
    await popup.filter.focus();
    await pressClosing(popup.page, 'Enter');
    const chat = await landing;
    expect(await landingView(chat)).toMatchObject({ state: 'signed-in' });
    expect(tokenInUrl(chat)).toBeTruthy();

    server.setWaiting(AGENT.username, { unreplied: 0 });
    await expect.poll(async () => (await toolbarButton()).text, WITHIN_ONE_PERIOD).toBe('');
    const after = await PopupPage.open(ext);
    expect(await after.text()).not.toContain(t('waiting_count', '0'));
    expect((await after.listedPages())[0]?.[0], 'nothing waits: the last page opened first again').toBe('Chat');
  });

  it('against an older server, the options page says the count is not available, and the badge shows none', async () => {
    server.setWorkSupport('missing-json');
    server.setWaiting(AGENT.username, { unreplied: 3 });
    (await signedInPopup()).page.close();
    const options = await OptionsPage.open(ext);
    await expect.poll(() => options.page.locator('body').innerText(), WITHIN_ONE_PERIOD).toContain(t('waiting_not_on_server'));
    expect((await toolbarButton()).text).toBe('');
    server.setWorkSupport('supported');
  });
});
