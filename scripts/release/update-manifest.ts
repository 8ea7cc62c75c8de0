// The update manifest (gupdate XML) a browser's policy points at: which version of which id, and where its CRX is.

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;').replace(/"/g, '&quot;');

/**
 * Where the CRX will be served: the codebase URL is the folder the release is published in
 * (the CRX's name is added), or the CRX's own address.
 */
export function crxAddress(codebaseUrl: string, crxName: string): string {
  const url = new URL(codebaseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`--codebase-url must be an http(s) address, not ${codebaseUrl}`);
  if (url.pathname.endsWith('.crx')) return url.href;
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return new URL(crxName, url).href;
}

export function updateManifest({ id, version, codebase }: { id: string; version: string; codebase: string }): string {
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${escapeXml(id)}'>`,
    `    <updatecheck codebase='${escapeXml(codebase)}' version='${escapeXml(version)}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}
