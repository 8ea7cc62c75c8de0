import { useRef, useState } from 'preact/hooks';
import { downloadText } from '../../lib/browser/download-text';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { parseSettings } from '../../lib/settings/settings';
import { settingsItem } from '../../lib/storage';
import { StatusMessage, type Status } from '../StatusMessage';
import type { OpenedImport } from './transfer-lazy';

type Lazy = typeof import('./transfer-lazy');

/**
 * "Export and import": settings to a JSON file and back, with a preview before anything changes.
 * The page carries only its buttons: the rest is loaded on first use.
 */
export function TransferSection() {
  const [status, setStatus] = useState<Status | null>(null);
  const [preview, setPreview] = useState<{ module: Lazy; opened: OpenedImport; id: number } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);

  async function exportSettings() {
    try {
      const [{ exportSettings, EXPORT_FILE_NAME }, stored] = await Promise.all([import('./transfer-lazy'), settingsItem.getValue()]);
      downloadText(document, EXPORT_FILE_NAME, JSON.stringify(exportSettings(parseSettings(stored)), null, 2), 'application/json');
      setStatus({ tone: 'ok', text: t('transfer_exported', EXPORT_FILE_NAME) });
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  async function chosen(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = ''; // the same file chosen again (after a fix, say) is read again
    if (!file) return;
    setStatus(null);
    try {
      const module = await import('./transfer-lazy');
      const opened = await module.openImport(file);
      // A new key for each file: the preview starts afresh, its heading focused again.
      setPreview((previous) => ({ module, opened, id: (previous?.id ?? 0) + 1 }));
    } catch (error) {
      setStatus({ tone: 'error', text: errorMessage(error) });
    }
  }

  // The page's own sections follow the stored settings: nothing to tell them after an import.
  function close() {
    setPreview(null);
    importButton.current?.focus();
  }

  return (
    <section class="card" aria-labelledby="transfer-heading">
      <h2 id="transfer-heading">{t('transfer_heading')}</h2>
      <p class="intro">{t('transfer_intro')}</p>
      <div class="actions">
        <button type="button" onClick={() => void exportSettings()}>{t('transfer_export')}</button>
        {/* A button opens the file chooser: a file input itself cannot carry these words. */}
        <button type="button" ref={importButton} onClick={() => fileInput.current?.click()}>
          {t('transfer_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('transfer_import')}
          onChange={(e) => void chosen(e.currentTarget)}
        />
      </div>
      {preview && <preview.module.ImportPreview key={preview.id} opened={preview.opened} setStatus={setStatus} onClose={close} />}
      <StatusMessage status={status} />
    </section>
  );
}
