import { describe, expect, it } from 'vitest';
import type { Action } from '../../lib/actions/action';
import { withActionChoices } from '../../lib/actions/action-choices';
import { pageChoices } from '../../lib/workspace/path-list';
import { TOP_PAGES } from '../../lib/workspace/paths';

const ORDER: Action = { id: 'a1', name: 'Order', workspace: 'agent', template: 'ticket?search={selection}' };
const MAIL: Action = { id: 'a2', name: 'Mail', workspace: 'agent', template: 'customer?email={selection}' };

describe("the popup's list with actions", () => {
  const lines = (filter: string) => withActionChoices(pageChoices([], filter, { pages: TOP_PAGES.agent, language: 'en', superUser: false }), [ORDER, MAIL], filter).map((c) => c.action?.name ?? c.path);

  it.each([
    ['', ['ticket', 'chat', 'Order', 'Mail']],
    ['ord', ['Order', 'ord']], // the action before the text as a path of its own
    ['ticket', ['ticket']], // an action is found by its name, not its template
    ['chat', ['chat']],
  ])('filtered by %j: %o', (filter, expected) => {
    expect(lines(filter)).toEqual(expected);
  });
});
