/**
 * The item whose name `text` starts with (case aside, then a space or the end) and the text after
 * that name; the longest name wins, so "Prod EU" is not read as "Prod" nor "Order line" as "Order".
 */
export function leadingName<T>(items: readonly T[], nameOf: (item: T) => string, text: string): { item: T; rest: string } | null {
  const typed = text.trimStart();
  const lower = typed.toLocaleLowerCase();
  const item = items
    .filter((i) => {
      const name = nameOf(i).toLocaleLowerCase();
      return lower.startsWith(name) && /^(\s|$)/.test(lower.slice(name.length));
    })
    .sort((a, b) => nameOf(b).length - nameOf(a).length)[0];
  return item === undefined ? null : { item, rest: typed.slice(nameOf(item).length) };
}
