import { browser } from 'wxt/browser';
import { settingsItem } from '../storage';

// Before profiles, one session (and its password, trust, last account and recent pages) was
// stored under keys of its own. Moved once to its profile's keys (see profileItems), so an
// update signs nobody out.
const LEGACY: Record<'session' | 'local', string[]> = {
  session: ['session', 'password', 'confirmed'],
  local: ['session', 'password', 'lastAccount', 'recentPaths'],
};

export async function moveLegacySession(): Promise<void> {
  const found = await Promise.all(
    (['session', 'local'] as const).map(async (area) => ({ area, values: await browser.storage[area].get(LEGACY[area]) })),
  );
  if (found.every(({ values }) => Object.keys(values).length === 0)) return;
  const session = (found.flatMap(({ values }) => values.session ?? []) as { profileId?: string }[])[0];
  const profileId = session?.profileId ?? (await settingsItem.getValue()).activeProfileId;
  for (const { area, values } of found) {
    const moved = Object.fromEntries(Object.entries(values).map(([name, value]) => [`${name}/${profileId}`, value]));
    if (profileId) await browser.storage[area].set(moved);
    await browser.storage[area].remove(Object.keys(values));
  }
  await browser.alarms.clear('renew-token'); // the one renewal alarm of old; each profile has its own now
}
