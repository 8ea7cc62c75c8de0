import { browser } from 'wxt/browser';

export interface BadgeLook {
  text: string;
  color: string;
  title: string;
}

interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
  setTitle(details: { title: string }): Promise<void>;
}

// MV3 has `action`; Firefox's MV2 build has `browserAction`, with the same three methods.
const actionApi = () => (browser.action ?? browser.browserAction) as unknown as ActionApi;

/** The toolbar button's badge and tooltip. */
export const actionBadge = {
  async show({ text, color, title }: BadgeLook): Promise<void> {
    const action = actionApi();
    await Promise.all([
      action.setBadgeText({ text }),
      action.setBadgeBackgroundColor({ color }),
      action.setTitle({ title }),
    ]);
  },
};
export type ActionBadge = typeof actionBadge;
