import { useState } from 'preact/hooks';
import { t } from '../../lib/browser/i18n';
import type { Workspace } from '../../lib/settings/settings';
import { PATH_KIND_MESSAGE, pathChoices, type PathChoice } from '../../lib/workspace/path-list';
import { useFocusOnMount } from '../use-focus-on-mount';

interface Props {
  workspace: Workspace;
  recent: readonly string[];
  busy: boolean;
  /** `alternate`: the modifier key was held (Shift): the other of new tab / current tab. */
  onOpen(path: string, alternate: boolean): void;
}

/** A filter box over the paths, as a combobox: arrows move, Enter opens, text no path matches opens as typed. */
export function PathPicker({ workspace, recent, busy, onOpen }: Props) {
  const [filter, setFilter] = useState('');
  const input = useFocusOnMount<HTMLInputElement>();
  const [active, setActive] = useState(0);
  const choices = pathChoices(workspace, recent, filter);
  const current = Math.min(active, choices.length - 1);
  const optionId = (i: number) => `path-${workspace}-${i}`;

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1 };
    const move = moves[event.key];
    if (move !== undefined && choices.length > 0) {
      event.preventDefault();
      setActive((current + move + choices.length) % choices.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const choice = choices[current];
      if (choice && !busy) onOpen(choice.path, event.shiftKey);
    }
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
        aria-activedescendant={current >= 0 ? optionId(current) : undefined}
        aria-describedby="path-help"
        value={filter}
        onInput={(e) => {
          setFilter(e.currentTarget.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <p id="path-help" class="hint">
        {t('popup_filter_help')}
      </p>
      <ul id="path-list" role="listbox" aria-label={t('popup_paths')}>
        {choices.map((choice: PathChoice, i) => (
          <li
            id={optionId(i)}
            key={`${choice.kind}:${choice.path}`}
            role="option"
            aria-selected={i === current}
            class={i === current ? 'active' : undefined}
            onMouseMove={() => setActive(i)}
            onClick={(e) => !busy && onOpen(choice.path, e.shiftKey)}
          >
            <span class="path">/{choice.path}</span>
            <span class="kind">{t(PATH_KIND_MESSAGE[choice.kind])}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
