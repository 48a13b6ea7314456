/**
 * An imported rate card next to Meta's for one market and date: the same lookup the engine does,
 * once with the imported card alone and once with Meta's cards, in the imported card's model.
 */
import { csvLine } from '$lib/domain/csv-export';
import { customCardData } from '$lib/domain/custom-rates';
import {
	lookupRate,
	RATE_CATEGORIES,
	type RateCardData,
	type RateCategory,
	type RateLookup
} from '$lib/domain/rate-card';
import type { CustomRates } from '$lib/domain/scenario';

export interface CustomCompareRow {
	category: RateCategory;
	yours: RateLookup;
	meta: RateLookup;
	/** Yours minus Meta's in micro-units; null unless both are known. */
	diff: number | null;
}

export interface CustomPreview {
	/** Lookup input; kept so repeated lookups on one card reuse its index. */
	cards: readonly RateCardData[];
	markets: string[];
	rows: CustomCompareRow[];
	/** The selected market has no row on the imported card. */
	marketMissing: boolean;
}

/**
 * The card's rows back as the CSV the import reads, so an applied card can be edited as text. Cells
 * go through the app's one CSV writer: a market named "=HYPERLINK(…)" is not run by a spreadsheet.
 */
export const customRatesCsv = (custom: CustomRates): string =>
	['market,category,rate', ...custom.rows.map((r) => csvLine([r.market, r.category, r.rate]))].join('\n');

export const customMarkets = (custom: CustomRates): string[] =>
	[...new Set(custom.rows.map((r) => r.market))].sort();

export function previewCustom(
	custom: CustomRates,
	market: string,
	date: string,
	cards: readonly RateCardData[] = [customCardData(custom)]
): CustomPreview {
	const currency = custom.currency ?? 'USD';
	const base = { market, date, model: custom.model, currency };
	const rows = RATE_CATEGORIES.map((category) => {
		const yours = lookupRate({ ...base, category, cards });
		const meta = lookupRate({ ...base, category });
		return { category, yours, meta, diff: yours.ok && meta.ok ? yours.rate - meta.rate : null };
	});
	const markets = customMarkets(custom);
	return { cards, markets, rows, marketMissing: !markets.includes(market) };
}
