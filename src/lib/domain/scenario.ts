/**
 * The scenario file (DESIGN.md "scenario file"): what users save, export, share and feed to the CLI.
 * Validated on the way in; every error names the field and, for events, the event index.
 */
import * as v from 'valibot';
import { iso2Error, validateRecipient } from './markets';
import { RATE_CATEGORIES } from './rate-card';
import { REGIME_IDS, type RegimeId } from './regimes';
import { dateError, instantError, isValidTimeZone, parseInstant } from './time';
import type { EpochMs } from './units';

export const SCENARIO_FORMAT = 'wa-pricing-scenario/1';
/** A scenario larger than this is refused before the engine sees it (a bulk forecast is another tool). */
export const MAX_SCENARIO_EVENTS = 200_000;

export const TEMPLATE_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];
export type ConversationCategory = TemplateCategory | 'service';
export const CONVERSATION_CATEGORIES: readonly ConversationCategory[] = [...TEMPLATE_CATEGORIES, 'service'];
export const ENTRY_POINTS = ['ctwa_ad', 'page_cta'] as const;
export type EntryPoint = (typeof ENTRY_POINTS)[number];

/** An instant on a real calendar date and time of day (2025-02-30 or 24:61 is refused, not rolled over). */
const instant = v.pipe(
	v.string('must be a string'),
	v.check(
		(s) => instantError(s) === null,
		(issue) => instantError(String(issue.input)) ?? 'must be an ISO 8601 instant with an offset'
	)
);
/** A real calendar date YYYY-MM-DD. */
const calendarDate = v.pipe(
	v.string('must be a string'),
	v.check(
		(s) => dateError(s) === null,
		(issue) => dateError(String(issue.input)) ?? 'must be a date YYYY-MM-DD'
	)
);
/** An assigned ISO 3166-1 alpha-2 code, upper case as the file format writes it. */
const countryCode = v.pipe(
	v.string('must be a string'),
	v.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in capitals, e.g. ID'),
	v.check(
		(s) => iso2Error(s) === null,
		(issue) => iso2Error(String(issue.input)) ?? 'must be an assigned ISO 3166-1 alpha-2 code'
	)
);
const note = v.optional(v.pipe(v.string(), v.maxLength(500, 'must be at most 500 characters')));
/** A caption on the event, shown when the replay reaches it (a salesperson's narration); optional, so older files stay valid. */
const caption = note;
const delivered = v.optional(v.boolean('must be true or false'));
const count = v.pipe(
	v.number('must be a number'),
	v.integer('must be a whole number'),
	v.minValue(0, 'must be 0 or more')
);

const customerMessage = v.strictObject({
	at: instant,
	type: v.literal('customer_message'),
	entry_point: v.optional(v.picklist(ENTRY_POINTS, `must be one of ${ENTRY_POINTS.join(', ')}`)),
	text: note,
	caption
});
const businessMessage = v.strictObject({
	at: instant,
	type: v.literal('business_message'),
	delivered,
	text: note,
	caption
});
const template = v.strictObject({
	at: instant,
	type: v.literal('template'),
	category: v.picklist(TEMPLATE_CATEGORIES, `must be one of ${TEMPLATE_CATEGORIES.join(', ')}`),
	delivered,
	text: note,
	caption
});
const event = v.variant(
	'type',
	[customerMessage, businessMessage, template],
	'type must be one of customer_message, business_message, template'
);

/**
 * The recipient: an assigned ISO 3166-1 alpha-2 code in capitals ("UK" and "XX" are refused) or an
 * E.164 number whose calling code is assigned ("+999…" is refused); the message says which.
 */
const recipient = v.pipe(
	v.string('must be a string'),
	v.check(
		(s) => !/^[A-Za-z]{2}$/.test(s.trim()) || /^[A-Z]{2}$/.test(s),
		'a country code is two capital letters, e.g. ID'
	),
	v.check(
		(s) => validateRecipient(s) === null,
		(issue) => {
			const text = String(issue.input).trim();
			// A code or a number gets the precise reason; anything else (a country name) the format.
			const precise = /^[A-Za-z]{2}$/.test(text) || text.startsWith('+');
			return (
				(precise ? validateRecipient(text) : null) ??
				'must be an ISO 3166-1 alpha-2 country code (e.g. ID) or a phone number in E.164 (e.g. +6281234567890)'
			);
		}
	)
);

