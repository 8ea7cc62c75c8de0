// The store listing in store/ is checked against the manifest: every permission any build asks for
// has its line of justification, and the short descriptions are the manifest's own.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ConfigEnv, UserManifest } from 'wxt';
import config from '../../wxt.config.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const BUILDS: ConfigEnv[] = [
  { browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' },
  { browser: 'chrome', manifestVersion: 3, mode: 'e2e', command: 'build' },
  { browser: 'firefox', manifestVersion: 2, mode: 'production', command: 'build' },
  { browser: 'firefox', manifestVersion: 2, mode: 'e2e', command: 'build' },
];

async function manifestOf(env: ConfigEnv): Promise<UserManifest> {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the build');
  return manifest(env);
}

/** Every permission and host pattern a manifest asks for, optional ones included. */
export function permissionsOf(manifest: UserManifest): string[] {
  const lists = [manifest.permissions, manifest.optional_permissions, manifest.host_permissions, manifest.optional_host_permissions];
  return [...new Set(lists.flatMap((list) => (list ?? []) as string[]))];
}

/** The permissions store/permissions.md justifies: its "- `name`: why" lines. */
export function justified(markdown: string): Map<string, string> {
  return new Map([...markdown.matchAll(/^- `([^`]+)`: (.+)$/gm)].map((m) => [m[1]!, m[2]!.trim()]));
}

export const unjustified = (permissions: string[], lines: Map<string, string>) => permissions.filter((p) => !lines.get(p));

const lines = justified(read('store/permissions.md'));

describe('permission justifications (store/permissions.md)', () => {
  it.each(BUILDS.map((env) => [`${env.browser} ${env.mode}`, env] as const))('every permission the %s build asks for has a line', async (_, env) => {
    expect(unjustified(permissionsOf(await manifestOf(env)), lines)).toEqual([]);
  });

  it('a permission added to the manifest without a line fails the check', async () => {
    const manifest = await manifestOf(BUILDS[0]!);
    const added = { ...manifest, permissions: [...(manifest.permissions ?? []), 'tabs'], optional_host_permissions: ['<all_urls>'] };
    expect(unjustified(permissionsOf(added), lines)).toEqual(['tabs', '<all_urls>']);
  });

  it('lists no permission that no build asks for', async () => {
    const asked = new Set((await Promise.all(BUILDS.map(manifestOf))).flatMap(permissionsOf));
    expect([...lines.keys()].filter((p) => !asked.has(p))).toEqual([]);
  });
});

describe('store descriptions', () => {
  it.each([['en'], ['zh_CN']])('the %s short description is the manifest description, within the stores\' 132 characters', (locale) => {
    const short = read(`store/${locale}/short-description.txt`).trim();
    const messages = JSON.parse(read(`public/_locales/${locale}/messages.json`)) as Record<string, { message: string }>;
    expect(short).toBe(messages.extDescription!.message);
    expect(short.length).toBeLessThanOrEqual(132);
  });

  it.each([['en'], ['zh_CN']])('the %s long description fits the Chrome Web Store (16,000 characters) and promises only the own server', (locale) => {
    const long = read(`store/${locale}/description.txt`);
    expect(long.length).toBeLessThanOrEqual(16_000);
    expect(long).toMatch(locale === 'en' ? /go only to your own server/ : /只会发送到您自己的服务器/);
  });

  it('the privacy statement, in both languages, says that nothing goes anywhere but the own server', () => {
    const privacy = read('store/privacy.md');
    expect(privacy).toContain('The extension talks only\nto the Bytedesk server you');
    expect(privacy).toContain('只与您（或您所在组织的策略）设置的微语服务器通信');
  });
});
