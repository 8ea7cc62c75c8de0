import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { activeProfile, parseSettings, type Settings } from '../../lib/settings/settings';
import { settingsItem } from '../../lib/storage';
import { PageHeader } from '../PageHeader';
import { AboutFooter } from './AboutFooter';
import { BehaviourSection } from './BehaviourSection';
import { ServerSection } from './ServerSection';
import { ShortcutsSection } from './ShortcutsSection';

/** The options page: server (saved with its button), behaviour (saved at once), shortcuts, who and which version. */
export function OptionsPage() {
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    document.title = t('options_page_title', t('extName'));
    void settingsItem.getValue().then((stored) => setSettings(parseSettings(stored)));
  }, []);

  return (
    <main class="page">
      <PageHeader title={t('options_page_title', t('extName'))} />
      <p class="intro">{t('options_save_model')}</p>
      {settings && (
        <>
          <ServerSection profile={activeProfile(settings)} />
          <BehaviourSection settings={settings} />
        </>
      )}
      <ShortcutsSection />
      <AboutFooter />
    </main>
  );
}
