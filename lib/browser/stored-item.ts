import { browser } from 'wxt/browser';

type Area = 'local' | 'session';

/** One value in extension storage, read with its fallback, written whole, watched for changes. */
export interface StoredItem<T> {
  /** `area:name`, e.g. `local:settings`. */
  readonly key: `${Area}:${string}`;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back with each new value and the one before (the fallback where none); returns the unwatch. */
  watch(callback: (value: T, previous: T) => void): () => void;
}

/**
 * A stored item over `browser.storage`. WXT's storage does more (versions, metadata, migrations)
 * than this extension uses, at 4 kB in every page: this is the part every page needs. `check`
 * (when given) turns whatever is stored into a sound value, on every read and change.
 */
export function defineItem<T>(key: `${Area}:${string}`, fallback: T, check?: (stored: unknown) => T): StoredItem<T> {
  // The name may hold colons of its own (a policy profile's id): split at the first only.
  const area = key.slice(0, key.indexOf(':')) as Area;
  const name = key.slice(area.length + 1);
  const valueOf = (stored: unknown): T => (stored === undefined || stored === null || !check ? ((stored ?? fallback) as T) : check(stored));
  return {
    key,
    getValue: async () => valueOf(await read(area, name)),
    setValue(value) {
      sendReads(area);
      return browser.storage[area].set({ [name]: value });
    },
    removeValue() {
      sendReads(area);
      return browser.storage[area].remove(name);
    },
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, changed: string) => {
        if (changed !== area || !(name in changes)) return;
        const { newValue, oldValue } = changes[name]!;
        callback(valueOf(newValue), valueOf(oldValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

// Reads asked for in the same moment (a page starting: settings, session, recent pages…) go to
// the browser as one `get` per area: each call is a round trip to the browser process. A write
// sends the reads asked before it first, so a read never sees a write that came after it.
interface Batch {
  keys: Set<string>;
  values: Promise<Record<string, unknown>>;
  send(): void;
}
const pending: Partial<Record<Area, Batch>> = {};

function read(area: Area, name: string): Promise<unknown> {
  let batch = pending[area];
  if (!batch) {
    const keys = new Set<string>();
    let answer!: (values: Promise<Record<string, unknown>>) => void;
    const values = new Promise<Record<string, unknown>>((resolve) => (answer = resolve));
    const sent: Batch = {
      keys,
      values,
      send() {
        if (pending[area] !== sent) return;
        delete pending[area];
        answer(browser.storage[area].get([...keys])); // called now: before any later write
      },
    };
    batch = pending[area] = sent;
    queueMicrotask(sent.send);
  }
  batch.keys.add(name);
  return batch.values.then((values) => values[name]);
}

/** Before a write: the reads asked for until now go out first. */
function sendReads(area: Area): void {
  pending[area]?.send();
}

/** Calls back on any change to keys of `area` that `names` accepts; returns the unwatch. */
export function watchKeys(names: (area: string, key: string) => boolean, callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (Object.keys(changes).some((key) => names(area, key))) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
