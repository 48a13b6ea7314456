/**
 * The rates page's market picker: a country, a phone number or a market name, turned into the
 * market Meta prices it as on a date, with the country's dated moves between markets.
 */
import { marketsOnCards } from '$lib/domain/rate-card';
import { MARKET_ROWS, countryNameOf, resolveMarket, validateRecipient } from '$lib/domain/markets';

export type MarketMode = 'country' | 'number' | 'market';

export interface MarketChoice {
	mode: MarketMode;
	/** ISO 3166-1 alpha-2. */
	country: string;
	/** As typed; may be unusable. */
	number: string;
	/** A market name as the cards spell it. */
	market: string;
}

export type ResolvedChoice =
	| { ok: true; market: string; iso2: string | null; matchedPrefix: string | null }
	| { ok: false; error: string };

/** Why the typed number cannot be used, or null. The field asks for a number, so a bare country code is refused too. */
export function numberError(text: string): string | null {
	const t = text.trim();
	if (t === '') return 'Enter a phone number in international format, e.g. +62 812 3456 7890.';
	if (!t.startsWith('+')) return 'Start the number with + and the country calling code, e.g. +6281234567.';
	return validateRecipient(t);
}

export function resolveChoice(choice: MarketChoice, date: string): ResolvedChoice {
	if (choice.mode === 'market') return { ok: true, market: choice.market, iso2: null, matchedPrefix: null };
	const text = choice.mode === 'country' ? choice.country : choice.number;
	const error = choice.mode === 'number' ? numberError(text) : validateRecipient(text);
	if (error) return { ok: false, error };
	const r = resolveMarket(text, date);
	return { ok: true, market: r.market, iso2: r.iso2, matchedPrefix: r.matchedPrefix };
}

export interface MarketPeriod {
	market: string;
	from: string | null;
	until: string | null;
}

/** The markets a country moved between (e.g. Zimbabwe: Other, then Rest of Africa from 2025-10-01); empty if it never moved. */
export function marketMoves(iso2: string | null): MarketPeriod[] {
	if (!iso2) return [];
	const rows = MARKET_ROWS.filter((r) => r.iso2 === iso2 && (r.from !== null || r.until !== null));
	const seen = new Set<string>();
	const periods: MarketPeriod[] = [];
	for (const r of rows) {
		// Countries with several prefixes repeat each period once per prefix.
		const key = `${r.market}|${r.from}|${r.until}`;
		if (seen.has(key)) continue;
		seen.add(key);
		periods.push({ market: r.market, from: r.from, until: r.until });
	}
	return periods.sort((a, b) => (a.from ?? '').localeCompare(b.from ?? ''));
}

/** Market names for the picker: those on the cards, then those only the country mapping knows (no rates yet). */
export function marketNames(): { onCards: string[]; mappingOnly: string[] } {
	const onCards = marketsOnCards();
	const known = new Set(onCards);
	const mappingOnly = [...new Set(MARKET_ROWS.map((r) => r.market))].filter((m) => !known.has(m)).sort();
	return { onCards, mappingOnly };
}

let regionNames: Intl.DisplayNames | null | undefined;

/**
 * "ZW" → "Zimbabwe": the app's own ISO 3166-1 names (data/countries.ts), else the browser's region
 * names (no request); the code itself if unknown.
 */
export function countryName(iso2: string): string {
	const own = countryNameOf(iso2);
	if (own) return own;
	if (regionNames === undefined) {
		try {
			regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
		} catch {
			regionNames = null;
		}
	}
	try {
		return regionNames?.of(iso2) ?? iso2;
	} catch {
		return iso2;
	}
}
