/**
 * What the runs library keeps in IndexedDB (schema version 2, see db.ts). Money is integer
 * micro-units inside the database, like everywhere inside the app; exported files use decimal
 * strings (exchange.ts). Older shapes live in upgrades.ts, frozen.
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { ConversationCategory, Scenario } from '$lib/domain/scenario';
import type { Micros } from '$lib/domain/units';
import type { Outcome } from '$lib/engine/ledger';

/** What a replay gave when the run was saved: shown in the list, compared when the run is reopened. */
export interface RunSummary {
	currency: string;
	total: Micros;
	totalsByCategory: Record<ConversationCategory, Micros>;
	/** Messages per outcome (received, charged, included, free, blocked, failed). */
	outcomes: Record<Outcome, number>;
	/** Messages that were due a charge but had no known rate (left out of the total). */
	unpriced: number;
	regime: RegimeId | 'mixed';
	regimes: RegimeId[];
	/** Market name as the ledger reports it, e.g. "Indonesia". */
	market: string;
}

/** A run's metadata: one row of the `runs` table. The scenario itself is in `scenarios` (same id). */
export interface RunRecord {
	id: string;
	name: string;
	/** `name` lower-cased: the index behind case-insensitive sort and search (added in version 2). */
	nameLower: string;
	notes: string;
	market: string;
	regime: RegimeId | 'mixed';
	/** `summary.total`, copied out so it can be indexed for sorting. */
	total: Micros;
	/** Number of events in the scenario (added in version 2). */
	eventCount: number;
	/** Ids of the rate cards the replay used, e.g. ["2023-06-01-USD"]. */
	rateCards: string[];
	/** Fingerprint of all bundled rate data when the run was priced (app-version.ts). */
	rateDataVersion: string;
	appVersion: string;
	summary: RunSummary;
	/** Epoch milliseconds. */
	createdAt: number;
	updatedAt: number;
}

/** The scenario of a run, stored apart so listing runs never reads their events. */
export interface ScenarioRecord {
	id: string;
	scenario: Scenario;
}

/** A run with its scenario: what getRun returns, what export writes and import reads. */
export interface StoredRun extends RunRecord {
	scenario: Scenario;
}

/** The scenario being edited, kept so a closed tab loses nothing. One row per slot. */
export interface DraftRecord {
	slot: string;
	scenario: Scenario;
	/** The saved run the draft is an edit of, if any. */
	runId: string | null;
	savedAt: number;
}

export interface MetaRecord {
	key: string;
	value: unknown;
}

export type RunSort = 'name' | 'updated' | 'total';

export interface RunQuery {
	sort?: RunSort;
	/** Case-insensitive; matches anywhere in the name. */
	search?: string;
	limit?: number;
}
