import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createIdbKeyStore } from '../../lib/browser/idb-key-store';
import { createPasswordVault } from '../../lib/token/password-vault';

const SERVER = 'https://desk.example.com';

describe('password vault', () => {
  it('opens what it sealed, for the same account', async () => {
    const vault = createPasswordVault(createIdbKeyStore(new IDBFactory()));
    const sealed = await vault.seal('密码 s3cret', 'admin@email.com', SERVER);
    expect(JSON.stringify(sealed)).not.toContain('s3cret');
    await expect(vault.open(sealed, 'admin@email.com', SERVER)).resolves.toBe('密码 s3cret');
  });

  it('seals the same password differently each time (fresh IV)', async () => {
    const vault = createPasswordVault(createIdbKeyStore(new IDBFactory()));
    const [a, b] = [await vault.seal('pw', 'u', SERVER), await vault.seal('pw', 'u', SERVER)];
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('keeps one non-extractable key across vault instances (worker restarts)', async () => {
    const idb = new IDBFactory();
    const sealed = await createPasswordVault(createIdbKeyStore(idb)).seal('pw', 'u', SERVER);
    await expect(createPasswordVault(createIdbKeyStore(idb)).open(sealed, 'u', SERVER)).resolves.toBe('pw');
    const key = await createIdbKeyStore(idb).load();
    expect(key?.extractable).toBe(false);
  });

  it.each([
    ['another user', { username: 'other' }],
    ['another server', { serverUrl: 'https://evil.example' }],
  ])('will not open a secret moved to %s', async (_, change) => {
    const vault = createPasswordVault(createIdbKeyStore(new IDBFactory()));
    const sealed = { ...(await vault.seal('pw', 'u', SERVER)), ...change };
    await expect(vault.open(sealed, sealed.username, sealed.serverUrl)).resolves.toBeNull();
  });

  it('cannot open anything once the key is gone', async () => {
    const sealed = await createPasswordVault(createIdbKeyStore(new IDBFactory())).seal('pw', 'u', SERVER);
    await expect(createPasswordVault(createIdbKeyStore(new IDBFactory())).open(sealed, 'u', SERVER)).resolves.toBeNull();
  });
});
