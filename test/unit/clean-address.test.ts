import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cleanAddressOnceLoaded } from '../../lib/browser/clean-address';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings/settings';
import type { Session } from '../../lib/token/session';
import { removeTokenOnceRead, stepOnUpdate } from '../../lib/workspace/clean-address';
import { openWorkspace, type OpenDeps } from '../../lib/workspace/open-workspace';
import { PROFILE } from '../support/profiles';

const SIGNED = 'https://desk.example.com/agent/ticket?x=1&accessToken=TOKEN#top';

describe('the tab once loaded', () => {
  it.each<[string | undefined, string | undefined, ReturnType<typeof stepOnUpdate>]>([
    ['loading', SIGNED, 'wait'],
    [undefined, undefined, 'wait'],
    ['complete', SIGNED, 'clean'],
    ['complete', 'https://desk.example.com/agent/ticket/?accessToken=TOKEN', 'clean'], // the server added a slash
    ['complete', 'https://desk.example.com/agent/ticket?x=1', 'stop'], // the app took it out itself
    ['complete', 'https://other.example.com/?accessToken=TOKEN', 'stop'], // gone elsewhere
    ['complete', 'https://desk.example.com/agent/ticket?accessToken=OTHER', 'stop'], // another opening
    ['complete', undefined, 'stop'],
  ])('a tab update (%s, %s) means %s', (status, url, step) => expect(stepOnUpdate(status, url, SIGNED)).toBe(step));
});

describe('in the opened page', () => {
  function page(href: string, stored: string | null) {
    const location = { href };
    const history = { state: { key: 'router' }, replaceState: vi.fn((_s: unknown, _t: string, url: string) => (location.href = url)) };
    vi.stubGlobal('location', location);
    vi.stubGlobal('history', history);
    vi.stubGlobal('localStorage', { getItem: () => stored });
    return { location, history };
  }

  it.each([
    [SIGNED, 'https://desk.example.com/agent/ticket?x=1#top'],
    ['https://desk.example.com/agent/chat?accessToken=T', 'https://desk.example.com/agent/chat'],
  ])('%s shows as %s once cleaned', async (signed, clean) => {
    const { location } = page(signed, new URL(signed).searchParams.get('accessToken'));
    await removeTokenOnceRead(1000);
    expect(location.href).toBe(clean);
  });

  it('takes the token out once the app has read it, keeping the rest of the address and the router state', async () => {
    const { location, history } = page(SIGNED, 'TOKEN');
    await expect(removeTokenOnceRead(1000)).resolves.toBe(true);
    expect(location.href).toBe('https://desk.example.com/agent/ticket?x=1#top');
    expect(history.replaceState).toHaveBeenCalledWith({ key: 'router' }, '', location.href);
  });

  it('leaves the address alone when the app never read the token (it would be signed out)', async () => {
    const { location, history } = page(SIGNED, null);
    await expect(removeTokenOnceRead(250)).resolves.toBe(false);
    expect(location.href).toBe(SIGNED);
    expect(history.replaceState).not.toHaveBeenCalled();
  });
});

describe('the worker watching the opened tab', () => {
  let executeScript: ReturnType<typeof vi.fn>;
  let deleteUrl: ReturnType<typeof vi.fn>;
  let historyGranted: boolean;

  beforeEach(() => {
    fakeBrowser.reset();
    executeScript = vi.fn(async () => [{ result: true }]);
    deleteUrl = vi.fn(async () => {});
    historyGranted = true;
    Object.assign(fakeBrowser, {
      scripting: { executeScript },
      history: { deleteUrl },
      permissions: { ...fakeBrowser.permissions, contains: vi.fn(async () => historyGranted) },
    });
  });

  const update = (tabId: number, status: 'loading' | 'complete', url: string) =>
    fakeBrowser.tabs.onUpdated.trigger(tabId, { status }, { id: tabId, url } as never);

  it('cleans the address once that tab has loaded, and deletes the signed address from history when granted', async () => {
    cleanAddressOnceLoaded(7, SIGNED);
    await update(8, 'complete', SIGNED); // another tab
    await update(7, 'loading', SIGNED);
    expect(executeScript).not.toHaveBeenCalled();
    await update(7, 'complete', SIGNED);
    await vi.waitFor(() => expect(deleteUrl).toHaveBeenCalledWith({ url: SIGNED }));
    expect(executeScript).toHaveBeenCalledWith(expect.objectContaining({ target: { tabId: 7 }, func: removeTokenOnceRead }));
    await update(7, 'complete', SIGNED); // once only
    expect(executeScript).toHaveBeenCalledOnce();
  });

  it('keeps history as it is without the history permission', async () => {
    historyGranted = false;
    cleanAddressOnceLoaded(7, SIGNED);
    await update(7, 'complete', SIGNED);
    await vi.waitFor(() => expect(executeScript).toHaveBeenCalledOnce());
    expect(deleteUrl).not.toHaveBeenCalled();
  });

  it('does nothing to a tab that went elsewhere before it loaded', async () => {
    cleanAddressOnceLoaded(7, SIGNED);
    await update(7, 'complete', 'https://example.org/');
    await update(7, 'complete', SIGNED);
    expect(executeScript).not.toHaveBeenCalled();
  });
});

describe('opening a page', () => {
  async function open(cleanAddressBar: boolean) {
    const settings: Settings = { ...DEFAULT_SETTINGS, profiles: [PROFILE], activeProfileId: PROFILE.id, cleanAddressBar };
    const deps = {
      settings: async () => settings,
      lifecycleFor: () => ({ liveSession: async () => ({ token: 'TOKEN', serverUrl: PROFILE.baseUrl }) as Session }),
      tabs: { open: vi.fn(async () => 42) },
      remember: vi.fn(async () => {}),
      cleanAddress: vi.fn(),
    } satisfies OpenDeps;
    await openWorkspace({ workspace: 'agent', path: 'ticket' }, deps);
    return deps.cleanAddress;
  }

  it('has the opened tab cleaned when the option is on, with its signed address', async () => {
    expect(await open(true)).toHaveBeenCalledWith(42, 'https://desk.example.com/agent/ticket?accessToken=TOKEN');
  });

  it('The clean address bar is opt-in: by default the address is left alone', async () => {
    expect(DEFAULT_SETTINGS.cleanAddressBar).toBe(false);
    expect(await open(false)).not.toHaveBeenCalled();
  });
});
