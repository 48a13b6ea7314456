/**
 * A broadcast priced before it is sent, one recipient at a time, by the same rules table as the
 * sandbox (issue "Outbound broadcast and campaign forecast"). Each recipient is a small scenario: the
 * customer's last message if known, a free entry point if known, then the template at its send time.
 * The facts at that template are computed straight from those instants and the first row of the
 * table that holds decides; volume-tier counts are carried across recipients in send order, so the
 * whole broadcast costs exactly what the sandbox says its recipients cost one by one (a property
 * test replays them). Totals only: memory stays flat whatever the number of recipients.
 */
import { resolveMarket } from '$lib/domain/markets';
import { normalizePhone } from '$lib/domain/phone';
import type { RateCategory, RateLookup } from '$lib/domain/rate-card';
import { regimeOnDate, US_MARKETING_PAUSE_FROM, type Regime, type RegimeId } from '$lib/domain/regimes';
import type { Scenario, TemplateCategory } from '$lib/domain/scenario';
import { addDays, localDate, startOfLocalDate } from '$lib/domain/time';
import {
	CUSTOMER_SERVICE_WINDOW,
	FREE_ENTRY_POINT_DURATION,
	type EpochMs,
	type Micros
} from '$lib/domain/units';
import { DayInfo, PricingContext, type MarketAt } from '../pricing-context';
import { firstThatHolds, MESSAGE_RULES, rowsFor, type MessageFacts, type MessageRule } from '../rules';
import { VolumeTierCounter } from '../volume-tier-counter';
import { isOpenAt } from '../window-end';
import { emptyForecast, type ForecastResult, type MarketTotals, type RecipientOutcome } from './result';

export interface ForecastOptions {
	category: TemplateCategory;
	/** The account's zone: local dates pick the regime and the card, months reset the tiers. */
	timezone: string;
	/** Pinned regime ("what if"); absent: the regime in force at each send time. */
	regime?: RegimeId;
	currency?: string;
	/** charged_this_month (by_market) and authentication-international eligibility. */
	account?: Scenario['account'];
	settings?: Scenario['settings'];
	rules?: readonly MessageRule[];
	/** How many invalid rows to keep with their line and reason (the rest are only counted). */
	keepInvalid?: number;
	/** Cost over the send window in `count` buckets (for the cumulative chart). */
	buckets?: { from: EpochMs; to: EpochMs; count: number };
}

export interface RecipientInput {
	/** As written in the file. */
	phone: string;
	sendAt: EpochMs;
	/** The customer's last message, if known (a customer service window may be open at the send). */
	lastCustomerMessageAt?: EpochMs | null;
	/** When a free entry point window opened, if known (72 h in which everything is free). */
	freeEntryPointOpenedAt?: EpochMs | null;
	/** False: the plan's undelivered share (not charged). */
	delivered?: boolean;
	/** Line in the file, for the invalid-rows list. */
	line?: number;
}

/** The template's fate for one recipient, with what the sandbox would show. */
export interface PricedRecipient {
	outcome: RecipientOutcome;
	market: string;
	charge: Micros;
	code: MessageRule['code'];
	unpriced: boolean;
}

/** What a recipient's number and send day fix: its market, regime, rate and totals row. */
interface Priced {
	day: DayInfo;
	regime: Regime;
	rateCategory: RateCategory;
	lookup: RateLookup;
	paused: boolean;
	totals: MarketTotals;
}

export class Forecaster {
	private readonly ctx: PricingContext;
	private readonly rules: readonly MessageRule[];
	private tiers: VolumeTierCounter | null = null;
	private readonly markets = new Map<string, MarketTotals>();
	private readonly facts: MessageFacts;
	private readonly result: ForecastResult;
	private readonly lastTierNumber = new Map<string, number>();
	private zoneDay: { start: number; end: number; date: string } | null = null;
	private cacheDate = '';
	private cache = new Map<number, Priced>();
	private lastRegime: RegimeId | null = null;
	/** Returned by `add` and overwritten by the next call (no allocation per recipient). */
	private readonly priced: PricedRecipient = {
		outcome: 'charged',
		market: '',
		charge: 0 as Micros,
		code: 'template_charged',
		unpriced: false
	};

