import { LaunchpadError } from '../server/errors';
import type { Workspace } from '../settings/settings';
import { freshSignedUrl, type OpenDeps } from '../workspace/open-workspace';
import { buildSnippet, type SnippetKind } from './snippets';

export interface RealSnippetRequest {
  profileId: string;
  workspace: Workspace;
  path: string;
  kind: SnippetKind;
  /** The user's explicit choice ("Put my real token in"); anything else is refused. */
  realToken: true;
}

/**
 * A snippet with the profile's live token, built in the background, the token's only holder:
 * the page asking gets the snippet to copy and nothing is kept.
 */
export async function snippetWithToken(request: RealSnippetRequest, deps: Pick<OpenDeps, 'settings' | 'lifecycleFor'>): Promise<string> {
  if (request.realToken !== true) throw new LaunchpadError('invalid-input', { serverMessage: 'the real token was not chosen' });
  const { url } = await freshSignedUrl(request, deps);
  return buildSnippet(request.kind, url);
}
