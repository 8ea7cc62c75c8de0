// The organisation's signing key: it fixes the extension's id, so it is read from outside the
// project (a file or the environment) and never written anywhere by the release.
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const KEY_HELP =
  'Make one once with `openssl genrsa -out launchpad-signing-key.pem 2048`, keep it outside the repository ' +
  '(the same key keeps the same extension id for every version), and give its path with `--key <file>` or ' +
  'LAUNCHPAD_CRX_KEY=<file>, or the PEM text itself in LAUNCHPAD_CRX_KEY_PEM.';

export interface KeySources {
  /** `--key <file>`. */
  keyFile?: string | undefined;
  env: Record<string, string | undefined>;
  readFile?: (path: string) => string;
}

/** The RSA private key from `--key`, LAUNCHPAD_CRX_KEY (a path) or LAUNCHPAD_CRX_KEY_PEM; a clear error otherwise. */
export function readSigningKey({ keyFile, env, readFile = (path) => readFileSync(path, 'utf8') }: KeySources): KeyObject {
  const path = keyFile ?? env.LAUNCHPAD_CRX_KEY;
  const inline = env.LAUNCHPAD_CRX_KEY_PEM;
  let pem: string;
  let from: string;
  if (path) {
    from = path;
    try {
      pem = readFile(path);
    } catch (error) {
      throw new Error(`Cannot read the signing key ${path}: ${(error as Error).message}. ${KEY_HELP}`);
    }
  } else if (inline) {
    from = 'LAUNCHPAD_CRX_KEY_PEM';
    pem = inline;
  } else {
    throw new Error(`No signing key for the CRX. ${KEY_HELP}`);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error(`${from} is not a PEM private key. ${KEY_HELP}`);
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`${from} is a ${key.asymmetricKeyType} key; the CRX needs an RSA key. ${KEY_HELP}`);
  return key;
}
