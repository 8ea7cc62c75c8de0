import { useEffect, useRef, useState } from 'preact/hooks';
import type { StoredItem } from '../lib/browser/stored-item';

/**
 * A stored item's value, kept current as it changes; undefined until read. The item may change
 * (another profile shown): its value is then read anew, and the old one is never returned for it.
 */
export function useStored<T>(item: StoredItem<T>): T | undefined {
  const [known, setKnown] = useState<{ key: string; value: T }>();
  // Asked for while rendering, not in the effect: effects run a frame later, and the page's first
  // real frame waits on this read.
  const reads = useRef(new Map<string, Promise<T>>());
  if (!reads.current.has(item.key)) reads.current.set(item.key, item.getValue());
  useEffect(() => {
    let live = true;
    let changed = false;
    const key = item.key;
    void reads.current.get(key)!.then((value) => live && !changed && setKnown({ key, value }));
    const unwatch = item.watch((value) => {
      changed = true;
      setKnown({ key, value });
    });
    return () => {
      live = false;
      reads.current.delete(key); // shown again later: read again, it may have changed unwatched
      unwatch();
    };
  }, [item]);
  return known?.key === item.key ? known.value : undefined;
}
