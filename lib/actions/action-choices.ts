import type { PageChoice } from '../workspace/path-list';
import type { Action } from './action';

/** A line of the popup's list: a page, or an action (which asks for its value). */
export type ListedChoice = PageChoice & { action?: Action };

/**
 * The pages, then the actions whose name contains the filter, then the filter's text as a path
 * of its own: a name typed in full picks the action, not a page of that name.
 */
export function withActionChoices(pages: readonly PageChoice[], actions: readonly Action[], filter: string): ListedChoice[] {
  const needle = filter.trim().toLocaleLowerCase();
  const listed = actions
    .filter((a) => a.name.toLocaleLowerCase().includes(needle))
    .map((action): ListedChoice => ({ path: action.template, label: null, typed: false, action }));
  return [...pages.filter((c) => !c.typed), ...listed, ...pages.filter((c) => c.typed)];
}
