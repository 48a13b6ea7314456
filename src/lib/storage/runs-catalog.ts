/**
 * The runs catalog: every run's metadata in one `meta` record (RUNS_CATALOG_KEY), kept in step with
 * the `runs` table inside each write's transaction, so listing reads one record instead of a
 * thousand (bench/browser/STORAGE.md). A catalog missing or out of step falls back to the table.
 */
import type { SandboxDb } from './db';
import { RUNS_CATALOG_KEY, type RunCatalog, type RunRecord } from './records';

/** The catalog's entries, or the runs table itself when the catalog is missing or out of step. */
export async function readCatalog(db: SandboxDb): Promise<RunRecord[]> {
	const [rec, count] = await Promise.all([db.meta.get(RUNS_CATALOG_KEY), db.runs.count()]);
	const entries = (rec?.value as RunCatalog | undefined)?.entries;
	return entries && entries.length === count ? entries : db.runs.toArray();
}

/**
 * Brings the catalog in step after a change to `runs`; call inside the same rw transaction (over
 * runs and meta). A catalog that does not match the table afterwards is rebuilt from it.
 */
export async function updateCatalog(
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
