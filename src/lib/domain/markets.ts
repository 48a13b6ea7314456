/**
 * Recipient → Meta pricing market. Meta charges "based on the country calling code of the recipient
 * WhatsApp phone number" and maps unlisted countries to Other (pricing-rules.md §1.8); the mapping
 * rows, with their dated moves between markets, come from rate-cards/markets.csv.
 */
import { CANADIAN_AREA_CODES, NON_US_NANP_AREA_CODES } from './data/nanp';
import { MARKET_ROWS } from './data/markets.generated';

export interface MarketRow {
	readonly market: string;
	/** ISO 3166-1 alpha-2. */
	readonly iso2: string;
	/** Calling-code prefix, digits only; empty when the country cannot be told apart by number (Kazakhstan). */
	readonly prefix: string;
	/** First local date in force (inclusive), null = no dated start. */
	readonly from: string | null;
	/** First local date no longer in force (exclusive), null = no dated end. */
	readonly until: string | null;
}

export interface MarketResolution {
	market: string;
	/** The recipient's country; null when a number matches no row. */
	iso2: string | null;
	/** +1 with a US area code, or ISO "US": Meta's US marketing-template pause applies (pricing-rules.md §2.7). */
	isUnitedStates: boolean;
	/** The calling-code prefix the number matched; null for ISO codes and unmatched numbers. */
	matchedPrefix: string | null;
}

export interface CountryOption {
	iso2: string;
	market: string;
}

/** "If a country is not listed below, it maps to Other" (Meta, pricing-rules.md §1.8). */
export const OTHER_MARKET = 'Other';

export { MARKET_ROWS };

/** E.164: at most 15 digits (ITU-T E.164 §6); 7 is the shortest international number in use (e.g. Niue +683 xxxx). */
const E164_MAX_DIGITS = 15;
const E164_MIN_DIGITS = 7;

const ISO2 = /^[A-Za-z]{2}$/;
/** "+" then digits; spaces, dashes and parentheses between them are tolerated. */
const NUMBER = /^\+[\d\s\-()]+$/;

const inForce = (row: MarketRow, date: string): boolean =>
	(row.from === null || row.from <= date) && (row.until === null || date < row.until);

function group(key: (r: MarketRow) => string): Map<string, MarketRow[]> {
	const map = new Map<string, MarketRow[]>();
	for (const row of MARKET_ROWS) {
		const k = key(row);
		if (k === '') continue;
		const list = map.get(k) ?? [];
		list.push(row);
		map.set(k, list);
	}
	return map;
}

const byPrefix = group((r) => r.prefix);
const byIso = group((r) => r.iso2);
const longestPrefix = Math.max(0, ...[...byPrefix.keys()].map((p) => p.length));

const findInForce = (rows: readonly MarketRow[] | undefined, date: string): MarketRow | undefined =>
	rows?.find((r) => inForce(r, date));

/** Digits of a well-formed international number, or null. */
function numberDigits(text: string): string | null {
	if (!NUMBER.test(text)) return null;
	const digits = text.slice(1).replace(/[\s\-()]/g, '');
	if (digits.length < E164_MIN_DIGITS || digits.length > E164_MAX_DIGITS || digits.startsWith('0'))
		return null;
	return digits;
}

/** Country of a +1 number from its area code (digits 2–4); other +1 codes are US ones. */
function nanpCountry(digits: string): string {
	const area = digits.slice(1, 4);
	if (CANADIAN_AREA_CODES.has(area)) return 'CA';
	return NON_US_NANP_AREA_CODES.get(area) ?? 'US';
}

/**
 * The market of a recipient on a local date (YYYY-MM-DD, account time zone). The recipient is an
 * ISO 3166-1 alpha-2 code ("ID") or an international number ("+62 812-3456-7"). A number takes the
 * longest calling-code prefix among the rows in force; an unknown number or country → Other.
 * Throws on a recipient that validateRecipient rejects.
 */
export function resolveMarket(recipient: string, date: string): MarketResolution {
	const text = recipient.trim();
	if (ISO2.test(text)) {
		const iso2 = text.toUpperCase();
		const row = findInForce(byIso.get(iso2), date);
		return { market: row?.market ?? OTHER_MARKET, iso2, isUnitedStates: iso2 === 'US', matchedPrefix: null };
	}
	const digits = numberDigits(text);
	if (digits === null) throw new Error(validateRecipient(text) ?? `not a recipient: "${recipient}"`);
	const isNanp = digits.startsWith('1');
	const isUnitedStates = isNanp && nanpCountry(digits) === 'US';
	for (let n = Math.min(longestPrefix, digits.length); n >= 1; n--) {
		const prefix = digits.slice(0, n);
		const row = findInForce(byPrefix.get(prefix), date);
		if (row) {
			// "+1" alone is shared by the US, Canada and other NANP members: the area code tells the country.
			const iso2 = prefix === '1' ? nanpCountry(digits) : row.iso2;
			return { market: row.market, iso2, isUnitedStates, matchedPrefix: prefix };
		}
	}
	return { market: OTHER_MARKET, iso2: null, isUnitedStates, matchedPrefix: null };
}

/** null when the text is a usable recipient, else a one-line message saying what is wrong. */
export function validateRecipient(text: string): string | null {
	const t = text.trim();
	if (t === '') return 'Enter a country code (e.g. ID) or an international number (e.g. +6281234567).';
	if (ISO2.test(t)) return null;
	if (/^[\d\s\-()]+$/.test(t))
		return 'Start the number with + and the country calling code, e.g. +6281234567.';
	if (!t.startsWith('+') && /^[A-Za-z]+$/.test(t))
		return `"${t}" is not a two-letter country code (e.g. ID, US).`;
	if (!NUMBER.test(t)) return 'A number is + followed by digits; only spaces and dashes may separate them.';
	const digits = t.slice(1).replace(/[\s\-()]/g, '');
	if (digits.startsWith('0')) return 'A country calling code never starts with 0.';
	if (digits.length < E164_MIN_DIGITS)
		return `Too short: ${digits.length} digits, an international number has at least ${E164_MIN_DIGITS}.`;
	if (digits.length > E164_MAX_DIGITS)
		return `Too long: ${digits.length} digits, E.164 allows at most ${E164_MAX_DIGITS}.`;
	return null;
}

/** Countries with a row in force on the date, for a picker, sorted by ISO code. */
export function countryOptions(date: string): CountryOption[] {
	const options: CountryOption[] = [];
	for (const [iso2, rows] of byIso) {
		const row = findInForce(rows, date);
		if (row) options.push({ iso2, market: row.market });
	}
	return options.sort((a, b) => (a.iso2 < b.iso2 ? -1 : a.iso2 > b.iso2 ? 1 : 0));
}
