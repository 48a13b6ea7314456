import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validateScenario } from '$lib/domain/scenario';
import fixture from '../../../tests/fixtures/storage/runs-v1.json';
import {
	dumpDatabase,
	freshStorage,
	teardownStorage,
	type FreshDb
} from '../../../tests/fixtures/storage/fresh-db';
import { DB_NAME, STORES_V1 } from './db';
import { loadDraft } from './drafts-repo';
import { getRun, renameRun } from './runs-repo';
import { listRuns } from './runs-query';
import { upgradeDraftV1toV2, upgradeRunV1toV2, type RunRecordV1 } from './upgrades';

const V1_RECORDS = fixture.records as unknown as RunRecordV1[];

/** Version 1 of the schema as it shipped: frozen here, whatever db.ts becomes. */
const FROZEN_STORES_V1 = {
	runs: 'id, name, updatedAt, createdAt, market, regime, total',
	autosave: 'slot',
	meta: 'key'
};

class SandboxDbV1 extends Dexie {
	constructor(factory: IDBFactory) {
		super(DB_NAME, { indexedDB: factory, IDBKeyRange: Dexie.dependencies.IDBKeyRange! });
		this.version(1).stores(FROZEN_STORES_V1);
	}
}

describe('upgradeRunV1toV2 (pure, on the frozen fixture)', () => {
	it('db.ts still declares version 1 exactly as it shipped', () => {
		expect(STORES_V1).toEqual(FROZEN_STORES_V1);
	});

	it('every v1 record becomes a run and its scenario, nothing else changed', () => {
		expect(V1_RECORDS.length).toBeGreaterThanOrEqual(5);
		for (const rec of V1_RECORDS) {
			const { run, scenario } = upgradeRunV1toV2(structuredClone(rec));
			const { scenario: oldScenario, ...oldMeta } = rec;
			expect(run).toEqual({
				...oldMeta,
				nameLower: rec.name.toLowerCase(),
				eventCount: rec.scenario.events.length
			});
			expect(scenario.id).toBe(rec.id);
			expect(JSON.parse(scenario.json)).toEqual(oldScenario);
			expect(validateScenario(JSON.parse(scenario.json)).ok).toBe(true);
		}
	});

	it('a v1 draft keeps its scenario, as JSON text', () => {
		const draft = { slot: 'sandbox', scenario: V1_RECORDS[0]!.scenario, runId: 'v1-run-1', savedAt: 5 };
		const up = upgradeDraftV1toV2(structuredClone(draft));
		expect(up).toEqual({
			slot: 'sandbox',
			runId: 'v1-run-1',
			savedAt: 5,
			json: JSON.stringify(draft.scenario)
		});
	});

	it('does not modify its input', () => {
		const rec = structuredClone(V1_RECORDS[1]!);
		const copy = structuredClone(rec);
		upgradeRunV1toV2(rec);
		expect(rec).toEqual(copy);
	});
});

describe('a real version-1 database opened by the current app', () => {
	let db: FreshDb;
	beforeEach(async () => {
		db = await freshStorage();
		const v1 = new SandboxDbV1(db.factory);
		await v1.table('runs').bulkAdd(structuredClone(V1_RECORDS));
		await v1
			.table('autosave')
			.put({ slot: 'sandbox', scenario: V1_RECORDS[0]!.scenario, runId: 'v1-run-1', savedAt: 1 });
		await v1.table('meta').put({ key: 'runs.sort', value: 'name' });
		v1.close();
	});
	afterEach(async () => {
		await teardownStorage();
	});

	it('every run survives the upgrade with its scenario, and the new indexes work', async () => {
		const listed = await listRuns({ sort: 'name' });
		expect(listed).toHaveLength(V1_RECORDS.length);
		expect(listed.map((r) => r.name)).toEqual(
			V1_RECORDS.map((r) => r.name).sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
		);
		for (const rec of V1_RECORDS) {
			const run = await getRun(rec.id);
			const { scenario, ...meta } = rec;
			expect(run).toEqual({
				...meta,
				nameLower: rec.name.toLowerCase(),
				eventCount: scenario.events.length,
				scenario
			});
		}
		expect((await listRuns({ search: 'ünïcode' })).map((r) => r.id)).toEqual(['v1-run-3']);
		const raw = await dumpDatabase(db.factory);
		expect(Object.keys(raw)).toEqual(['autosave', 'meta', 'runs', 'scenarios']);
		expect(raw.runs?.every((r) => !('scenario' in (r as object)))).toBe(true);
		expect(raw.autosave).toHaveLength(1);
		expect(await loadDraft()).toEqual({
			slot: 'sandbox',
			scenario: V1_RECORDS[0]!.scenario,
			runId: 'v1-run-1',
			savedAt: 1
		});
		expect(raw.meta?.find((m) => (m as { key: string }).key === 'runs.sort')).toEqual({
			key: 'runs.sort',
			value: 'name'
		});
		// The catalog the list reads holds exactly the upgraded runs.
		const catalog = raw.meta?.find((m) => (m as { key: string }).key === 'runs.catalog') as {
			value: { entries: unknown[] };
		};
		expect(catalog.value.entries).toEqual(raw.runs);
	});

	it('upgraded runs can be edited like new ones', async () => {
		await renameRun('v1-run-2', 'After upgrade');
		expect((await getRun('v1-run-2'))?.scenario.name).toBe('After upgrade');
		expect((await listRuns({ search: 'after' })).map((r) => r.id)).toEqual(['v1-run-2']);
	});
});
