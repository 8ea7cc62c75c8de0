/** Saves `text` as a file the browser downloads (no downloads permission: a link to a Blob). */
export function downloadText(doc: Document, name: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(doc.createElement('a'), { href: url, download: name });
  doc.body.append(link);
  link.click();
  link.remove();
  // Later, not at once: a browser may read the URL after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
