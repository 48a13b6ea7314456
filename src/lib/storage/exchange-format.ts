/**
 * The runs file, `wa-pricing-runs/1`: one or many runs, each with its metadata and its scenario in
 * the scenario file format (DESIGN.md). Money is a decimal string here ("0.0711"), as everywhere
 * outside the app; times are ISO 8601 instants. This module converts both ways and validates.
 */
import * as v from 'valibot';
import { REGIME_IDS, type RegimeId } from '$lib/domain/regimes';
import { CONVERSATION_CATEGORIES, validateScenario } from '$lib/domain/scenario';
import { parseInstant } from '$lib/domain/time';
import { formatMicros } from '$lib/domain/units';
import { OUTCOMES } from '$lib/engine/ledger';
import type { StoredRun } from './records';
import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH, buildRun, cleanName } from './run-record';

export const RUNS_FORMAT = 'wa-pricing-runs/1';
/** More runs than this in one file is refused (a file this size is not someone's library). */
export const MAX_IMPORT_RUNS = 10_000;

export interface RunsFileSummary {
	currency: string;
	total: string;
	totals_by_category: Record<string, string>;
	outcomes: Record<string, number>;
	unpriced: number;
	regime: string;
	regimes: string[];
	market: string;
}

export interface RunsFileEntry {
	id: string;
	name: string;
	notes: string;
	created_at: string;
	updated_at: string;
	app_version: string;
	rate_data_version: string;
	rate_cards: string[];
	event_count: number;
	summary: RunsFileSummary;
	scenario: StoredRun['scenario'];
}

export interface RunsFile {
	format: typeof RUNS_FORMAT;
	app_version: string;
	exported_at: string;
	runs: RunsFileEntry[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function toEntry(run: StoredRun): RunsFileEntry {
	const s = run.summary;
	return {
		id: run.id,
		name: run.name,
		notes: run.notes,
		created_at: iso(run.createdAt),
		updated_at: iso(run.updatedAt),
		app_version: run.appVersion,
		rate_data_version: run.rateDataVersion,
		rate_cards: run.rateCards,
		event_count: run.eventCount,
		summary: {
			currency: s.currency,
			total: formatMicros(s.total),
			totals_by_category: Object.fromEntries(
				CONVERSATION_CATEGORIES.map((c) => [c, formatMicros(s.totalsByCategory[c])])
			),
			outcomes: { ...s.outcomes },
			unpriced: s.unpriced,
			regime: s.regime,
			regimes: [...s.regimes],
			market: s.market
		},
		scenario: run.scenario
	};
}

// ---- validation of what comes in ----

const decimal = v.pipe(
	v.string('must be a decimal string'),
	v.regex(/^\d{1,12}(\.\d{1,6})?$/, 'must be a decimal amount with at most 6 decimals, e.g. "0.0411"')
);
const count = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(0, 'must be 0 or more')
);
const instant = v.pipe(
	v.string('must be a string'),
	v.check((s) => parseInstant(s) !== null, 'must be an ISO 8601 instant, e.g. 2024-05-01T09:30:00Z')
);
const shortText = (max: number) =>
	v.pipe(v.string('must be a string'), v.maxLength(max, `must be at most ${max} characters`));
const regime = v.picklist(REGIME_IDS as RegimeId[], `must be one of ${REGIME_IDS.join(', ')}`);

const summarySchema = v.object({
	currency: v.pipe(
		v.string('must be a string'),
		v.regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code, e.g. USD')
	),
	total: decimal,
	totals_by_category: v.object(
		Object.fromEntries(CONVERSATION_CATEGORIES.map((c) => [c, decimal])) as Record<
			(typeof CONVERSATION_CATEGORIES)[number],
			typeof decimal
		>,
		'must be an object with marketing, utility, authentication and service amounts'
	),
	outcomes: v.object(
		Object.fromEntries(OUTCOMES.map((o) => [o, count])) as Record<(typeof OUTCOMES)[number], typeof count>,
		`must be an object with counts for ${OUTCOMES.join(', ')}`
	),
	unpriced: v.optional(count, 0),
	regime: v.union([regime, v.literal('mixed')], `must be one of ${REGIME_IDS.join(', ')} or mixed`),
	regimes: v.array(regime, 'must be a list of regimes'),
	market: shortText(100)
});

/** Unknown fields are ignored, so a file from a later 1.x app still opens. */
export const entrySchema = v.object(
	{
		id: v.optional(
			v.pipe(
				v.string('must be a string'),
				v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, - or _')
			)
		),
		name: v.optional(
			v.pipe(
				v.string('must be a string'),
				v.check((s) => s.trim().length > 0, 'must not be empty'),
				v.maxLength(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
			)
		),
		notes: v.optional(shortText(MAX_NOTES_LENGTH)),
		created_at: v.optional(instant),
		updated_at: v.optional(instant),
		app_version: v.optional(shortText(50)),
		rate_data_version: v.optional(shortText(50)),
		rate_cards: v.optional(v.pipe(v.array(shortText(50), 'must be a list of strings'), v.maxLength(100))),
		summary: v.optional(summarySchema),
		scenario: v.unknown()
	},
	'must be an object'
);

export const runsFileSchema = v.object(
	{
		format: v.literal(RUNS_FORMAT),
		app_version: v.optional(shortText(50)),
		exported_at: v.optional(instant),
		runs: v.pipe(
			v.array(v.unknown(), 'must be a list of runs'),
			v.minLength(1, 'holds no runs'),
			v.maxLength(MAX_IMPORT_RUNS, `must hold at most ${MAX_IMPORT_RUNS} runs`)
		)
	},
	'must be a JSON object'
);

export type EntryResult = { ok: true; run: StoredRun } | { ok: false; name?: string; reason: string };

const fieldError = (issues: readonly v.BaseIssue<unknown>[]): string => {
	const issue = issues[0];
	if (!issue) return 'invalid';
	const path = v.getDotPath(issue);
	return path ? `${path}: ${issue.message}` : issue.message;
};

/** One run of a file, validated, as it would be stored, its summary priced here from its scenario. */
export function readEntry(raw: unknown, now: number): EntryResult {
	const parsed = v.safeParse(entrySchema, raw, { abortPipeEarly: true });
	const rawName = typeof raw === 'object' && raw !== null ? (raw as { name?: unknown }).name : undefined;
	const shownName = typeof rawName === 'string' ? rawName.slice(0, MAX_NAME_LENGTH) : undefined;
	if (!parsed.success) return { ok: false, name: shownName, reason: fieldError(parsed.issues) };
	const e = parsed.output;
	const checked = validateScenario(e.scenario);
	if (!checked.ok) {
		const first = checked.errors[0];
		const path = !first || first.path === '(file)' ? 'scenario' : `scenario.${first.path}`;
		return { ok: false, name: shownName, reason: `${path}: ${first?.message ?? 'is not a valid scenario'}` };
	}
	const name = cleanName(e.name ?? checked.scenario.name);
	const id = e.id ?? crypto.randomUUID();
	// The summary is computed from the scenario, never taken from the file: a forged one would show
	// any total in the runs list ("1000000000000.0000 EUR" for a run that costs 0.0380 USD).
	const run = buildRun({ scenario: checked.scenario, name, notes: e.notes }, id, now);
	run.createdAt = e.created_at ? (parseInstant(e.created_at) as number) : now;
	run.updatedAt = e.updated_at ? (parseInstant(e.updated_at) as number) : run.createdAt;
	return { ok: true, run };
}
