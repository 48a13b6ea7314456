import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { replay } from '$lib/engine/replay';
import {
	bigScenario,
	dumpDatabase,
	freshStorage,
	openRaw,
	teardownStorage,
	useCase,
	type FreshDb
} from '../../../tests/fixtures/storage/fresh-db';
import { StorageError } from './errors';
import { summarizeLedger } from './run-summary';
import { clearDraft, loadDraft, saveDraft } from './drafts-repo';
import { getMeta, setMeta } from './meta-repo';
import {
	deleteRun,
	duplicateRun,
	getRun,
	getRuns,
	insertRuns,
	renameRun,
	restoreRun,
	saveAsCopy,
	saveRun,
	updateRun
} from './runs-repo';
import { countRuns, listRuns, liveRuns } from './runs-query';
import { RUNS_CATALOG_KEY, type RunRecord } from './records';

let db: FreshDb;
beforeEach(async () => {
	db = await freshStorage();
});
afterEach(async () => {
	await teardownStorage();
});

describe('saveRun / getRun', () => {
	it('stores the scenario and a summary that equals a fresh replay', async () => {
		const scenario = useCase(4);
		const ledger = replay(scenario);
		const saved = await saveRun({ scenario, ledger });
		expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
		expect(saved.name).toBe(scenario.name);
		expect(saved.total).toBe(ledger.total);
		expect(saved.eventCount).toBe(scenario.events.length);
		expect(saved.rateCards).toEqual(['2023-06-01-USD']);
		const back = await getRun(saved.id);
		expect(back?.scenario).toEqual(scenario);
		expect(back?.summary).toEqual(summarizeLedger(replay(back!.scenario)));
	});

	it('replays when no ledger is given, and gives every run its own id', async () => {
		const a = await saveRun({ scenario: useCase(0) });
		const b = await saveRun({ scenario: useCase(0) });
		expect(a.id).not.toBe(b.id);
		expect(a.summary).toEqual(summarizeLedger(replay(useCase(0))));
		expect(await countRuns()).toBe(2);
	});

	it('a given name renames the scenario too; an empty name is refused', async () => {
		const run = await saveRun({ scenario: useCase(1), name: '  Campaign   <b>A</b> ' });
		expect(run.name).toBe('Campaign <b>A</b>');
		expect((await getRun(run.id))?.scenario.name).toBe('Campaign <b>A</b>');
		await expect(saveRun({ scenario: useCase(1), name: '   ' })).rejects.toThrow(/needs a name/);
		expect(await countRuns()).toBe(1);
	});

	it('getRun of an unknown id is null', async () => {
		expect(await getRun('nope')).toBeNull();
	});
});

