import { t } from '../browser/i18n';
import type { OmniboxAnswer, OmniboxSuggestion } from '../browser/omnibox';
import { leadingName } from '../ways-in/leading-name';
import { fillPath, type Action } from './action';

/** "Order ORDER-1234": text that starts with an action's name is that action and its value. */
export function splitAction(actions: readonly Action[], text: string): { action: Action; value: string } | null {
  const found = leadingName(actions, (a) => a.name.trim(), text);
  return found && { action: found.item, value: found.rest.trim() };
}

const suggestion = (action: Action, value: string): OmniboxSuggestion => ({
  content: `${action.name.trim()} ${value}`,
  description: t('actions_omnibox_suggestion', [action.name.trim(), t('actions_kind'), `/${value ? fillPath(action.template, value) : action.template}`]),
});

/**
 * The address bar's answer with the actions in it: an action typed in full is what Enter opens;
 * actions whose name begins with the text are suggested first.
 */
export function withActions(actions: readonly Action[], text: string, answer: OmniboxAnswer, max: number): OmniboxAnswer {
  const matched = splitAction(actions, text);
  const word = text.trim().toLocaleLowerCase();
  const named = word
    ? actions.filter((a) => a !== matched?.action && a.name.trim().toLocaleLowerCase().startsWith(word))
    : [];
  const suggestions = [...named.map((a) => suggestion(a, '')), ...answer.suggestions].slice(0, max);
  if (!matched) return { ...answer, suggestions };
  const { action, value } = matched;
  return { enter: t('actions_omnibox_open', [action.name.trim(), value, `/${fillPath(action.template, value)}`]), suggestions };
}
