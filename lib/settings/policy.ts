import type { Policy, PolicyProblem, PolicyProfile } from './policy-read';
import type { PolicyRules, ServerProfile, Settings } from './settings';

/**
 * A managed profile's id, from its name: the same profile keeps its id, and so its session,
 * remembered password and recent pages, across every re-reading of the policy.
 */
const managedProfileId = (name: string): string => `policy:${name.toLowerCase()}`;

/**
 * Settings as the policy wants them: its profiles first, in its order, in place of those an
 * earlier policy set; the user's own after them (renamed where a name clashes); its rules. With
 * no policy (removed), every profile becomes the user's own. Pure, and applying twice is applying
 * once: unchanged settings come back as the very same object.
 */
export function applyPolicy(settings: Settings, policy: Policy | null): Settings {
  const next = policy ? withPolicy(settings, policy) : withoutPolicy(settings);
  return JSON.stringify(next) === JSON.stringify(settings) ? settings : next;
}

function withoutPolicy(settings: Settings): Settings {
  const profiles = settings.profiles.map((p) => ({ ...p, managed: false }));
  return { ...settings, profiles, policy: null };
}

function withPolicy(settings: Settings, policy: Policy): Settings {
  const managed = policy.profiles.map(toProfile);
  const ids = new Set(managed.map((p) => p.id));
  // A profile an earlier policy set, kept by the user when that policy went, is that policy's again.
  const own = settings.profiles.filter((p) => !p.managed && !ids.has(p.id));
  const profiles = [...managed, ...renameClashes(own, managed)];
  const active = profiles.some((p) => p.id === settings.activeProfileId) ? settings.activeProfileId : (profiles[0]?.id ?? null);
  const rules: PolicyRules = {
    allowUserProfiles: policy.allowUserProfiles,
    lockManaged: policy.lockManagedProfiles,
    defaultWorkspaceLocked: policy.defaultWorkspace !== null,
  };
  const defaultWorkspace = policy.defaultWorkspace ?? settings.defaultWorkspace;
  return { ...settings, profiles, activeProfileId: active, defaultWorkspace, policy: rules };
}

function toProfile({ name, baseUrl, agentUrl, adminUrl }: PolicyProfile): ServerProfile {
  return { id: managedProfileId(name), name, baseUrl, agentUrl, adminUrl, managed: true };
}

/** "Desk" beside a managed "Desk" becomes "Desk (2)" (or the next number free). */
function renameClashes(own: ServerProfile[], managed: ServerProfile[]): ServerProfile[] {
  const taken = new Set([...managed, ...own].map((p) => p.name.toLowerCase()));
  const managedNames = new Set(managed.map((p) => p.name.toLowerCase()));
  return own.map((profile) => {
    if (!managedNames.has(profile.name.toLowerCase())) return profile;
    let n = 2;
    while (taken.has(`${profile.name} (${n})`.toLowerCase())) n++;
    const name = `${profile.name} (${n})`;
    taken.add(name.toLowerCase());
    return { ...profile, name };
  });
}

/**
 * The policy as last read, for the options page: applied (and which, so an unlocked policy is
 * applied again only when it changes), or invalid and why, the last valid one still in force.
 */
export type PolicyState =
  | { kind: 'none' }
  | { kind: 'applied'; at: number; policy: Policy }
  | { kind: 'invalid'; at: number; problems: PolicyProblem[] };
