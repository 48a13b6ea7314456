/**
 * The one Dexie database of the app. Every `version(n)` stays here forever: a browser that last ran
 * version 1 upgrades through each step in turn. Upgrades are pure functions (upgrades.ts).
 * Nothing outside src/lib/storage imports this file's class; pages use the repository functions.
 */
import Dexie, { type DexieOptions, type EntityTable, type Table, type Transaction } from 'dexie';
import {
	RUNS_CATALOG_KEY,
	type DraftRecord,
	type MetaRecord,
	type RunCatalog,
	type RunRecord,
	type ScenarioRecord
} from './records';
import type { ForecastResultRecord, ForecastSummary, TemplateRecord } from './forecast-records';
import type { AnswerRecord, LearnerRecord, ReviewRecord, SessionRecord } from './training-records';
import type { ImportedLogRecord } from './log-records';
import { upgradeDraftV1toV2, upgradeRunV1toV2, type DraftRecordV1, type RunRecordV1 } from './upgrades';

import { DB_NAME } from './db-name';

export { DB_NAME, DB_VERSION } from './db-name';

/** Version 1 (frozen): runs with their scenario inline. */
export const STORES_V1 = {
	runs: 'id, name, updatedAt, createdAt, market, regime, total',
	autosave: 'slot',
	meta: 'key'
} as const;

/** Version 2: scenarios in their own table, as JSON text; `nameLower` and `eventCount` indexed. */
export const STORES_V2 = {
	runs: 'id, name, nameLower, updatedAt, createdAt, market, regime, total, eventCount',
	scenarios: 'id',
	autosave: 'slot',
	meta: 'key'
} as const;

/**
 * Version 3: the broadcast page's template library and saved forecasts (summary and result apart,
 * so listing never reads a result). Tables only: no record changes shape. The library's examples are
 * put in when it is first read (templates-repo.ts), never while the database opens: a failing write
 * there would keep every table closed.
 */
export const STORES_V3 = {
	...STORES_V2,
	templates: 'id, nameLower, category, status, updatedAt',
	forecasts: 'id, nameLower, updatedAt, createdAt, total',
	forecastResults: 'id'
} as const;

/**
 * Version 4: training progress per learner name (training-records.ts): learners, every answer,
 * finished sessions, and one spaced-repetition card per learner and topic. Only adds tables.
 */
export const STORES_V4 = {
	...STORES_V3,
	trainingLearners: 'key, lastSeenAt',
	trainingSessions: 'id, learner, [learner+finishedAt]',
	trainingAnswers: 'id, learner, sessionId, [learner+at]',
	trainingReviews: '[learner+topic], learner'
} as const;

/**
 * Version 5: webhook logs imported on the analytics page (log-records.ts): one record per import,
 * its report only. Only adds a table.
 */
export const STORES_V5 = {
	...STORES_V4,
	importedLogs: 'id, nameLower, importedAt'
} as const;

async function upgradeToV2(tx: Transaction): Promise<void> {
	const old = (await tx.table('runs').toArray()) as RunRecordV1[];
	const parts = old.map(upgradeRunV1toV2);
	await tx.table('runs').bulkPut(parts.map((p) => p.run));
	await tx.table('scenarios').bulkPut(parts.map((p) => p.scenario));
	const catalog: RunCatalog = { entries: parts.map((p) => p.run) };
	await tx.table('meta').put({ key: RUNS_CATALOG_KEY, value: catalog });
	const drafts = (await tx.table('autosave').toArray()) as DraftRecordV1[];
	await tx.table('autosave').bulkPut(drafts.map(upgradeDraftV1toV2));
}

export class SandboxDb extends Dexie {
	runs!: EntityTable<RunRecord, 'id'>;
	scenarios!: EntityTable<ScenarioRecord, 'id'>;
	autosave!: EntityTable<DraftRecord, 'slot'>;
	meta!: EntityTable<MetaRecord, 'key'>;
	templates!: EntityTable<TemplateRecord, 'id'>;
	forecasts!: EntityTable<ForecastSummary, 'id'>;
	forecastResults!: EntityTable<ForecastResultRecord, 'id'>;
	trainingLearners!: EntityTable<LearnerRecord, 'key'>;
	trainingSessions!: EntityTable<SessionRecord, 'id'>;
	trainingAnswers!: EntityTable<AnswerRecord, 'id'>;
	trainingReviews!: Table<ReviewRecord, [string, string]>;
	importedLogs!: EntityTable<ImportedLogRecord, 'id'>;

	constructor(options?: DexieOptions) {
		super(DB_NAME, options);
		this.version(1).stores(STORES_V1);
		this.version(2).stores(STORES_V2).upgrade(upgradeToV2);
		this.version(3).stores(STORES_V3);
		this.version(4).stores(STORES_V4);
		this.version(5).stores(STORES_V5);
	}
}
