/**
 * Listing saved runs: sorted, searched, limited; once (listRuns) or live (liveRuns, re-emitted
 * whenever runs change in this tab or another). Reads metadata only, never scenarios.
 */
import type { SandboxDb } from './db';
import { liveFrom, type Subscribable } from './live-query';
import type { RunQuery, RunRecord, RunSort } from './records';
import { read } from './repo-io';
import { readCatalog } from './runs-catalog';

export type { Subscribable } from './live-query';

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
	return liveFrom('list the saved runs', (db) => queryRuns(db, query));
}

export function countRuns(): Promise<number> {
	return read('count the saved runs', (db) => db.runs.count());
}
