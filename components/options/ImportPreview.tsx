import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { hostPermissions } from '../../lib/browser/permissions';
import { updateItem } from '../../lib/browser/update-item';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import { parseSettings } from '../../lib/settings/settings';
import {
  applyImport,
  changesAnything,
  originsToGrant,
  parseImport,
  planImport,
  type ImportFile,
  type ImportPlan,
  type ParsedImport,
} from '../../lib/settings/transfer';
import { settingsItem } from '../../lib/storage';
import type { Status } from '../StatusMessage';
import { useFocusOnMount } from '../use-focus-on-mount';
import { doneText, planLines, problemLine } from './import-words';

// Loaded on the first import only: the options page does not carry it otherwise.

export interface OpenedImport {
  fileName: string;
  parsed: ParsedImport;
  /** Against the settings stored when the file was chosen; recomputed when applied. */
  plan: ImportPlan | null;
  /** Origins of the file's servers not granted yet: asked for inside the Apply click. */
  missing: string[];
}

/** Reads a chosen file and what importing it would do. */
export async function openImport(file: File): Promise<OpenedImport> {
  const [text, stored] = await Promise.all([file.text(), settingsItem.getValue()]);
  const parsed = parseImport(text);
  if (!parsed.ok) return { fileName: file.name, parsed, plan: null, missing: [] };
  const plan = planImport(parseSettings(stored), parsed.file);
  const origins = originsToGrant(plan);
  const granted = await Promise.all(origins.map((origin) => hostPermissions.contains([origin]).catch(() => false)));
  return { fileName: file.name, parsed, plan, missing: origins.filter((_, i) => !granted[i]) };
}

interface Props {
  opened: OpenedImport;
  setStatus(status: Status | null): void;
  /** Leaves the preview; `imported` once the settings were written. */
  onClose(imported: boolean): void;
}

/** The preview of an import (or its problems) with Apply and Cancel. */
export function ImportPreview({ opened, setStatus, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const { parsed, plan } = opened;
  const lines = parsed.ok && plan ? planLines(plan) : parsed.ok ? [] : parsed.problems.map((p) => problemLine(p));
  const canApply = parsed.ok && plan !== null && changesAnything(plan);

  function apply() {
    if (busy || !parsed.ok) return;
    // Before any await: browsers show the permission prompt only while handling the click.
    const allowed = opened.missing.length > 0 ? hostPermissions.request(opened.missing) : Promise.resolve(true);
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
      let applied = plan!;
      // Planned again on what is stored at that moment: another page may have changed it since.
      await updateItem(settingsItem, (stored) => {
        const current = parseSettings(stored);
        applied = planImport(current, file);
        return applyImport(current, applied);
      });
      // A token goes only to the server that issued it: a profile on a new server signs in again.
      const moved = applied.change.filter((c) => c.serverChanged);
      const forgets = await Promise.allSettled(moved.map((c) => sendMessage('forget', { profileId: c.id })));
      const failed = forgets.some((r) => r.status === 'rejected');
      const after = failed ? t('transfer_sign_out_failed') : moved.length > 0 ? t('transfer_signed_out') : '';
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
      {parsed.ok && !canApply && <p>{t('transfer_nothing')}</p>}
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