/** Charged-this-month counts of the categories that have volume tiers. */
const tierCounts = {
	utility: v.optional(count),
	authentication: v.optional(count),
	authentication_international: v.optional(count)
};

const account = v.strictObject({
	/** Free-tier units already used this month when the scenario starts: conversations (cbp-2023-06), messages (pmp-2026-10). */
	free_service_used: v.optional(count),
	/** pmp-2026-10's 1,000 free service messages per phone number per month: UNCONFIRMED by Meta's own page, so a setting. */
	free_service_tier_2026: v.optional(v.boolean('must be true or false')),
	/**
	 * Messages already charged this month when the scenario starts, per tiered category (volume
	 * tiers, §2.4): the flat counts are the scenario's own market; `by_market` names others (by the
	 * rate cards' market names, e.g. "Argentina"), for recipients that move market or forecasts.
	 */
	charged_this_month: v.optional(
		v.strictObject({
			...tierCounts,
			by_market: v.optional(v.record(v.pipe(v.string(), v.minLength(1)), v.strictObject(tierCounts))),
			/** The month (YYYY-MM, account zone) the counts are for; default: the scenario's first month. */
			month: v.optional(
				v.pipe(
					v.string('must be a month YYYY-MM'),
					v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
				)
			)
		})
	),
	auth_international: v.optional(
		v.strictObject({
			eligible: v.boolean('must be true or false'),
			primary_country: countryCode
		})
	)
});

const settings = v.strictObject({
	/** Whether a window is still open at exactly 24 h: Meta does not say (§6.1, UNCONFIRMED). */
	window_end: v.optional(v.picklist(['exclusive', 'inclusive'], 'must be exclusive or inclusive'))
});

const decimalAmount = v.pipe(
	v.string('must be a decimal string'),
	v.regex(/^\d{1,6}(\.\d{1,6})?$/, 'must be a decimal amount such as 0.0050 (at most 6 decimals)')
);

/** The provider's own price list on top of Meta's charge: shown separately, never mixed into it. */
const adjustments = v.strictObject({
	label: v.optional(v.pipe(v.string(), v.maxLength(100, 'must be at most 100 characters'))),
	markup_percent: v.optional(
		v.pipe(
			v.number('must be a number'),
			v.minValue(0, 'must be 0 or more'),
			v.maxValue(1000, 'must be at most 1000')
		)
	),
	fee_per_message: v.optional(decimalAmount),
	fee_per_conversation: v.optional(decimalAmount)
});

/** A rate card the user imported (CSV market,category,rate), used instead of Meta's where it has a value. */
const customRates = v.strictObject({
	name: v.pipe(
		v.string(),
		v.minLength(1, 'must not be empty'),
		v.maxLength(100, 'must be at most 100 characters')
	),
	model: v.picklist(['CBP', 'PMP'], 'must be CBP (per conversation) or PMP (per message)'),
	currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'))),
	effective_from: v.optional(calendarDate),
	rows: v.pipe(
		v.array(
			v.strictObject({
				market: v.pipe(v.string(), v.minLength(1, 'must not be empty')),
				category: v.picklist(
					RATE_CATEGORIES,
					'must be marketing, utility, authentication, authentication_international or service'
				),
				rate: decimalAmount
			})
		),
		v.maxLength(5000, 'must hold at most 5000 rows')
	)
});

