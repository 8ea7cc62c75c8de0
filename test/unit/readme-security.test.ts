import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// README's "Security model" promises; each bold claim must be the start of a test's name, so a
// promise without a test (or a renamed test) fails here.
const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const section = readme.slice(readme.indexOf('## Security model'), readme.indexOf('\n## ', readme.indexOf('## Security model') + 1));
const claims = [...section.matchAll(/^- \*\*(.+?)\*\*/gm)].map((m) => m[1]!.replace(/[.:,]$/, ''));

const testNames = readdirSync(new URL('test/', root), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.test.ts'))
  .flatMap((file) => [...readFileSync(new URL(`test/${file}`, root), 'utf8').matchAll(/\bit(?:\.each\([\s\S]*?\))?\(\s*(['"`])(.+?)\1/g)])
  .map((m) => m[2]!.replace(/\\(['"])/g, '$1'));

describe("README's security model", () => {
  it('lists its promises', () => expect(claims.length).toBeGreaterThanOrEqual(10));

  it.each(claims)('has a test named after: %s', (claim) => {
    expect(testNames.filter((name) => name.startsWith(claim))).not.toEqual([]);
  });
});