	constructor(private readonly options: ForecastOptions) {
		// A scenario shell gives the pricing context its settings (regime, zone, currency, account).
		const shell: Scenario = {
			format: 'wa-pricing-scenario/1',
			name: 'forecast',
			market: 'ID',
			timezone: options.timezone,
			...(options.regime ? { regime: options.regime } : {}),
			...(options.currency ? { currency: options.currency } : {}),
			...(options.account ? { account: options.account } : {}),
			...(options.settings ? { settings: options.settings } : {}),
			events: []
		};
		this.ctx = new PricingContext(shell);
		this.rules = options.rules ?? MESSAGE_RULES;
		this.result = emptyForecast(options, this.ctx.currency);
		if (options.buckets) {
			const { from, to, count } = options.buckets;
			this.result.buckets = {
				from,
				width: Math.max(1, (to - from) / count),
				cost: new Array<Micros>(count).fill(0 as Micros)
			};
		}
		this.facts = {
			regime: regimeOnDate('2023-06-01'),
			freeForm: false,
			category: options.category,
			delivered: true,
			serviceWindowOpen: false,
			freeEntryPointOpen: false,
			freeEntryPointOffered: false,
			usMarketingPaused: false,
			rideable: null,
			freeTierLeft: false,
			utilityConversationOpen: false
		};
	}

	/** The local date of an instant in the account's zone (one Intl call per local day). */
	private dateOf(t: number): { date: string; start: number; end: number } {
		const z = this.zoneDay;
		if (z && t >= z.start && t < z.end) return z;
		const date = localDate(t as EpochMs, this.options.timezone);
		const start = startOfLocalDate(date, this.options.timezone);
		this.zoneDay = { date, start, end: startOfLocalDate(addDays(date, 1), this.options.timezone) };
		return this.zoneDay;
	}

	/** What a number fixes on its send day: cached per local date and 4-digit prefix. */
	private pricedFor(digits: string, t: number): Priced {
		const z = this.dateOf(t);
		if (z.date !== this.cacheDate) {
			this.cacheDate = z.date;
			this.cache = new Map();
		}
		// The longest calling-code prefix in markets.csv has 4 digits: they decide the market.
		const key =
			(digits.charCodeAt(0) - 48) * 1000 +
			(digits.charCodeAt(1) - 48) * 100 +
			(digits.charCodeAt(2) - 48) * 10 +
			(digits.charCodeAt(3) - 48);
		let p = this.cache.get(key);
		if (!p) {
			const m = resolveMarket(`+${digits}`, z.date);
			const market: MarketAt = { market: m.market, iso2: m.iso2, isUnitedStates: m.isUnitedStates };
			const day = new DayInfo(
				z.start as EpochMs,
				z.end as EpochMs,
				z.date,
				regimeOnDate(z.date),
				market,
				null,
				this.ctx.currency
			);
			const regime = this.ctx.regimeFor(day);
			const rateCategory = this.ctx.rateCategoryFor(this.options.category, day);
			p = {
				day,
				regime,
				rateCategory,
				lookup: day.rate(rateCategory, regime),
				paused: market.isUnitedStates && z.date >= US_MARKETING_PAUSE_FROM,
				totals: this.totalsOf(market.market)
			};
			this.cache.set(key, p);
		}
		return p;
	}

	private totalsOf(market: string): MarketTotals {
		let m = this.markets.get(market);
		if (!m) {
			m = {
				market,
				recipients: 0,
				charged: 0,
				free: 0,
				failed: 0,
				unpriced: 0,
				total: 0 as Micros,
				byOutcome: {}
			};
			this.markets.set(market, m);
		}
		return m;
	}

