/**
 * Room on the disk (issue 13 point 4). Before a large write (an import, a big run) the browser's
 * own estimate is checked, so a write that cannot fit is refused in words ("storage is full —
 * export or delete runs") instead of failing half-way inside IndexedDB; the first saved run asks
 * the browser to keep the site's data (`navigator.storage.persist()`), so Chromium does not evict
 * the whole database when the disk runs low; and a write that failed with a vague abort while the
 * site is at its quota is reported as "storage is full" too.
 */
import { REASONS, StorageError } from './errors';

/** Writes smaller than this are not worth an estimate (drafts, renames, a use case). */
export const LARGE_WRITE_BYTES = 256 * 1024;

/**
 * IndexedDB keeps more than the JSON text (indexes, the catalog, the write-ahead log before it is
 * compacted): a write is let through only when this many times its text length is still free.
 */
export const WRITE_OVERHEAD = 3;

/** Below this much free room a vague abort is taken as the disk being full. */
export const NEARLY_FULL_BYTES = 1024 * 1024;

export interface RoomEstimate {
	usage: number;
	quota: number;
}

type Estimator = () => Promise<RoomEstimate | null>;

const browserEstimate: Estimator = async () => {
	const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
	if (!storage || typeof storage.estimate !== 'function') return null;
	try {
		const e = await storage.estimate();
		return typeof e.usage === 'number' && typeof e.quota === 'number'
			? { usage: e.usage, quota: e.quota }
			: null;
	} catch {
		return null;
	}
};

let estimator: Estimator = browserEstimate;

/** Tests replace the browser's estimate; `null` restores it. */
export function setRoomEstimator(next: Estimator | null): void {
	estimator = next ?? browserEstimate;
}

/** Free bytes the browser grants this site, or null when it does not say. */
export async function freeBytes(): Promise<number | null> {
	const e = await estimator();
	return e ? Math.max(0, e.quota - e.usage) : null;
}

/**
 * Refuses (StorageError 'quota') a write of about `bytes` of text that would not fit. Small writes
 * and browsers without an estimate pass: the write itself then says whether it fitted.
 */
export async function ensureRoom(bytes: number, action: string): Promise<void> {
	if (bytes < LARGE_WRITE_BYTES) return;
	const free = await freeBytes();
	if (free !== null && free < bytes * WRITE_OVERHEAD)
		throw new StorageError('quota', REASONS.quota, { action });
}

/** True when the site is at (or within NEARLY_FULL_BYTES of) its quota. */
export async function looksFull(): Promise<boolean> {
	const free = await freeBytes();
	return free !== null && free < NEARLY_FULL_BYTES;
}

let persistAsked: Promise<boolean> | null = null;

/**
 * Asks once per page for persistent storage (the browser may say no; nothing depends on the answer
 * but eviction when the disk runs low). Never rejects.
 */
export function requestPersistence(): Promise<boolean> {
	persistAsked ??= (async () => {
		const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
		if (!storage || typeof storage.persist !== 'function') return false;
		try {
			if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
			return await storage.persist();
		} catch {
			return false;
		}
	})();
	return persistAsked;
}

/** Rough text size of a value about to be stored (JSON length; strings count as they are). */
export function textBytes(value: unknown): number {
	if (typeof value === 'string') return value.length;
	try {
		return JSON.stringify(value)?.length ?? 0;
	} catch {
		return 0;
	}
}
