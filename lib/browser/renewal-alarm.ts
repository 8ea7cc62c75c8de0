import { browser } from 'wxt/browser';
import type { RenewalScheduler } from '../token/lifecycle';

const PREFIX = 'renew-token/';

/** A profile's token renewal as one named alarm: creating it again replaces it. */
export function renewalAlarmFor(profileId: string): RenewalScheduler {
  const name = PREFIX + profileId;
  return {
    async at(whenMs) {
      await browser.alarms.create(name, { when: whenMs });
    },
    async cancel() {
      await browser.alarms.clear(name);
    },
  };
}

/** The profile whose renewal an alarm is, or null for another alarm. */
export function renewalAlarmProfile(alarmName: string): string | null {
  return alarmName.startsWith(PREFIX) ? alarmName.slice(PREFIX.length) : null;
}
