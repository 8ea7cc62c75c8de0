import { useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { sendMessage } from '../../lib/messaging';
import { connectionOutcome, readServerUrl } from '../../lib/settings/server-form';
import type { Status } from '../StatusMessage';

interface ConnectionTestProps {
  /** The server URL field as typed. */
  baseUrl: string;
  onInvalid(error: string): void;
  onResult(status: Status): void;
}

/** "Test connection": asks the server at the typed URL whether it is a Bytedesk server. */
export function ConnectionTest({ baseUrl, onInvalid, onResult }: ConnectionTestProps) {
  const [busy, setBusy] = useState(false);
  const running = useRef<AbortController | null>(null);

  async function test() {
    const read = readServerUrl(baseUrl, { required: true });
    if (!('url' in read) || !read.url) return onInvalid('error' in read ? read.error : t('options_error_required'));
    running.current?.abort(); // a newer test replaces an older one: its answer is ignored
    const controller = new AbortController();
    running.current = controller;
    const host = new URL(read.url).host;
    setBusy(true);
    onResult({ tone: 'busy', text: t('options_testing', host) });
    let failure: unknown = null;
    try {
      // The background asks: the server client (and its schemas) stay out of this page.
      await sendMessage('probe', { baseUrl: read.url });
    } catch (error) {
      failure = error;
    }
    if (controller.signal.aborted) return;
    setBusy(false);
    const outcome = connectionOutcome(failure, host);
    onResult({ tone: outcome.result === 'ok' ? 'ok' : 'error', text: outcome.text });
  }

  // Not `disabled` while busy: that would drop keyboard focus; a second click restarts the test.
  return (
    <button type="button" aria-busy={busy ? 'true' : undefined} onClick={() => void test()}>
      {t('options_test_button')}
    </button>
  );
}
