/**
 * The runs library's repository: the only module that queries the database. Every function returns
 * a promise and fails with a StorageError whose message a user can read ("Could not save the run:
 * the browser's storage for this site is full…"). A run's name and its scenario's name are kept
 * the same: renaming one renames the other.
 */
import { liveQuery } from 'dexie';
import type { Scenario } from '$lib/domain/scenario';
import { getDb, noteWriteResult } from './availability';
import type { SandboxDb } from './db';
import { StorageError, toStorageError } from './errors';
import {
	RUNS_CATALOG_KEY,
	type Draft,
	type RunCatalog,
	type RunQuery,
	type RunRecord,
	type RunSort,
	type ScenarioRecord,
	type StoredRun
} from './records';
import {
	MAX_NAME_LENGTH,
	MAX_NOTES_LENGTH,
	buildRun,
	cleanName,
	nameKey,
	splitRun,
	type SaveRunInput
} from './run-record';

export type { SaveRunInput };

export const DEFAULT_DRAFT_SLOT = 'sandbox';

export type UpdateRunInput = Partial<SaveRunInput>;

/** Minimal observable (what Dexie's liveQuery returns), so the UI layers need not import dexie. */
export interface Subscribable<T> {
	subscribe(observer: { next?: (value: T) => void; error?: (err: unknown) => void }): { unsubscribe(): void };
}

const newId = (): string => crypto.randomUUID();

async function read<T>(action: string, fn: (db: SandboxDb) => Promise<T>): Promise<T> {
	try {
		return await fn(await getDb());
	} catch (e) {
		throw toStorageError(e, action);
	}
}

async function write<T>(action: string, fn: (db: SandboxDb) => Promise<T>): Promise<T> {
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
		const err = toStorageError(e, action);
		noteWriteResult(err);
		throw err;
	}
}

/** The catalog's entries, or the runs table itself when the catalog is missing or out of step. */
async function readCatalog(db: SandboxDb): Promise<RunRecord[]> {
	const [rec, count] = await Promise.all([db.meta.get(RUNS_CATALOG_KEY), db.runs.count()]);
	const entries = (rec?.value as RunCatalog | undefined)?.entries;
	return entries && entries.length === count ? entries : db.runs.toArray();
}

/**
 * Brings the catalog in step after a change to `runs`; call inside the same rw transaction (over
 * runs and meta). A catalog that does not match the table afterwards is rebuilt from it.
 */
async function updateCatalog(
	db: SandboxDb,
	put: readonly RunRecord[],
	remove: readonly string[] = []
): Promise<void> {
	const [rec, count] = await Promise.all([db.meta.get(RUNS_CATALOG_KEY), db.runs.count()]);
	const old = (rec?.value as RunCatalog | undefined)?.entries;
	let entries: RunRecord[];
	if (old) {
		const byId = new Map(old.map((e) => [e.id, e]));
		for (const id of remove) byId.delete(id);
		for (const r of put) byId.set(r.id, r);
		entries = [...byId.values()];
	} else entries = [];
	if (entries.length !== count) entries = await db.runs.toArray();
	await db.meta.put({ key: RUNS_CATALOG_KEY, value: { entries } satisfies RunCatalog });
}

async function putRun(db: SandboxDb, run: StoredRun): Promise<void> {
	const { meta, body } = splitRun(run);
	await db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
		// Issued together: IndexedDB runs them in this order (the catalog counts after the put),
		// without a round trip between the small writes and the large scenario.
		await Promise.all([db.runs.put(meta), updateCatalog(db, [meta]), db.scenarios.put(body)]);
	});
}

export function saveRun(input: SaveRunInput): Promise<RunRecord> {
	return write('save the run', async (db) => {
		const run = buildRun(input, newId(), Date.now());
		await putRun(db, run);
		return splitRun(run).meta;
	});
}

/** Saves the scenario (and/or a new name or notes) into an existing run; keeps its id and creation time. */
export function updateRun(id: string, patch: UpdateRunInput): Promise<RunRecord> {
	return write('save the run', (db) =>
		db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
			const old = await getIn(db, id);
			if (!old)
				throw new StorageError(
					'not-found',
					'that run no longer exists (it may have been deleted in another tab).'
				);
			const scenario = patch.scenario ?? old.scenario;
			const name = patch.name ?? (patch.scenario ? patch.scenario.name : old.name);
			const ledgerKnown = patch.scenario !== undefined || patch.ledger !== undefined;
			const next: StoredRun = ledgerKnown
				? buildRun({ scenario, ledger: patch.ledger, name, notes: patch.notes ?? old.notes }, id, Date.now())
				: renamed(old, name, patch.notes ?? old.notes);
			next.createdAt = old.createdAt;
			await putRun(db, next);
			return splitRun(next).meta;
		})
	);
}

