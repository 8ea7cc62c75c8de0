import { useEffect, useState } from 'preact/hooks';
import { hostPermissions } from '../../lib/browser/permissions';
import { readServerForm, type ServerFormValues } from '../../lib/settings/server-form';

/**
 * Whether the form's origins are granted already, checked as the fields change and when the page
 * gets focus back (permissions can be removed in the browser's settings). The save handler reads
 * it without waiting, so it can still call `permissions.request` inside the user's click.
 */
export function useGrantedOrigins(values: ServerFormValues) {
  const [known, setKnown] = useState<{ key: string; granted: boolean } | null>(null);
  const [focusCount, setFocusCount] = useState(0);
  const form = readServerForm(values, () => '');
  const key = form.ok ? form.origins.join(' ') : '';

  useEffect(() => {
    if (!key) return;
    let current = true;
    hostPermissions.contains(key.split(' ')).then(
      (granted) => current && setKnown({ key, granted }),
      () => current && setKnown({ key, granted: false }),
    );
    return () => void (current = false);
  }, [key, focusCount]);

  useEffect(() => {
    const onFocus = () => setFocusCount((n) => n + 1);
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, []);

  return {
    /** True only when known to be granted: when in doubt the caller asks (no prompt if granted). */
    granted: (origins: string[]) => known?.key === origins.join(' ') && known.granted,
    remember: (origins: string[]) => setKnown({ key: origins.join(' '), granted: true }),
  };
}
