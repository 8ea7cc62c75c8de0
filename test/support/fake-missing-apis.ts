import { fakeBrowser } from 'wxt/testing/fake-browser';

type Listener<A extends unknown[]> = (...args: A) => void;

function event<A extends unknown[]>() {
  const listeners: Listener<A>[] = [];
  return {
    addListener: (l: Listener<A>) => void listeners.push(l),
    trigger: (...args: A) => listeners.forEach((l) => l(...args)),
  };
}

/**
 * `contextMenus`, `commands`, `omnibox` and `webRequest` as Chrome has them, which the fake browser lacks: a
 * second `create` of a menu id fails ("duplicate id"), `update` of a missing id rejects.
 */
export function installMissingApis() {
  type Props = { title?: string; contexts?: string[]; parentId?: string; type?: string; checked?: boolean };
  const items = new Map<string, Props>();
  const errors: string[] = [];
  const contextMenus = {
    items,
    errors,
    create({ id, ...props }: Props & { id: string }, done?: () => void) {
      if (items.has(id)) errors.push(`Cannot create item with duplicate id ${id}`);
      else items.set(id, props);
      done?.();
    },
    async update(id: string, props: Props) {
      if (!items.has(id)) throw new Error(`Cannot find menu item with id ${id}`);
      items.set(id, { ...items.get(id), ...props });
    },
    async removeAll() {
      items.clear();
    },
    onClicked: event<[{ menuItemId: string | number }]>(),
  };
  const commands = { onCommand: event<[string]>() };
  type Suggestion = { content: string; description: string };
  const omnibox = {
    defaultSuggestion: '',
    setDefaultSuggestion({ description }: { description: string }) {
      omnibox.defaultSuggestion = description;
    },
    onInputStarted: event<[]>(),
    onInputChanged: event<[string, (suggestions: Suggestion[]) => void]>(),
    onInputEntered: event<[string, 'currentTab' | 'newForegroundTab' | 'newBackgroundTab']>(),
    /** Types `text` after the keyword and resolves with the suggestions the extension shows. */
    type: (text: string) => new Promise<Suggestion[]>((resolve) => omnibox.onInputChanged.trigger(text, resolve)),
  };
  // Observation only: a request to a URL the extension watches, as a web page sends it.
  const webRequest = {
    onBeforeRequest: event<[{ url: string; method: string; tabId: number }]>(),
    onCompleted: event<[{ url: string; method: string; tabId: number; statusCode: number }]>(),
  };
  Object.assign(fakeBrowser, { contextMenus, commands, omnibox, webRequest });
  return { contextMenus, commands, omnibox, webRequest };
}
