import { createHash } from 'node:crypto';

/** `sha256sum`'s format, so `sha256sum -c SHA256SUMS` checks a download. */
export function sha256sums(files: { name: string; bytes: Uint8Array }[]): string {
  return files.map(({ name, bytes }) => `${createHash('sha256').update(bytes).digest('hex')}  ${name}\n`).join('');
}
