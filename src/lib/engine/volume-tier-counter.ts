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
import { isTierCategory, tierOf, tierScheduleOn, type TierCategory } from '$lib/domain/volume-tiers';
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

export class VolumeTierCounter {
	private month = '';
	private counts = new Map<string, number>();

	constructor(
		private readonly ctx: PricingContext,
		/** Month (YYYY-MM) of the scenario's first event: where `charged_this_month` applies. */
		private readonly firstMonth: string | null,
		/** The scenario's market on its first day: what the flat `charged_this_month` counts belong to. */
		private readonly homeMarket: string | null
	) {}

	private start(market: string, category: TierCategory): number {
		if (this.month !== this.firstMonth) return 0;
		const counts: TierCounts | undefined = this.ctx.chargedThisMonth;
		const own = counts?.by_market?.[market]?.[category];
		if (own !== undefined) return own;
		return market === this.homeMarket ? (counts?.[category] ?? 0) : 0;
	}

	/**
	 * Counts one charged message of `category` and prices it: the tier rate where the tier is known,
	 * else the list rate (`lookup`), flagged as an upper bound.
	 */
	charge(day: DayInfo, category: RateCategory, regime: Regime, lookup: RateLookup): TieredCharge {
		if (regime.model !== 'PMP' || !isTierCategory(category)) return { lookup, tier: null };
		if (day.month !== this.month) {
			this.month = day.month;
			this.counts.clear();
		}
		const market = day.market.market;
		const key = `${market}|${category}`;
		const count = (this.counts.get(key) ?? this.start(market, category)) + 1;
		this.counts.set(key, count);
		const unknown = (why: Extract<TierDecision, { known: false }>['why']): TieredCharge => ({
			lookup,
			tier: { known: false, market, category, count, why }
		});
		if (lookup.ok && this.ctx.customCard && lookup.cardId === this.ctx.customCard.id)
			return unknown('custom-card');
		const schedule = tierScheduleOn(market, category, day.date, this.ctx.currency);
		if (!schedule) return unknown(day.hasTierTable(this.ctx.currency) ? 'no-row' : 'no-table');
		const tier = tierOf(schedule, count);
		if (!tier) return unknown('gap');
		return {
			lookup: lookup.ok ? { ...lookup, rate: tier.rate } : lookup,
			tier: {
				known: true,
				market,
				category,
				count,
				tableId: schedule.tableId,
				number: tier.number,
				from: tier.from,
				to: tier.to,
				confidence: tier.confidence,
				source: tier.source
			}
		};
	}
}
