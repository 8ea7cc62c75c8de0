import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../lib/browser/stored-item';

/** A stored item's value, kept current as it changes; undefined until first read. */
export function useStored<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.getValue().then((v) => live && setValue(() => v));
    const unwatch = item.watch((v) => setValue(() => v));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
