/**
 * Characters that change how a name shows without showing themselves: controls, format marks
 * (bidi overrides and isolates U+202A–202E, U+2066–2069, marks U+200E/F, zero-width ones) and
 * line or paragraph separators. "‮lanretxe" would show as "external" in the popup.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** A profile's name as it is shown, whoever gave it (typed, imported, a policy, stored): no hidden characters. */
export const cleanName = (name: string): string => name.replace(HIDDEN, '').trim();
