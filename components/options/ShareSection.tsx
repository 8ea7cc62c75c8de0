import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { activeProfile, type Settings, type Workspace } from '../../lib/settings/settings';
import { TOP_PAGES } from '../../lib/workspace/paths';
import { SnippetButtons } from '../share/SnippetButtons';
import { TextField } from '../TextField';
import { RadioGroup } from './RadioGroup';

/** "Links to share": the docs' four snippets for any page of the active profile's server. */
export function ShareSection({ settings }: { settings: Settings }) {
  const profile = activeProfile(settings);
  const [workspace, setWorkspace] = useState<Workspace>(settings.defaultWorkspace);
  const [path, setPath] = useState(TOP_PAGES[settings.defaultWorkspace][0]!.path);
  if (!profile) return null;

  function choose(chosen: Workspace) {
    setWorkspace(chosen);
    setPath(TOP_PAGES[chosen][0]!.path);
  }

  return (
    <section class="card" aria-labelledby="share-heading">
      <h2 id="share-heading">{t('share_heading')}</h2>
      <p class="hint">{t('share_intro')}</p>
      <RadioGroup<Workspace>
        name="share-workspace"
        legend={t('share_workspace')}
        value={workspace}
        options={[
          { value: 'agent', label: t('options_workspace_agent') },
          { value: 'admin', label: t('options_workspace_admin') },
        ]}
        onChange={choose}
      />
      <TextField id="share-path" label={t('share_page')} value={path} onInput={setPath} />
      <SnippetButtons profile={profile} workspace={workspace} path={path} idPrefix="options-share" />
    </section>
  );
}
