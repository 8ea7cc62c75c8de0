import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import { hostOf, type ServerProfile } from '../../lib/settings/settings';

interface Props {
  profiles: ServerProfile[];
  shown: ServerProfile;
  onSwitch(profile: ServerProfile): void;
}

/**
 * The profile shown, as a menu button: the menu lists every profile (arrow keys, Home/End, Enter,
 * Escape), each with its Ctrl+number, which also works anywhere in the popup.
 */
export function ProfileSwitcher({ profiles, shown, onSwitch }: Props) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role=menuitemradio]') ?? [])];

  // Opened: the focus goes to the profile shown, as in any menu of choices.
  useEffect(() => {
    if (open) items().find((item) => item.getAttribute('aria-checked') === 'true')?.focus();
  }, [open]);

  function close() {
    setOpen(false);
    button.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent) {
    const all = items();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: all.length - 1 }[e.key];
    if (to !== undefined) all[(to + all.length) % all.length]?.focus();
    else if (e.key === 'Escape' || e.key === 'Tab') close();
    else return;
    e.preventDefault();
  }

  return (
    <div class="profiles">
      <button
        type="button"
        ref={button}
        class="profile-toggle"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'profile-menu' : undefined}
        aria-label={t('popup_profile_label', shown.name)}
        onClick={() => setOpen(!open)}
      >
        {shown.name}
      </button>
      {open && (
        <ul id="profile-menu" role="menu" aria-label={t('popup_profiles')} ref={menu} onKeyDown={onKeyDown}>
          {profiles.map((p, i) => (
            <li role="none" key={p.id}>
              <button
                type="button"
                role="menuitemradio"
                aria-checked={p.id === shown.id}
                tabIndex={-1}
                onClick={() => {
                  close();
                  onSwitch(p);
                }}
              >
                <span class="name">{p.name}</span>{' '}
                <span class="hint">{hostOf(p.baseUrl)}</span>
                {i < 9 && <kbd aria-hidden="true">Ctrl+{i + 1}</kbd>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Ctrl+1…9 (⌘ on a Mac) picks the profile with that number, wherever the focus is in the popup. */
export function useProfileKeys(profiles: ServerProfile[], onSwitch: (profile: ServerProfile) => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || !/^[1-9]$/.test(e.key)) return;
      const profile = profiles[Number(e.key) - 1];
      if (!profile) return;
      e.preventDefault();
      onSwitch(profile);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [profiles, onSwitch]);
}
