import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../lib/browser/stored-item';

/** A stored item's value, kept current as it changes; undefined until first read. */
export function useStored<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T>();
  // Asked for during the first render, not in the effect: effects run a frame later, and the
  // page's first real frame waits on this read.
  const [firstRead] = useState(() => item.getValue());
  useEffect(() => {
    let live = true;
    let changed = false;
    void firstRead.then((v) => live && !changed && setValue(() => v));
    const unwatch = item.watch((v) => {
      changed = true;
      setValue(() => v);
    });
    return () => {
      live = false;
      unwatch();
    };
  }, [item, firstRead]);
  return value;
}