describe('updateRun / saveAsCopy', () => {
	it('keeps id and creation time, replaces scenario and summary', async () => {
		const first = await saveRun({ scenario: useCase(2) });
		const edited = { ...useCase(2), events: useCase(2).events.slice(0, 1) };
		await new Promise((r) => setTimeout(r, 5));
		const updated = await updateRun(first.id, { scenario: edited });
		expect(updated.id).toBe(first.id);
		expect(updated.createdAt).toBe(first.createdAt);
		expect(updated.updatedAt).toBeGreaterThan(first.updatedAt);
		expect(updated.eventCount).toBe(1);
		expect((await getRun(first.id))?.scenario.events).toHaveLength(1);
	});

	it('fails with not-found for a deleted run', async () => {
		const err = await updateRun('missing', { scenario: useCase(0) }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(StorageError);
		expect((err as StorageError).kind).toBe('not-found');
		expect((err as StorageError).message).toMatch(/^Could not save the run: /);
	});

	it('saveAsCopy names the copy and numbers further copies', async () => {
		const base = await saveRun({ scenario: useCase(3) });
		const c1 = await saveAsCopy({ scenario: useCase(3) });
		const c2 = await saveAsCopy({ scenario: { ...useCase(3), name: c1.name } });
		expect(c1.name).toBe(`${base.name} (copy)`);
		expect(c2.name).toBe(`${base.name} (copy 2)`);
		expect(await countRuns()).toBe(3);
	});
});

describe('listRuns', () => {
	async function seed(): Promise<RunRecord[]> {
		const out: RunRecord[] = [];
		for (const [i, name] of ['beta', 'Alpha', '<script>alert(1)</script> gamma', 'ALPHA two'].entries()) {
			out.push(await saveRun({ scenario: useCase(i), name }));
			await new Promise((r) => setTimeout(r, 3));
		}
		return out;
	}

	it('sorts by update (newest first), by name (case-insensitive) and by total (highest first)', async () => {
		const runs = await seed();
		expect((await listRuns()).map((r) => r.name)).toEqual(runs.map((r) => r.name).reverse());
		expect((await listRuns({ sort: 'name' })).map((r) => r.name)).toEqual([
			'<script>alert(1)</script> gamma',
			'Alpha',
			'ALPHA two',
			'beta'
		]);
		const totals = (await listRuns({ sort: 'total' })).map((r) => r.total);
		expect(totals).toEqual([...totals].sort((a, b) => b - a));
	});

	it('searches names case-insensitively anywhere, markup included as text', async () => {
		await seed();
		expect((await listRuns({ search: 'alpha', sort: 'name' })).map((r) => r.name)).toEqual([
			'Alpha',
			'ALPHA two'
		]);
		expect((await listRuns({ search: '<SCRIPT>' })).map((r) => r.name)).toEqual([
			'<script>alert(1)</script> gamma'
		]);
		expect(await listRuns({ search: 'zzz' })).toEqual([]);
		expect(await listRuns({ limit: 2 })).toHaveLength(2);
	});

	it('lists metadata only, never the scenarios', async () => {
		await seed();
		for (const r of await listRuns()) expect(r).not.toHaveProperty('scenario');
	});
});

describe('rename, duplicate, delete and restore', () => {
	it('renameRun renames run and scenario; duplicateRun copies under a new id', async () => {
		const run = await saveRun({ scenario: useCase(0) });
		await renameRun(run.id, 'Renamed');
		expect((await getRun(run.id))?.scenario.name).toBe('Renamed');
		const copy = await duplicateRun(run.id);
		expect(copy.id).not.toBe(run.id);
		expect(copy.name).toBe('Renamed (copy)');
		expect((await getRun(copy.id))?.scenario.events).toEqual(useCase(0).events);
		await expect(renameRun(run.id, '')).rejects.toThrow(/needs a name/);
		expect((await getRun(run.id))?.name).toBe('Renamed');
	});

	it('deleteRun returns the whole run and restoreRun puts it back exactly', async () => {
		const run = await saveRun({ scenario: useCase(4) });
		const before = await getRun(run.id);
		const deleted = await deleteRun(run.id);
		expect(deleted).toEqual(before);
		expect(await getRun(run.id)).toBeNull();
		expect(await countRuns()).toBe(0);
		await restoreRun(deleted!);
		expect(await getRun(run.id)).toEqual(before);
		expect(await deleteRun('missing')).toBeNull();
	});
});

describe('liveRuns', () => {
	it('emits the list, then again after every change; stops after unsubscribe', async () => {
		const seen: string[][] = [];
		const sub = liveRuns({ sort: 'name' }).subscribe({ next: (runs) => seen.push(runs.map((r) => r.name)) });
		const waitFor = async (n: number) => {
			for (let i = 0; i < 100 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 10));
		};
		await waitFor(1);
		expect(seen[0]).toEqual([]);
		const run = await saveRun({ scenario: useCase(0), name: 'B' });
		await waitFor(2);
		expect(seen.at(-1)).toEqual(['B']);
		await renameRun(run.id, 'A');
		await waitFor(3);
		expect(seen.at(-1)).toEqual(['A']);
		sub.unsubscribe();
		const count = seen.length;
		await saveRun({ scenario: useCase(1) });
		await new Promise((r) => setTimeout(r, 50));
		expect(seen.length).toBe(count);
	});
});

