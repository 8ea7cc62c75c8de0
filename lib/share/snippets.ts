/** The four ways the Bytedesk AccessToken docs open a page signed in. */
export type SnippetKind = 'link' | 'window-open' | 'iframe' | 'form';

export const SNIPPET_KINDS: readonly SnippetKind[] = ['link', 'window-open', 'iframe', 'form'];

/** What a snippet carries unless the user chose to put the real token in. */
export const TOKEN_PLACEHOLDER = 'YOUR_ACCESS_TOKEN';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside a double-quoted HTML attribute. */
function escapeHtmlAttribute(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * A single-quoted JavaScript string literal. `<` is escaped too, so the snippet stays inert when
 * pasted inside a <script> element (no `</script>` can close it), and U+2028/9 end no line.
 */
function jsStringLiteral(value: string): string {
  const escaped = value.replace(/[\\'\n\r\u2028\u2029<]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `'${escaped}'`;
}

/**
 * A ready snippet of `kind` for `signedUrl` (a workspace address with `accessToken` set). The
 * GET form puts every query parameter in a hidden field: a browser replaces the action's query
 * with the form's fields when it submits.
 */
export function buildSnippet(kind: SnippetKind, signedUrl: string): string {
  switch (kind) {
    case 'link':
      return signedUrl;
    case 'window-open':
      return `window.open(${jsStringLiteral(signedUrl)}, '_blank');`;
    case 'iframe':
      return `<iframe src="${escapeHtmlAttribute(signedUrl)}" width="100%" height="600px" frameborder="0"></iframe>`;
    case 'form': {
      const url = new URL(signedUrl);
      const fields = [...url.searchParams].map(
        ([name, value]) => `  <input type="hidden" name="${escapeHtmlAttribute(name)}" value="${escapeHtmlAttribute(value)}">`,
      );
      url.search = '';
      return [
        `<form action="${escapeHtmlAttribute(url.href)}" method="get" target="_blank">`,
        ...fields,
        '  <button type="submit">Open</button>',
        '</form>',
      ].join('\n');
    }
  }
}
