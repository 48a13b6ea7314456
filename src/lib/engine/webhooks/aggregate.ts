/**
 * The analytics page's sums (pure): usage rows from every switched-on source, filtered by business
 * phone number and date range, summed per day, ISO week or month and category.
 */
import type { Micros } from '$lib/domain/units';
import { CREDIT_CATEGORIES, type CreditCategory, type UsageRow } from './usage';

export type Grain = 'day' | 'week' | 'month';

export interface UsageSource {
	id: string;
	rows: readonly UsageRow[];
}

export interface Filter {
	/** Only rows of this business phone number id; null for all. Rows naming none are dropped by a phone filter. */
	phone: string | null;
	/** Inclusive local dates (YYYY-MM-DD); null for open-ended. */
	from: string | null;
	to: string | null;
}

export interface CategoryTotals {
	charged: number;
	free: number;
	cost: Micros;
	/** null when no source in the bucket carries billing (only runs). */
	billed: number | null;
	billedCost: Micros | null;
}

export interface Bucket {
	/** The bucket's key: YYYY-MM-DD (day), YYYY-Www (ISO week) or YYYY-MM (month). */
	key: string;
	byCategory: Record<CreditCategory, CategoryTotals>;
	cost: Micros;
	billedCost: Micros | null;
}

/** ISO 8601 week of a calendar date, as YYYY-Www. */
export function isoWeek(day: string): string {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const t = new Date(Date.UTC(y, m - 1, d));
	const dow = (t.getUTCDay() + 6) % 7; // Monday 0
	t.setUTCDate(t.getUTCDate() - dow + 3); // the week's Thursday
	const year = t.getUTCFullYear();
	const week = Math.floor((t.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 / 7) + 1;
	return `${year}-W${String(week).padStart(2, '0')}`;
}

export const bucketKey = (day: string, grain: Grain): string =>
	grain === 'day' ? day : grain === 'month' ? day.slice(0, 7) : isoWeek(day);

const emptyTotals = (): CategoryTotals => ({
	charged: 0,
	free: 0,
	cost: 0 as Micros,
	billed: null,
	billedCost: null
});

export function rowsIn(sources: readonly UsageSource[], filter: Filter): UsageRow[] {
	const out: UsageRow[] = [];
	for (const s of sources)
		for (const r of s.rows) {
			if (filter.phone !== null && r.phone !== filter.phone) continue;
			if (filter.from !== null && r.day < filter.from) continue;
			if (filter.to !== null && r.day > filter.to) continue;
			out.push(r);
		}
	return out;
}

/** Rows summed per bucket and category, buckets in time order. */
export function aggregate(sources: readonly UsageSource[], filter: Filter, grain: Grain): Bucket[] {
	const buckets = new Map<string, Bucket>();
	for (const r of rowsIn(sources, filter)) {
		const key = bucketKey(r.day, grain);
		let b = buckets.get(key);
		if (!b) {
			b = {
				key,
				byCategory: Object.fromEntries(
					CREDIT_CATEGORIES.map((c) => [c, emptyTotals()])
				) as Bucket['byCategory'],
				cost: 0 as Micros,
				billedCost: null
			};
			buckets.set(key, b);
		}
		const t = b.byCategory[r.category];
		t.charged += r.charged;
		t.free += r.free;
		t.cost = (t.cost + r.cost) as Micros;
		b.cost = (b.cost + r.cost) as Micros;
		if (r.billed !== null) {
			t.billed = (t.billed ?? 0) + r.billed;
			t.billedCost = ((t.billedCost ?? 0) + (r.billedCost ?? 0)) as Micros;
			b.billedCost = ((b.billedCost ?? 0) + (r.billedCost ?? 0)) as Micros;
		}
	}
	return [...buckets.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** "Credits": messages per month and category, charged and free. */
export const creditsByMonth = (sources: readonly UsageSource[], filter: Filter): Bucket[] =>
	aggregate(sources, filter, 'month');

/** Business phone numbers named by any source, sorted. */
export function phonesOf(sources: readonly UsageSource[]): string[] {
	const set = new Set<string>();
	for (const s of sources) for (const r of s.rows) if (r.phone) set.add(r.phone);
	return [...set].sort();
}

/** First and last day with usage, or null. */
export function dayRange(sources: readonly UsageSource[]): { from: string; to: string } | null {
	let from: string | null = null;
	let to: string | null = null;
	for (const s of sources)
		for (const r of s.rows) {
			if (from === null || r.day < from) from = r.day;
			if (to === null || r.day > to) to = r.day;
		}
	return from && to ? { from, to } : null;
}
