import { useState } from 'preact/hooks';
import { errorMessage } from '../lib/error-message';

/** Runs one background call at a time, with its error as words for the user (`words`: other words than the usual). */
export function useAction(words: (error: unknown) => string = errorMessage) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (e) {
      setError(words(e));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, setError, run };
}
