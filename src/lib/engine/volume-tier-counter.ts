/**
 * Volume tiers at run time (pricing-rules.md §2.4, issue "Every rate card…" point 2): the month's
 * charged utility, authentication and authentication-international messages are counted per market
 * and category, from the account's `charged_this_month` in the scenario's first month, reset at 12am
 * on the 1st in the account's zone; each charge takes the rate of the tier its count falls in
 * (marginal). Per-message pricing only: conversations and service and marketing messages have no
 * tiers. Each engine run owns one counter, so the machines and the kernel count alike.
 */
import type { RateCategory, RateLookup } from '$lib/domain/rate-card';
import type { Regime } from '$lib/domain/regimes';
import type { TierCounts } from '$lib/domain/scenario';
import {
	TIER_CATEGORIES,
	tierOf,
	tierScheduleOn,
	type TierCategory,
	type TierSchedule
} from '$lib/domain/volume-tiers';
import type { DayInfo, PricingContext } from './pricing-context';

/** What a tiered charge records: the tier it fell in, or why the tier is not known. */
export type TierDecision =
	| {
			known: true;
			market: string;
			category: TierCategory;
			/** This message's place in the month's count (1-based). */
			count: number;
			tableId: string;
			number: number;
			from: number;
			to: number | null;
			confidence: string;
			source: string;
	  }
	| {
			known: false;
			market: string;
			category: TierCategory;
			count: number;
			/** no-table: no tier table of the currency for the date; no-row: the table lacks the pair; gap: a partial table skips this count. */
			why: 'no-table' | 'no-row' | 'gap' | 'custom-card';
	  };

export interface TieredCharge {
	lookup: RateLookup;
	tier: TierDecision | null;
}

/** A schedule, or why there is none (computed once per day and category). */
type ScheduleFound = { schedule: TierSchedule } | { schedule: null; why: 'no-table' | 'no-row' };

export class VolumeTierCounter {
	private month = '';
	/** This month's counts per market, one slot per tier category (TIER_CATEGORIES order). */
	private counts = new Map<string, number[]>();
	private schedules = new WeakMap<DayInfo, (ScheduleFound | undefined)[]>();
	/** Returned by `charge` and refilled by the next call: callers read it at once. */
	private readonly out: TieredCharge = { lookup: { ok: false, reason: '' }, tier: null };

	constructor(
		private readonly ctx: Pick<PricingContext, 'chargedThisMonth' | 'customCard' | 'currency'>,
		/** Month (YYYY-MM) of the scenario's first event: where `charged_this_month` applies. */
		private readonly firstMonth: string | null,
		/** The scenario's market on its first day: what the flat `charged_this_month` counts belong to. */
		private readonly homeMarket: string | null
	) {}

	/** A counter with this one's counts, counting on its own (a replay resumed from a checkpoint). */
	clone(): VolumeTierCounter {
		const copy = new VolumeTierCounter(this.ctx, this.firstMonth, this.homeMarket);
		copy.month = this.month;
		for (const [market, slots] of this.counts) copy.counts.set(market, slots.slice());
		copy.schedules = this.schedules;
		return copy;
	}

	private scheduleFor(day: DayInfo, slot: number, category: TierCategory): ScheduleFound {
		let found = this.schedules.get(day);
		if (!found) this.schedules.set(day, (found = []));
		let s = found[slot];
		if (s === undefined) {
			const schedule = tierScheduleOn(day.market.market, category, day.date, this.ctx.currency);
			s = schedule
				? { schedule }
				: { schedule: null, why: day.hasTierTable(this.ctx.currency) ? 'no-row' : 'no-table' };
			found[slot] = s;
		}
		return s;
	}

	private start(market: string, category: TierCategory): number {
		const counts: TierCounts | undefined = this.ctx.chargedThisMonth;
		if (this.month !== (counts?.month ?? this.firstMonth)) return 0;
		const own = counts?.by_market?.[market]?.[category];
		if (own !== undefined) return own;
		return market === this.homeMarket ? (counts?.[category] ?? 0) : 0;
	}

	/**
	 * Counts one charged message of `category` and prices it: the tier rate where the tier is known,
	 * else the list rate (`lookup`), flagged as an upper bound. The answer object is reused by the
	 * next call.
	 */
	charge(day: DayInfo, category: RateCategory, regime: Regime, lookup: RateLookup): TieredCharge {
		const out = this.out;
		out.lookup = lookup;
		out.tier = null;
		const slot = regime.model === 'PMP' ? TIER_CATEGORIES.indexOf(category as TierCategory) : -1;
		if (slot < 0) return out;
		const tierCategory = category as TierCategory;
		if (day.month !== this.month) {
			this.month = day.month;
			this.counts.clear();
		}
		const market = day.market.market;
		let slots = this.counts.get(market);
		if (!slots) this.counts.set(market, (slots = [-1, -1, -1]));
		const before = slots[slot] as number;
		const count = (before < 0 ? this.start(market, tierCategory) : before) + 1;
		slots[slot] = count;
		if (lookup.ok && this.ctx.customCard && lookup.cardId === this.ctx.customCard.id) {
			out.tier = { known: false, market, category: tierCategory, count, why: 'custom-card' };
			return out;
		}
		const found = this.scheduleFor(day, slot, tierCategory);
		if (!found.schedule) {
			out.tier = { known: false, market, category: tierCategory, count, why: found.why };
			return out;
		}
		const tier = tierOf(found.schedule, count);
		if (!tier) {
			out.tier = { known: false, market, category: tierCategory, count, why: 'gap' };
			return out;
		}
		if (lookup.ok) out.lookup = { ...lookup, rate: tier.rate };
		out.tier = {
			known: true,
			market,
			category: tierCategory,
			count,
			tableId: found.schedule.tableId,
			number: tier.number,
			from: tier.from,
			to: tier.to,
			confidence: tier.confidence,
			source: tier.source
		};
		return out;
	}
}
