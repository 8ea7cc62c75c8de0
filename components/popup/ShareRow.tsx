import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import type { ServerProfile, Workspace } from '../../lib/settings/settings';

type SharePanel = typeof import('./SharePanel').SharePanel;

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
 * "Links to share" for that row below the list; that panel and the snippet code load on first use.
 */
export function ShareRow({ list, index, path, label, profile, workspace }: Props) {
  const [top, setTop] = useState(0);
  const [sharing, setSharing] = useState<{ path: string; label: string; workspace: Workspace } | null>(null);
  const [Panel, setPanel] = useState<SharePanel | null>(null);
  const button = useRef<HTMLButtonElement>(null);

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

  const open = sharing?.path === path && sharing.workspace === workspace;
  function toggle() {
    if (open) return setSharing(null);
    setSharing({ path, label, workspace });
    if (!Panel) void import('./SharePanel').then((m) => setPanel(() => m.SharePanel));
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
      {shown && Panel && <Panel profile={profile} workspace={workspace} path={shown.path} label={shown.label} onClose={close} />}
    </>
  );
}