function renamed(old: StoredRun, name: string, notes: string): StoredRun {
	const clean = cleanName(name);
	return {
		...old,
		name: clean,
		nameLower: nameKey(clean),
		notes: notes.slice(0, MAX_NOTES_LENGTH),
		scenario: old.scenario.name === clean ? old.scenario : { ...old.scenario, name: clean },
		updatedAt: Date.now()
	};
}

/** "Name (copy)", or "Name (copy 2)", … when that is taken. */
async function copyName(db: SandboxDb, name: string): Promise<string> {
	const base = name.replace(/ \(copy(?: \d+)?\)$/, '').slice(0, MAX_NAME_LENGTH - 10);
	for (let n = 1; ; n++) {
		const candidate = n === 1 ? `${base} (copy)` : `${base} (copy ${n})`;
		if ((await db.runs.where('nameLower').equals(nameKey(candidate)).count()) === 0) return candidate;
	}
}

/** Saves the session's scenario as a new run named "… (copy)". */
export function saveAsCopy(input: SaveRunInput): Promise<RunRecord> {
	return write('save a copy', async (db) => {
		const name = await copyName(db, cleanName(input.name ?? input.scenario.name));
		const run = buildRun({ ...input, name }, newId(), Date.now());
		await putRun(db, run);
		return splitRun(run).meta;
	});
}

/** Stored JSON back to a scenario (written by this app, so trusted; a damaged record says so). */
function parseStored(json: string, what: string): Scenario {
	try {
		return JSON.parse(json) as Scenario;
	} catch (e) {
		throw new StorageError('failed', `the saved data of ${what} are damaged and cannot be read.`, {
			cause: e
		});
	}
}

const withScenario = (meta: RunRecord, body: ScenarioRecord): StoredRun => ({
	...meta,
	scenario: parseStored(body.json, `“${meta.name}”`)
});

async function getIn(db: SandboxDb, id: string): Promise<StoredRun | null> {
	const [meta, body] = await Promise.all([db.runs.get(id), db.scenarios.get(id)]);
	return meta && body ? withScenario(meta, body) : null;
}

export function getRun(id: string): Promise<StoredRun | null> {
	return read('open the run', (db) => db.transaction('r', db.runs, db.scenarios, () => getIn(db, id)));
}

const COMPARE: Record<RunSort, (a: RunRecord, b: RunRecord) => number> = {
	name: (a, b) => (a.nameLower < b.nameLower ? -1 : a.nameLower > b.nameLower ? 1 : a.id < b.id ? -1 : 1),
	updated: (a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? -1 : 1),
	total: (a, b) => b.total - a.total || b.updatedAt - a.updatedAt
};

async function queryRuns(db: SandboxDb, query: RunQuery): Promise<RunRecord[]> {
	const sort = query.sort ?? 'updated';
	const needle = query.search?.trim().toLowerCase();
	if (query.limit !== undefined && !needle) {
		// A few of many (the start page's recent runs): walk the index, read only those.
		const index = sort === 'name' ? 'nameLower' : sort === 'total' ? 'total' : 'updatedAt';
		const c = db.runs.orderBy(index);
		return (sort === 'name' ? c : c.reverse()).limit(query.limit).toArray();
	}
	// The whole list: the catalog (one record) sorted here, several times faster than reading a
	// thousand records, let alone walking an index with a cursor (bench/browser/STORAGE.md).
	const all = await readCatalog(db);
	const runs = needle ? all.filter((r) => r.nameLower.includes(needle)) : [...all];
	runs.sort(COMPARE[sort]);
	return query.limit !== undefined ? runs.slice(0, query.limit) : runs;
}

/** Runs' metadata (never their scenarios): sorted by name (A→Z), last update or total (newest/highest first). */
export function listRuns(query: RunQuery = {}): Promise<RunRecord[]> {
	return read('list the saved runs', (db) => queryRuns(db, query));
}

