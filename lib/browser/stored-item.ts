import { browser } from 'wxt/browser';

type Area = 'local' | 'session';

/** One value in extension storage, read with its fallback, written whole, watched for changes. */
export interface StoredItem<T> {
  /** `area:name`, e.g. `local:settings`. */
  readonly key: `${Area}:${string}`;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value (the fallback once removed); returns the unwatch. */
  watch(callback: (value: T) => void): () => void;
}

/**
 * A stored item over `browser.storage`. WXT's storage does more (versions, metadata, migrations)
 * than this extension uses, at 4 KB in every page: this is the part every page needs.
 */
export function defineItem<T>(key: `${Area}:${string}`, fallback: T): StoredItem<T> {
  const [area, name] = key.split(':') as [Area, string];
  return {
    key,
    async getValue() {
      const stored = await browser.storage[area].get(name);
      return (stored[name] ?? fallback) as T;
    },
    setValue: (value) => browser.storage[area].set({ [name]: value }),
    removeValue: () => browser.storage[area].remove(name),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown }>, changed: string) => {
        if (changed === area && name in changes) callback((changes[name]!.newValue ?? fallback) as T);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}
