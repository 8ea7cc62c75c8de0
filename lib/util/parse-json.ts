/** JSON.parse that answers undefined instead of throwing: server bodies and tokens are untrusted. */
export function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
