/**
 * Instants and the business account's time zone. Meta keys every price change, free-tier reset and
 * tier reset to "12am WhatsApp Business Account time zone" (pricing-rules.md §6.12), so the engine
 * needs the local calendar date of an instant in that zone.
 */
import { asEpochMs, type EpochMs } from './units';

/** ISO 8601 with an explicit offset (Z or ±hh:mm): the scenario format demands instants, not local times. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export function parseInstant(text: string): EpochMs | null {
	if (!ISO_WITH_OFFSET.test(text)) return null;
	const ms = Date.parse(text);
	return Number.isFinite(ms) ? asEpochMs(ms) : null;
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

/** Parts straight from Intl: the slow, authoritative path (about a microsecond per call). */
function intlParts(t: number, timeZone: string): ZonedParts {
	const out: Record<string, number> = {};
	for (const p of partsFormatter(timeZone).formatToParts(new Date(t))) {
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
 */
const QUARTER_HOUR = 900_000;
const offsetCaches = new Map<string, Map<number, number>>();
function cachedOffset(t: number, timeZone: string): number {
	let cache = offsetCaches.get(timeZone);
	if (!cache) {
		cache = new Map();
		offsetCaches.set(timeZone, cache);
	}
	const bucket = Math.floor(t / QUARTER_HOUR);
	let offset = cache.get(bucket);
	if (offset === undefined) {
		const start = bucket * QUARTER_HOUR;
		const p = intlParts(start, timeZone);
		offset = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - start;
		if (cache.size > 100_000) cache.clear();
		cache.set(bucket, offset);
	}
	return offset;
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
