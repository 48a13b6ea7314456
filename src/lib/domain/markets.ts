/**
 * Recipient → Meta pricing market. Meta charges "based on the country calling code of the recipient
 * WhatsApp phone number" and maps unlisted countries to Other (pricing-rules.md §1.8); the mapping
 * rows, with their dated moves between markets, come from rate-cards/markets.csv. +1 numbers are
 * told apart by area code (data/nanp.ts): US and Canada → North America, the Dominican Republic,
 * Jamaica and Puerto Rico → their markets.csv rows, every other NANP member → Other. The countries
 * and calling codes that exist at all come from data/countries.ts (ISO 3166-1, ITU-T E.164).
 */
import { CANADIAN_AREA_CODES, NON_US_NANP_AREA_CODES } from './data/nanp';
import { MARKET_ROWS } from './data/markets.generated';
import {
	ASSIGNED_CALLING_CODES,
	COUNTRIES,
	NON_COUNTRY_CALLING_CODES,
	RESERVED_ISO2_HINTS,
	countryByIso2
} from './data/countries';
import type { MarketRow } from './data-types';

export type { MarketRow } from './data-types';

export interface MarketResolution {
	market: string;
	/** The recipient's country; null for a number of a global service (+800, +882, …) or Kosovo (+383, no ISO code). */
	iso2: string | null;
	/**
	 * +1 with an area code of the 50 states or DC, or ISO "US": Meta's US marketing-template pause
	 * applies (pricing-rules.md §2.7). US territories are not included (data/nanp.ts says why).
	 */
	isUnitedStates: boolean;
	/**
	 * The calling-code prefix that decided the market: a markets.csv row's prefix ("62", "1809"),
	 * "1" plus the area code of a NANP member Meta does not list ("1242"), or the calling code of a
	 * country it does not list ("372"); null for ISO codes.
	 */
	matchedPrefix: string | null;
}

