/**
 * Autosave for the web build: the unsaved project in IndexedDB, which holds far more than
 * localStorage's few megabytes and writes off the main thread. One database, one store, one key.
 */
import { autosaveSchema, type Autosave } from '../../../shared/ipc/contract';

const databaseName = 'layerlab';
const storeName = 'autosave';
const key = 'current';

/** An IndexedDB request as a promise. */
function settled<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
  });
}

/** A finished transaction, which is when a write is really kept. */
function committed(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB transaction failed'));
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
  });
}

export class AutosaveDatabase {
  private database: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory) {}

  private open(): Promise<IDBDatabase> {
    this.database ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = this.factory.open(databaseName, 1);
      request.onupgradeneeded = () => request.result.createObjectStore(storeName);
      request.onsuccess = () => {
        const database = request.result;
        // Another tab upgrading the database: let it, and open again next time.
        database.onversionchange = () => {
          database.close();
          this.database = null;
        };
        resolve(database);
      };
      request.onerror = () => reject(request.error ?? new Error('IndexedDB cannot be opened'));
    }).catch((error: unknown) => {
      this.database = null;
      throw error;
    });
    return this.database;
  }

  async write(entry: Autosave): Promise<void> {
    const transaction = (await this.open()).transaction(storeName, 'readwrite');
    transaction.objectStore(storeName).put(entry, key);
    await committed(transaction);
  }

  /** The unsaved work, or null when there is none or what is stored is not an autosave. */
  async read(): Promise<Autosave | null> {
    const stored: unknown = await settled((await this.open()).transaction(storeName).objectStore(storeName).get(key));
    const parsed = autosaveSchema.safeParse(stored);
    return parsed.success ? parsed.data : null;
  }

  async clear(): Promise<void> {
    const transaction = (await this.open()).transaction(storeName, 'readwrite');
    transaction.objectStore(storeName).delete(key);
    await committed(transaction);
  }
}
