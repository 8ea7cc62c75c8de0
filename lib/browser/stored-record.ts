import { browser } from 'wxt/browser';

/**
 * A value stored as a head and numbered parts (`name`, `name/0`, `name/1`…), so that changing one
 * part writes that part alone: a long record changed often costs what changes, not its length.
 * Values come back as stored (unknown): the reader checks their shape.
 */
export interface StoredRecord {
  getHead(): Promise<unknown>;
  /** Parts 0…count-1 (undefined where one is missing), in one read. */
  getParts(count: number): Promise<unknown[]>;
  /** The head and the given parts, in one write (one storage transaction). */
  set(head: unknown, parts: ReadonlyMap<number, unknown>): Promise<void>;
  /** Parts from…to-1 (a record that became shorter). */
  removeParts(from: number, to: number): Promise<void>;
  /** The head and every part, those beyond the head's count too (found by name). */
  remove(): Promise<void>;
}

export function defineRecord(key: `local:${string}`): StoredRecord {
  const name = key.slice('local:'.length);
  const part = (i: number) => `${name}/${i}`;
  const area = () => browser.storage.local;
  const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => part(from + i));
  return {
    getHead: async () => (await area().get(name))[name],
    async getParts(count) {
      const keys = range(0, count);
      const found = keys.length > 0 ? await area().get(keys) : {};
      return keys.map((k) => found[k]);
    },
    set: (head, parts) => area().set({ [name]: head, ...Object.fromEntries([...parts].map(([i, v]) => [part(i), v])) }),
    removeParts: async (from, to) => {
      const keys = range(from, to);
      if (keys.length > 0) await area().remove(keys);
    },
    async remove() {
      const all = await area().get(null);
      await area().remove([name, ...Object.keys(all).filter((k) => k.startsWith(`${name}/`))]);
    },
  };
}
