// CRX3, the signed package Chromium installs from an update URL (components/crx_file/crx3.proto):
// "Cr24", format 3, the header's length, a CrxFileHeader, then the zip itself.
import { createHash, createPublicKey, sign, type KeyObject } from 'node:crypto';
import { bytesField } from './protobuf.ts';

const MAGIC = Buffer.from('Cr24', 'ascii');
const SIGNATURE_CONTEXT = Buffer.from('CRX3 SignedData\x00', 'binary');
// CrxFileHeader's fields and SignedData's one.
const SHA256_WITH_RSA = 2;
const SIGNED_HEADER_DATA = 10000;
const CRX_ID = 1;
// AsymmetricKeyProof's fields.
const PUBLIC_KEY = 1;
const SIGNATURE = 2;

const uint32le = (value: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32LE(value);
  return bytes;
};

/** The public half as Chromium reads it: DER SubjectPublicKeyInfo. */
export function publicKeyDer(key: KeyObject): Buffer {
  return createPublicKey(key).export({ type: 'spki', format: 'der' });
}

/** The first 16 bytes of the public key's SHA-256: the CRX id, of which the extension id is the spelling. */
export function crxIdOf(spki: Uint8Array): Buffer {
  return createHash('sha256').update(spki).digest().subarray(0, 16);
}

/** Chromium's extension id: the CRX id in hex, with the digits 0-f written a-p. */
export function extensionIdOf(spki: Uint8Array): string {
  return [...crxIdOf(spki).toString('hex')].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** The zip signed with the organisation's RSA key, as a CRX3 file. */
export function signCrx3(zip: Uint8Array, privateKey: KeyObject): Buffer {
  const spki = publicKeyDer(privateKey);
  const signedHeaderData = bytesField(CRX_ID, crxIdOf(spki));
  const signedPart = Buffer.concat([SIGNATURE_CONTEXT, uint32le(signedHeaderData.length), signedHeaderData, zip]);
  const signature = sign('sha256', signedPart, privateKey);
  const header = Buffer.concat([
    bytesField(SHA256_WITH_RSA, Buffer.concat([bytesField(PUBLIC_KEY, spki), bytesField(SIGNATURE, signature)])),
    bytesField(SIGNED_HEADER_DATA, signedHeaderData),
  ]);
  return Buffer.concat([MAGIC, uint32le(3), uint32le(header.length), header, zip]);
}
