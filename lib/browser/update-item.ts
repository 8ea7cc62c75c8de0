import type { StoredItem } from './stored-item';

type Item<T> = Pick<StoredItem<T>, 'key' | 'getValue' | 'setValue'>;

/**
 * Reads, changes and writes a stored item with no other update of it in between, so two writers
 * at once (the options page and the popup, two opens remembering a path) never lose a change.
 * Web Locks are shared by every page and the worker of the extension; where there are none
 * (Node), one chain per key in this context does the same.
 */
export function updateItem<T>(item: Item<T>, change: (current: T) => T): Promise<T> {
  const step = async () => {
    const next = change(await item.getValue());
    await item.setValue(next);
    return next;
  };
  const name = `update:${item.key}`;
  return globalThis.navigator?.locks ? (navigator.locks.request(name, step) as Promise<T>) : chained(name, step);
}

const chains = new Map<string, Promise<unknown>>();

function chained<T>(name: string, step: () => Promise<T>): Promise<T> {
  const run = (chains.get(name) ?? Promise.resolve()).then(step);
  chains.set(name, run.catch(() => undefined));
  return run;
}
