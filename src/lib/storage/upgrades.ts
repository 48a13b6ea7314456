/**
 * Upgrades of stored records from one schema version to the next: pure functions, tested against
 * frozen fixtures of the old shape (tests/fixtures/storage/runs-v1.json). The old shapes are
 * written out here and never change, whatever the current types become.
 */
import type { DraftRecord, RunRecord, RunSummary, ScenarioRecord } from './records';

/** Version 1 (frozen): a run with its scenario inline, no `nameLower`, no `eventCount`. */
export interface RunRecordV1 {
	id: string;
	name: string;
	notes: string;
	market: string;
	regime: string;
	total: number;
	rateCards: string[];
	rateDataVersion: string;
	appVersion: string;
	summary: {
		currency: string;
		total: number;
		totalsByCategory: Record<string, number>;
		outcomes: Record<string, number>;
		unpriced: number;
		regime: string;
		regimes: string[];
		market: string;
	};
	scenario: { events: unknown[] } & Record<string, unknown>;
	createdAt: number;
	updatedAt: number;
}

/** Version 1 (frozen): the autosaved draft with its scenario inline. */
export interface DraftRecordV1 {
	slot: string;
	scenario: unknown;
	runId: string | null;
	savedAt: number;
}

export interface RunV2Parts {
	run: RunRecord;
	scenario: ScenarioRecord;
}

/**
 * v1 → v2: the scenario moves to its own table as JSON text (listing runs no longer reads every
 * event; a long scenario saves and loads as one string), and two indexed fields appear:
 * `nameLower` (case-insensitive sort and search) and `eventCount`.
 */
export function upgradeRunV1toV2(record: RunRecordV1): RunV2Parts {
	const { scenario, ...meta } = record;
	const name = typeof meta.name === 'string' ? meta.name : String(meta.name);
	const events = Array.isArray(scenario.events) ? scenario.events : [];
	const run: RunRecord = {
		...meta,
		name,
		nameLower: name.toLowerCase(),
		notes: typeof meta.notes === 'string' ? meta.notes : '',
		regime: meta.regime as RunRecord['regime'],
		total: meta.total as RunRecord['total'],
		eventCount: events.length,
		summary: meta.summary as unknown as RunSummary
	};
	return { run, scenario: { id: record.id, json: JSON.stringify(scenario) } };
}

/** v1 → v2: the draft's scenario becomes JSON text too. */
export function upgradeDraftV1toV2(record: DraftRecordV1): DraftRecord {
	const { scenario, ...rest } = record;
	return { ...rest, runId: rest.runId ?? null, json: JSON.stringify(scenario) };
}
