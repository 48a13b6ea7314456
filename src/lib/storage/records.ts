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
	/**
	 * Bumped by every write of the run (absent on runs saved before revisions: 0). A save names the
	 * revision it started from, so a tab never overwrites another tab's save without saying so.
	 */
	revision?: number;
}

/**
 * The scenario of a run, stored apart so listing runs never reads its events, and as JSON text:
 * one string clones into IndexedDB and back far faster than 100,000 small objects (see
 * bench/browser/STORAGE.md), and the scenario is never queried inside.
 */
export interface ScenarioRecord {
	id: string;
	/** The scenario file (wa-pricing-scenario/1) as JSON. */
	json: string;
}

/** A run with its scenario: what getRun returns, what export writes and import reads. */
export interface StoredRun extends RunRecord {
	scenario: Scenario;
}

/** The scenario being edited, kept so a closed tab loses nothing. One row per slot. */
export interface DraftRecord {
	slot: string;
	/** The scenario as JSON text (as in ScenarioRecord). */
	json: string;
	/** The saved run the draft is an edit of, if any. */
	runId: string | null;
	savedAt: number;
}

/** A draft as the repository returns it. */
export interface Draft {
	slot: string;
	scenario: Scenario;
	runId: string | null;
	savedAt: number;
}

/**
 * Key (in `meta`) of the runs catalog: every run's metadata in one record, kept in step with the
 * `runs` table in the same transaction as every write. Listing reads this one record instead of
 * a thousand: Chromium's IndexedDB pays per record (bench/browser/STORAGE.md).
 */
export const RUNS_CATALOG_KEY = 'runs.catalog';

export interface RunCatalog {
	entries: RunRecord[];
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
