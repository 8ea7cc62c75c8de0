import type { StoredItem } from '../browser/stored-item';
import { updateItem } from '../browser/update-item';
import type { Repairs } from '../repair/repairs';

/**
 * Ends the sessions of profiles dropped from the settings as unreadable (their tokens would
 * otherwise stay valid on their servers with nobody to revoke them): those found until now, and
 * each one found later, in whichever page found it. Returns the run for those found until now.
 */
export function followOrphanSessions(repairs: StoredItem<Repairs>, drop: (profileId: string) => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  const run = (): Promise<void> =>
    (running ??= (async () => {
      for (;;) {
        const { orphans } = await repairs.getValue();
        if (orphans.length === 0) return;
        await Promise.all(orphans.map((id) => drop(id).catch(() => {})));
        await updateItem(repairs, (r) => ({ ...r, orphans: r.orphans.filter((id) => !orphans.includes(id)) }));
      }
    })().finally(() => (running = null)));
  repairs.watch((r) => {
    if (r.orphans.length > 0) void run();
  });
  return run;
}
