// The release with a throw-away key: the CRX3 is read back here with a reader of its own (not the
// writer's code) the way Chromium checks it, and the update manifest must name the same id and version.
import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSigningKey } from '../../scripts/release/signing-key.ts';
import { crxAddress } from '../../scripts/release/update-manifest.ts';
import { writeRelease } from '../../scripts/release/write-release.ts';
import config from '../../wxt.config.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** protobuf fields of one message: number -> the length-delimited values (the only wire type CRX3 uses). */
function readFields(bytes: Buffer): Map<number, Buffer[]> {
  const fields = new Map<number, Buffer[]>();
  let at = 0;
  const varint = () => {
    let value = 0;
    for (let shift = 1; ; shift *= 128) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * shift;
      if (byte < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const key = varint();
    if (key % 8 !== 2) throw new Error(`wire type ${key % 8} in a CRX header`);
    const length = varint();
    const value = bytes.subarray(at, at + length);
    at += length;
    fields.set(Math.floor(key / 8), [...(fields.get(Math.floor(key / 8)) ?? []), value]);
  }
  return fields;
}

/** What Chromium's CRX3 verifier checks, and what it learns from the file. */
function readCrx3(crx: Buffer) {
  const magic = crx.subarray(0, 4).toString('latin1');
  const version = crx.readUInt32LE(4);
  const headerLength = crx.readUInt32LE(8);
  const header = readFields(crx.subarray(12, 12 + headerLength));
  const archive = crx.subarray(12 + headerLength);
  const signedHeaderData = header.get(10000)![0]!;
  const crxId = readFields(signedHeaderData).get(1)![0]!;
  const signedPart = Buffer.concat([Buffer.from('CRX3 SignedData\x00', 'latin1'), Buffer.alloc(4), signedHeaderData, archive]);
  signedPart.writeUInt32LE(signedHeaderData.length, 16);
  const proofs = (header.get(2) ?? []).map((proof) => {
    const fields = readFields(proof);
    const publicKey = fields.get(1)![0]!;
    const signature = fields.get(2)![0]!;
    const key = createPublicKey({ key: publicKey, format: 'der', type: 'spki' });
    return { publicKey, verifies: verify('sha256', signedPart, key, signature) };
  });
  return { magic, version, crxId, archive, proofs };
}

const idFromHex = (hex: string) => [...hex].map((digit) => 'abcdefghijklmnop'[parseInt(digit, 16)]).join('');

const dir = mkdtempSync(join(tmpdir(), 'launchpad-release-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function release(privateKeyPem: string, codebaseUrl = 'https://intranet.example.com/launchpad/') {
  const zips = {
    chrome: join(dir, 'bytedesk-launchpad-1.2.3-chrome.zip'),
    firefox: join(dir, 'bytedesk-launchpad-1.2.3-firefox.zip'),
    sources: join(dir, 'bytedesk-launchpad-1.2.3-sources.zip'),
  };
  writeFileSync(zips.chrome, 'PK chrome zip bytes');
  writeFileSync(zips.firefox, 'PK firefox zip bytes');
  writeFileSync(zips.sources, 'PK sources zip bytes');
  const key = readSigningKey({ env: { LAUNCHPAD_CRX_KEY_PEM: privateKeyPem } });
  return writeRelease({ version: '1.2.3', name: 'bytedesk-launchpad', zips, key, codebaseUrl, outDir: join(dir, 'release', '1.2.3') });
}

const newKey = () => generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('npm run release', () => {
  const { privateKey, publicKey } = newKey();
  const made = release(privateKey.export({ type: 'pkcs8', format: 'pem' }) as string);
  const file = (name: string) => readFileSync(join(made.dir, name));
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const expectedId = idFromHex(createHash('sha256').update(spki).digest('hex').slice(0, 32));

  it('signs a CRX3 that Chromium accepts: magic, version 3, a signature that verifies with the public key, the id from the key', () => {
    const crx = readCrx3(file('bytedesk-launchpad-1.2.3.crx'));
    expect(crx.magic).toBe('Cr24');
    expect(crx.version).toBe(3);
    expect(crx.proofs).toEqual([{ publicKey: spki, verifies: true }]);
    expect(idFromHex(crx.crxId.toString('hex'))).toBe(expectedId);
    expect(crx.archive.equals(file('bytedesk-launchpad-1.2.3-chrome.zip')), 'the store zip, unchanged').toBe(true);
    expect(made.extensionId).toBe(expectedId);
    expect(file('extension-id.txt').toString()).toBe(`${expectedId}\n`);
  });

  it('a CRX changed after signing no longer verifies', () => {
    const crx = file('bytedesk-launchpad-1.2.3.crx');
    crx.writeUInt8(crx.readUInt8(crx.length - 1) ^ 1, crx.length - 1);
    expect(readCrx3(crx).proofs[0]!.verifies).toBe(false);
  });

  it('update.xml names the same id and version, and the CRX at the codebase address', () => {
    const xml = file('update.xml').toString();
    expect(xml).toContain(`<app appid='${expectedId}'>`);
    expect(xml).toContain("<updatecheck codebase='https://intranet.example.com/launchpad/bytedesk-launchpad-1.2.3.crx' version='1.2.3' />");
  });

  it('writes the store zips, the CRX, update.xml and a SHA-256 list of them all', () => {
    const sums = file('SHA256SUMS').toString().trim().split('\n').map((line) => line.split('  '));
    expect(sums.map(([, name]) => name)).toEqual([
      'bytedesk-launchpad-1.2.3-chrome.zip',
      'bytedesk-launchpad-1.2.3-firefox.zip',
      'bytedesk-launchpad-1.2.3-sources.zip',
      'bytedesk-launchpad-1.2.3.crx',
      'update.xml',
      'extension-id.txt',
    ]);
    for (const [sum, name] of sums) expect(createHash('sha256').update(file(name!)).digest('hex'), name).toBe(sum);
  });

  it('The signing key never enters the repository or a release: git ignores it, the sources zip leaves it out, no released file holds it', () => {
    const ignored = execFileSync('git', ['check-ignore', '--no-index', 'launchpad-signing-key.pem', 'keys/org.pem', 'release/1.2.3/x.crx'], { cwd: root, encoding: 'utf8' });
    expect(ignored.trim().split('\n')).toEqual(['launchpad-signing-key.pem', 'keys/org.pem', 'release/1.2.3/x.crx']);
    expect(config.zip?.excludeSources).toContain('**/*.pem');
    const secret = privateKey.export({ type: 'pkcs1', format: 'der' });
    const pemBody = (privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).split('\n')[1]!;
    for (const name of made.files) {
      const bytes = file(name);
      expect(bytes.includes(secret) || bytes.includes(pemBody), name).toBe(false);
    }
  });

  it('the same key gives the same id in every release, another key another id', () => {
    expect(release(privateKey.export({ type: 'pkcs1', format: 'pem' }) as string).extensionId).toBe(expectedId);
    expect(release(newKey().privateKey.export({ type: 'pkcs8', format: 'pem' }) as string).extensionId).not.toBe(expectedId);
  });
});

describe('the signing key', () => {
  const pem = newKey().privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const files: Record<string, string> = { '/keys/org.pem': pem, '/keys/not-a-key.pem': 'hello' };
  const readFile = (path: string) => {
    if (!(path in files)) throw new Error('ENOENT: no such file');
    return files[path]!;
  };

  it.each([
    ['--key', { keyFile: '/keys/org.pem', env: {} }],
    ['LAUNCHPAD_CRX_KEY (a file)', { env: { LAUNCHPAD_CRX_KEY: '/keys/org.pem' } }],
    ['LAUNCHPAD_CRX_KEY_PEM (the PEM itself)', { env: { LAUNCHPAD_CRX_KEY_PEM: pem } }],
  ])('is read from %s', (_, sources) => {
    expect(readSigningKey({ ...sources, readFile }).asymmetricKeyType).toBe('rsa');
  });

  it.each([
    ['no key at all', { env: {} }, /No signing key for the CRX\. Make one once with `openssl genrsa/],
    ['a key file that is not there', { env: { LAUNCHPAD_CRX_KEY: '/keys/lost.pem' } }, /Cannot read the signing key \/keys\/lost\.pem/],
    ['a file that is no key', { keyFile: '/keys/not-a-key.pem', env: {} }, /\/keys\/not-a-key\.pem is not a PEM private key/],
    [
      'an EC key (CRX3 here is RSA)',
      { env: { LAUNCHPAD_CRX_KEY_PEM: generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string } },
      /is a ec key; the CRX needs an RSA key/,
    ],
  ])('stops the release with what to do when there is %s', (_, sources, message) => {
    expect(() => readSigningKey({ ...sources, readFile })).toThrow(message);
  });
});

describe('the codebase address', () => {
  it.each([
    ['https://intranet.example.com/launchpad/', 'https://intranet.example.com/launchpad/x-1.0.0.crx'],
    ['https://intranet.example.com/launchpad', 'https://intranet.example.com/launchpad/x-1.0.0.crx'],
    ['https://intranet.example.com/files/launchpad.crx', 'https://intranet.example.com/files/launchpad.crx'],
  ])('%s serves the CRX at %s', (codebase, address) => {
    expect(crxAddress(codebase, 'x-1.0.0.crx')).toBe(address);
  });

  it('is refused unless it is an http(s) address', () => {
    expect(() => crxAddress('file:///srv/launchpad/', 'x.crx')).toThrow(/http\(s\) address/);
  });
});
