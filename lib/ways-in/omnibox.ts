import { splitAction, withActions } from '../actions/action-omnibox';
import { t } from '../browser/i18n';
import type { OmniboxAnswer } from '../browser/omnibox';
import { activeProfile, type OpenIn, type ServerProfile, type Settings, type Workspace } from '../settings/settings';
import type { RecentPaths } from '../repair/readers';
import type { OpenRequest } from '../workspace/open-workspace';
import { APP_PAGES } from '../workspace/app-pages';
import { pageChoices, pathNamed } from '../workspace/path-list';
import { pageLanguageOf } from '../workspace/paths';
import { leadingName } from './leading-name';
import { openActionOrPrompt, openOrPrompt, type WaysInDeps } from './ways-in';

/** Chrome shows a handful of suggestions; more would only be cut off. */
export const MAX_SUGGESTIONS = 6;

const WORKSPACE_NAME = { agent: 'options_workspace_agent', admin: 'options_workspace_admin' } as const;

/** The first word that names a workspace, in English or as the Chinese popup calls it. */
const WORKSPACE_WORDS: Record<string, Workspace> = { agent: 'agent', admin: 'admin', 客服: 'agent', 管理: 'admin' };

/**
 * "ticket", "admin dashboard", "客服 任意路径?x=1": an optional workspace word, then a path.
 * Without the word the path is in the default workspace.
 */
function parseQuery(text: string): { workspace?: Workspace; path: string } {
  const trimmed = text.trim();
  const [, word = '', rest = ''] = /^(\S+)(?:\s+(.*))?$/s.exec(trimmed) ?? [];
  const workspace = WORKSPACE_WORDS[word.toLowerCase()];
  return workspace ? { workspace, path: rest.trim() } : { path: trimmed };
}

export function omniboxRequest(text: string, defaultWorkspace: Workspace): OpenRequest {
  const { workspace = defaultWorkspace, path } = parseQuery(text);
  return { workspace, path: pathNamed(APP_PAGES[workspace], path) };
}

/** The line for Enter and the known paths that match, the default workspace first. */
export function omniboxAnswer(
  text: string,
  defaultWorkspace: Workspace,
  recent: Readonly<Record<Workspace, readonly string[]>>,
  superUser = false,
): OmniboxAnswer {
  const { workspace: named, path } = parseQuery(text);
  const current = named ?? defaultWorkspace;
  const typed = path.replace(/^\/+/, '');
  const workspaces: Workspace[] = named ? [named] : [current, current === 'agent' ? 'admin' : 'agent'];
  const language = pageLanguageOf(t('page_language'));
  const suggestions = workspaces.flatMap((workspace) =>
    // The popup's list: recent pages first, by name. Enter already opens the text as typed: no
    // line that repeats it.
    pageChoices(recent[workspace], path, { pages: APP_PAGES[workspace], language, superUser })
      .filter((c) => !c.typed && !(workspace === current && c.path === typed))
      .map((c) => ({
        content: `${workspace} ${c.path}`,
        description: t('omnibox_suggestion', [t(WORKSPACE_NAME[workspace]), c.label ?? `/${c.path}`, c.label ? `/${c.path}` : t('popup_kind_recent')]),
      })),
  );
  return {
    enter: text.trim() ? t('omnibox_open', [t(WORKSPACE_NAME[current]), path || '/']) : t('omnibox_hint'),
    suggestions: suggestions.slice(0, MAX_SUGGESTIONS),
  };
}

/** "staging ticket": a first word (or words) naming a profile picks it, case aside; otherwise the active profile. */
export function splitProfile(settings: Settings, text: string): { profile: ServerProfile | null; named: boolean; rest: string } {
  const found = leadingName(settings.profiles, (p) => p.name, text);
  if (found) return { profile: found.item, named: true, rest: found.rest };
  return { profile: activeProfile(settings), named: false, rest: text };
}

export interface OmniboxDeps extends WaysInDeps {
  recentPaths(profileId: string): Promise<RecentPaths>;
  /** Whether the profile's account is a super administrator (who also sees the super-admin pages). */
  superUser?(profileId: string): Promise<boolean>;
}

const NO_RECENT: RecentPaths = { agent: [], admin: [] };

/** The address bar's keyword: suggestions as the user types, then the same open as every way in. */
export function omniboxHandlers(deps: OmniboxDeps) {
  return {
    async suggest(text: string): Promise<OmniboxAnswer> {
      const settings = await deps.settings();
      const { profile, named, rest } = splitProfile(settings, text);
      const [recent, superUser] = profile
        ? await Promise.all([deps.recentPaths(profile.id), deps.superUser?.(profile.id) ?? false])
        : [NO_RECENT, false];
      const listed = omniboxAnswer(rest, settings.defaultWorkspace, recent, superUser);
      const answer = withActions(settings.actions, rest, listed, MAX_SUGGESTIONS);
      if (!named || !profile) return answer;
      // Picked suggestions keep the profile's name in front, so Enter opens them in that profile.
      const suggestions = answer.suggestions.map((s) => ({ ...s, content: `${profile.name} ${s.content}` }));
      return { enter: `${profile.name} · ${answer.enter}`, suggestions };
    },
    async enter(text: string, target: OpenIn): Promise<void> {
      const settings = await deps.settings();
      const { profile, named, rest } = splitProfile(settings, text);
      const more = { ...(named && profile && { profileId: profile.id }), target };
      // "bdk Order ORDER-1234": an action's name first opens the action with the rest as its value.
      const action = splitAction(settings.actions, rest);
      if (action) return openActionOrPrompt(action.action, action.value, deps, more);
      await openOrPrompt({ ...omniboxRequest(rest, settings.defaultWorkspace), ...more }, deps);
    },
  };
}
