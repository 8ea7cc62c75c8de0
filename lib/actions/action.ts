import type { Workspace } from '../settings/workspace';

/** A named path template of one workspace, such as `ticket?search={selection}`. */
export interface Action {
  id: string;
  /** Unique among actions, case aside (the address bar takes it as a word). */
  name: string;
  workspace: Workspace;
  template: string;
}

export const SELECTION = '{selection}';
/** A selection is a word or a number, not a page of text: longer ones are cut here. */
const MAX_SELECTION = 200;

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** One stored action, or null when it is not one (dropped rather than failing the settings). */
function readAction(v: unknown): Action | null {
  if (!isFields(v) || !isText(v.id) || !isText(v.name) || typeof v.template !== 'string') return null;
  if (v.workspace !== 'agent' && v.workspace !== 'admin') return null;
  return { id: v.id, name: v.name, workspace: v.workspace, template: v.template };
}

/** Stored actions: the readable ones, a later one with an earlier one's name left out. */
export function readActions(raw: unknown): Action[] {
  if (!Array.isArray(raw)) return [];
  const actions: Action[] = [];
  for (const action of raw.map(readAction)) {
    if (action && !actionByName(actions, action.name)) actions.push(action);
  }
  return actions;
}

const sameName = (a: string, b: string): boolean => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

export const actionByName = (actions: readonly Action[], name: string): Action | undefined =>
  actions.find((a) => sameName(a.name, name));

/** The selection as it goes into a path: trimmed, cut to MAX_SELECTION characters (never mid-character). */
export function clipSelection(selection: string): string {
  // A lone surrogate (half an emoji, cut by a page) cannot be URL-encoded: shown as �.
  const whole = selection.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return [...whole.trim()].slice(0, MAX_SELECTION).join('').trim();
}

/**
 * The template with the selection in place of every `{selection}`, URL-encoded (a `/`, `?` or
 * `#` in it stays text). Not checked: the background checks every path before a token is near it.
 */
export function fillPath(template: string, selection: string): string {
  const value = encodeURIComponent(clipSelection(selection));
  return template.split(SELECTION).join(value);
}
