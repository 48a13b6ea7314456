/**
 * Imported webhook logs in the database (version 5): a real version-4 database opened by the
 * current app keeps everything and gains an empty table; a log's report is saved whole, listed,
 * switched off and deleted; what is stored is the report, never the statuses.
 */
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile, type LogReport } from '$lib/engine/webhooks/import-job';
import {
	dumpDatabase,
	freshStorage,
	teardownStorage,
	type FreshDb
} from '../../../tests/fixtures/storage/fresh-db';
import { DB_NAME, STORES_V4, STORES_V5 } from './db';
import { deleteImportedLog, listImportedLogs, saveImportedLog, setImportedLogOn } from './logs-repo';
import { listRuns } from './runs-query';

/** Version 4 of the schema as it shipped: frozen here, whatever db.ts becomes. */
const FROZEN_STORES_V4 = {
	runs: 'id, name, nameLower, updatedAt, createdAt, market, regime, total, eventCount',
	scenarios: 'id',
	autosave: 'slot',
	meta: 'key',
	templates: 'id, nameLower, category, status, updatedAt',
	forecasts: 'id, nameLower, updatedAt, createdAt, total',
	forecastResults: 'id',
	trainingLearners: 'key, lastSeenAt',
	trainingSessions: 'id, learner, [learner+finishedAt]',
	trainingAnswers: 'id, learner, sessionId, [learner+at]',
	trainingReviews: '[learner+topic], learner'
};

class SandboxDbV4 extends Dexie {
	constructor(factory: IDBFactory) {
		super(DB_NAME, { indexedDB: factory, IDBKeyRange: Dexie.dependencies.IDBKeyRange! });
		this.version(4).stores(FROZEN_STORES_V4);
	}
}

const fixture = (name: string) =>
	readFileSync(new URL(`../../../tests/fixtures/webhooks/${name}`, import.meta.url), 'utf8');

async function report(name: string): Promise<LogReport> {
	const r = await importFile(new Blob([fixture(name)]), name, 'UTC', {
		progress: () => {},
		cancelled: () => false
	});
	if (r.kind !== 'log') throw new Error('not a log');
	return r;
}

describe('version 5: imported webhook logs', () => {
	it('db.ts still declares version 4 as it shipped, and version 5 only adds the logs table', () => {
		expect(STORES_V4).toEqual(FROZEN_STORES_V4);
		const { importedLogs, ...kept } = STORES_V5;
		expect(kept).toEqual(FROZEN_STORES_V4);
		expect(importedLogs).toBe('id, nameLower, importedAt');
	});

	describe('a real version-4 database opened by the current app', () => {
		let db: FreshDb;
		const run = {
			id: 'r1',
			name: 'Kept run',
			nameLower: 'kept run',
			updatedAt: 1,
			createdAt: 1,
			market: 'ID',
			regime: 'pmp-2025-07',
			total: 0,
			eventCount: 0
		};
		beforeEach(async () => {
			db = await freshStorage();
			const v4 = new SandboxDbV4(db.factory);
			await v4.table('runs').put(run);
			await v4.table('meta').put({ key: 'runs.catalog', value: { entries: [run] } });
			await v4.table('trainingLearners').put({ key: 'ana', name: 'Ana', createdAt: 1, lastSeenAt: 1 });
			v4.close();
		});
		afterEach(async () => {
			await teardownStorage();
		});

		it('keeps everything of version 4 and starts with no imported log', async () => {
			expect((await listRuns()).map((r) => r.id)).toEqual(['r1']);
			expect(await listImportedLogs()).toEqual([]);
			const raw = await dumpDatabase(db.factory);
			expect(raw.importedLogs).toEqual([]);
			expect(raw.trainingLearners).toHaveLength(1);
		});

		it('saves a log’s report whole, lists it in import order, switches it off and deletes it', async () => {
			const v7 = await report('v7-cbp-service-conversation.json');
			const v1 = await report('v1-pmp-sent-marketing.json');
			const a = await saveImportedLog(v7, 10);
			await saveImportedLog(v1, 20);
			const listed = await listImportedLogs();
			expect(listed.map((l) => l.name)).toEqual([
				'v7-cbp-service-conversation.json',
				'v1-pmp-sent-marketing.json'
			]);
			expect(listed[0]).toEqual({ ...a, on: true });
			expect(listed[0]!.report).toEqual(v7);
			expect(listed[0]!.report.reconciliation.mismatched.billed_but_free).toBe(1);
			await setImportedLogOn(a.id, false);
			expect((await listImportedLogs())[0]!.on).toBe(false);
			await deleteImportedLog(a.id);
			expect((await listImportedLogs()).map((l) => l.name)).toEqual(['v1-pmp-sent-marketing.json']);
			// What is stored is the report: counts and rows, no status objects.
			const raw = JSON.stringify((await dumpDatabase(db.factory)).importedLogs);
			expect(raw).not.toContain('"statuses":[');
		});
	});
});
