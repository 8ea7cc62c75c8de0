import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { canEdit, profileById } from '../../lib/settings/profiles';
import { parseSettings } from '../../lib/settings/settings';
import { settingsItem } from '../../lib/storage';
import { PageHeader } from '../PageHeader';
import { useStored } from '../use-stored';
import { AboutFooter } from './AboutFooter';
import { BehaviourSection } from './BehaviourSection';
import { PolicyNotice } from './PolicyNotice';
import { ProfilesSection } from './ProfilesSection';
import { RepairNotice } from './RepairNotice';
import { ServerSection } from './ServerSection';
import { lazySection } from './lazy-section';
import { ShortcutsSection } from './ShortcutsSection';
import { TransferSection } from './TransferSection';
import { WaitingSection } from './WaitingSection';

/** The options page: profiles and the server of one (saved with its button), behaviour (saved at once), shortcuts, who and which version. */
const ShareSection = lazySection(() => import('./ShareSection').then((m) => m.ShareSection));
const ActionsSection = lazySection(() => import('./ActionsSection').then((m) => m.ActionsSection));

export function OptionsPage() {
  const stored = useStored(settingsItem);
  // The profile the server card edits (null: a new one): the active one when the page opened,
  // kept while the popup switches profiles, so the card never saves one profile's fields into another.
  const [picked, setPicked] = useState<string | null | undefined>(undefined);
  // A profile just made from the empty card keeps that card (and the "Saved" it says).
  const [created, setCreated] = useState<string | null>(null);
  const [picks, setPicks] = useState(0);

  useEffect(() => {
    document.title = t('options_page_title', t('extName'));
  }, []);

  const settings = stored === undefined ? null : parseSettings(stored);
  const pickedId = picked === undefined ? (settings?.activeProfileId ?? null) : picked;
  useEffect(() => {
    if (settings && picked === undefined) setPicked(settings.activeProfileId);
  }, [settings !== null]);
  const editing = settings && profileById(settings, pickedId);
  return (
    <main class="page">
      <PageHeader title={t('options_page_title', t('extName'))} />
      <p class="intro">{t('options_save_model')}</p>
      <PolicyNotice />
      <RepairNotice />
      {settings && (
        <>
          {settings.profiles.length > 0 && <ProfilesSection
              settings={settings}
              editing={editing?.id ?? null}
              onEdit={(id) => {
                setCreated(null);
                setPicked(id);
                setPicks((n) => n + 1);
              }}
            />}
          <ServerSection
            // A fresh form for each profile picked: no field of one left in another.
            key={`${picks}:${editing && editing.id !== created ? editing.id : 'new'}`}
            profile={editing}
            locked={editing !== null && !canEdit(settings, editing)}
            onSaved={(id) => {
              if (!editing) setCreated(id);
              setPicked(id);
            }}
          />
          <BehaviourSection settings={settings} />
          <WaitingSection settings={settings} />
          <ShareSection settings={settings} />
          <ActionsSection settings={settings} />
        </>
      )}
      <TransferSection />
      <ShortcutsSection />
      <AboutFooter />
    </main>
  );
}
