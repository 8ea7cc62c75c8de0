import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from '../../lib/browser/stored-item';

const settings = defineItem('local:settings', { theme: 'light' });
const recent = defineItem<string[]>('local:recent', []);
const session = defineItem<string | null>('session:token', null);

beforeEach(() => fakeBrowser.reset());

describe('stored items', () => {
  it('reads the fallback when nothing is stored, and what was written', async () => {
    expect(await settings.getValue()).toEqual({ theme: 'light' });
    await settings.setValue({ theme: 'dark' });
    expect(await settings.getValue()).toEqual({ theme: 'dark' });
    await settings.removeValue();
    expect(await settings.getValue()).toEqual({ theme: 'light' });
  });

  it('reads asked for at once go to the browser as one get per area', async () => {
    await recent.setValue(['ticket']);
    await session.setValue('t');
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const ephemeral = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await Promise.all([settings.getValue(), recent.getValue(), session.getValue()])).toEqual([
      { theme: 'light' },
      ['ticket'],
      't',
    ]);
    expect(local).toHaveBeenCalledOnce();
    expect(ephemeral).toHaveBeenCalledOnce();
  });

  it('a read asked for before a write does not see it; one asked for after does', async () => {
    await recent.setValue(['a']);
    const before = recent.getValue();
    const write = recent.setValue(['b']);
    const after = recent.getValue();
    await write;
    expect(await before).toEqual(['a']);
    expect(await after).toEqual(['b']);
  });

  it('tells watchers of each change, and the fallback once removed', async () => {
    const seen: unknown[] = [];
    const unwatch = recent.watch((value) => seen.push(value));
    await recent.setValue(['x']);
    await session.setValue('other area, other key');
    await recent.removeValue();
    unwatch();
    await recent.setValue(['y']);
    expect(seen).toEqual([['x'], []]);
  });
});