export interface CountryOption {
	iso2: string;
	/** English short name (data/countries.ts). */
	name: string;
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

/** The row in force on the date, preferring the given country's when several countries share a prefix (+1: US, CA). */
function findInForce(
	rows: readonly MarketRow[] | undefined,
	date: string,
	iso2?: string
): MarketRow | undefined {
	const live = rows?.filter((r) => inForce(r, date)) ?? [];
	return live.find((r) => r.iso2 === iso2) ?? live[0];
}

/** Shared calling codes → their main user, which a number of that code is taken to be from. */
const MAIN_USER_OF_SHARED_CODE: Readonly<Record<string, string>> = {
	'1': 'US',
	'7': 'RU',
	'39': 'IT',
	'44': 'GB',
	'47': 'NO',
	'61': 'AU',
	'64': 'NZ',
	'212': 'MA',
	'262': 'RE',
	'358': 'FI',
	'500': 'FK',
	'590': 'GP',
	'599': 'CW',
	'672': 'NF'
};
const countryOfCode = new Map<string, string>(Object.entries(MAIN_USER_OF_SHARED_CODE));
for (const c of COUNTRIES)
	for (const code of c.callingCodes) if (!countryOfCode.has(code)) countryOfCode.set(code, c.iso2);

/**
 * The assigned E.164 country calling code a number starts with (digits only, no "+"), or null.
 * Country codes are prefix-free, so at most one of the 1-, 2- and 3-digit prefixes is assigned.
 */
export function callingCodeOf(digits: string): string | null {
	for (let n = 1; n <= 3 && n <= digits.length; n++) {
		const code = digits.slice(0, n);
		if (ASSIGNED_CALLING_CODES.has(code)) return code;
	}
	return null;
}

/** Digits of a well-formed international number, or null. */
function numberDigits(text: string): string | null {
	if (!NUMBER.test(text)) return null;
	const digits = text.slice(1).replace(/[\s\-()]/g, '');
	if (digits.length < E164_MIN_DIGITS || digits.length > E164_MAX_DIGITS || digits.startsWith('0'))
		return null;
	return digits;
}

/** Country of a +1 number from its area code (digits 2–4); codes not listed as Canadian or non-US are US ones. */
function nanpCountry(digits: string): string {
	const area = digits.slice(1, 4);
	if (CANADIAN_AREA_CODES.has(area)) return 'CA';
	return NON_US_NANP_AREA_CODES.get(area) ?? 'US';
}

/** The market of an ISO country on a date: its own markets.csv rows, else the row of its calling code, else Other. */
function isoMarket(iso2: string, date: string): string {
	const own = findInForce(byIso.get(iso2), date);
	if (own) return own.market;
	// A country Meta does not list shares a calling code with one it does (Jersey +44, Vatican +39,
	// Åland +358): Meta prices by calling code, so it goes where its numbers go. Not +1: the NANP
	// members Meta does not list are Other (see data/nanp.ts).
	for (const code of countryByIso2(iso2)?.callingCodes ?? []) {
		if (code === '1') continue;
		const row = findInForce(byPrefix.get(code), date);
		if (row) return row.market;
	}
	return OTHER_MARKET;
}

/**
 * The market of a recipient on a local date (YYYY-MM-DD, account time zone). The recipient is an
 * ISO 3166-1 alpha-2 code ("ID") or an international number ("+62 812-3456-7"). A number takes the
 * longest calling-code prefix among the rows in force; +1 goes by area code; a country Meta does not
 * list → Other. Throws on a malformed recipient. A well-formed one that validateRecipient refuses
 * (an unassigned code such as "XX" or "+999…") resolves to Other with no country: validation refuses
 * those at the door, and a run saved before that check still replays.
 */
export function resolveMarket(recipient: string, date: string): MarketResolution {
	const text = recipient.trim();
	if (ISO2.test(text)) {
		const iso2 = text.toUpperCase();
		const assigned = countryByIso2(iso2) !== undefined;
		return {
			market: assigned ? isoMarket(iso2, date) : OTHER_MARKET,
			iso2: assigned ? iso2 : null,
			isUnitedStates: iso2 === 'US',
			matchedPrefix: null
		};
	}
	const digits = numberDigits(text);
	if (digits === null) throw new Error(validateRecipient(text) ?? `not a recipient: "${recipient}"`);
	const nanp = digits.startsWith('1') ? nanpCountry(digits) : null;
	const isUnitedStates = nanp === 'US';
	for (let n = Math.min(longestPrefix, digits.length); n >= 1; n--) {
		const prefix = digits.slice(0, n);
		const row = findInForce(byPrefix.get(prefix), date, nanp ?? undefined);
		if (!row) continue;
		if (prefix === '1' && nanp !== 'US' && nanp !== 'CA') {
			// "+1" alone is North America only for the US and Canada: other NANP members are not in
			// Meta's list, so Other (the area codes Meta lists have their own 4-digit rows above).
			return { market: OTHER_MARKET, iso2: nanp, isUnitedStates, matchedPrefix: digits.slice(0, 4) };
		}
		const iso2 = prefix === '1' ? (nanp as string) : row.iso2;
		return { market: row.market, iso2, isUnitedStates, matchedPrefix: prefix };
	}
	const code = callingCodeOf(digits);
	return {
		market: OTHER_MARKET,
		iso2: code === null ? null : (countryOfCode.get(code) ?? null),
		isUnitedStates,
		matchedPrefix: code
	};
}

/** null when the text is an assigned ISO 3166-1 alpha-2 code (either case), else why not. */
export function iso2Error(text: string): string | null {
	const code = text.trim().toUpperCase();
	if (countryByIso2(code)) return null;
	const hint = RESERVED_ISO2_HINTS.get(code);
	if (hint) return `${code} is not an ISO 3166-1 country code: did you mean ${hint}?`;
	if (code === 'XK')
		return 'XK (Kosovo) is not an ISO 3166-1 country code: give the number instead (+383 …).';
	return `${code} is not an assigned ISO 3166-1 country code.`;
}

/** null when the text is a usable recipient, else a one-line message saying what is wrong. */
export function validateRecipient(text: string): string | null {
	const t = text.trim();
	if (t === '') return 'Enter a country code (e.g. ID) or an international number (e.g. +6281234567).';
	if (ISO2.test(t)) return iso2Error(t);
	if (/^[\d\s\-()]+$/.test(t))
		return 'Start the number with + and the country calling code, e.g. +6281234567.';
	if (!t.startsWith('+') && /^[A-Za-z]+$/.test(t))
		return `"${t}" is not a two-letter country code (e.g. ID, US).`;
	if (!NUMBER.test(t)) return 'A number is + followed by digits; only spaces and dashes may separate them.';
	const digits = t.slice(1).replace(/[\s\-()]/g, '');
	if (digits.startsWith('0')) return 'A country calling code never starts with 0.';
	if (callingCodeOf(digits) === null)
		return `calling code ${digits.slice(0, 3)} is not assigned (ITU-T E.164): no phone number starts with +${digits.slice(0, 3)}.`;
	if (digits.length < E164_MIN_DIGITS)
		return `Too short: ${digits.length} digits, an international number has at least ${E164_MIN_DIGITS}.`;
	if (digits.length > E164_MAX_DIGITS)
		return `Too long: ${digits.length} digits, E.164 allows at most ${E164_MAX_DIGITS}.`;
	return null;
}

/** Every assigned ISO 3166-1 country with its market on the date, for a picker, sorted by English name. */
export function countryOptions(date: string): CountryOption[] {
	return COUNTRIES.map((c) => ({ iso2: c.iso2, name: c.name, market: isoMarket(c.iso2, date) })).sort(
		(a, b) => a.name.localeCompare(b.name, 'en')
	);
}

/** English name of an assigned ISO code ("EE" → "Estonia"), or null. */
export const countryNameOf = (iso2: string): string | null => countryByIso2(iso2.toUpperCase())?.name ?? null;

/** What a calling code that is not a country's stands for (+800 → "International Freephone"), or null. */
export const nonCountryCallingCode = (code: string): string | null =>
	NON_COUNTRY_CALLING_CODES.get(code) ?? null;
