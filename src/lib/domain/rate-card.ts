/**
 * Rate cards and rate lookup. A card is Meta's list of tier-0 list rates for one currency, in force
 * from 12am WABA time zone on its date (pricing-rules.md §4, rate-cards/README.md). A missing row means
 * "no value known", never free and never "unchanged" (README), so a lookup either names the card it
 * took the value from or fails with a reason; it never returns a silent zero.
 */
import { RATE_CARDS } from './data/rate-cards.generated';
import {
	RATE_CATEGORIES,
	type Confidence,
	type PricingModel,
	type RateCardData,
	type RateCategory,
	type RateRow
} from './data-types';
import { parseDecimalMicros, type Micros } from './units';

export type { Confidence, PricingModel, RateCardData, RateCategory, RateRow } from './data-types';

export { RATE_CATEGORIES };

export const isRateCategory = (s: unknown): s is RateCategory =>
	typeof s === 'string' && (RATE_CATEGORIES as readonly string[]).includes(s);

export type RateLookup =
	| {
			ok: true;
			rate: Micros;
			cardId: string;
			effectiveFrom: string;
			confidence: Confidence;
			source: string;
			/** A newer card of this model and currency is in force at the date but has no value for the pair. */
			carriedForward: boolean;
			/** No card of this model and currency is in force yet at the date: the value comes from a later card. */
			beforeEffective: boolean;
	  }
	| { ok: false; reason: string };

export type RateFound = Extract<RateLookup, { ok: true }>;

export interface RateQuery {
	market: string;
	category: RateCategory;
	model: PricingModel;
	/** YYYY-MM-DD, the local date in the account's time zone. */
	date: string;
	/** Default 'USD'. */
	currency?: string;
	/** Default RATE_CARDS; lets user-imported cards be passed. */
	cards?: readonly RateCardData[];
}

export interface RateHistoryPoint {
	effectiveFrom: string;
	cardId: string;
	model: PricingModel;
	/** null: this card has no value for the pair (not zero). */
	rate: Micros | null;
	confidence?: Confidence;
	source?: string;
}

export interface CardSummary {
	id: string;
	effectiveFrom: string;
	currency: string;
	model: PricingModel;
	file: string;
	rowCount: number;
	markets: number;
	categories: RateCategory[];
}

export { RATE_CARDS };

/* ---------------------------------------------------------------- index */

interface Entry {
	effectiveFrom: string;
	card: RateCardData;
	row: RateRow;
	/**
	 * Frozen results, built at the entry's first lookup (not with the index: a run looks up a few
	 * markets of the thousands of rows) and kept, so the hot path allocates nothing:
	 * [plain, carried forward, before effective].
	 */
	results?: readonly [RateFound, RateFound, RateFound];
}

function resultsOf(entry: Entry): readonly [RateFound, RateFound, RateFound] {
	if (!entry.results) {
		const { card, row } = entry;
		const base = {
			ok: true as const,
			rate: parseRate(card, row),
			cardId: card.id,
			effectiveFrom: card.effectiveFrom,
			confidence: row.confidence,
			source: row.source
		};
		entry.results = [
			Object.freeze({ ...base, carriedForward: false, beforeEffective: false }),
			Object.freeze({ ...base, carriedForward: true, beforeEffective: false }),
			Object.freeze({ ...base, carriedForward: false, beforeEffective: true })
		];
	}
	return entry.results;
}

interface CardIndex {
	/** currency|model|market|category → entries, ascending effectiveFrom, one per date. */
	entries: Map<string, Entry[]>;
	/** currency|model → ascending distinct effectiveFrom of the cards. */
	cardDates: Map<string, string[]>;
	/** currency|model|date → the categories that date's card(s) price at all. */
	cardCategories: Map<string, Set<RateCategory>>;
	/** model → the first date any card of that model takes effect, in any currency. */
	modelStart: Map<PricingModel, string>;
}

const indexes = new WeakMap<readonly RateCardData[], CardIndex>();

const entryKey = (currency: string, model: PricingModel, market: string, category: RateCategory) =>
	`${currency}|${model}|${market}|${category}`;

function parseRate(card: RateCardData, row: RateRow): Micros {
	try {
		return parseDecimalMicros(row.rate);
	} catch (e) {
		throw new Error(`rate card ${card.id}, ${row.market} ${row.category}: ${(e as Error).message}`, {
			cause: e
		});
	}
}

/** Cards in date order; cards with the same date keep array order, so a later (e.g. imported) card wins. */
const byDate = (cards: readonly RateCardData[]): RateCardData[] =>
	cards
		.map((card, i) => ({ card, i }))
		.sort((a, b) =>
			a.card.effectiveFrom < b.card.effectiveFrom
				? -1
				: a.card.effectiveFrom > b.card.effectiveFrom
					? 1
					: a.i - b.i
		)
		.map((x) => x.card);

