/**
 * Axis ticks in the scenario's time zone. d3's time intervals use the machine's zone, so a viewer in
 * Berlin would see a Jakarta scenario's midnight at 19:00; these ticks are aligned to the zone's own
 * wall clock (DST included) using only Intl, via `zonedParts`.
 */
import { MONTHS, pad2, WEEKDAYS } from '$lib/domain/format';
import { zonedParts, zoneOffsetMs } from '$lib/domain/time';
import { asEpochMs, DAY, MINUTE, type EpochMs } from '$lib/domain/units';
import type { Domain } from './scale';

export interface TickInterval {
	name: string;
	/** Nominal length, used to pick the interval for the zoom level. */
	ms: number;
	unit: 'minute' | 'day' | 'week' | 'month';
	/** Minutes (dividing a day) for 'minute'; days, weeks or months otherwise. */
	step: number;
}

export interface Tick {
	t: EpochMs;
	label: string;
	/** Local midnight (or a day/week tick): drawn stronger. */
	major: boolean;
}

const m = (step: number, name: string): TickInterval => ({ name, ms: step * MINUTE, unit: 'minute', step });
export const TICK_INTERVALS: readonly TickInterval[] = [
	m(1, '1 min'),
	m(5, '5 min'),
	m(15, '15 min'),
	m(30, '30 min'),
	m(60, '1 h'),
	m(180, '3 h'),
	m(360, '6 h'),
	m(720, '12 h'),
	{ name: '1 d', ms: DAY, unit: 'day', step: 1 },
	{ name: '1 w', ms: 7 * DAY, unit: 'week', step: 1 },
	{ name: '2 w', ms: 14 * DAY, unit: 'week', step: 2 },
	{ name: '1 mo', ms: 30.4 * DAY, unit: 'month', step: 1 },
	{ name: '3 mo', ms: 91 * DAY, unit: 'month', step: 3 },
	{ name: '1 y', ms: 365 * DAY, unit: 'month', step: 12 }
];

/** Room for the widest label, "Tue 12 Sep" in bold at the axis font size, plus a gap. */
export const MIN_TICK_SPACING_PX = 84;

export function pickInterval(span: number, widthPx: number, minSpacing = MIN_TICK_SPACING_PX): TickInterval {
	const msPerPx = span / Math.max(1, widthPx);
	return TICK_INTERVALS.find((i) => i.ms / msPerPx >= minSpacing) ?? (TICK_INTERVALS.at(-1) as TickInterval);
}

export function zonedTicks(
	domain: Domain,
	widthPx: number,
	timeZone: string
): { interval: TickInterval; ticks: Tick[] } {
	const interval = pickInterval(domain[1] - domain[0], widthPx);
	const ticks =
		interval.unit === 'minute'
			? minuteTicks(domain, interval.step, timeZone)
			: interval.unit === 'month'
				? monthTicks(domain, interval.step, timeZone)
				: dayTicks(domain, interval, timeZone);
	return { interval, ticks };
}

/** "Tue 12 Sep" for a civil date (UTC fields of a date-only timestamp). */
export function dayLabel(y: number, mo: number, d: number): string {
	const wd = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
	return `${WEEKDAYS[wd] ?? ''} ${d} ${MONTHS[mo - 1] ?? ''}`;
}

/** The local wall clock at t as a fake-UTC timestamp (Date.UTC of the local fields), with its parts. */
function wallOf(t: number, tz: string) {
	const p = zonedParts(asEpochMs(t), tz);
	return { p, wall: Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) };
}

/** The first instant ≥ t whose local wall clock sits on a multiple of `step` minutes. */
function alignUp(t: number, step: number, tz: string): number {
	let c = Math.ceil(t / MINUTE) * MINUTE;
	for (let k = 0; k < 4; k++) {
		const rem = wallOf(c, tz).wall % (step * MINUTE);
		if (rem === 0) return c;
		c += step * MINUTE - rem;
	}
	return c;
}

/**
 * Wall time (fake-UTC) → instant. Of the zone's offsets a day either side, the earliest instant that
 * shows this wall time wins (a repeated hour's first pass); a wall time inside a DST gap maps to
 * where the clock resumes, so a day whose midnight was skipped starts at 01:00.
 */
