/**
 * The runs library's repository: saving, reading, renaming, copying, deleting and importing runs.
 * Every function returns a promise and fails with a StorageError whose message a user can read
 * ("Could not save the run: the browser's storage for this site is full…"). A run's name and its
 * scenario's name are kept the same: renaming one renames the other. Listing is runs-query.ts,
 * the draft drafts-repo.ts, settings meta-repo.ts.
 */
import type { SandboxDb } from './db';
import { StorageError } from './errors';
import type { RunRecord, ScenarioRecord, StoredRun } from './records';
import { ensureRoom, requestPersistence } from './quota';
import { parseStored, read, write } from './repo-io';
import {
	MAX_NAME_LENGTH,
	MAX_NOTES_LENGTH,
	buildRun,
	cleanName,
	nameKey,
	splitRun,
	type SaveRunInput
} from './run-record';
import { announceRunChange } from './run-events';
import { updateCatalog } from './runs-catalog';

export type { SaveRunInput };

export type UpdateRunInput = Partial<SaveRunInput>;

const newId = (): string => crypto.randomUUID();

async function putRun(db: SandboxDb, run: StoredRun): Promise<void> {
	await putParts(db, splitRun(run));
}

async function putParts(db: SandboxDb, { meta, body }: ReturnType<typeof splitRun>): Promise<void> {
	await db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
		// Issued together: IndexedDB runs them in this order (the catalog counts after the put),
		// without a round trip between the small writes and the large scenario.
		await Promise.all([db.runs.put(meta), updateCatalog(db, [meta]), db.scenarios.put(body)]);
	});
}

export function saveRun(input: SaveRunInput): Promise<RunRecord> {
	return write('save the run', async (db) => {
		const parts = splitRun(buildRun(input, newId(), Date.now()));
		await ensureRoom(parts.body.json.length, 'save the run');
		await putParts(db, parts);
		// The first saved run asks the browser to keep the site's data when the disk runs low.
		void requestPersistence();
		return parts.meta;
	});
}

/** A lower bound of a scenario's stored size, without serialising it (checked before big saves). */
const approxBytes = (scenario: { events: readonly unknown[] } | undefined): number =>
	scenario ? scenario.events.length * 120 : 0;

/** The revision a run record is at (0 for runs saved before revisions existed). */
export const revisionOf = (run: Pick<RunRecord, 'revision'>): number => run.revision ?? 0;

/**
 * Saves the scenario (and/or a new name or notes) into an existing run; keeps its id and creation
 * time and bumps its revision. With `expectedRevision`, refuses (StorageError 'conflict') when the
 * run was saved elsewhere since that revision was read: the caller asks what to do.
 */
export function updateRun(
	id: string,
	patch: UpdateRunInput,
	options: { expectedRevision?: number } = {}
): Promise<RunRecord> {
	return write('save the run', async (db) => {
		await ensureRoom(approxBytes(patch.scenario), 'save the run');
		const saved = await db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
			const old = await getIn(db, id);
			if (!old)
				throw new StorageError(
					'not-found',
					'that run no longer exists (it may have been deleted in another tab).'
				);
			if (options.expectedRevision !== undefined && options.expectedRevision !== revisionOf(old))
				throw new StorageError('conflict', 'this run was changed in another tab since you opened it.');
			const scenario = patch.scenario ?? old.scenario;
			const name = patch.name ?? (patch.scenario ? patch.scenario.name : old.name);
			const ledgerKnown = patch.scenario !== undefined || patch.ledger !== undefined;
			const next: StoredRun = ledgerKnown
				? buildRun({ scenario, ledger: patch.ledger, name, notes: patch.notes ?? old.notes }, id, Date.now())
				: renamed(old, name, patch.notes ?? old.notes);
			next.createdAt = old.createdAt;
			next.revision = revisionOf(old) + 1;
			await putRun(db, next);
			return splitRun(next).meta;
		});
		announceRunChange(saved.id, revisionOf(saved));
		return saved;
	});
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
		const parts = splitRun(buildRun({ ...input, name }, newId(), Date.now()));
		await ensureRoom(parts.body.json.length, 'save a copy');
		await putParts(db, parts);
		void requestPersistence();
		return parts.meta;
	});
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
	return write('delete the run', async (db) => {
		const old = await db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
			const old = await getIn(db, id);
			await db.runs.delete(id);
			await db.scenarios.delete(id);
			await updateCatalog(db, [], [id]);
			return old;
		});
		announceRunChange(id, null);
		return old;
	});
}

export function restoreRun(run: StoredRun): Promise<void> {
	return write('restore the run', async (db) => {
		await putRun(db, run);
		announceRunChange(run.id, revisionOf(run));
	});
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

/** Which of these ids are already saved here. */
export function existingRunIds(ids: readonly string[]): Promise<Set<string>> {
	return read(
		'read the runs',
		async (db) =>
			new Set(
				await db.runs
					.where('id')
					.anyOf([...ids])
					.primaryKeys()
			)
	);
}

/** Records written per step of an import: the page draws (and the progress bar moves) in between. */
export const IMPORT_CHUNK = 250;

export interface InsertProgress {
	written: number;
	total: number;
}

/**
 * Writes all the runs or none (one transaction, in chunks of IMPORT_CHUNK so the page stays
 * responsive). A run whose id is taken gets a new id: an import never overwrites a run already
 * saved. The room is checked first (a library that cannot fit is refused before any write).
 * Returns the runs as written.
 */
export function insertRuns(
	runs: readonly StoredRun[],
	onProgress?: (p: InsertProgress) => void
): Promise<RunRecord[]> {
	const parts = runs.map(splitRun);
	// Before write(): a library refused for lack of room is not a failed write (smaller ones may fit).
	const room = ensureRoom(
		parts.reduce((n, p) => n + p.body.json.length + p.meta.notes.length + 600, 0),
		'import the runs'
	);
	return room.then(() =>
		write('import the runs', async (db) => {
			const metas = await db.transaction('rw', db.runs, db.scenarios, db.meta, async () => {
				const taken = new Set(
					await db.runs
						.where('id')
						.anyOf(parts.map((p) => p.meta.id))
						.primaryKeys()
				);
				const written = parts.map(({ meta, body }) => {
					if (!taken.has(meta.id)) {
						taken.add(meta.id);
						return { meta, body };
					}
					const id = newId();
					taken.add(id);
					return { meta: { ...meta, id }, body: { ...body, id } };
				});
				for (let i = 0; i < written.length; i += IMPORT_CHUNK) {
					const chunk = written.slice(i, i + IMPORT_CHUNK);
					await db.runs.bulkAdd(chunk.map((w) => w.meta));
					await db.scenarios.bulkAdd(chunk.map((w) => w.body));
					onProgress?.({ written: i + chunk.length, total: written.length });
				}
				await updateCatalog(
					db,
					written.map((w) => w.meta)
				);
				return written.map((w) => w.meta);
			});
			void requestPersistence();
			return metas;
		})
	);
}
