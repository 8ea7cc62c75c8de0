import type { KeyStore } from '../token/password-vault';

const DB = 'launchpad-keys';
const STORE = 'keys';
const KEY_ID = 'password-key';

/**
 * Keeps the password key in IndexedDB: a CryptoKey can be stored there as it is, still
 * non-extractable, which extension storage (JSON only) cannot do.
 */
export function createIdbKeyStore(idb: IDBFactory = indexedDB): KeyStore {
  function open(): Promise<IDBDatabase> {
    return request(
      Object.assign(idb.open(DB, 1), {
        onupgradeneeded: (event: IDBVersionChangeEvent) =>
          (event.target as IDBOpenDBRequest).result.createObjectStore(STORE),
      }),
    );
  }

  async function run<T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>) {
    const db = await open();
    try {
      return await request(action(db.transaction(STORE, mode).objectStore(STORE)));
    } finally {
      db.close();
    }
  }

  return {
    async load() {
      return ((await run('readonly', (s) => s.get(KEY_ID))) as CryptoKey | undefined) ?? null;
    },
    async save(key) {
      await run('readwrite', (s) => s.put(key, KEY_ID));
    },
  };
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}
