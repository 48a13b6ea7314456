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
import { SEED_TEMPLATES } from '$lib/domain/templates';
import { DB_NAME, STORES_V1, STORES_V2, STORES_V3, STORES_V4 } from './db';
import { SAMPLE_PROGRESS } from '../../../tests/fixtures/storage/training-progress';
import { openTrainingStore } from './training-open';
import { loadDraft } from './drafts-repo';
import { listForecasts } from './forecasts-repo';
import { getRun, renameRun } from './runs-repo';
import { listRuns } from './runs-query';
import { addTemplate, listTemplates } from './templates-repo';
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
		expect(Object.keys(raw)).toEqual([
			'autosave',
			'forecastResults',
			'forecasts',
			'importedLogs',
			'meta',
			'runs',
			'scenarios',
			'templates',
			'trainingAnswers',
			'trainingLearners',
			'trainingReviews',
			'trainingSessions'
		]);
		// The library's examples come when it is first read, not with the upgrade.
		expect(raw.templates).toEqual([]);
		expect(raw.forecasts).toEqual([]);
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

/** Version 2 of the schema as it shipped: frozen here, whatever db.ts becomes. */
const FROZEN_STORES_V2 = {
	runs: 'id, name, nameLower, updatedAt, createdAt, market, regime, total, eventCount',
	scenarios: 'id',
	autosave: 'slot',
	meta: 'key'
};

class SandboxDbV2 extends Dexie {
	constructor(factory: IDBFactory) {
		super(DB_NAME, { indexedDB: factory, IDBKeyRange: Dexie.dependencies.IDBKeyRange! });
		this.version(1).stores(FROZEN_STORES_V1);
		this.version(2).stores(FROZEN_STORES_V2);
	}
}

describe('version 3: the template library and saved forecasts', () => {
	it('db.ts still declares version 2 as it shipped, and version 3 only adds tables', () => {
		expect(STORES_V2).toEqual(FROZEN_STORES_V2);
		const { templates, forecasts, forecastResults, ...kept } = STORES_V3;
		expect(kept).toEqual(FROZEN_STORES_V2);
		expect([templates, forecasts, forecastResults]).toEqual([
			'id, nameLower, category, status, updatedAt',
			'id, nameLower, updatedAt, createdAt, total',
			'id'
		]);
	});

	describe('a real version-2 database opened by the current app', () => {
		let db: FreshDb;
		beforeEach(async () => {
			db = await freshStorage();
			const v2 = new SandboxDbV2(db.factory);
			const parts = structuredClone(V1_RECORDS).map(upgradeRunV1toV2);
			await v2.table('runs').bulkAdd(parts.map((p) => p.run));
			await v2.table('scenarios').bulkAdd(parts.map((p) => p.scenario));
			await v2.table('meta').put({ key: 'runs.catalog', value: { entries: parts.map((p) => p.run) } });
			await v2.table('autosave').put({ slot: 'sandbox', json: '{"name":"draft"}', runId: null, savedAt: 3 });
			v2.close();
		});
		afterEach(async () => {
			await teardownStorage();
		});

		it('keeps every run and the draft, adds the new tables; the library gets its examples when read', async () => {
			const before = (await listRuns()).length;
			expect(before).toBe(V1_RECORDS.length);
			const raw = await dumpDatabase(db.factory);
			expect(raw.autosave).toEqual([{ slot: 'sandbox', json: '{"name":"draft"}', runId: null, savedAt: 3 }]);
			expect(raw.scenarios).toHaveLength(V1_RECORDS.length);
			expect(raw.forecasts).toEqual([]);
			expect(raw.forecastResults).toEqual([]);
			expect(raw.templates).toEqual([]);
			const templates = await listTemplates();
			expect(templates.map((t) => t.name).sort()).toEqual(SEED_TEMPLATES.map((t) => t.name).sort());
			expect(await listForecasts()).toEqual([]);
			// The library is the user's from now on: a new template stays beside the examples.
			await addTemplate({ name: 'after_upgrade', category: 'utility', language: 'en', status: 'approved' });
			expect(await listTemplates()).toHaveLength(SEED_TEMPLATES.length + 1);
		});
	});
});

/** Version 3 of the schema as it shipped: frozen here, whatever db.ts becomes. */
const FROZEN_STORES_V3 = {
	...FROZEN_STORES_V2,
	templates: 'id, nameLower, category, status, updatedAt',
	forecasts: 'id, nameLower, updatedAt, createdAt, total',
	forecastResults: 'id'
};

class SandboxDbV3 extends Dexie {
	constructor(factory: IDBFactory) {
		super(DB_NAME, { indexedDB: factory, IDBKeyRange: Dexie.dependencies.IDBKeyRange! });
		this.version(1).stores(FROZEN_STORES_V1);
		this.version(2).stores(FROZEN_STORES_V2);
		this.version(3).stores(FROZEN_STORES_V3);
	}
}

describe('version 4: training progress', () => {
	it('db.ts still declares version 3 as it shipped, and version 4 only adds the training tables', () => {
		expect(STORES_V3).toEqual(FROZEN_STORES_V3);
		const { trainingLearners, trainingSessions, trainingAnswers, trainingReviews, ...kept } = STORES_V4;
		expect(kept).toEqual(FROZEN_STORES_V3);
		expect([trainingLearners, trainingSessions, trainingAnswers, trainingReviews]).toEqual([
			'key, lastSeenAt',
			'id, learner, [learner+finishedAt]',
			'id, learner, sessionId, [learner+at]',
			'[learner+topic], learner'
		]);
	});

	describe('a real version-3 database opened by the current app', () => {
		let db: FreshDb;
		const template = {
			id: 't1',
			name: 'Kept',
			nameLower: 'kept',
			category: 'utility',
			status: 'approved',
			updatedAt: 1
		};
		beforeEach(async () => {
			db = await freshStorage();
			const v3 = new SandboxDbV3(db.factory);
			const parts = structuredClone(V1_RECORDS).map(upgradeRunV1toV2);
			await v3.table('runs').bulkAdd(parts.map((p) => p.run));
			await v3.table('scenarios').bulkAdd(parts.map((p) => p.scenario));
			await v3.table('meta').put({ key: 'runs.catalog', value: { entries: parts.map((p) => p.run) } });
			await v3.table('templates').put(template);
			await v3
				.table('forecasts')
				.put({ id: 'f1', name: 'F', nameLower: 'f', updatedAt: 1, createdAt: 1, total: 5 });
			v3.close();
		});
		afterEach(async () => {
			await teardownStorage();
		});

		it('keeps everything of version 3, and training progress can be saved and read back', async () => {
			expect(await listRuns()).toHaveLength(V1_RECORDS.length);
			const { store, offReason } = await openTrainingStore();
			expect(offReason).toBeNull();
			const raw = await dumpDatabase(db.factory);
			expect(raw.templates).toEqual([template]);
			expect(raw.forecasts).toHaveLength(1);
			expect(raw.scenarios).toHaveLength(V1_RECORDS.length);
			for (const t of ['trainingLearners', 'trainingSessions', 'trainingAnswers', 'trainingReviews'])
				expect(raw[t]).toEqual([]);
			await store.useLearner('Ana', 5);
			const { sessions, answers, reviews } = SAMPLE_PROGRESS;
			await store.saveSession(sessions[0]!, answers, reviews);
			expect(await store.progress('ana')).toEqual({
				...SAMPLE_PROGRESS,
				learner: { key: 'ana', name: 'Ana', createdAt: 5, lastSeenAt: 5 }
			});
		});
	});
});
