import { defineItem, type StoredItem } from '../browser/stored-item';
import { updateItem } from '../browser/update-item';
import type { Junk, Read } from './junk';
import { withRepairs, type Repairs } from './repairs';

type Key = Parameters<typeof defineItem>[0];

// Items being repaired in this page or worker: a read meanwhile sees the same junk, and leaves it to the repair under way.
const repairing = new Set<string>();

/**
 * A stored item read through `read`: whatever junk it holds is left out of every value handed
 * out (never an error), then repaired in storage (the sound value written back, under the item's
 * lock) and noted in `repairs`, after the read and without holding it up. `alsoRepair` does what
 * the item's junk asks for beyond that (a damaged sign-in: why the user is signed out).
 */
export function checkedItem<T>(
  key: Key,
  fallback: T,
  read: (stored: unknown) => Read<T>,
  repairs: StoredItem<Repairs>,
  alsoRepair?: (junk: Junk[]) => Promise<void>,
): StoredItem<T> {
  const item: StoredItem<T> = defineItem(key, fallback, (stored) => {
    let checked: Read<T>;
    try {
      checked = read(stored);
    } catch {
      // A reader that fails is a bug here, not junk there: the default for now, and nothing written over.
      return fallback;
    }
    if (checked.junk.length > 0 && !repairing.has(key)) void repair(checked.junk);
    return checked.value;
  });

  async function repair(junk: Junk[]): Promise<void> {
    repairing.add(key);
    try {
      await updateItem(item, (sound) => sound);
      await alsoRepair?.(junk);
      await updateItem(repairs, (before) => withRepairs(before, junk));
    } catch {
      // Storage refused the write: the next read finds the junk again, and tries again.
    } finally {
      repairing.delete(key);
    }
  }
  return item;
}
