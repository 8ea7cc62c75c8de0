// Two profiles on two stand-in servers (different ports), each signed in as a different user:
// the popup switches between them, each opens its own server's page signed in as its own user,
// a shortcut acts on the active one, and removing one revokes its token on its own server only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandInServer } from '../server/bytedesk-server.ts';
import { launchExtension, startServerForTest, type ExtensionHarness } from './harness.ts';
import { en } from './pages/messages.ts';
import { PopupPage } from './pages/popup.ts';
import { ADMIN, AGENT, clickMenuItem, dispatchCommand, enterInAddressBar, landingOn, landingView, storedSession, tokenInUrl } from './support.ts';

const t = en();
let production: StandInServer;
let staging: StandInServer;
let ext: ExtensionHarness;

const profile = (id: string, name: string, server: StandInServer) => ({
  id, name, baseUrl: server.url, agentUrl: null, adminUrl: null, managed: false,
});

beforeAll(async () => {
  [production, staging] = await Promise.all([startServerForTest(), startServerForTest()]);
  ext = await launchExtension();
  const settings = {
    profiles: [profile('prod', 'Production', production), profile('stage', 'Staging', staging)],
    activeProfileId: 'prod',
    openIn: 'new-tab' as const,
    defaultWorkspace: 'agent' as const,
    policy: null,
    cleanAddressBar: false,
    actions: [],
  };
  await ext.writeSettings(settings);
});

afterAll(async () => {
  await ext?.close();
  await Promise.all([production?.close(), staging?.close()]);
});

const validTokens = (server: StandInServer, username: string) =>
  server.tokens().filter((row) => row.username === username && !row.revoked).map((row) => row.token);

describe('two profiles', () => {
  it('each signs in on its own server, switching keeps the other signed in, and each opens its own server signed in as its own user', async () => {
    const popup = await PopupPage.open(ext);
    expect(await popup.profileButton.textContent()).toBe('Production');
    await popup.signIn(ADMIN);

    await popup.switchProfile('Staging');
    expect(await popup.isSignInForm(), 'Staging has no session of its own yet').toBe(true);
    await popup.signIn(AGENT);

    // Ctrl+1: back to the first profile, still signed in.
    await popup.page.keyboard.press('Control+1');
    await expect.poll(() => popup.profileButton.textContent()).toBe('Production');
    expect(await popup.accountButton.textContent()).toContain(ADMIN.nickname);
    const onProduction = landingOn(ext, production, 'agent', 'ticket');
    await popup.openByTyping('ticket');
    const prodPage = await onProduction;
    expect(await landingView(prodPage)).toMatchObject({ state: 'signed-in', status: `signed in as ${ADMIN.nickname}` });
    expect(validTokens(production, ADMIN.username)).toContain(tokenInUrl(prodPage));

    const again = await PopupPage.open(ext);
    expect(await again.profileButton.textContent(), 'the popup opens on the profile chosen last').toBe('Production');
    await again.page.keyboard.press('Control+2');
    await expect.poll(() => again.profileButton.textContent()).toBe('Staging');
    expect(await again.accountButton.textContent()).toContain(AGENT.nickname);
    const onStaging = landingOn(ext, staging, 'agent', 'ticket');
    await again.openByTyping('ticket');
    const stagePage = await onStaging;
    expect(await landingView(stagePage)).toMatchObject({ state: 'signed-in', status: `signed in as ${AGENT.nickname}` });
    expect(validTokens(staging, AGENT.username)).toContain(tokenInUrl(stagePage));
    expect(production.tokens().some((row) => row.username === AGENT.username), 'no Staging sign-in reached Production').toBe(false);
  });

  it('a shortcut acts on the active profile; the menu switches profiles', async () => {
    const byShortcut = landingOn(ext, staging, 'agent', 'ticket');
    await dispatchCommand(ext, 'open-agent-ticket');
    expect(await landingView(await byShortcut)).toMatchObject({ status: `signed in as ${AGENT.nickname}` });

    await clickMenuItem(ext, 'profile/prod');
    await expect.poll(async () => (await ext.readStorage<{ activeProfileId: string }>('local', 'settings'))?.activeProfileId).toBe('prod');
    const byShortcutAgain = landingOn(ext, production, 'agent', 'ticket');
    await dispatchCommand(ext, 'open-agent-ticket');
    expect(await landingView(await byShortcutAgain)).toMatchObject({ status: `signed in as ${ADMIN.nickname}` });
  });

  it('the address bar takes a profile name as its first word', async () => {
    const onStaging = landingOn(ext, staging, 'agent', 'chat');
    await enterInAddressBar(ext, 'staging chat', 'newForegroundTab');
    expect(await landingView(await onStaging)).toMatchObject({ status: `signed in as ${AGENT.nickname}` });
  });

  it('removing a profile, after its question, revokes its token on its own server only', async () => {
    const stagingTokens = validTokens(staging, AGENT.username);
    expect(stagingTokens.length).toBeGreaterThan(0);
    const prodTokens = validTokens(production, ADMIN.username);

    const options = await ext.extensionPage('options.html');
    await options.getByRole('button', { name: 'Remove Staging' }).click();
    const question = options.getByRole('group', { name: /Remove Staging\?/ });
    await question.getByRole('button', { name: t('options_profile_remove_yes'), exact: true }).click();
    await options.getByText(t('options_profile_removed', 'Staging')).waitFor();

    expect(validTokens(staging, AGENT.username), 'every Staging token revoked on Staging').toEqual([]);
    expect(validTokens(production, ADMIN.username), 'Production untouched').toEqual(prodTokens);
    expect(staging.requests.filter((r) => r.path.endsWith('/user/logout')).length).toBeGreaterThan(0);
    expect(production.requests.some((r) => r.path.endsWith('/user/logout')), 'no sign-out sent to Production').toBe(false);
    expect(await storedSession(ext, 'stage')).toBeUndefined();
    expect(await storedSession(ext, 'prod')).toMatchObject({ user: { username: ADMIN.username } });
    await expect.poll(async () => (await ext.readStorage<{ profiles: unknown[] }>('local', 'settings'))?.profiles.length).toBe(1);
  });
});

describe("a profile whose server the browser has not granted (an organisation's, say)", () => {
  it('the popup asks for access with one click, says the organisation set the server, and offers no change of server', async () => {
    await ext.writeSettings({
      profiles: [{ id: 'policy:eu desk', name: 'EU desk', baseUrl: 'https://desk.example.eu', agentUrl: null, adminUrl: null, managed: true }],
      activeProfileId: 'policy:eu desk',
      openIn: 'new-tab',
      defaultWorkspace: 'agent',
      policy: { allowUserProfiles: true, lockManaged: true, defaultWorkspaceLocked: false },
      cleanAddressBar: false,
      actions: [],
    });
    const popup = await PopupPage.open(ext);
    await popup.page.getByText(t('popup_access_managed', 'desk.example.eu')).waitFor();
    expect(await popup.page.getByRole('button', { name: t('popup_allow_access', 'desk.example.eu') }).count()).toBe(1);
    expect(await popup.page.getByRole('button', { name: t('popup_change_server') }).count(), 'a locked server is not offered for change').toBe(0);
    expect(await popup.isSignInForm()).toBe(true);
  });
});
