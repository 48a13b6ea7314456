/**
 * What the rates page shows for a market, date, currency and pricing model: one row per category
 * with the card value or the rule that replaces it, the notes a reader needs next to it, the cards
 * grouped by date, the volume-tier table in force, and the words for confidence levels and models.
 * Pure functions, so the page and the tests read the same answers.
 */
import {
	listCards,
	lookupRate,
	RATE_CATEGORIES,
	type CardSummary,
	type Confidence,
	type PricingModel,
	type RateCardData,
	type RateCategory,
	type RateFound,
	type RateLookup
} from '$lib/domain/rate-card';
import { formatAmount } from '$lib/domain/units';
import {
	TIER_TABLES,
	tierScheduleOn,
	type TierCategory,
	type TierSchedule,
	type TierTableData
} from '$lib/domain/volume-tiers';
import { MONTHS, pad2 } from '$lib/domain/format';
import { rowAppliesIn, ruleText, serviceFreeIn } from '$lib/engine/rules';
import {
	AUTH_INTERNATIONAL_FROM,
	REGIMES,
	regimeOnDate,
	US_MARKETING_PAUSE_FROM,
	type Regime
} from '$lib/domain/regimes';

export const CATEGORY_NAME: Record<RateCategory, string> = {
	marketing: 'Marketing',
	utility: 'Utility',
	authentication: 'Authentication',
	authentication_international: 'Authentication-international',
	service: 'Service'
};

/** Short codes for a card's categories, with CATEGORY_NAME as their expansion. */
export const CATEGORY_CODE: Record<RateCategory, string> = {
	marketing: 'M',
	utility: 'U',
	authentication: 'A',
	authentication_international: 'AI',
	service: 'S'
};

/** rate-cards/README.md defines the three levels; 'user-supplied' marks an imported card. */
export const CONFIDENCE_TEXT: Record<Confidence, { label: string; help: string }> = {
	confirmed: {
		label: 'Confirmed',
		help: "Meta's own file is the source, or two independent sources agree for the card's own period."
	},
	'single-source': {
		label: 'Single source',
		help: 'Only one source gives this figure.'
	},
	derived: {
		label: 'Derived',
		help: "No source dated in the card's period: carried from a neighbouring card where Meta's change log lists no change, or computed (the basis is in the source)."
	},
	'user-supplied': {
		label: 'Your card',
		help: "From a rate card you imported; not checked against Meta's."
	}
};

export const MODEL_UNIT: Record<PricingModel, string> = {
	CBP: 'per conversation',
	PMP: 'per delivered message'
};

export const MODEL_NAME: Record<PricingModel, string> = {
	CBP: 'Per conversation (CBP cards)',
	PMP: 'Per message (PMP cards)'
};

