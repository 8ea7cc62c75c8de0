import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../lib/browser/i18n';
import { shortcutSettings, type Shortcut } from '../../lib/browser/shortcut-settings';
import { errorMessage } from '../../lib/error-message';

// The toolbar button's own command (MV3 name, and MV2's in the Firefox build) may come without a description.
const OPEN_POPUP = new Set(['_execute_action', '_execute_browser_action']);

function describe(shortcut: Shortcut): string {
  return shortcut.description || (OPEN_POPUP.has(shortcut.name) ? t('command_popup') : shortcut.name);
}

// Stands in for the keyword while the sentence is translated, then is replaced by the keyword as a key.
const MARK = '\u0001';

/** "In the address bar: type [bdk], a space, then …": the keyword shown as the key to type. */
function OmniboxLine({ keyword }: { keyword: string }) {
  const [before, after] = t('shortcut_omnibox', MARK).split(MARK);
  return (
    <p class="omnibox">
      {before}
      <kbd>{keyword}</kbd>
      {after}
    </p>
  );
}

/** The extension's shortcuts as the browser has them, and the way to the browser's page to change them. */
export function ShortcutsSection() {
  const keyword = browser.runtime.getManifest().omnibox?.keyword;
  const [shortcuts, setShortcuts] = useState<Shortcut[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const load = () =>
      shortcutSettings.getAll().then(
        (all) => (setShortcuts(all), setProblem(null)),
        () => setProblem(t('shortcut_load_failed')),
      );
    void load();
    // Back from the browser's shortcuts page: show what changed there.
    window.addEventListener('focus', load);
    return () => window.removeEventListener('focus', load);
  }, []);

  async function openSettings() {
    try {
      await shortcutSettings.open();
    } catch (error) {
      setProblem(errorMessage(error));
    }
  }

  return (
    <section class="card" aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">{t('shortcut_heading')}</h2>
      {shortcuts && shortcuts.length > 0 && (
        <table class="list">
          <thead>
            <tr>
              <th scope="col">{t('shortcut_column_action')}</th>
              <th scope="col">{t('shortcut_column_keys')}</th>
            </tr>
          </thead>
          <tbody>
            {shortcuts.map((shortcut) => (
              <tr key={shortcut.name}>
                <td>{describe(shortcut)}</td>
                <td>{shortcut.shortcut ? <kbd>{shortcut.shortcut}</kbd> : <span class="hint">{t('shortcut_not_set')}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shortcuts?.length === 0 && <p>{t('shortcut_none')}</p>}
      {problem && <p class="error" role="alert">{problem}</p>}
      {keyword && <OmniboxLine keyword={keyword} />}
      {shortcutSettings.canOpen() ? (
        <div class="actions">
          <button type="button" onClick={() => void openSettings()} aria-describedby="shortcut-change-hint">
            {t('shortcut_change_button')}
          </button>
          <p id="shortcut-change-hint" class="hint">{t('shortcut_change_hint')}</p>
        </div>
      ) : (
        <p class="hint">{t('shortcut_change_firefox')}</p>
      )}
    </section>
  );
}
