import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { originPattern } from '../../lib/settings/server-url';
import { hostOf, type ServerProfile } from '../../lib/settings/settings';

/**
 * A profile whose server the browser has not let the extension reach yet (one set by an
 * organisation's policy or imported from a file: no policy can grant it). One click asks, inside
 * that click; the organisation's server is said to be theirs.
 */
export function HostAccess({ profile }: { profile: ServerProfile }) {
  const origins = [profile.baseUrl, profile.agentUrl, profile.adminUrl].flatMap((url) => (url ? [originPattern(url)] : []));
  const key = origins.join(' ');
  const [granted, setGranted] = useState<boolean | null>(null);
  useEffect(() => {
    void browser.permissions.contains({ origins: key.split(' ') }).then(setGranted, () => setGranted(false));
  }, [key]);
  if (granted !== false) return null;
  const host = hostOf(profile.baseUrl);
  return (
    <div class="note" role="group" aria-labelledby="host-access">
      <p id="host-access">{profile.managed ? t('popup_access_managed', host) : t('popup_access', host)}</p>
      <button type="button" class="primary" onClick={() => void browser.permissions.request({ origins }).then(setGranted)}>
        {t('popup_allow_access', host)}
      </button>
    </div>
  );
}
