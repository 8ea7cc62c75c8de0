import { browser } from 'wxt/browser';
import type { OpenIn } from '../settings/settings';

export interface OmniboxSuggestion {
  /** What the address bar shows when the suggestion is picked, and hands back on Enter. */
  content: string;
  description: string;
}

export interface OmniboxAnswer {
  /** What Enter does with the text as typed. */
  enter: string;
  suggestions: OmniboxSuggestion[];
}

export interface OmniboxListeners {
  suggest(text: string): Promise<OmniboxAnswer>;
  enter(text: string, target: OpenIn): Promise<void>;
}

// Chrome reads descriptions as XML (bare `&` or `<` breaks them); Firefox shows them as written.
const markup = (text: string) =>
  import.meta.env.BROWSER === 'firefox'
    ? text
    : text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The address bar's keyword; wrapped because the fake browser has no `omnibox`. Enter follows
 * the browser's choice of tab (Alt+Enter: a new one), as every address-bar keyword does.
 */
export function onOmnibox({ suggest, enter }: OmniboxListeners): void {
  const answer = async (text: string) => {
    const { enter: line, suggestions } = await suggest(text);
    browser.omnibox.setDefaultSuggestion({ description: markup(line) });
    return suggestions.map((s) => ({ content: s.content, description: markup(s.description) }));
  };
  browser.omnibox.onInputStarted.addListener(() => void answer(''));
  browser.omnibox.onInputChanged.addListener((text, show) => void answer(text).then(show));
  browser.omnibox.onInputEntered.addListener(
    (text, disposition) => void enter(text, disposition === 'currentTab' ? 'current-tab' : 'new-tab'),
  );
}
