/**
 * A chosen or dropped list as text: UTF-8 (its BOM dropped), else GB18030, which Excel on a
 * Chinese Windows uses when it saves "CSV" without "UTF-8".
 */
export async function readListFile(file: Blob): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
