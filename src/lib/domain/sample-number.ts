/**
 * A representative phone number of a country, for a broadcast planned without a recipients file
 * ("so many recipients in India, Brazil, …"): made so that it maps to the country's pricing market
 * the way a real number would — through the longest markets.csv prefix of the country (Kazakhstan's
 * +77), a NANP area code (US +1 212, Canada +1 416, Jamaica +1 876), or the calling code.
 */
import { countryByIso2 } from './data/countries';
import { NON_US_NANP_AREA_CODES } from './data/nanp';
import { MARKET_ROWS } from './markets';

/** Area codes that stand for the US and Canada (New York, Toronto). */
const NANP_MAIN: Readonly<Record<string, string>> = { US: '1212', CA: '1416' };

const prefixCache = new Map<string, string | null>();

/** The digits a number of the country starts with, or null for a country without a calling code. */
export function samplePrefix(iso2: string): string | null {
	const code = iso2.toUpperCase();
	const cached = prefixCache.get(code);
	if (cached !== undefined) return cached;
	let prefix: string | null = NANP_MAIN[code] ?? null;
	if (prefix === null) {
		for (const [area, country] of NON_US_NANP_AREA_CODES)
			if (country === code) {
				prefix = `1${area}`;
				break;
			}
	}
	if (prefix === null) {
		// The longest prefix markets.csv gives the country (a part of a shared calling code, e.g. +77).
		for (const row of MARKET_ROWS)
			if (row.iso2 === code && row.prefix !== '' && row.prefix.length > (prefix?.length ?? 0))
				prefix = row.prefix;
	}
	if (prefix === null) {
		const first = countryByIso2(code)?.callingCodes[0];
		prefix = first && first !== '1' ? first : null;
	}
	prefixCache.set(code, prefix);
	return prefix;
}

/**
 * The `index`-th sample number of the country, "+" and digits (11 or more digits in all, 15 at most);
 * null when the country has no calling code.
 */
export function sampleNumber(iso2: string, index: number): string | null {
	const prefix = samplePrefix(iso2);
	if (prefix === null) return null;
	const width = Math.max(7, 11 - prefix.length);
	const n = Math.abs(Math.trunc(index)) % 10 ** width;
	return `+${prefix}${String(n).padStart(width, '0')}`;
}
