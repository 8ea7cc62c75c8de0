import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Action } from '../../lib/actions/action';
import { withActionChoices, type ListedChoice } from '../../lib/actions/action-choices';
import { t, type MessageKey } from '../../lib/browser/i18n';
import type { OpenIn, Workspace } from '../../lib/settings/settings';
import { pageChoices } from '../../lib/workspace/path-list';
import { pageLanguageOf, TOP_PAGES, type AppPage } from '../../lib/workspace/paths';
import { useFocusOnMount } from '../use-focus-on-mount';

interface Props {
  workspace: Workspace;
  /** A page to list first, ahead of the recent ones (the chats, when conversations wait). */
  lead?: string;
  recent: readonly string[];
  /** Super administrators also see the pages their app shows to them alone. */
  superUser: boolean;
  openIn: OpenIn;
  busy: boolean;
  /** `alternate`: Shift was held: the other of new tab / this tab. */
  onOpen(path: string, alternate: boolean): void;
  /** A menu for the selected row, drawn beside the list (Links to share). */
  rowMenu?(row: { list: RefObject<HTMLUListElement | null>; index: number; path: string; label: string }): ComponentChildren;
  /** Actions on selected text, listed after the pages; choosing one asks for its value. */
  actions?: readonly Action[];
  onAction?(action: Action): void;
}

/** What Enter and Shift+Enter do, as the open-in setting makes them. */
const KEYS_HINT: Record<OpenIn, MessageKey> = {
  'new-tab': 'popup_keys_new_tab',
  'current-tab': 'popup_keys_current_tab',
  'reuse-tab': 'popup_keys_reuse_tab',
};

const label = (choice: ListedChoice) => choice.action?.name ?? choice.label ?? `/${choice.path}`;

// The names in the language of the popup's own words, whatever the browser's.
const LANGUAGE = pageLanguageOf(t('page_language'));

/** The app's pages: the top ones at once, the whole catalogue once it has loaded (after the first frame). */
function useAppPages(workspace: Workspace): readonly AppPage[] {
  const [all, setAll] = useState<Record<Workspace, readonly AppPage[]> | null>(null);
  useEffect(() => void import('../../lib/workspace/app-pages').then((m) => setAll(m.APP_PAGES)), []);
  return (all ?? TOP_PAGES)[workspace];
}

/**
 * A filter box over the pages, as a combobox: arrows move, Enter opens, Escape clears, text that
 * matches no page opens as a path. Selected on arrival: the last page opened (see pageChoices).
 */
export function PathPicker({ workspace, lead, recent, superUser, openIn, busy, onOpen, rowMenu, actions = [], onAction }: Props) {
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLUListElement>(null);
  const input = useFocusOnMount<HTMLInputElement>();
  // Where the arrows moved the selection, in which workspace (another workspace starts at the top).
  const [moved, setMoved] = useState({ workspace, index: 0 });
  const setActive = (index: number) => setMoved({ workspace, index });
  const pages = useAppPages(workspace);
  const listed = pageChoices(lead ? [lead, ...recent] : recent, filter, { pages, language: LANGUAGE, superUser });
  const choices = withActionChoices(listed, actions, filter);
  // Only the text itself is left: say so, rather than open a page that may not exist unasked.
  const nothingCalled = choices.length > 0 && choices.every((c) => c.typed);
  const current = Math.min(moved.workspace === workspace ? moved.index : 0, choices.length - 1);
  const chosen = choices[current];
  const optionId = (i: number) => `page-${i}`;
  // The list scrolls: the line the arrows reach stays in view.
  useEffect(() => list.current?.querySelector('.active')?.scrollIntoView({ block: 'nearest' }), [current, workspace]);
  const open = (choice: ListedChoice | undefined, alternate: boolean) =>
    choice && !busy && (choice.action ? onAction?.(choice.action) : onOpen(choice.path, alternate));

  function onKeyDown(event: KeyboardEvent) {
    const move = ({ ArrowDown: 1, ArrowUp: -1 } as Record<string, number>)[event.key];
    if (move !== undefined && choices.length > 0) {
      setActive((current + move + choices.length) % choices.length);
    } else if (event.key === 'Enter') {
      open(chosen, event.shiftKey);
    } else if (event.key === 'Escape' && filter) {
      setFilter('');
      setActive(0);
    } else return;
    event.preventDefault();
  }

  return (
    <div class="picker">
      <label for="path-filter" class="visually-hidden">
        {t('popup_filter')}
      </label>
      <input
        id="path-filter"
        type="search"
        role="combobox"
        list={undefined}
        ref={input}
        autoComplete="off"
        spellcheck={false}
        placeholder={t('popup_filter_placeholder')}
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls="path-list"
        aria-activedescendant={chosen ? optionId(current) : undefined}
        aria-describedby="path-keys"
        value={filter}
        onInput={(e) => {
          setFilter(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {nothingCalled && (
        <p class="hint no-page" role="status">
          {t('popup_no_page', filter.trim())}
        </p>
      )}
      <div class={rowMenu ? 'rows with-menu' : 'rows'}>
      {/* Out of the Tab order although it scrolls: the box's arrows move in it (and keep the line in view). */}
      <ul id="path-list" ref={list} role="listbox" tabIndex={-1} aria-label={t('popup_paths')}>
        {choices.map((choice, i) => (
          <li
            id={optionId(i)}
            key={`${workspace}:${choice.typed}:${choice.action?.id}:${choice.path}`}
            role="option"
            aria-selected={i === current}
            class={i === current ? 'active' : undefined}
            onMouseMove={() => setActive(i)}
            onClick={(e) => open(choice, e.shiftKey)}
          >
            <span class="name">{choice.typed ? t('popup_open_typed') : label(choice)}</span>
            {(choice.label || choice.typed || choice.action) && <span class="path">{choice.action && `${t('actions_kind')} · `}/{choice.path}</span>}
          </li>
        ))}
      </ul>
      {rowMenu && chosen && !chosen.action && rowMenu({ list, index: current, path: chosen.path, label: label(chosen) })}
      </div>
      <p id="path-keys" class="hint">
        {t(KEYS_HINT[openIn])}
      </p>
      <button type="button" class="primary wide" disabled={busy || !chosen} onClick={(e) => open(chosen, e.shiftKey)}>
        {t('popup_open', chosen ? label(chosen) : '')}
      </button>
    </div>
  );
}
