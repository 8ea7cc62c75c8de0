import { browser } from 'wxt/browser';
import type { RenewalScheduler } from '../token/lifecycle';

export const RENEWAL_ALARM = 'renew-token';

/** The token renewal as one named alarm: creating it again replaces it. */
export const renewalAlarm: RenewalScheduler = {
  async at(whenMs) {
    await browser.alarms.create(RENEWAL_ALARM, { when: whenMs });
  },
  async cancel() {
    await browser.alarms.clear(RENEWAL_ALARM);
  },
};
