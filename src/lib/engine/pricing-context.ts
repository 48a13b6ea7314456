/**
 * What both engines (the XState machines and the fast kernel) ask about an instant: its local date
 * in the account's zone, the regime in force, the recipient's market and the rates. Answers are
 * cached per local day, so a replay of many events touches Intl and the rate index once a day.
 */
import { resolveMarket } from '$lib/domain/markets';
import { customCardData } from '$lib/domain/custom-rates';
import { lookupRate, type RateCardData, type RateCategory, type RateLookup } from '$lib/domain/rate-card';
import { AUTH_INTERNATIONAL_FROM, regimeById, regimeOnDate, type Regime } from '$lib/domain/regimes';
import type { Scenario, TemplateCategory, TierCounts } from '$lib/domain/scenario';
import { TIER_TABLES } from '$lib/domain/volume-tiers';
import { addDays, localDate, startOfLocalDate } from '$lib/domain/time';
import type { EpochMs } from '$lib/domain/units';
import { isOpenAt } from './window-end';

export interface MarketAt {
	market: string;
	iso2: string | null;
	isUnitedStates: boolean;
}

export class DayInfo {
	private rates = new Map<string, RateLookup>();
	constructor(
		readonly start: EpochMs,
		readonly end: EpochMs,
		readonly date: string,
		readonly regime: Regime,
		readonly market: MarketAt,
		private readonly custom: RateCardData | null,
		private readonly currency: string
	) {}
	get month(): string {
		return this.date.slice(0, 7);
	}
	/** Rate of a category under a pricing model on this day (cached). */
	rate(category: RateCategory, regime: Regime): RateLookup {
		const key = `${regime.model}|${category}`;
		let r = this.rates.get(key);
		if (!r) {
			const q = {
				market: this.market.market,
				category,
				model: regime.model,
				date: this.date,
				currency: this.currency
			};
			// A card the user imported wins where it has a value and is in force (same pricing model
			// and the billing currency: amounts in two currencies never add up).
			const custom = this.custom;
			const own =
				custom &&
				custom.model === regime.model &&
				custom.currency === this.currency &&
				custom.effectiveFrom <= this.date
					? lookupRate({ ...q, cards: [custom] })
					: null;
			r = own?.ok ? own : lookupRate(q);
			this.rates.set(key, r);
		}
		return r;
	}
	/** Whether any volume-tier table of the currency is in force on this day. */
	hasTierTable(currency: string): boolean {
		return TIER_TABLES.some((t) => t.currency === currency && t.effectiveFrom <= this.date);
	}
}

export class PricingContext {
	readonly timezone: string;
	readonly recipient: string;
	readonly pinned: Regime | null;
	readonly inclusiveEnd: boolean;
	readonly freeTier2026: boolean;
	readonly initialFreeUsed: number;
	readonly authInternational: { eligible: boolean; primary_country: string } | null;
	readonly customCard: RateCardData | null;
	/** The billing currency: every market is priced from that currency's cards (issue 8 point 3). */
	readonly currency: string;
	readonly chargedThisMonth: TierCounts | undefined;
	private days = new Map<string, DayInfo>();
	private last: DayInfo | null = null;

	constructor(scenario: Scenario) {
		this.timezone = scenario.timezone;
		this.recipient = scenario.market;
		this.pinned = scenario.regime ? regimeById(scenario.regime) : null;
		this.inclusiveEnd = scenario.settings?.window_end === 'inclusive';
		this.freeTier2026 = scenario.account?.free_service_tier_2026 ?? true;
		this.initialFreeUsed = scenario.account?.free_service_used ?? 0;
		this.authInternational = scenario.account?.auth_international ?? null;
		this.customCard = scenario.custom_rates ? customCardData(scenario.custom_rates) : null;
		// An imported card's currency is the billing currency unless the scenario names one.
		this.currency = scenario.currency ?? scenario.custom_rates?.currency ?? 'USD';
		this.chargedThisMonth = scenario.account?.charged_this_month;
	}

	/** Is a window that ends at `end` still open at `t`? Half-open by default (§6.1, a setting). */
	isOpen(end: number, t: number): boolean {
		return isOpenAt(end, t, this.inclusiveEnd);
	}

	dayAt(t: EpochMs): DayInfo {
		const last = this.last;
		if (last && t >= last.start && t < last.end) return last;
		const date = localDate(t, this.timezone);
		let day = this.days.get(date);
		if (!day) {
			const start = startOfLocalDate(date, this.timezone);
			const end = startOfLocalDate(addDays(date, 1), this.timezone);
			const m = resolveMarket(this.recipient, date);
			day = new DayInfo(
				start,
				end,
				date,
				regimeOnDate(date),
				{ market: m.market, iso2: m.iso2, isUnitedStates: m.isUnitedStates },
				this.customCard,
				this.currency
			);
			this.days.set(date, day);
		}
		this.last = day;
		return day;
	}

	/** The regime that prices a message on this day: the pinned one ("what if") or the one in force. */
	regimeFor(day: DayInfo): Regime {
		return this.pinned ?? day.regime;
	}

	/**
	 * Authentication-international applies when the business is eligible, its primary country is
	 * not the recipient's, and the market's start date has passed (pricing-rules.md §2.5).
	 */
	rateCategoryFor(category: TemplateCategory, day: DayInfo): RateCategory {
		if (category !== 'authentication' || !this.authInternational?.eligible) return category;
		const from = AUTH_INTERNATIONAL_FROM[day.market.market];
		const foreign = day.market.iso2 !== null && day.market.iso2 !== this.authInternational.primary_country;
		return foreign && from !== undefined && day.date >= from ? 'authentication_international' : category;
	}

	/**
	 * Service message rate under per-message pricing: Meta sets it equal to the market's utility rate
	 * from 2026-10-01 (§2.6), so a missing service row falls back to utility.
	 */
	serviceRate(day: DayInfo, regime: Regime): { lookup: RateLookup; category: RateCategory } {
		const own = day.rate('service', regime);
		if (own.ok || regime.model === 'CBP') return { lookup: own, category: 'service' };
		return { lookup: day.rate('utility', regime), category: 'utility' };
	}
}
