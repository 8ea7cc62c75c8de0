/** A password encrypted with AES-GCM, bound to the account it belongs to. */
export interface SealedSecret {
  iv: string;
  ciphertext: string;
  username: string;
  serverUrl: string;
}

/** Where the encryption key lives; the key is non-extractable, so only this extension can use it. */
export interface KeyStore {
  load(): Promise<CryptoKey | null>;
  save(key: CryptoKey): Promise<void>;
}

export interface PasswordVault {
  seal(password: string, username: string, serverUrl: string): Promise<SealedSecret>;
  /** The password, or null when the key is gone or the secret belongs to another account. */
  open(sealed: SealedSecret, username: string, serverUrl: string): Promise<string | null>;
}

export function createPasswordVault(keyStore: KeyStore, subtle: SubtleCrypto = crypto.subtle): PasswordVault {
  async function key(create: boolean): Promise<CryptoKey | null> {
    const existing = await keyStore.load();
    if (existing || !create) return existing;
    const created = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    await keyStore.save(created);
    return created;
  }

  // The account is authenticated data: a sealed password cannot be replayed for another account.
  const boundTo = (username: string, serverUrl: string) => new TextEncoder().encode(`${serverUrl}\n${username}`);

  return {
    async seal(password, username, serverUrl) {
      const iv = crypto.getRandomValues(new Uint8Array(12));
      const ciphertext = await subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: boundTo(username, serverUrl) },
        (await key(true))!,
        new TextEncoder().encode(password),
      );
      return { iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)), username, serverUrl };
    },

    async open(sealed, username, serverUrl) {
      if (sealed.username !== username || sealed.serverUrl !== serverUrl) return null;
      const aesKey = await key(false);
      if (!aesKey) return null;
      try {
        const plain = await subtle.decrypt(
          { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: boundTo(username, serverUrl) },
          aesKey,
          fromBase64(sealed.ciphertext),
        );
        return new TextDecoder().decode(plain);
      } catch {
        return null;
      }
    },
  };
}

function toBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