export const scenarioSchema = v.strictObject({
	format: v.literal(SCENARIO_FORMAT, `must be "${SCENARIO_FORMAT}"`),
	name: v.pipe(
		v.string('must be a string'),
		v.minLength(1, 'must not be empty'),
		v.maxLength(200, 'must be at most 200 characters')
	),
	description: v.optional(v.pipe(v.string(), v.maxLength(2000, 'must be at most 2000 characters'))),
	market: recipient,
	/**
	 * The business's billing currency: every market is priced from that currency's cards, never
	 * converted (a market the currency's card lacks is "no rate known"). Default USD.
	 */
	currency: v.optional(v.pipe(v.string(), v.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as USD'))),
	regime: v.optional(v.picklist(REGIME_IDS as RegimeId[], `must be one of ${REGIME_IDS.join(', ')}`)),
	timezone: v.pipe(
		v.string('must be a string'),
		v.check(isValidTimeZone, 'must be an IANA time zone, e.g. Asia/Jakarta')
	),
	account: v.optional(account),
	settings: v.optional(settings),
	adjustments: v.optional(adjustments),
	custom_rates: v.optional(customRates),
	narration: v.optional(
		v.array(v.strictObject({ at: instant, text: v.pipe(v.string(), v.minLength(1), v.maxLength(500)) }))
	),
	events: v.pipe(
		v.array(event, 'must be a list of events'),
		v.maxLength(MAX_SCENARIO_EVENTS, `must hold at most ${MAX_SCENARIO_EVENTS} events`)
	)
});

export type Scenario = v.InferOutput<typeof scenarioSchema>;
export type ScenarioEvent = Scenario['events'][number];
export type Narration = NonNullable<Scenario['narration']>[number];
export type Adjustments = NonNullable<Scenario['adjustments']>;
export type CustomRates = NonNullable<Scenario['custom_rates']>;
export type TierCounts = NonNullable<NonNullable<Scenario['account']>['charged_this_month']>;

export interface ScenarioError {
	/** Dotted path of the field, e.g. "events.3.at". */
	path: string;
	/** Index of the event the error is in, when it is in one. */
	event?: number;
	message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

export function validateScenario(input: unknown): ScenarioResult {
	const result = v.safeParse(scenarioSchema, input, { abortPipeEarly: true });
	if (result.success) return { ok: true, scenario: result.output };
	return { ok: false, errors: result.issues.map(toError) };
}

/**
 * An object's key problems in words: valibot reports a missing required key and an unknown key
 * (strict objects) as issues of the object schema whose last path item is that key — input
 * undefined and expected '"key"' for a missing one, input the key and expected "never" for an
 * unknown one; a value that is not an object at all has no such path item.
 */
function keyMessage(issue: v.BaseIssue<unknown>): string | null {
	if (issue.kind !== 'schema') return null;
	const last = issue.path?.at(-1);
	if (issue.type === 'strict_object' || issue.type === 'object') {
		if (last?.origin === 'key' && issue.expected === 'never') return `unknown field "${String(last.key)}"`;
		if (last?.origin === 'key' && issue.input === undefined) return `missing field "${String(last.key)}"`;
		return issue.input === undefined ? 'is missing' : 'must be an object';
	}
	// The discriminator of an event: a missing "type" is named as missing, not as a wrong value.
	if (issue.type === 'variant' && issue.input === undefined && last !== undefined && last.value === undefined)
		return `missing field "${String(last.key)}" (${issue.message})`;
	return null;
}

function toError(issue: v.BaseIssue<unknown>): ScenarioError {
	const path = v.getDotPath(issue) ?? '';
	const m = /^events\.(\d+)/.exec(path);
	const message = keyMessage(issue) ?? issue.message;
	return m ? { path, event: Number(m[1]), message } : { path: path || '(file)', message };
}

/** One readable line, as the CLI prints it: "event 3 (events.3.at): must be an ISO 8601 instant …". */
export function describeScenarioError(e: ScenarioError): string {
	return e.event !== undefined ? `event ${e.event} (${e.path}): ${e.message}` : `${e.path}: ${e.message}`;
}

/** Parses JSON text and validates it: a bad file gives errors, never an exception. */
export function parseScenarioText(text: string): ScenarioResult {
	let data: unknown;
	try {
		// A byte-order mark is not part of the JSON (editors on Windows write one).
		data = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
	} catch (err) {
		return { ok: false, errors: [{ path: '(file)', message: `not valid JSON: ${(err as Error).message}` }] };
	}
	if (typeof data !== 'object' || data === null || Array.isArray(data))
		return {
			ok: false,
			errors: [
				{
					path: '(file)',
					message: `must be a JSON object (a scenario file), not ${data === null ? 'null' : Array.isArray(data) ? 'a list' : typeof data}`
				}
			]
		};
	return validateScenario(data);
}

/** An event with its instant parsed: what the engines fold over. */
export interface TimedEvent {
	index: number;
	t: EpochMs;
	event: ScenarioEvent;
}

/**
 * Events in time order; events at the same instant keep their input order (stable sort). `instants`
 * (by input index), when the caller already read them (an s2 link's payload), spares parsing `at`.
 */
export function timedEvents(scenario: Scenario, instants?: Float64Array): TimedEvent[] {
	return scenario.events
		.map((event, index) => ({
			index,
			t: (instants ? instants[index] : parseInstant(event.at)) as EpochMs,
			event
		}))
		.sort((a, b) => a.t - b.t || a.index - b.index);
}
