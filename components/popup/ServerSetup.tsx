import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import type { Settings } from '../../lib/settings/settings';

/** First run: where the Bytedesk server is. */
export function ServerSetup(_: { settings: Settings }) {
  return (
    <div>
      <p>{t('popup_no_server')}</p>
      <button type="button" class="primary" onClick={() => browser.runtime.openOptionsPage()}>
        {t('popup_set_server')}
      </button>
    </div>
  );
}
