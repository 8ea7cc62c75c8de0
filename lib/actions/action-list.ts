import type { Settings } from '../settings/settings';
import type { Action } from './action';
import { actionProblems, type ActionProblem } from './validate-action';

/**
 * The settings with `action` added (new id) or replacing the one with its id, checked against the
 * actions stored at that moment; with a problem, the settings as they were and the problems.
 */
export function withAction(settings: Settings, action: Action): { settings: Settings; problems: ActionProblem[] } {
  const others = settings.actions.filter((a) => a.id !== action.id);
  const problems = actionProblems(action, others);
  if (problems.length > 0) return { settings, problems };
  const clean = { ...action, name: action.name.trim(), template: action.template.trim() };
  const known = settings.actions.some((a) => a.id === action.id);
  const actions = known ? settings.actions.map((a) => (a.id === action.id ? clean : a)) : [...settings.actions, clean];
  return { settings: { ...settings, actions }, problems };
}