function buildIndex(cards: readonly RateCardData[]): CardIndex {
	const entries = new Map<string, Entry[]>();
	const cardDates = new Map<string, string[]>();
	const cardCategories = new Map<string, Set<RateCategory>>();
	const modelStart = new Map<PricingModel, string>();
	for (const card of byDate(cards)) {
		const dateKey = `${card.currency}|${card.model}`;
		const dates = cardDates.get(dateKey) ?? [];
		if (dates[dates.length - 1] !== card.effectiveFrom) dates.push(card.effectiveFrom);
		cardDates.set(dateKey, dates);
		if (!modelStart.has(card.model)) modelStart.set(card.model, card.effectiveFrom);
		const categories = cardCategories.get(`${dateKey}|${card.effectiveFrom}`) ?? new Set();
		cardCategories.set(`${dateKey}|${card.effectiveFrom}`, categories);
		for (const row of card.rows) {
			categories.add(row.category);
			const entry: Entry = { effectiveFrom: card.effectiveFrom, card, row };
			const key = entryKey(card.currency, card.model, row.market, row.category);
			const list = entries.get(key) ?? [];
			// Same date twice (a second card, or a repeated row): the later one replaces the earlier.
			if (list[list.length - 1]?.effectiveFrom === card.effectiveFrom) list[list.length - 1] = entry;
			else list.push(entry);
			entries.set(key, list);
		}
	}
	return { entries, cardDates, cardCategories, modelStart };
}

function indexFor(cards: readonly RateCardData[]): CardIndex {
	let index = indexes.get(cards);
	if (!index) {
		index = buildIndex(cards);
		indexes.set(cards, index);
	}
	return index;
}

/* ---------------------------------------------------------------- lookup */

/**
 * The rate for a market and category on a local date, from the newest card of that currency and
 * model in force at the date (effectiveFrom <= date). A card that prices the category but has no row
 * for the market means "no value known" (rate-cards/README.md), never an older card's value. Two
 * what-if cases reach across cards, each flagged: a category the newest card does not price at all
 * (service on the 2024-11 to 2026-07 cards, for a regime pinned to charge it) takes the newest
 * earlier value (`carriedForward`); a date before the pricing model began (a per-message regime
 * pinned on a 2023 date) takes the model's earliest value (`beforeEffective`). No value → ok: false.
 */
export function lookupRate(q: RateQuery): RateLookup {
	const currency = q.currency ?? 'USD';
	const index = indexFor(q.cards ?? RATE_CARDS);
	const entries = index.entries.get(entryKey(currency, q.model, q.market, q.category));
	const dates = index.cardDates.get(`${currency}|${q.model}`);
	if (entries && dates) {
		const first = dates[0] as string;
		if (q.date < first) {
			const modelStart = index.modelStart.get(q.model) ?? first;
			if (q.date < modelStart) return resultsOf(entries[0] as Entry)[2];
		} else {
			let newestInForce = first;
			for (let i = dates.length - 1; i >= 0; i--) {
				const d = dates[i] as string;
				if (d <= q.date) {
					newestInForce = d;
					break;
				}
			}
			const priced = index.cardCategories.get(`${currency}|${q.model}|${newestInForce}`);
			for (let i = entries.length - 1; i >= 0; i--) {
				const e = entries[i] as Entry;
				if (e.effectiveFrom > q.date) continue;
				if (e.effectiveFrom === newestInForce) return resultsOf(e)[0];
				if (!priced?.has(q.category)) return resultsOf(e)[1];
				break;
			}
		}
	}
	return {
		ok: false,
		reason: `no rate known in ${currency} for ${q.market} ${q.category} on ${q.date} (${q.model} cards)`
	};
}

/** Currencies that have at least one card, USD first. */
export function cardCurrencies(cards: readonly RateCardData[] = RATE_CARDS): string[] {
	const all = [...new Set(cards.map((c) => c.currency))].sort();
	return all.includes('USD') ? ['USD', ...all.filter((c) => c !== 'USD')] : all;
}

/** Every card's value for the pair in date order (both models), for a step chart; null where a card has none. */
export function rateHistory(
	market: string,
	category: RateCategory,
	currency = 'USD',
	cards: readonly RateCardData[] = RATE_CARDS
): RateHistoryPoint[] {
	return byDate(cards.filter((c) => c.currency === currency)).map((card) => {
		let row: RateRow | undefined;
		for (const r of card.rows) if (r.market === market && r.category === category) row = r;
		const point: RateHistoryPoint = {
			effectiveFrom: card.effectiveFrom,
			cardId: card.id,
			model: card.model,
			rate: row ? parseRate(card, row) : null
		};
		if (row) {
			point.confidence = row.confidence;
			point.source = row.source;
		}
		return point;
	});
}

/** One summary per card, by date then currency. */
export function listCards(cards: readonly RateCardData[] = RATE_CARDS): CardSummary[] {
	const order = (c: RateCardData) => `${c.effectiveFrom}|${c.currency}`;
	return byDate(cards)
		.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
		.map((card) => ({
			id: card.id,
			effectiveFrom: card.effectiveFrom,
			currency: card.currency,
			model: card.model,
			file: card.file,
			rowCount: card.rows.length,
			markets: new Set(card.rows.map((r) => r.market)).size,
			categories: RATE_CATEGORIES.filter((c) => card.rows.some((r) => r.category === c))
		}));
}

/** Sorted unique market names that appear on any card. */
export function marketsOnCards(cards: readonly RateCardData[] = RATE_CARDS): string[] {
	return [...new Set(cards.flatMap((c) => c.rows.map((r) => r.market)))].sort();
}
