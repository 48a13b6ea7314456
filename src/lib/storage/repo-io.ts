/**
 * How the storage repositories touch the database: every call goes through `read` or `write`, which
 * turn any failure into a StorageError a user can read ("Could not save the run: …"), and a write
 * also tells availability.ts whether storage still works. Stored scenarios are JSON text: `parseStored`
 * reads one back.
 */
import type { Scenario } from '$lib/domain/scenario';
import { getDb, noteWriteResult } from './availability';
import type { SandboxDb } from './db';
import { REASONS, StorageError, errorNames, toStorageError } from './errors';
import { looksFull } from './quota';

export async function read<T>(action: string, fn: (db: SandboxDb) => Promise<T>): Promise<T> {
	try {
		return await fn(await getDb());
	} catch (e) {
		throw toStorageError(e, action);
	}
}

export async function write<T>(action: string, fn: (db: SandboxDb) => Promise<T>): Promise<T> {
	let db: SandboxDb;
	try {
		db = await getDb();
	} catch (e) {
		throw toStorageError(e, action);
	}
	try {
		const result = await fn(db);
		noteWriteResult(null);
		return result;
	} catch (e) {
		const err = await classifyWriteError(e, action);
		noteWriteResult(err);
		throw err;
	}
}

/** Names under which browsers report a write that was cut short (Chromium often hides the quota). */
const VAGUE = ['AbortError', 'BulkError', 'UnknownError'];

/**
 * A write error in words. A vague abort while the site is at its quota is "storage is full": Chromium
 * may abort a large transaction with no QuotaExceededError anywhere in Dexie's error.
 */
export async function classifyWriteError(e: unknown, action: string): Promise<StorageError> {
	const err = toStorageError(e, action);
	if (err.kind !== 'failed' || !errorNames(e).some((n) => VAGUE.includes(n))) return err;
	return (await looksFull()) ? new StorageError('quota', REASONS.quota, { action, cause: e }) : err;
}

/** Stored JSON back to a scenario (written by this app, so trusted; a damaged record says so). */
export function parseStored(json: string, what: string): Scenario {
	try {
		return JSON.parse(json) as Scenario;
	} catch (e) {
		throw new StorageError('failed', `the saved data of ${what} are damaged and cannot be read.`, {
			cause: e
		});
	}
}