/** "2026-11-24" → "24 Nov 2026", from the digits (no Date, so no time zone can shift the day). */
export function formatDay(date: string): string {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return date;
	return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export const isIsoDate = (s: string): boolean =>
	/^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** Today's calendar date in the browser's own time zone, "YYYY-MM-DD". */
export function localToday(now: Date = new Date()): string {
	return `${now.getFullYear()}-${pad2(now.getMonth() + 1)}-${pad2(now.getDate())}`;
}

export interface RuleRegime {
	/** The regime whose rules apply to cards of the chosen model on the date. */
	regime: Regime;
	/** False when the chosen model is not the one in force that day (shown for comparison). */
	inForce: boolean;
}

/**
 * The rules that go with a model on a date. When the model in force is the other one, the nearest
 * regime of the chosen model applies: the last conversation-based one after July 2025, the first
 * per-message one before it.
 */
export function ruleRegime(date: string, model: PricingModel): RuleRegime {
	const current = regimeOnDate(date);
	if (current.model === model) return { regime: current, inForce: true };
	const ofModel = REGIMES.filter((r) => r.model === model);
	const regime = (model === 'CBP' ? ofModel[ofModel.length - 1] : ofModel[0]) ?? current;
	return { regime, inForce: false };
}

export type RowPrice =
	{ kind: 'rate'; found: RateFound } | { kind: 'free'; rule: string } | { kind: 'none'; reason: string };

export interface CategoryRow {
	category: RateCategory;
	price: RowPrice;
	/** Service priced with the utility row (pmp-2026-10 rule), not a service row of its own. */
	fromUtility: boolean;
	notes: string[];
}

export interface RowQuery {
	market: string;
	date: string;
	model: PricingModel;
	/** Recipient country, for the US marketing pause; null when only a market name is known. */
	iso2: string | null;
	/** Default 'USD'. */
	currency?: string;
	cards?: readonly RateCardData[];
}

function servicePrice(q: RowQuery, regime: Regime): Pick<CategoryRow, 'price' | 'fromUtility' | 'notes'> {
	if (serviceFreeIn(regime))
		return {
			price: { kind: 'free', rule: `Free by rule under ${regime.id}, not by a rate` },
			fromUtility: false,
			notes: [
				regime.model === 'CBP'
					? 'Every service conversation is free from 1 Nov 2024; a card value, if any, is not used.'
					: 'Non-template messages inside the customer service window are free; a card value, if any, is not used.'
			]
		};
	const own = lookupRate({ ...q, category: 'service' });
	if (regime.model === 'CBP')
		return {
			price: own.ok ? { kind: 'rate', found: own } : { kind: 'none', reason: own.reason },
			fromUtility: false,
			notes: ['The first 1,000 service conversations per account each month are free.']
		};
	const freeTier =
		'1,000 free service messages per phone number a month (quoted by third parties, unconfirmed).';
	const utility = lookupRate({ ...q, category: 'utility' });
	if (own.ok) {
		// The 2026-10-01 cards list service rows; Meta's rule says they equal the utility rate.
		const versus = !utility.ok
			? `The card's own service row; no utility rate in ${q.currency ?? 'USD'} to compare it with.`
			: utility.rate === own.rate
				? `The card's own service row: equal to the utility rate, as the ${regime.id} rule says.`
				: `The card's own service row; the utility rate is ${formatAmount(utility.rate)}, so the card departs from the ${regime.id} rule (service = utility).`;
		return { price: { kind: 'rate', found: own }, fromUtility: false, notes: [versus, freeTier] };
	}
	return {
		price: utility.ok ? { kind: 'rate', found: utility } : { kind: 'none', reason: utility.reason },
		fromUtility: true,
		notes: [
			`No service row on this card: under ${regime.id} the service rate equals the market's utility rate.`,
			freeTier
		]
	};
}

function categoryNotes(category: RateCategory, q: RowQuery, regime: Regime): string[] {
	if (category === 'marketing' && q.iso2 === 'US' && q.date >= US_MARKETING_PAUSE_FROM)
		return [
			`Meta has not delivered marketing templates to US numbers since ${formatDay(US_MARKETING_PAUSE_FROM)}: undelivered, so not charged.`
		];
	if (category === 'utility' && rowAppliesIn('utility_in_service_window', regime.id))
		return [ruleText('utility_in_service_window')];
	if (category === 'authentication_international') {
		const from = AUTH_INTERNATIONAL_FROM[q.market];
		const who = 'Only for eligible businesses whose primary location is outside the recipient’s country';
		if (!from) return [`${who}; ${q.market} is not an authentication-international market.`];
		return [`${who}; applies in ${q.market} from ${formatDay(from)}.`];
	}
	return [];
}

/** The table's rows, in RATE_CATEGORIES order: a card value, a rule, or "no rate known" with its reason. */
export function categoryRows(q: RowQuery): CategoryRow[] {
	const { regime } = ruleRegime(q.date, q.model);
	return RATE_CATEGORIES.map((category) => {
		const notes = categoryNotes(category, q, regime);
		if (category === 'service') {
			const s = servicePrice(q, regime);
			return { category, ...s, notes: [...s.notes, ...notes] };
		}
		const found = lookupRate({ ...q, category });
		const price: RowPrice = found.ok ? { kind: 'rate', found } : { kind: 'none', reason: found.reason };
		return { category, price, fromUtility: false, notes };
	});
}

/* ---------------------------------------------------------------- cards and currencies */

export interface CardDateGroup {
	date: string;
	model: PricingModel;
	/** USD first, then the other currencies alphabetically. */
	cards: CardSummary[];
}

/** Every card, grouped by the date it takes effect (oldest first). */
export function cardDateGroups(cards: readonly CardSummary[] = listCards()): CardDateGroup[] {
	const groups = new Map<string, CardDateGroup>();
	for (const card of cards) {
		const group = groups.get(card.effectiveFrom) ?? {
			date: card.effectiveFrom,
			model: card.model,
			cards: []
		};
		group.cards.push(card);
		groups.set(card.effectiveFrom, group);
	}
	const rank = (c: CardSummary) => (c.currency === 'USD' ? '' : c.currency);
	return [...groups.values()]
		.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
		.map((g) => ({ ...g, cards: [...g.cards].sort((a, b) => rank(a).localeCompare(rank(b))) }));
}

/** The newest card of a currency and model in force on a date, or null. */
export function cardInForce(
	currency: string,
	date: string,
	model: PricingModel,
	cards: readonly CardSummary[] = listCards()
): CardSummary | null {
	let found: CardSummary | null = null;
	for (const c of cards)
		if (c.currency === currency && c.model === model && c.effectiveFrom <= date) found = c;
	return found;
}

/**
 * One line on what the chosen currency's cards cover on the date, for any currency but USD (whose
 * cards are complete): no card of the model, none yet, or the card in force and how many markets it
 * lists. A market missing from it has no value in that currency: nothing is ever converted.
 */
export function currencyCoverage(
	currency: string,
	date: string,
	model: PricingModel,
	cards: readonly CardSummary[] = listCards()
): string | null {
	if (currency === 'USD') return null;
	const own = cards.filter((c) => c.currency === currency && c.model === model);
	const kind = model === 'CBP' ? 'conversation-based' : 'per-message';
	if (own.length === 0)
		return `Meta published no ${kind} card in ${currency}, so no ${currency} rate is known ${MODEL_UNIT[model]}; figures are never converted from USD.`;
	const first = own[0] as CardSummary;
	const inForce = cardInForce(currency, date, model, cards);
	if (!inForce)
		return `The first ${currency} ${kind} card takes effect on ${formatDay(first.effectiveFrom)}; figures are never converted from USD.`;
	const markets = inForce.markets === 1 ? '1 market' : `${inForce.markets} markets`;
	return `In force: ${inForce.id}, listing ${markets}. A market it does not list has no ${currency} rate; figures are never converted from USD.`;
}

/* ---------------------------------------------------------------- volume tiers */

export type TierView =
	| { kind: 'cbp' }
	| {
			kind: 'table';
			schedule: TierSchedule;
			/** "Meta's own table", "derived", "one source only", or the mix of confidences. */
			provenance: string;
			/** Markets the whole table lists (the BRL and INR tables list one). */
			tableMarkets: number;
			/** The card's list rate for the pair, which tier 1 should equal. */
			listRate: RateLookup;
	  }
	| { kind: 'none'; message: string; detail: string | null };

export interface TierQuery {
	market: string;
	category: TierCategory;
	date: string;
	currency: string;
	model: PricingModel;
}

const LIST_RATE_BOUND = 'utility and authentication are priced at the list rate, an upper bound';

function newestTable(
	tables: readonly TierTableData[],
	date: string,
	currency?: string
): TierTableData | null {
	let best: TierTableData | null = null;
	for (const t of tables)
		if ((currency === undefined || t.currency === currency) && t.effectiveFrom <= date)
			if (!best || t.effectiveFrom > best.effectiveFrom) best = t;
	return best;
}

/** Where a schedule's tiers come from, in a few words, from their confidence and sources. */
export function tierProvenance(schedule: TierSchedule): string {
	const counts = new Map<string, number>();
	for (const t of schedule.tiers) counts.set(t.confidence, (counts.get(t.confidence) ?? 0) + 1);
	if (counts.size === 1) {
		if (counts.has('confirmed'))
			return schedule.tiers.every((t) => t.source.startsWith('META-')) ? "Meta's own table" : 'confirmed';
		if (counts.has('derived')) return 'derived (no source dated in its period; see each tier)';
		return 'one source only';
	}
	const order: Confidence[] = ['confirmed', 'single-source', 'derived'];
	return `partly sourced: ${order
		.filter((c) => counts.has(c))
		.map((c) => `${counts.get(c)} ${CONFIDENCE_TEXT[c].label.toLowerCase()}`)
		.join(', ')}`;
}

/**
 * The volume-tier table for a market and category on a date, in a currency: the schedule in force,
 * or why there is none, in words a reader can act on. Tiers only exist under per-message pricing.
 */
export function tierView(q: TierQuery, tables: readonly TierTableData[] = TIER_TABLES): TierView {
	if (q.model === 'CBP') return { kind: 'cbp' };
	const anyTable = newestTable(tables, q.date);
	const earliest = [...tables].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
	if (!anyTable)
		return {
			kind: 'none',
			message: `No volume-tier table is known for this date: ${LIST_RATE_BOUND}.`,
			detail: earliest
				? `The first known table, ${earliest.id}, takes effect on ${formatDay(earliest.effectiveFrom)}.`
				: null
		};
	const currencies = [...new Set(tables.map((t) => t.currency))].sort();
	if (!currencies.includes(q.currency))
		return {
			kind: 'none',
			message: `No volume-tier table in ${q.currency} is known: ${LIST_RATE_BOUND}.`,
			detail: `Tier tables are known in ${currencies.join(', ')}.`
		};
	const table = newestTable(tables, q.date, q.currency);
	if (!table) {
		const first = tables
			.filter((t) => t.currency === q.currency)
			.sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1))[0];
		return {
			kind: 'none',
			message: `No volume-tier table in ${q.currency} is known for this date: ${LIST_RATE_BOUND}.`,
			detail: first
				? `The first ${q.currency} table, ${first.id}, takes effect on ${formatDay(first.effectiveFrom)}.`
				: null
		};
	}
	const schedule = tierScheduleOn(q.market, q.category, q.date, q.currency, tables);
	const markets = [...new Set(table.rows.map((r) => r.market))].sort();
	if (!schedule)
		return {
			kind: 'none',
			message: `${table.id} has no ${CATEGORY_NAME[q.category].toLowerCase()} tiers for ${q.market}: its messages are priced at the list rate, an upper bound.`,
			detail:
				markets.length <= 3
					? `This table lists ${markets.join(', ')} only.`
					: `This table lists ${markets.length} markets.`
		};
	const listRate = lookupRate({ ...q, model: 'PMP' });
	return {
		kind: 'table',
		schedule,
		provenance: tierProvenance(schedule),
		tableMarkets: markets.length,
		listRate
	};
}

/** A source cut to about `max` characters at a word boundary, for a cell that opens to the full text. */
export function shortSource(source: string, max = 40): string {
	const key = /^([A-Z0-9][A-Z0-9-]+):/.exec(source);
	if (key && key[1] && key[1].length <= max) return key[1];
	if (source.length <= max) return source;
	const cut = source.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:|(]+$/, '')}…`;
}
