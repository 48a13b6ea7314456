/**
 * Building the stored form of a run (pure apart from the id and clock the caller passes). A run's
 * name and its scenario's name are kept the same.
 */
import type { Scenario } from '$lib/domain/scenario';
import type { Ledger } from '$lib/engine/ledger';
import { priceScenario } from '$lib/engine/price';
import { APP_VERSION, rateDataVersion } from './app-version';
import { StorageError } from './errors';
import type { RunRecord, RunSummary, ScenarioRecord, StoredRun } from './records';
import { rateCardsOf, summarizeLedger } from './run-summary';

export const MAX_NAME_LENGTH = 200;
export const MAX_NOTES_LENGTH = 10_000;

export interface SaveRunInput {
	scenario: Scenario;
	/** The ledger the session already has; replayed here when absent. */
	ledger?: Ledger;
	/** Defaults to the scenario's name; when given, the scenario is renamed to match. */
	name?: string;
	notes?: string;
}

export const nameKey = (name: string): string => name.toLowerCase();

/** Whitespace collapsed and trimmed, cut to MAX_NAME_LENGTH; an empty name is refused. */
/**
 * Control characters (NUL and the like) and bidirectional overrides/isolates are dropped from names:
 * "invoice\u202Egnp.exe" would display as "invoiceexe.png".
 */
export function stripInvisible(text: string): string {
	let out = '';
	for (const ch of text) {
		const c = ch.codePointAt(0) as number;
		const control = (c < 0x20 && c !== 0x09 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f);
		const bidi = c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
		if (!control && !bidi) out += ch;
	}
	return out;
}

export function cleanName(name: string): string {
	const trimmed = stripInvisible(name).replace(/\s+/g, ' ').trim();
	if (!trimmed) throw new StorageError('invalid', 'a run needs a name.');
	return trimmed.slice(0, MAX_NAME_LENGTH);
}

export interface RunParts {
	id: string;
	now: number;
	scenario: Scenario;
	name: string;
	notes?: string;
	summary: RunSummary;
	rateCards: string[];
	rateDataVersion?: string;
	appVersion?: string;
}

export function assembleRun(p: RunParts): StoredRun {
	const name = cleanName(p.name);
	const scenario = p.scenario.name === name ? p.scenario : { ...p.scenario, name };
	return {
		id: p.id,
		name,
		nameLower: nameKey(name),
		notes: (p.notes ?? '').slice(0, MAX_NOTES_LENGTH),
		market: p.summary.market,
		regime: p.summary.regime,
		total: p.summary.total,
		eventCount: scenario.events.length,
		rateCards: p.rateCards,
		rateDataVersion: p.rateDataVersion ?? rateDataVersion(),
		appVersion: p.appVersion ?? APP_VERSION,
		summary: p.summary,
		createdAt: p.now,
		updatedAt: p.now,
		scenario
	};
}

/** A complete run from a scenario and its ledger (replayed when not given). */
export function buildRun(input: SaveRunInput, id: string, now: number): StoredRun {
	const name = cleanName(input.name ?? input.scenario.name);
	const scenario = input.scenario.name === name ? input.scenario : { ...input.scenario, name };
	const ledger = input.ledger ?? priceScenario(scenario);
	return assembleRun({
		id,
		now,
		scenario,
		name,
		notes: input.notes,
		summary: summarizeLedger(ledger),
		rateCards: rateCardsOf(ledger)
	});
}

export function splitRun(run: StoredRun): { meta: RunRecord; body: ScenarioRecord } {
	const { scenario, ...meta } = run;
	return { meta, body: { id: run.id, json: JSON.stringify(scenario) } };
}
