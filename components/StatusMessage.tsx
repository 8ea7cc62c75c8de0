export interface Status {
  tone: 'ok' | 'warn' | 'error' | 'busy';
  text: string;
}

/**
 * A polite live region. It is always in the page, empty or not: screen readers announce changes
 * only in regions that existed before the change.
 */
export function StatusMessage({ status }: { status: Status | null }) {
  return (
    <p role="status" aria-live="polite" class={status?.text ? `status ${status.tone}` : 'status'}>
      {status?.text ?? ''}
    </p>
  );
}
