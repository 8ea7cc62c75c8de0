import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { updateItem } from '../../lib/browser/update-item';
import { repairLines } from '../../lib/repair/repair-text';
import { repairsItem } from '../../lib/storage';
import { useStored } from '../use-stored';

/**
 * What was found unreadable in storage and repaired, said once: the record is emptied as soon as
 * it is shown, and the words stay until the page closes.
 */
export function RepairNotice() {
  const repairs = useStored(repairsItem);
  const [lines, setLines] = useState<string[]>([]);
  useEffect(() => {
    const found = repairLines(repairs?.found ?? {});
    if (found.length === 0) return;
    setLines((shown) => [...shown, ...found.filter((line) => !shown.includes(line))]);
    void updateItem(repairsItem, (r) => ({ ...r, found: {} }));
  }, [repairs]);
  if (lines.length === 0) return null;
  return (
    <div class="error" role="status">
      <p>{t('repair_title')}</p>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}
