/**
 * Instants and the business account's time zone. Meta keys every price change, free-tier reset and
 * tier reset to "12am WhatsApp Business Account time zone" (pricing-rules.md §6.12), so the engine
 * needs the local calendar date of an instant in that zone.
 */
import { asEpochMs, type EpochMs } from './units';

/** ISO 8601 with an explicit offset (Z or ±hh:mm): the scenario format demands instants, not local times. */
const ISO_WITH_OFFSET =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why year-month-day is not a calendar date, or null. Date.parse would roll 2025-02-30 into March
 * and 2025-06-31 into July (and so into another month, rate card or regime): refuse instead.
 */
function calendarDateError(y: number, m: number, d: number, text: string): string | null {
	if (m < 1 || m > 12) return `${text} is not a date: there is no month ${m}`;
	if (d < 1 || d > daysInMonth(y, m))
		return `${text} is not a date: ${MONTHS[m - 1]} ${y} has ${daysInMonth(y, m)} days`;
	return null;
}

/** null when the text is a real calendar date "YYYY-MM-DD", else why not. */
export function dateError(text: string): string | null {
	const m = ISO_DATE.exec(text);
	if (!m) return 'must be a date YYYY-MM-DD';
	const [y, mo, d] = m.slice(1).map(Number) as [number, number, number];
	return calendarDateError(y, mo, d, text);
}

export const isCalendarDate = (text: string): boolean => dateError(text) === null;

/**
 * The instant an ISO 8601 text with an offset names, or why it names none: a real date and time of
 * day only (2025-02-30, 24:61 and the like are refused, never rolled over). Computed from the parts,
 * not Date.parse, so the check and the parse are one pass (replays parse every event).
 */
/**
 * Instants are accepted from 2000 to 2100: WhatsApp pricing has no earlier history, and far dates
 * (9999-12-31, a year typed 0050) only break the calendar arithmetic downstream.
 */
export const SUPPORTED_YEARS = { from: 2000, to: 2100 } as const;

/** Two ASCII digits at `i` as a number, or -1. */
function digits2(text: string, i: number): number {
	const a = text.charCodeAt(i) - 48;
	const b = text.charCodeAt(i + 1) - 48;
	return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * The form the app writes, `YYYY-MM-DDTHH:MM:SS[.sss]Z` (toISOString's), read digit by digit: a
 * 100,000-event run is parsed on every open and every edit, and the regular expression below costs
 * ~10× more. Null for any other text or any value out of range: the general path then decides, and
 * words the error. A property test keeps the two paths in agreement.
 */
function readCanonicalUtc(text: string): number | null {
	const n = text.length;
	if (n !== 20 && n !== 24) return null;
	if (text[4] !== '-' || text[7] !== '-' || text[10] !== 'T' || text[13] !== ':' || text[16] !== ':')
		return null;
	if (text[n - 1] !== 'Z' || (n === 24 && text[19] !== '.')) return null;
	const c = digits2(text, 0);
	const yy = digits2(text, 2);
	const mo = digits2(text, 5);
	const d = digits2(text, 8);
	const h = digits2(text, 11);
	const mi = digits2(text, 14);
	const sec = digits2(text, 17);
	const msHi = n === 24 ? digits2(text, 20) : 0;
	const msLo = n === 24 ? text.charCodeAt(22) - 48 : 0;
	if (c < 0 || yy < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || sec < 0 || msHi < 0) return null;
	if (msLo < 0 || msLo > 9) return null;
	const y = c * 100 + yy;
	if (y < SUPPORTED_YEARS.from || y > SUPPORTED_YEARS.to || mo < 1 || mo > 12) return null;
	if (d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || sec > 59) return null;
	return Date.UTC(y, mo - 1, d, h, mi, sec, msHi * 10 + msLo);
}

function readInstant(text: string): number | string {
	const canonical = readCanonicalUtc(text);
	if (canonical !== null) return canonical;
	const m = ISO_WITH_OFFSET.exec(text);
	if (!m) return 'must be an ISO 8601 instant with an offset, e.g. 2023-09-12T12:00:00+07:00';
	const y = +(m[1] as string);
	const mo = +(m[2] as string);
	const d = +(m[3] as string);
	const h = +(m[4] as string);
	const mi = +(m[5] as string);
	const sec = m[6] === undefined ? 0 : +m[6];
	if (y < SUPPORTED_YEARS.from || y > SUPPORTED_YEARS.to)
		return `${text.slice(0, 10)} is outside the supported range, ${SUPPORTED_YEARS.from}-01-01 to ${SUPPORTED_YEARS.to}-12-31`;
	if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo))
		return calendarDateError(y, mo, d, text.slice(0, 10)) as string;
	// 24:00 (ISO 8601's "end of day") is refused too: it is the next day's 00:00, written in a way
	// that changes the date a reader sees.
	if (h > 23 || mi > 59 || sec > 59)
		return `${text.slice(11, m[6] === undefined ? 16 : 19)} is not a time of day (00:00 to 23:59:59)`;
	let offsetMin = 0;
	if (m[8] !== undefined) {
		const oh = +(m[9] as string);
		const om = +(m[10] as string);
		if (oh > 23 || om > 59) return `${text.slice(text.length - 6)} is not a UTC offset`;
		offsetMin = (m[8] === '-' ? -1 : 1) * (oh * 60 + om);
	}
	const ms = m[7] === undefined ? 0 : +m[7].padEnd(3, '0');
	const wall = new Date(0);
	wall.setUTCFullYear(y, mo - 1, d); // not Date.UTC: it reads years 0–99 as 1900–1999
	wall.setUTCHours(h, mi, sec, ms);
	return wall.getTime() - offsetMin * 60_000;
}

