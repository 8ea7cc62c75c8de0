import { useEffect, useState } from 'preact/hooks';
import { historyCleaning } from '../../lib/browser/clean-address';
import { t } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { ErrorText } from '../ErrorText';

interface Props {
  on: boolean;
  onChange(on: boolean): void;
}

/**
 * "Remove the token from the address bar", and under it "Also delete the signed address from
 * history", which is the optional `history` permission itself: on when granted, off when given back.
 */
export function CleanAddressOption({ on, onChange }: Props) {
  const [history, setHistory] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Read again as the clean address bar turns on or off: turning it off gives `history` back.
  useEffect(() => void historyCleaning.granted().then(setHistory, () => setHistory(false)), [on]);

  function deleteFromHistory(wanted: boolean) {
    setError(null);
    // Asked inside the click, before any await: Firefox prompts only during the user's gesture.
    const change = wanted ? historyCleaning.request() : historyCleaning.drop().then(() => false);
    void change
      .then(async (granted) => {
        if (wanted && !granted) setError(t('clean_history_denied'));
        setHistory(await historyCleaning.granted());
      })
      .catch((failure: unknown) => setError(errorMessage(failure)));
  }

  return (
    <>
      <label class="check">
        <input type="checkbox" role="switch" checked={on} onChange={(e) => onChange(e.currentTarget.checked)} />
        <span>
          {t('clean_address_bar')}
          <span class="hint">{t('clean_address_bar_hint')}</span>
        </span>
      </label>
      <label class="check sub">
        <input type="checkbox" role="switch" checked={on && history} disabled={!on} onChange={(e) => deleteFromHistory(e.currentTarget.checked)} />
        {t('clean_history')}
      </label>
      <ErrorText text={error} />
    </>
  );
}
