import type { ComponentChildren, Ref } from 'preact';
import { t } from '../../lib/browser/i18n';
import { LIST_LIMIT } from '../../lib/users/list-limit';
import { readListFile } from '../../lib/users/read-list-file';

interface ListInputProps {
  text: string;
  readOnly: boolean;
  describedBy: string;
  boxRef: Ref<HTMLTextAreaElement>;
  onText(text: string): void;
  /** A file could not be read: said in the section's live region. */
  onUnreadable(): void;
  /** A file far over the size limit, not read at all (its size in bytes). */
  onTooLarge(bytes: number): void;
  /** What is said about the box's lines, right under it. */
  children: ComponentChildren;
}

/** The list of users: typed or pasted in the box, or a CSV/TSV file chosen or dropped on it, whose text fills the box. */
export function ListInput({ text, readOnly, describedBy, boxRef, onText, onUnreadable, onTooLarge, children }: ListInputProps) {
  // Over the limit even in GB18030 (2 bytes a Chinese character, 3 in UTF-8): not read into the page at all.
  const load = (file: File | undefined) =>
    file && (file.size > 1.5 * LIST_LIMIT.bytes ? onTooLarge(file.size) : readListFile(file).then(onText, onUnreadable));
  const withFiles = (e: DragEvent) => !readOnly && e.dataTransfer?.types.includes('Files');
  return (
    <>
      <label for="batch-text">{t('users_batch_label')}</label>
      <p id="batch-hint" class="hint">{t('users_batch_hint')}</p>
      <p id="batch-file-hint" class="hint">{t('users_batch_hint_file')}</p>
      <textarea
        id="batch-text"
        ref={boxRef}
        rows={8}
        spellcheck={false}
        readOnly={readOnly}
        value={text}
        placeholder={t('users_batch_placeholder')}
        aria-describedby={`batch-hint batch-file-hint ${describedBy}`}
        onInput={(e) => onText(e.currentTarget.value)}
        onDragOver={(e) => withFiles(e) && e.preventDefault()}
        onDrop={(e) => {
          if (!withFiles(e)) return;
          e.preventDefault(); // else the browser opens the file in place of the page
          void load(e.dataTransfer!.files[0]);
        }}
      />
      {children}
      <div class="file-choice">
        <label for="batch-file">{t('users_choose_file')}</label>
        <input
          id="batch-file"
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
          disabled={readOnly}
          onChange={(e) => {
            void load(e.currentTarget.files?.[0]);
            e.currentTarget.value = ''; // the same file chosen again is read again
          }}
        />
      </div>
    </>
  );
}
