import { t, type MessageKey } from '../browser/i18n';
import type { RepairKind } from './junk';
import type { Repairs } from './repairs';

const WORDS: Record<RepairKind, MessageKey> = {
  profile: 'repair_profile',
  setting: 'repair_setting',
  action: 'repair_action',
  session: 'repair_session',
  'recent-pages': 'repair_recent_pages',
  remembered: 'repair_remembered',
};
const ORDER = Object.keys(WORDS) as RepairKind[];

/** One sentence per kind of repair, in the browser's language. */
export function repairLines(found: Repairs['found'], translate: typeof t = t): string[] {
  return ORDER.filter((kind) => found[kind]).map((kind) =>
    kind === 'profile' && found.profile! > 1 ? translate('repair_profiles', String(found.profile)) : translate(WORDS[kind]),
  );
}
