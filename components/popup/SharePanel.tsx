import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import type { ServerProfile, Workspace } from '../../lib/settings/settings';
import { SnippetButtons } from '../share/SnippetButtons';

interface Props {
  profile: ServerProfile;
  workspace: Workspace;
  path: string;
  label: string;
  onClose(): void;
}

/** The row menu's "Links to share", loaded with the snippet code on first use (the popup stays light). */
export function SharePanel({ profile, workspace, path, label, onClose }: Props) {
  const panel = useRef<HTMLDivElement>(null);
  // The choice that comes first, so the keyboard goes on from where the menu opened.
  useEffect(() => panel.current?.querySelector('input')?.focus(), [path]);
  return (
    <div
      id="share-panel"
      ref={panel}
      class="share-panel"
      role="group"
      aria-label={t('share_for', label)}
      onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), onClose())}
    >
      <p class="row">
        <strong>{t('share_for', label)}</strong>
        <span class="spacer" />
        <button type="button" class="link" onClick={onClose}>
          {t('share_close')}
        </button>
      </p>
      <SnippetButtons key={`${workspace}:${path}`} profile={profile} workspace={workspace} path={path} idPrefix="popup-share" />
    </div>
  );
}
