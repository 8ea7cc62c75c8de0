import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { updateItem } from '../../lib/browser/update-item';
import { changeProfile, moveProfile, setActiveProfile } from '../../lib/settings/profiles';
import { savePreferences, saveServer, updateSettings } from '../../lib/settings/save-settings';
import { parseSettings, type ServerProfile } from '../../lib/settings/settings';
import { settingsItem } from '../../lib/storage';
import { profileOf, settingsOf } from '../support/profiles';

// The popup, the options page and the worker write the same settings; a change made in one while
// another writes is never lost.

const profile = profileOf;
const PROD = profile('prod', 'Production');
const STAGING = profile('staging', 'Staging');
const QA = profile('qa', 'QA');
const START = settingsOf([PROD, STAGING, QA]);
const server = ({ baseUrl, agentUrl, adminUrl }: ServerProfile) => ({ baseUrl, agentUrl, adminUrl });

/** What the popup's switcher (a click, Ctrl+2) does. */
const switchInPopup = (id: string) => updateItem(settingsItem, (stored) => setActiveProfile(parseSettings(stored), id));
const stored = async () => parseSettings(await settingsItem.getValue());

beforeEach(async () => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.permissions, { remove: vi.fn(async () => true) });
  await settingsItem.setValue(START);
});

describe('two saves at once', () => {
  it('a switch in the popup and a rename on the options page: both land', async () => {
    await Promise.all([switchInPopup(STAGING.id), saveServer(QA.id, server(QA), async () => null, 'QA (old)')]);
    expect(await stored()).toMatchObject({ activeProfileId: STAGING.id, profiles: [PROD, STAGING, { ...QA, name: 'QA (old)' }] });
  });

  it('the same, the other way round, the rename first', async () => {
    await Promise.all([saveServer(STAGING.id, server(STAGING), async () => null, 'Pre-production'), switchInPopup(QA.id)]);
    expect(await stored()).toMatchObject({ activeProfileId: QA.id, profiles: [PROD, { ...STAGING, name: 'Pre-production' }, QA] });
  });

  it('a switch, a rename, a move, a preference and a profile added, all at once: all land', async () => {
    const [, , , , added] = await Promise.all([
      switchInPopup(QA.id),
      updateSettings((s) => changeProfile(s, PROD.id, { name: 'Live' })),
      updateSettings((s) => moveProfile(s, STAGING.id, 1)),
      savePreferences({ openIn: 'reuse-tab' }),
      saveServer(null, { baseUrl: 'https://eu.example.com', agentUrl: null, adminUrl: null }, async () => null, 'EU'),
    ]);
    const after = await stored();
    expect(after.profiles.map((p) => p.name)).toEqual(['Live', 'QA', 'Staging', 'EU']);
    expect(after.openIn).toBe('reuse-tab');
    // Adding makes the new profile active: whichever of the two came last is the one left active.
    expect([QA.id, added.profileId]).toContain(after.activeProfileId);
  });

  it("the menu's switch (in the worker) and a server changed on the options page: both land", async () => {
    await Promise.all([
      updateSettings((s) => setActiveProfile(s, STAGING.id)),
      saveServer(PROD.id, { ...server(PROD), baseUrl: 'https://live.example.com' }, async () => null),
    ]);
    expect(await stored()).toMatchObject({
      activeProfileId: STAGING.id,
      profiles: [{ ...PROD, baseUrl: 'https://live.example.com' }, STAGING, QA],
    });
  });
});

describe('a rename on the options page', () => {
  it.each([
    ['a new name', 'Live', 'Live'],
    ['a name another profile has, case aside', 'staging', 'staging 2'],
    ['no name (the field left empty)', '', 'Production'],
    ['no name given at all', undefined, 'Production'],
  ])('with %s: %j gives %j', async (_, name, expected) => {
    await saveServer(PROD.id, server(PROD), async () => null, name);
    expect((await stored()).profiles[0]).toEqual({ ...PROD, name: expected });
  });
});
