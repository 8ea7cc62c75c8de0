// `npm run release -- --codebase-url <address> [--key <file>]`: builds and zips both browsers with
// WXT, then writes release/<version>/ (see scripts/release/write-release.ts). The version is
// package.json's, which WXT also puts in the manifests.
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { zip } from 'wxt';
import { readSigningKey } from './release/signing-key.ts';
import { writeRelease } from './release/write-release.ts';

const USAGE =
  'Usage: npm run release -- --codebase-url https://intranet.example.com/launchpad/ [--key signing-key.pem]\n' +
  '  --codebase-url  the address the release folder will be published at (its update.xml names the CRX there);\n' +
  '                  or LAUNCHPAD_CODEBASE_URL\n' +
  '  --key           the RSA signing key (PEM); or LAUNCHPAD_CRX_KEY=<file>, or LAUNCHPAD_CRX_KEY_PEM=<PEM text>';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'codebase-url': { type: 'string' }, key: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) return console.log(USAGE);
  const codebaseUrl = values['codebase-url'] ?? process.env.LAUNCHPAD_CODEBASE_URL;
  if (!codebaseUrl) throw new Error(`No --codebase-url: where will IT publish the release folder?\n${USAGE}`);
  // Checked before the builds, so a missing key fails in a second, not after a minute.
  const key = readSigningKey({ keyFile: values.key, env: process.env });

  const root = process.cwd();
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
  const [chrome] = await zip({ browser: 'chrome' });
  const [firefox, sources] = await zip({ browser: 'firefox' });
  if (!chrome || !firefox || !sources) throw new Error('wxt zip did not make the Chrome, Firefox and sources zips');
  const built = JSON.parse(readFileSync(join(root, '.output', 'chrome-mv3', 'manifest.json'), 'utf8')) as { version: string };
  if (built.version !== version) throw new Error(`The build says version ${built.version}, package.json ${version}`);

  const release = writeRelease({ version, name, zips: { chrome, firefox, sources }, key, codebaseUrl, outDir: resolve(root, 'release', version) });
  console.log(`\nRelease ${version} in ${relative(root, release.dir)}/:`);
  for (const file of release.files) console.log(`  ${file}`);
  console.log(`Extension id (from the signing key): ${release.extensionId}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`release: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