describe('the runs catalog (one record the list reads)', () => {
	const catalogOf = async (factory: IDBFactory) => {
		const dump = await dumpDatabase(factory);
		const rec = dump.meta?.find((m) => (m as { key: string }).key === RUNS_CATALOG_KEY) as
			{ value: { entries: { id: string }[] } } | undefined;
		return {
			entries: rec?.value.entries.map((e) => e.id).sort() ?? null,
			runs: (dump.runs as { id: string }[]).map((r) => r.id).sort()
		};
	};

	it('stays in step with the runs table through every kind of write', async () => {
		const a = await saveRun({ scenario: useCase(0) });
		const b = await saveRun({ scenario: useCase(1) });
		await updateRun(a.id, { name: 'A2' });
		const c = await duplicateRun(b.id);
		const gone = await deleteRun(a.id);
		await insertRuns([{ ...(await getRun(b.id))!, id: 'imported' }]);
		await restoreRun(gone!);
		const { entries, runs } = await catalogOf(db.factory);
		expect(entries).toEqual(runs);
		expect(runs).toEqual([a.id, b.id, c.id, 'imported'].sort());
		expect((await listRuns({ search: 'a2' })).map((r) => r.id)).toEqual([a.id]);
	});

	it('a missing or stale catalog is not trusted: the table is read, and the next write rebuilds it', async () => {
		await saveRun({ scenario: useCase(0), name: 'one' });
		await saveRun({ scenario: useCase(1), name: 'two' });
		const raw = await openRaw(db.factory);
		await new Promise<void>((resolve) => {
			const tx = raw.transaction('meta', 'readwrite');
			tx.objectStore('meta').put({ key: RUNS_CATALOG_KEY, value: { entries: [] } });
			tx.oncomplete = () => resolve();
		});
		raw.close();
		expect((await listRuns({ sort: 'name' })).map((r) => r.name)).toEqual(['one', 'two']);
		await saveRun({ scenario: useCase(2), name: 'three' });
		const { entries, runs } = await catalogOf(db.factory);
		expect(entries).toEqual(runs);
		expect(runs).toHaveLength(3);
	});
});

describe('insertRuns', () => {
	it('writes all in one go; an id already taken gets a new id, never overwriting', async () => {
		const existing = await saveRun({ scenario: useCase(0) });
		const a = (await getRun(existing.id))!;
		const written = await insertRuns([
			{ ...a, name: 'Imported twin' },
			{ ...a, id: 'fresh-id', name: 'Other' }
		]);
		expect(written[0]?.id).not.toBe(existing.id);
		expect(written[1]?.id).toBe('fresh-id');
		expect((await getRun(existing.id))?.name).toBe(a.name);
		expect(await countRuns()).toBe(3);
	});
});

describe('drafts and settings', () => {
	it('saveDraft / loadDraft / clearDraft per slot', async () => {
		expect(await loadDraft()).toBeNull();
		await saveDraft({ scenario: useCase(2), runId: null });
		await saveDraft({ scenario: useCase(3), runId: 'r1' }, 'other');
		expect((await loadDraft())?.scenario).toEqual(useCase(2));
		expect((await loadDraft('other'))?.runId).toBe('r1');
		await clearDraft();
		expect(await loadDraft()).toBeNull();
		expect(await loadDraft('other')).not.toBeNull();
	});

	it('meta values round-trip', async () => {
		await setMeta('runs.sort', 'name');
		expect(await getMeta('runs.sort')).toBe('name');
		expect(await getMeta('missing')).toBeUndefined();
	});
});

describe('large runs', () => {
	it('saves and reopens a run of 20,000 events intact', async () => {
		const scenario = bigScenario(20_000);
		const run = await saveRun({ scenario });
		const back = await getRun(run.id);
		expect(back?.scenario.events).toHaveLength(20_000);
		expect(back?.summary.total).toBe(replay(scenario).total);
		expect((await getRuns()).map((r) => r.id)).toEqual([run.id]);
	}, 30_000);
});
