import { browser } from 'wxt/browser';

const PERMISSION = { permissions: ['notifications' as const] };

// `notifications` is an optional permission: until it is granted the API is not there at all.
const api = () => (browser as unknown as { notifications?: typeof browser.notifications }).notifications;

/** Desktop notifications, asked for only when the user turns them on. */
export const desktopNotices = {
  granted: (): Promise<boolean> => browser.permissions.contains(PERMISSION),

  /** Firefox shows the prompt only during a user gesture: call it in the click, before any `await`. */
  request: (): Promise<boolean> => browser.permissions.request(PERMISSION),

  async show(id: string, title: string, message: string): Promise<void> {
    await api()?.create(id, { type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title, message });
  },

  async clear(id: string): Promise<void> {
    await api()?.clear(id);
  },

  /**
   * Calls back with the id of a notification clicked. The listener goes on now if the permission
   * is there, else as soon as it is granted (the API appears with it).
   */
  onClicked(listener: (id: string) => void): void {
    let added = false;
    const add = () => {
      const notifications = api();
      if (added || !notifications) return;
      notifications.onClicked.addListener(listener);
      added = true;
    };
    add();
    if (!added) browser.permissions.onAdded.addListener(add);
  },
};
export type DesktopNotices = typeof desktopNotices;
