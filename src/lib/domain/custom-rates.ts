/**
 * User rate cards: a CSV in the columns `market,category,rate` imported in the app, validated line
 * by line (clear errors naming the line, nothing kept on error), and looked up before Meta's cards
 * for the runs that select it.
 */
import { parseCsv } from './csv';
import {
	marketsOnCards,
	isRateCategory,
	type RateCardData,
	type RateCategory,
	type PricingModel
} from './rate-card';
import type { CustomRates } from './scenario';
import { parseDecimalMicros } from './units';
import { MARKET_ROWS } from './data/markets.generated';

/** Larger files are refused before parsing: a rate card has a few hundred rows at most. */
export const MAX_RATE_CSV_BYTES = 512 * 1024;
export const MAX_RATE_ROWS = 5000;

export interface RateCsvError {
	line: number;
	message: string;
}

export type RateCsvResult =
	| { ok: true; rows: { market: string; category: RateCategory; rate: string }[] }
	| { ok: false; errors: RateCsvError[] };

let knownMarkets: Set<string> | null = null;
const isKnownMarket = (m: string) => {
	knownMarkets ??= new Set([...marketsOnCards(), ...MARKET_ROWS.map((r) => r.market), 'Other']);
	return knownMarkets.has(m);
};

export function parseRateCardCsv(text: string): RateCsvResult {
	if (new TextEncoder().encode(text).length > MAX_RATE_CSV_BYTES)
		return {
			ok: false,
			errors: [{ line: 0, message: `the file is larger than ${MAX_RATE_CSV_BYTES / 1024} KB` }]
		};
	let records: string[][];
	try {
		records = parseCsv(text);
	} catch (err) {
		return { ok: false, errors: [{ line: 0, message: `not a CSV file: ${(err as Error).message}` }] };
	}
	const [header, ...body] = records;
	const cols = (header ?? []).map((h) => h.trim().toLowerCase());
	if (cols.join(',') !== 'market,category,rate')
		return {
			ok: false,
			errors: [{ line: 1, message: 'the first line must be the header "market,category,rate"' }]
		};
	if (body.length === 0)
		return { ok: false, errors: [{ line: 2, message: 'no rates: the file has only a header' }] };
	if (body.length > MAX_RATE_ROWS)
		return { ok: false, errors: [{ line: 0, message: `more than ${MAX_RATE_ROWS} rows` }] };
	const errors: RateCsvError[] = [];
	const rows: { market: string; category: RateCategory; rate: string }[] = [];
	const seen = new Set<string>();
	body.forEach((rec, i) => {
		const line = i + 2;
		if (rec.length !== 3) return errors.push({ line, message: `expected 3 columns, found ${rec.length}` });
		const [market, category, rate] = rec.map((c) => c.trim()) as [string, string, string];
		if (!isKnownMarket(market))
			return errors.push({
				line,
				message: `unknown market "${market}" (use the names of Meta's rate cards, e.g. "Indonesia", "Rest of Africa")`
			});
		if (!isRateCategory(category)) return errors.push({ line, message: `unknown category "${category}"` });
		try {
			parseDecimalMicros(rate);
		} catch {
			return errors.push({ line, message: `rate "${rate}" is not a decimal amount with at most 6 decimals` });
		}
		const key = `${market}|${category}`;
		if (seen.has(key)) return errors.push({ line, message: `${market} ${category} appears twice` });
		seen.add(key);
		rows.push({ market, category, rate });
	});
	return errors.length ? { ok: false, errors } : { ok: true, rows };
}

export const CUSTOM_CARD_PREFIX = 'custom:';

/** The scenario's imported card in the shape the rate lookup reads. */
export function customCardData(custom: CustomRates): RateCardData {
	const model: PricingModel = custom.model;
	return {
		id: `${CUSTOM_CARD_PREFIX}${custom.name}`,
		effectiveFrom: custom.effective_from ?? '2000-01-01',
		currency: custom.currency ?? 'USD',
		model,
		file: `${custom.name} (imported)`,
		rows: custom.rows.map((r) => ({
			...r,
			confidence: 'user-supplied' as const,
			source: `imported rate card "${custom.name}"`
		}))
	};
}
