import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { hostPermissions } from '../../lib/browser/permissions';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { saveImport } from '../../lib/settings/save-import';
import { parseSettings } from '../../lib/settings/settings';
import {
  changesAnything,
  originsToGrant,
  parseImport,
  planImport,
  type ImportFile,
  type ParsedImport,
} from '../../lib/settings/transfer';
import { settingsItem } from '../../lib/storage';
import type { Status } from '../StatusMessage';
import { useFocusOnMount } from '../use-focus-on-mount';
import { useStored } from '../use-stored';
import { doneText, planLines, problemLine } from './import-words';

// Loaded through transfer-lazy on the section's first use: the options page does not carry it.

export interface OpenedImport {
  fileName: string;
  parsed: ParsedImport;
}

/** Reads a chosen file. */
export async function openImport(file: File): Promise<OpenedImport> {
  return { fileName: file.name, parsed: parseImport(await file.text()) };
}

interface Props {
  opened: OpenedImport;
  setStatus(status: Status | null): void;
  /** Leaves the preview; `imported` once the settings were written. */
  onClose(imported: boolean): void;
}

/** The preview of an import (or its problems) with Apply and Cancel, kept current with the stored settings. */
export function ImportPreview({ opened, setStatus, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const stored = useStored(settingsItem);
  const { parsed } = opened;
  const plan = parsed.ok && stored !== undefined ? planImport(parseSettings(stored), parsed.file) : null;
  const lines = plan ? planLines(plan) : parsed.ok ? [] : parsed.problems.map((p) => problemLine(p));
  const canApply = plan !== null && changesAnything(plan);

  function apply() {
    if (busy || !parsed.ok || !plan) return;
    // Before any await: browsers show the permission prompt only while handling the click (and
    // none for origins granted already).
    const origins = originsToGrant(plan);
    const allowed = origins.length > 0 ? hostPermissions.request(origins) : Promise.resolve(true);
    setBusy(true);
    setStatus(null);
    void write(allowed, parsed.file).then((imported) => (imported ? onClose(true) : setBusy(false)));
  }

  /** Whether the settings were written; says what happened either way. */
  async function write(allowed: Promise<boolean>, file: ImportFile): Promise<boolean> {
    try {
      if (!(await allowed)) {
        setStatus({ tone: 'error', text: t('transfer_permission_denied') });
        return false;
      }
      const applied = await saveImport(file);
      // A token goes only to the origins its session began on: the background ends the sessions of
      // profiles whose server or app addresses changed, revoked on their old server.
      const ends = Object.values(
        await sendMessage('sessionEnds', { profileIds: applied.change.map((c) => c.id) }).catch(() => ({ failed: 'not-revoked' as const })),
      );
      const failed = ends.includes('not-revoked');
      const after = failed ? t('transfer_sign_out_failed') : ends.includes('revoked') ? t('transfer_signed_out') : '';
      setStatus({ tone: failed ? 'warn' : 'ok', text: [doneText(applied), after].filter(Boolean).join(' ') });
      return true;
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
      return false;
    }
  }

  const title = parsed.ok ? t('transfer_preview_heading', opened.fileName) : t('transfer_problems_heading', opened.fileName);
  return (
    <div
      class="import-preview"
      role="group"
      aria-labelledby="import-heading"
      onKeyDown={(e) => e.key === 'Escape' && onClose(false)}
    >
      <h3 id="import-heading" tabIndex={-1} ref={heading}>{title}</h3>
      {lines.length > 0 && <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>}
      {plan && !canApply && <p>{t('transfer_nothing')}</p>}
      <div class="actions">
        {canApply && (
          <button type="button" class="primary" aria-disabled={busy ? 'true' : undefined} onClick={apply}>
            {t('transfer_apply')}
          </button>
        )}
        <button type="button" onClick={() => onClose(false)}>{t('transfer_cancel')}</button>
      </div>
    </div>
  );
}
