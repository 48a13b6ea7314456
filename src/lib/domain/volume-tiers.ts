/**
 * Volume tiers (pricing-rules.md §2.4; rate-cards/README.md "Volume tiers"): under per-message
 * pricing, utility, authentication and authentication-international messages are priced by how many
 * of that category were already charged this month in the market. Marginal: each tier's rate applies
 * only to the messages that fall inside it. The tables are Meta's own where known (USD 2026-04-01 and
 * 2026-10-01), derived or partial elsewhere; a count that falls outside every known tier, or a date
 * with no table, is "tier unknown" and priced at the list rate as an upper bound.
 */
import { TIER_TABLES } from './data/volume-tiers.generated';
import type { TierCategory, TierRow, TierTableData } from './data-types';
import { parseDecimalMicros, type Micros } from './units';

export type { TierCategory, TierRow, TierTableData } from './data-types';

export const TIER_CATEGORIES: readonly TierCategory[] = [
	'utility',
	'authentication',
	'authentication_international'
];
export const isTierCategory = (c: string): c is TierCategory =>
	(TIER_CATEGORIES as readonly string[]).includes(c);

export { TIER_TABLES };

/** One tier of a table, numbered from 1, with its rate parsed. */
export interface Tier {
	number: number;
	from: number;
	to: number | null;
	rate: Micros;
	confidence: TierRow['confidence'];
	source: string;
}

/** The tiers of one market and category in one table, in count order. */
export interface TierSchedule {
	tableId: string;
	effectiveFrom: string;
	currency: string;
	market: string;
	category: TierCategory;
	tiers: Tier[];
}

const schedules = new WeakMap<readonly TierTableData[], Map<string, TierSchedule[]>>();

function index(tables: readonly TierTableData[]): Map<string, TierSchedule[]> {
	let map = schedules.get(tables);
	if (map) return map;
	map = new Map();
	const sorted = [...tables].sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
	for (const table of sorted) {
		const groups = new Map<string, TierRow[]>();
		for (const row of table.rows) {
			const k = `${row.market}|${row.category}`;
			groups.set(k, [...(groups.get(k) ?? []), row]);
		}
		for (const [k, rows] of groups) {
			const ordered = [...rows].sort((a, b) => a.from - b.from);
			const schedule: TierSchedule = {
				tableId: table.id,
				effectiveFrom: table.effectiveFrom,
				currency: table.currency,
				market: ordered[0]!.market,
				category: ordered[0]!.category,
				tiers: ordered.map((r, i) => ({
					number: i + 1,
					from: r.from,
					to: r.to,
					rate: parseDecimalMicros(r.rate),
					confidence: r.confidence,
					source: r.source
				}))
			};
			const key = `${table.currency}|${k}`;
			map.set(key, [...(map.get(key) ?? []), schedule]);
		}
	}
	schedules.set(tables, map);
	return map;
}

/** Newest tier table date of the currency in force on `date`, or null (before any table). */
function newestTableDate(tables: readonly TierTableData[], currency: string, date: string): string | null {
	let best: string | null = null;
	for (const t of tables)
		if (t.currency === currency && t.effectiveFrom <= date && (best === null || t.effectiveFrom > best))
			best = t.effectiveFrom;
	return best;
}

/**
 * The tier schedule in force for a market and category on a local date, from the newest table of the
 * currency in force that date. null when no table is in force, or the newest one lacks the pair (a
 * missing row means "not known", as on the rate cards; an older table is not carried forward).
 */
export function tierScheduleOn(
	market: string,
	category: TierCategory,
	date: string,
	currency = 'USD',
	tables: readonly TierTableData[] = TIER_TABLES
): TierSchedule | null {
	const newest = newestTableDate(tables, currency, date);
	if (newest === null) return null;
	const list = index(tables).get(`${currency}|${market}|${category}`);
	return list?.find((s) => s.effectiveFrom === newest) ?? null;
}

/** The tier that the `n`-th charged message of the month (1-based) falls in, or null in a gap of a partial table. */
export function tierOf(schedule: TierSchedule, n: number): Tier | null {
	for (const tier of schedule.tiers) if (n >= tier.from && (tier.to === null || n <= tier.to)) return tier;
	return null;
}

/** Currencies that have at least one tier table. */
export const tierCurrencies = (tables: readonly TierTableData[] = TIER_TABLES): string[] =>
	[...new Set(tables.map((t) => t.currency))].sort();

/** "1st", "2nd", "100,001st": the ordinal of a count, as the reasons say it. */
export function ordinal(n: number): string {
	const s = n.toLocaleString('en-US');
	const mod100 = n % 100;
	if (mod100 >= 11 && mod100 <= 13) return `${s}th`;
	return `${s}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** "the 100,001st–1,000,000th" or "the 30,000,001st and later": a tier's range in words. */
export const tierRange = (tier: Pick<Tier, 'from' | 'to'>): string =>
	tier.to === null
		? `the ${ordinal(Math.max(1, tier.from))} and later`
		: `the ${ordinal(Math.max(1, tier.from))}–${ordinal(tier.to)}`;