/**
 * null when the text is an ISO 8601 instant with an offset naming a real date and time of day, else
 * why not (one line, starting in lower case so it reads after a field name).
 */
export function instantError(text: string): string | null {
	const r = readInstant(text);
	return typeof r === 'string' ? r : null;
}

export function parseInstant(text: string): EpochMs | null {
	const r = readInstant(text);
	return typeof r === 'number' ? asEpochMs(r) : null;
}

export const formatInstantUtc = (t: EpochMs): string => new Date(t).toISOString();

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

export function isValidTimeZone(timeZone: string): boolean {
	try {
		partsFormatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

export interface ZonedParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** en-US with the options above, as `format` writes it: month/day/year, hour:minute:second. */
const FORMATTED = /^(\d{2})\/(\d{2})\/(\d{4}), (\d{2}):(\d{2}):(\d{2})$/;

/**
 * Parts straight from Intl: the slow, authoritative path (a few microseconds a call). `format` and
 * its digits cost a third of `formatToParts` (measured in Node 20: 3.5 against 12 µs); a string of
 * another shape (a year before 1000, an engine that writes it otherwise) is read by the parts.
 */
function intlParts(t: number, timeZone: string): ZonedParts {
	const formatter = partsFormatter(timeZone);
	const m = FORMATTED.exec(formatter.format(t));
	if (m) return { year: +m[3]!, month: +m[1]!, day: +m[2]!, hour: +m[4]!, minute: +m[5]!, second: +m[6]! };
	const out: Record<string, number> = {};
	for (const p of formatter.formatToParts(new Date(t))) {
		if (p.type !== 'literal') out[p.type] = Number(p.value);
	}
	return {
		year: out.year ?? 0,
		month: out.month ?? 0,
		day: out.day ?? 0,
		hour: out.hour ?? 0,
		minute: out.minute ?? 0,
		second: out.second ?? 0
	};
}

/**
 * Zone offsets only change on quarter-hour boundaries (every zone in use today has offsets and
 * transitions on whole quarter hours), so the offset is asked of Intl once per quarter hour and
 * cached; replays format thousands of instants and this keeps them off the slow path.
 * A second cache per UTC day: a day that starts with the same offset as the next day has it
 * throughout (a zone changes its offset at most once a day; transitions are months apart), so a
 * run spread over years asks Intl about once a day (each day's start serves the day before it too)
 * instead of once per quarter hour it touches (a 100,000-event run over four years: ~1,500 calls).
 */
const QUARTER_HOUR = 900_000;
const DAY_MS = 86_400_000;
const offsetCaches = new Map<string, { quarters: Map<number, number>; days: Map<number, number> }>();
function quarterOffset(bucket: number, timeZone: string, quarters: Map<number, number>): number {
	let offset = quarters.get(bucket);
	if (offset === undefined) {
		const start = bucket * QUARTER_HOUR;
		const p = intlParts(start, timeZone);
		offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
		if (quarters.size > 100_000) quarters.clear();
		quarters.set(bucket, offset);
	}
	return offset;
}
function cachedOffset(t: number, timeZone: string): number {
	let cache = offsetCaches.get(timeZone);
	if (!cache) {
		cache = { quarters: new Map(), days: new Map() };
		offsetCaches.set(timeZone, cache);
	}
	const day = Math.floor(t / DAY_MS);
	let offset = cache.days.get(day);
	if (offset === undefined) {
		const first = (day * DAY_MS) / QUARTER_HOUR;
		const a = quarterOffset(first, timeZone, cache.quarters);
		const b = quarterOffset(first + DAY_MS / QUARTER_HOUR, timeZone, cache.quarters);
		// NaN: the offset changes that day; each quarter hour is then read on its own.
		offset = a === b ? a : NaN;
		if (cache.days.size > 100_000) cache.days.clear();
		cache.days.set(day, offset);
	}
	return Number.isNaN(offset)
		? quarterOffset(Math.floor(t / QUARTER_HOUR), timeZone, cache.quarters)
		: offset;
}

export function zonedParts(t: EpochMs, timeZone: string): ZonedParts {
	const d = new Date(t + cachedOffset(t, timeZone));
	return {
		year: d.getUTCFullYear(),
		month: d.getUTCMonth() + 1,
		day: d.getUTCDate(),
		hour: d.getUTCHours(),
		minute: d.getUTCMinutes(),
		second: d.getUTCSeconds()
	};
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The calendar date "YYYY-MM-DD" of an instant in a zone; ISO dates compare correctly as strings. */
export function localDate(t: EpochMs, timeZone: string): string {
	const p = zonedParts(t, timeZone);
	return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** "YYYY-MM": free tiers and volume tiers reset at the start of each month in the account's zone. */
export const localMonth = (t: EpochMs, timeZone: string): string => localDate(t, timeZone).slice(0, 7);

/** Offset of the zone from UTC at instant t, in ms (positive east of Greenwich). */
export function zoneOffsetMs(t: EpochMs, timeZone: string): number {
	return cachedOffset(t, timeZone);
}

/** The instant of local midnight starting `date` ("YYYY-MM-DD") in the zone. */
export function startOfLocalDate(date: string, timeZone: string): EpochMs {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	const guess = Date.UTC(y, m - 1, d);
	// Two passes settle DST transitions: the offset at the guess may differ from the one at the answer.
	let t = guess - zoneOffsetMs(asEpochMs(guess), timeZone);
	t = guess - zoneOffsetMs(asEpochMs(t), timeZone);
	return asEpochMs(t);
}

/** A calendar date (YYYY-MM-DD) moved by whole days, from the digits (no zone can shift it). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