	/**
	 * Prices one recipient; null (and counted as invalid) when the row is not usable. The object
	 * returned is reused by the next call: copy what you keep.
	 */
	add(r: RecipientInput): PricedRecipient | null {
		const res = this.result;
		res.recipients++;
		const phone = normalizePhone(r.phone);
		if (!phone.ok) {
			this.invalid(r.line ?? res.recipients, phone.reason);
			return null;
		}
		const t = r.sendAt;
		const p = this.pricedFor(phone.digits, t);
		const day = p.day;
		// The account's counts (charged_this_month.by_market) apply to the month the broadcast starts in.
		this.tiers ??= new VolumeTierCounter(this.ctx, day.month, null);
		const regime = p.regime;
		const inclusive = this.ctx.inclusiveEnd;
		const f = this.facts;
		// The customer's messages known before the send: the last one, and the ad/Page-button message
		// that opened a free entry point (a customer message too, so it opens a service window).
		let lastCustomer = -Infinity;
		const last = r.lastCustomerMessageAt ?? null;
		const fep = r.freeEntryPointOpenedAt ?? null;
		if (last !== null && last <= t) lastCustomer = last;
		if (fep !== null && fep <= t && fep > lastCustomer) lastCustomer = fep;
		f.regime = regime;
		f.delivered = r.delivered !== false;
		f.serviceWindowOpen = isOpenAt(lastCustomer + CUSTOMER_SERVICE_WINDOW, t, inclusive);
		f.freeEntryPointOpen =
			fep !== null && fep <= t && isOpenAt(fep + FREE_ENTRY_POINT_DURATION, t, inclusive);
		f.usMarketingPaused = p.paused;
		const rule = firstThatHolds(rowsFor(this.rules, regime.id), f);

		let charge = 0;
		let unpriced = false;
		let outcome: RecipientOutcome;
		switch (rule.effect) {
			case 'none':
				outcome = rule.code === 'us_marketing_paused' ? 'failed_us_pause' : 'failed_undelivered';
				break;
			case 'inFreeEntryPoint':
				outcome = 'free_entry_point';
				break;
			case 'inServiceWindow':
				outcome = 'free_service_window';
				break;
			case 'openChargedConversation':
			case 'chargeTemplate': {
				let lookup = p.lookup;
				if (rule.effect === 'chargeTemplate') {
					const tiered = (this.tiers as VolumeTierCounter).charge(day, p.rateCategory, regime, lookup);
					lookup = tiered.lookup;
					if (tiered.tier?.known)
						this.noteTier(tiered.tier.market, p.rateCategory, tiered.tier.number, res.recipients);
				}
				outcome = 'charged';
				if (lookup.ok) charge = lookup.rate;
				else unpriced = true;
				break;
			}
			default:
				throw new Error(`forecast: rule ${rule.code} cannot decide a first template`);
		}
		if (regime.id !== this.lastRegime) {
			this.lastRegime = regime.id;
			res.regimes.add(regime.id);
		}
		this.count(p.totals, outcome, charge, unpriced, t);
		const out = this.priced;
		out.outcome = outcome;
		out.market = day.market.market;
		out.charge = charge as Micros;
		out.code = rule.code;
		out.unpriced = unpriced;
		return out;
	}

	private noteTier(market: string, category: string, tier: number, at: number): void {
		const key = `${market}|${category}`;
		const before = this.lastTierNumber.get(key);
		this.lastTierNumber.set(key, tier);
		if (before !== undefined && before !== tier)
			this.result.tierCrossings.push({ market, category, tier, atRecipient: at });
	}

	/** A row left out for a reason found before pricing (e.g. a bad timestamp column). */
	addInvalid(line: number, reason: string): void {
		this.result.recipients++;
		this.invalid(line, reason);
	}

	private invalid(line: number, reason: string): void {
		const res = this.result;
		res.outcomes.invalid++;
		if (res.invalidRows.length < (this.options.keepInvalid ?? 100)) res.invalidRows.push({ line, reason });
	}

	private count(
		m: MarketTotals,
		outcome: RecipientOutcome,
		charge: number,
		unpriced: boolean,
		t: number
	): void {
		const res = this.result;
		m.recipients++;
		m.byOutcome[outcome] = (m.byOutcome[outcome] ?? 0) + 1;
		res.byOutcome[outcome] = (res.byOutcome[outcome] ?? 0) + 1;
		if (outcome === 'charged') {
			m.charged++;
			res.outcomes.charged++;
			if (unpriced) {
				m.unpriced++;
				res.unpriced++;
			}
		} else if (outcome === 'free_service_window' || outcome === 'free_entry_point') {
			m.free++;
			res.outcomes.free++;
		} else {
			m.failed++;
			res.outcomes.failed++;
		}
		if (charge) {
			m.total = (m.total + charge) as Micros;
			res.total = (res.total + charge) as Micros;
		}
		if (res.firstSendAt === null || t < res.firstSendAt) res.firstSendAt = t as EpochMs;
		if (res.lastSendAt === null || t > res.lastSendAt) res.lastSendAt = t as EpochMs;
		const b = res.buckets;
		if (charge && b) {
			const i = Math.min(b.cost.length - 1, Math.max(0, Math.floor((t - b.from) / b.width)));
			b.cost[i] = ((b.cost[i] as number) + charge) as Micros;
		}
	}

	/** The totals so far (the object keeps growing while rows are added). */
	finish(): ForecastResult {
		const res = this.result;
		res.markets = [...this.markets.values()]
			.filter((m) => m.recipients > 0)
			.sort((a, b) => b.total - a.total || a.market.localeCompare(b.market));
		return res;
	}
}
