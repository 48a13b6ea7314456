/**
 * Is saving possible? Opens the one database on first use, with a time limit, and keeps a status the
 * UI shows ("Saving is off: <reason>"). When IndexedDB is missing or refuses, the app keeps working
 * in memory; when a newer version opens in another tab, this tab closes its connection and asks for
 * a reload; a blocked upgrade never hangs: after OPEN_TIMEOUT_MS the status says what to do.
 */
import type { SandboxDb } from './db';
import { DB_VERSION } from './db-name';
import { REASONS, StorageError, toStorageError, type StorageErrorKind } from './errors';

/** How long open() may take before the UI says saving is off (a blocked upgrade would wait forever). */
export const OPEN_TIMEOUT_MS = 3000;

export type StorageStatus =
	| { state: 'opening'; detail?: string }
	| { state: 'ready' }
	| { state: 'off'; kind: StorageErrorKind; reason: string; reload: boolean };

export interface StorageConfig {
	/** The IndexedDB factory; `null` simulates a browser without one. Default: the global one. */
	indexedDB?: IDBFactory | null;
	IDBKeyRange?: typeof IDBKeyRange;
	openTimeoutMs?: number;
}

let config: StorageConfig = {};
let dbPromise: Promise<SandboxDb> | null = null;
let current: SandboxDb | null = null;
let status: StorageStatus = { state: 'opening' };
const listeners = new Set<(s: StorageStatus) => void>();

function setStatus(next: StorageStatus): void {
	status = next;
	for (const fn of listeners) fn(next);
}

const off = (err: StorageError): StorageStatus => ({
	state: 'off',
	kind: err.kind,
	reason: err.reason,
	reload: err.reload
});

export const storageStatus = (): StorageStatus => status;

/** Calls `fn` on every status change; returns the unsubscribe function. */
export function onStorageStatus(fn: (s: StorageStatus) => void): () => void {
	listeners.add(fn);
	return () => listeners.delete(fn);
}

function rejected(err: StorageError): Promise<never> {
	const p = Promise.reject(err);
	// Kept for later callers; marked handled so an unobserved copy is not an unhandled rejection.
	p.catch(() => undefined);
	return p;
}

/** The open database, or a StorageError saying why saving is off. Opens on first call. */
export function getDb(): Promise<SandboxDb> {
	dbPromise ??= open();
	return dbPromise;
}

async function open(): Promise<SandboxDb> {
	let db: SandboxDb;
	try {
		// The getter itself may throw (SecurityError when site data are blocked, or in a sandboxed
		// frame): that is storage being off, exactly like having no IndexedDB.
		const factory = config.indexedDB === undefined ? globalThis.indexedDB : config.indexedDB;
		if (!factory) throw new StorageError('unavailable', REASONS.noIndexedDb);
		const keyRange = config.IDBKeyRange ?? globalThis.IDBKeyRange;
		// Dexie and the schema load here, with the database, not with the page (its JS budget).
		const { SandboxDb } = await import('./db');
		db = new SandboxDb({ indexedDB: factory, IDBKeyRange: keyRange });
	} catch (e) {
		const err =
			e instanceof StorageError ? e : new StorageError('unavailable', REASONS.refused, { cause: e });
		setStatus(off(err));
		throw err;
	}
	db.on('blocked', () => {
		if (status.state === 'opening') setStatus({ state: 'opening', detail: REASONS.blocked });
		return false;
	});
	db.on('versionchange', (ev: IDBVersionChangeEvent) => {
		// Dexie's default would close and silently reopen later, which then fails with VersionError.
		db.close({ disableAutoOpen: true });
		const err = new StorageError('closed', ev.newVersion ? REASONS.newerTab : REASONS.deleted, {
			reload: true
		});
		if (current === db) {
			current = null;
			dbPromise = rejected(err);
		}
		setStatus(off(err));
		return false;
	});

	setStatus({ state: 'opening' });
	const timeoutMs = config.openTimeoutMs ?? OPEN_TIMEOUT_MS;
	const opening = db.open();
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timeout = new Promise<'timeout'>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), timeoutMs);
	});
	let first: unknown;
	try {
		first = await Promise.race([opening, timeout]);
	} catch (e) {
		const err = toStorageError(e);
		setStatus(off(err));
		dbPromise = rejected(err);
		throw err;
	} finally {
		clearTimeout(timer);
	}
	if (first === 'timeout') {
		const err = new StorageError('timeout', REASONS.timeout(timeoutMs));
		const late = rejected(err);
		dbPromise = late;
		setStatus(off(err));
		// If the other tab lets go later, saving turns back on by itself.
		opening.then(
			() => {
				if (dbPromise !== late) return db.close();
				try {
					dbPromise = Promise.resolve(adopt(db));
				} catch {
					// adopt() has set the status and the rejection.
				}
			},
			(e: unknown) => {
				if (dbPromise === late) setStatus(off(toStorageError(e)));
			}
		);
		throw err;
	}
	return adopt(db);
}

/** The opened database becomes the one in use, unless a newer version of the app upgraded it. */
function adopt(db: SandboxDb): SandboxDb {
	// Dexie stores version n as 10·n (+1 when it patched a schema difference itself).
	if (Math.floor(db.backendDB().version / 10) > DB_VERSION) {
		// Dexie 4 opens a database a newer app upgraded if the stores it knows still exist; writing
		// the old shape into the newer schema could lose data, so this tab stops here.
		db.close({ disableAutoOpen: true });
		const err = new StorageError('closed', REASONS.newerData, { reload: true });
		setStatus(off(err));
		dbPromise = rejected(err);
		throw err;
	}
	current = db;
	setStatus({ state: 'ready' });
	return db;
}

/**
 * After every write: a quota failure turns the status to "off" (with the reason) until a later
 * write succeeds; nothing else the session holds is touched.
 */
export function noteWriteResult(err: StorageError | null): void {
	if (err === null) {
		if (status.state === 'off' && status.kind === 'quota') setStatus({ state: 'ready' });
		return;
	}
	if (err.kind === 'quota' || err.kind === 'closed') setStatus(off(err));
}

/** Tests (and the benchmark page) point storage at another IndexedDB and start over. */
export async function configureStorage(next: StorageConfig): Promise<void> {
	await closeStorage();
	config = next;
}

export async function closeStorage(): Promise<void> {
	const pending = dbPromise;
	dbPromise = null;
	current = null;
	status = { state: 'opening' };
	const db = await pending?.catch(() => null);
	db?.close();
}

/** Opens the database if needed and returns the resulting status; never rejects. */
export async function checkStorage(): Promise<StorageStatus> {
	try {
		await getDb();
	} catch {
		// The status already says why saving is off.
	}
	return status;
}