export function wallToInstant(wall: number, tz: string): number {
	const before = wall - zoneOffsetMs(asEpochMs(wall - DAY), tz);
	const after = wall - zoneOffsetMs(asEpochMs(wall + DAY), tz);
	const [lo, hi] = before < after ? [before, after] : [after, before];
	if (wallOf(lo, tz).wall === wall) return lo;
	if (wallOf(hi, tz).wall === wall) return hi;
	return before;
}

function minuteTicks([a, b]: Domain, step: number, tz: string): Tick[] {
	const out: Tick[] = [];
	const stepMs = step * MINUTE;
	let c = alignUp(a, step, tz);
	let { p, wall } = wallOf(c, tz);
	let prevDay = -1;
	for (let guard = 0; c <= b && guard < 2000; guard++) {
		// A new day is major even where its midnight does not exist (a DST gap at 00:00, as in São Paulo before 2019).
		const major = wall % DAY === 0 || (prevDay !== -1 && p.day !== prevDay);
		prevDay = p.day;
		out.push({
			t: asEpochMs(c),
			major,
			label: major ? dayLabel(p.year, p.month, p.day) : `${pad2(p.hour)}:${pad2(p.minute)}`
		});
		const next = wallOf(c + stepMs, tz);
		if (next.wall % stepMs === 0 && next.wall <= wall + stepMs) {
			// The usual case, and a repeated hour after a fall-back: the absolute step stays on the grid.
			c += stepMs;
			({ p, wall } = next);
		} else {
			// Across a DST change the absolute step lands off the grid (00:00 + 3 h = 04:00 EDT): follow the wall clock.
			wall += stepMs;
			c = Math.max(c + MINUTE, wallToInstant(wall, tz));
			p = wallOf(c, tz).p;
		}
	}
	return out;
}

/** First instant of a civil day in the zone. */
const localDayStart = (y: number, mo: number, d: number, tz: string): number =>
	wallToInstant(Date.UTC(y, mo - 1, d), tz);

function dayTicks([a, b]: Domain, interval: TickInterval, tz: string): Tick[] {
	const out: Tick[] = [];
	const first = zonedParts(asEpochMs(a), tz);
	let civil = Date.UTC(first.year, first.month - 1, first.day);
	if (interval.unit === 'week') {
		// Weeks start on Monday; 2- and 4-week ticks keep every Monday whose week number since 1970 divides.
		civil -= ((new Date(civil).getUTCDay() + 6) % 7) * DAY;
	}
	const daysPerStep = interval.unit === 'week' ? 7 : interval.step;
	for (let guard = 0; guard < 400; guard++, civil += daysPerStep * DAY) {
		const d = new Date(civil);
		const t = localDayStart(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), tz);
		if (t > b) break;
		if (t < a) continue;
		// 1970-01-05 was a Monday: week numbers counted from it line the k-week ticks up across views.
		if (
			interval.unit === 'week' &&
			Math.round((civil - Date.UTC(1970, 0, 5)) / (7 * DAY)) % interval.step !== 0
		)
			continue;
		out.push({
			t: asEpochMs(t),
			major: true,
			label: dayLabel(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())
		});
	}
	return out;
}

/** Ticks on the 1st of every `step`-th month (Jan, Apr, Jul, Oct for quarters); a yearly tick is the year. */
function monthTicks([a, b]: Domain, step: number, tz: string): Tick[] {
	const out: Tick[] = [];
	const first = zonedParts(asEpochMs(a), tz);
	for (let k = first.year * 12 + first.month - 1, guard = 0; guard < 600; k++, guard++) {
		const y = Math.floor(k / 12);
		const mo = (k % 12) + 1;
		const t = localDayStart(y, mo, 1, tz);
		if (t > b) break;
		if (t < a || k % step !== 0) continue;
		out.push({
			t: asEpochMs(t),
			major: true,
			label: step === 12 ? String(y) : `${MONTHS[mo - 1] ?? ''} ${y}`
		});
	}
	return out;
}