/** The same list, re-emitted whenever runs change (in this tab or another). */
export function liveRuns(query: RunQuery = {}): Subscribable<RunRecord[]> {
	return {
		subscribe(observer) {
			let inner: { unsubscribe(): void } | null = null;
			let closed = false;
			getDb().then(
				(db) => {
					if (closed) return;
					inner = liveQuery(() => queryRuns(db, query)).subscribe({
						next: (v) => observer.next?.(v),
						error: (e: unknown) => observer.error?.(toStorageError(e, 'list the saved runs'))
					});
				},
				(e: unknown) => observer.error?.(toStorageError(e, 'list the saved runs'))
			);
			return {
				unsubscribe() {
					closed = true;
					inner?.unsubscribe();
				}
			};
		}
	};
}

export function countRuns(): Promise<number> {
	return read('count the saved runs', (db) => db.runs.count());
}

export function renameRun(id: string, name: string): Promise<RunRecord> {
	return updateRun(id, { name });
}

export function duplicateRun(id: string): Promise<RunRecord> {
	return write('duplicate the run', (db) =>
		db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
			const old = await getIn(db, id);
			if (!old) throw new StorageError('not-found', 'that run no longer exists.');
			const name = await copyName(db, old.name);
			const now = Date.now();
			const copy: StoredRun = {
				...renamed(old, name, old.notes),
				id: newId(),
				createdAt: now,
				updatedAt: now
			};
			await putRun(db, copy);
			return splitRun(copy).meta;
		})
	);
}

/** Deletes a run and returns it whole, so "Undo" can put it back with restoreRun. */
export function deleteRun(id: string): Promise<StoredRun | null> {
	return write('delete the run', (db) =>
		db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
			const old = await getIn(db, id);
			await db.runs.delete(id);
			await db.scenarios.delete(id);
			await updateCatalog(db, [], [id]);
			return old;
		})
	);
}

export function restoreRun(run: StoredRun): Promise<void> {
	return write('restore the run', (db) => putRun(db, run));
}

/** Whole runs (with scenarios) for export: the given ids, or all, newest first. */
export function getRuns(ids?: readonly string[]): Promise<StoredRun[]> {
	return read('read the runs', (db) =>
		db.transaction('r', db.runs, db.scenarios, async () => {
			const metas = ids
				? (await db.runs.bulkGet([...ids])).filter((m): m is RunRecord => m !== undefined)
				: await db.runs.orderBy('updatedAt').reverse().toArray();
			const bodies = await db.scenarios.bulkGet(metas.map((m) => m.id));
			return metas.flatMap((m, i) => {
				const body = bodies[i];
				return body ? [withScenario(m, body)] : [];
			});
		})
	);
}

/**
 * Writes all the runs or none (one transaction). A run whose id is taken gets a new id: an import
 * never overwrites a run already saved. Returns the runs as written.
 */
export function insertRuns(runs: readonly StoredRun[]): Promise<RunRecord[]> {
	return write('import the runs', (db) =>
		db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
			const taken = new Set(
				await db.runs
					.where('id')
					.anyOf(runs.map((r) => r.id))
					.primaryKeys()
			);
			const written = runs.map((r) => {
				const id = taken.has(r.id) ? newId() : r.id;
				taken.add(id);
				return splitRun({ ...r, id });
			});
			await db.runs.bulkAdd(written.map((w) => w.meta));
			await db.scenarios.bulkAdd(written.map((w) => w.body));
			await updateCatalog(
				db,
				written.map((w) => w.meta)
			);
			return written.map((w) => w.meta);
		})
	);
}

export function saveDraft(
	draft: { scenario: Scenario; runId: string | null },
	slot = DEFAULT_DRAFT_SLOT
): Promise<void> {
	return write('keep your unsaved changes', async (db) => {
		await db.autosave.put({
			slot,
			json: JSON.stringify(draft.scenario),
			runId: draft.runId,
			savedAt: Date.now()
		});
	});
}

export function loadDraft(slot = DEFAULT_DRAFT_SLOT): Promise<Draft | null> {
	return read('read your unsaved changes', async (db) => {
		const rec = await db.autosave.get(slot);
		if (!rec) return null;
		const { json, ...rest } = rec;
		return { ...rest, scenario: parseStored(json, 'your unsaved changes') };
	});
}

export function clearDraft(slot = DEFAULT_DRAFT_SLOT): Promise<void> {
	return write('clear the draft', async (db) => {
		await db.autosave.delete(slot);
	});
}

export function getMeta<T>(key: string): Promise<T | undefined> {
	return read('read a setting', async (db) => (await db.meta.get(key))?.value as T | undefined);
}

export function setMeta(key: string, value: unknown): Promise<void> {
	return write('keep a setting', async (db) => {
		await db.meta.put({ key, value });
	});
}
