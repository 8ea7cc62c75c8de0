import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/browser/i18n';
import { errorMessage } from '../../lib/error-message';
import { sendMessage } from '../../lib/messaging';
import type { ServerProfile, Workspace } from '../../lib/settings/settings';
import { buildSnippet, SNIPPET_KINDS, TOKEN_PLACEHOLDER, type SnippetKind } from '../../lib/share/snippets';
import { signedWorkspaceUrl } from '../../lib/workspace/workspace-url';
import { ErrorText } from '../ErrorText';
import { StatusMessage, type Status } from '../StatusMessage';
import './share.css';

const COPY_LABEL: Record<SnippetKind, MessageKey> = {
  link: 'share_copy_link',
  'window-open': 'share_copy_window_open',
  iframe: 'share_copy_iframe',
  form: 'share_copy_form',
};

interface Props {
  profile: ServerProfile;
  workspace: Workspace;
  path: string;
  /** Ids made unique per use (the popup and options page may each show one). */
  idPrefix: string;
}

/**
 * The four copy buttons of the AccessToken docs for one page. The placeholder unless the user
 * ticks "Put my real token in" (off on every showing); then the background builds the snippet
 * with the live token. The copied text lives only in the clipboard: not in state, not in storage.
 */
export function SnippetButtons({ profile, workspace, path, idPrefix }: Props) {
  const [real, setReal] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function copy(kind: SnippetKind) {
    setStatus(null);
    setError(null);
    try {
      const text = real
        ? await sendMessage('snippet', { profileId: profile.id, workspace, path, kind, realToken: true })
        : buildSnippet(kind, signedWorkspaceUrl(profile, workspace, path, TOKEN_PLACEHOLDER));
      await navigator.clipboard.writeText(text);
      setStatus({ tone: 'ok', text: t('share_copied') });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  }

  return (
    <div class="snippets">
      <label class="check">
        <input
          type="checkbox"
          checked={real}
          aria-describedby={`${idPrefix}-warning`}
          onChange={(e) => setReal(e.currentTarget.checked)}
        />
        {t('share_real_token')}
      </label>
      <p id={`${idPrefix}-warning`} class={real ? 'hint warn' : 'hint'}>
        {t('share_real_token_warning')}
      </p>
      <div class="copy-buttons">
        {SNIPPET_KINDS.map((kind) => (
          <button key={kind} type="button" onClick={() => void copy(kind)}>
            {t(COPY_LABEL[kind])}
          </button>
        ))}
      </div>
      <StatusMessage status={status} />
      <ErrorText text={error} />
    </div>
  );
}
