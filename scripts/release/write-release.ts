// One folder per version with everything a release hands out: the store zips, the signed CRX and
// its update manifest for self-hosting, the sources zip, and their checksums.
import type { KeyObject } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { sha256sums } from './checksums.ts';
import { extensionIdOf, publicKeyDer, signCrx3 } from './crx3.ts';
import { crxAddress, updateManifest } from './update-manifest.ts';

export interface ReleaseInput {
  version: string;
  /** The zips `wxt zip` made. */
  zips: { chrome: string; firefox: string; sources: string };
  key: KeyObject;
  codebaseUrl: string;
  /** e.g. release/0.1.0 */
  outDir: string;
  name: string;
}

export interface Release {
  dir: string;
  extensionId: string;
  /** The files written, by name. */
  files: string[];
}

export function writeRelease({ version, zips, key, codebaseUrl, outDir, name }: ReleaseInput): Release {
  const extensionId = extensionIdOf(publicKeyDer(key));
  const crxName = `${name}-${version}.crx`;
  // Built from scratch, so nothing of an earlier run with another key or address is left in it.
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const copied = [zips.chrome, zips.firefox, zips.sources].map((zip) => {
    copyFileSync(zip, join(outDir, basename(zip)));
    return basename(zip);
  });
  writeFileSync(join(outDir, crxName), signCrx3(readFileSync(zips.chrome), key));
  const codebase = crxAddress(codebaseUrl, crxName);
  writeFileSync(join(outDir, 'update.xml'), updateManifest({ id: extensionId, version, codebase }));
  writeFileSync(join(outDir, 'extension-id.txt'), `${extensionId}\n`);
  const files = [...copied, crxName, 'update.xml', 'extension-id.txt'];
  const listed = files.map((file) => ({ name: file, bytes: readFileSync(join(outDir, file)) }));
  writeFileSync(join(outDir, 'SHA256SUMS'), sha256sums(listed));
  return { dir: outDir, extensionId, files: [...files, 'SHA256SUMS'] };
}
