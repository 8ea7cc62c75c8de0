import type { Action } from './action';
import { actionByName, SELECTION } from './action';
import { fillTemplate } from './fill-template';

/** Why an action cannot be saved, as a field and a reason the options page puts in words. */
export type ActionProblem =
  | { field: 'name'; reason: 'name-required' | 'name-taken' }
  | { field: 'template'; reason: 'no-selection' | 'leaves-workspace' };

/** The example the options page previews, and the value a template is checked with. */
export const SAMPLE_SELECTION = 'ORDER-1234';

/**
 * Every problem of `action` among `others` (the other saved actions). The template must take the
 * selection: one without it opens the same page whatever was selected, which is a page, not an
 * action (the popup and the address bar open pages by path already).
 */
export function actionProblems(action: Omit<Action, 'id'>, others: readonly Action[]): ActionProblem[] {
  const problems: ActionProblem[] = [];
  if (!action.name.trim()) problems.push({ field: 'name', reason: 'name-required' });
  else if (actionByName(others, action.name)) problems.push({ field: 'name', reason: 'name-taken' });
  if (!action.template.includes(SELECTION)) problems.push({ field: 'template', reason: 'no-selection' });
  else if (!staysInside(action)) problems.push({ field: 'template', reason: 'leaves-workspace' });
  return problems;
}

function staysInside({ template, workspace }: Omit<Action, 'id'>): boolean {
  try {
    fillTemplate(template, SAMPLE_SELECTION, workspace);
    return true;
  } catch {
    return false;
  }
}
