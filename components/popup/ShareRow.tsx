import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import type { ServerProfile, Workspace } from '../../lib/settings/settings';

type SnippetButtons = typeof import('../share/SnippetButtons').SnippetButtons;

interface Props {
  /** The page list, whose row `index` the menu button sits on. */
  list: RefObject<HTMLUListElement | null>;
  index: number;
  path: string;
  label: string;
  profile: ServerProfile;
  workspace: Workspace;
}

const BUTTON_PX = 26;

/**
 * The "⋯" of the list's selected row (the mouse's or the arrows'): one button that moves with
 * the selection, outside the listbox, since an option may hold no control of its own. It opens
 * "Links to share" for that row below the list; the snippet code loads on first use.
 */
export function ShareRow({ list, index, path, label, profile, workspace }: Props) {
  const [top, setTop] = useState(0);
  const [sharing, setSharing] = useState<{ path: string; label: string; workspace: Workspace } | null>(null);
  const [Buttons, setButtons] = useState<SnippetButtons | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul) return;
    const place = () => {
      const row = ul.children[index] as HTMLElement | undefined;
      if (!row) return;
      const middle = row.offsetTop - ul.scrollTop + row.offsetHeight / 2;
      const inside = Math.min(Math.max(middle, ul.offsetTop + BUTTON_PX / 2), ul.offsetTop + ul.clientHeight - BUTTON_PX / 2);
      setTop(inside - BUTTON_PX / 2);
    };
    place();
    ul.addEventListener('scroll', place);
    return () => ul.removeEventListener('scroll', place);
  }, [list, index, path]);

  useEffect(() => {
    if (Buttons && sharing) panel.current?.querySelector<HTMLElement>('input')?.focus(); // the choice that comes first
  }, [Buttons, sharing?.path]);

  const open = sharing?.path === path && sharing.workspace === workspace;
  function toggle() {
    if (open) return setSharing(null);
    setSharing({ path, label, workspace });
    if (!Buttons) void import('../share/SnippetButtons').then((m) => setButtons(() => m.SnippetButtons));
  }
  function close() {
    setSharing(null);
    button.current?.focus();
  }

  const shown = sharing && sharing.workspace === workspace ? sharing : null;
  return (
    <>
      <button
        ref={button}
        type="button"
        class="row-menu"
        style={{ top: `${top}px` }}
        aria-label={t('share_menu', label)}
        aria-expanded={open}
        {...(open && { 'aria-controls': 'share-panel' })}
        onClick={toggle}
      >
        ⋯
      </button>
      {shown && Buttons && (
        <div
          id="share-panel"
          ref={panel}
          class="share-panel"
          role="group"
          aria-label={t('share_for', shown.label)}
          onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), close())}
        >
          <p class="row">
            <strong>{t('share_for', shown.label)}</strong>
            <span class="spacer" />
            <button type="button" class="link" onClick={close}>
              {t('share_close')}
            </button>
          </p>
          <Buttons key={`${workspace}:${shown.path}`} profile={profile} workspace={workspace} path={shown.path} idPrefix="popup-share" />
        </div>
      )}
    </>
  );
}
