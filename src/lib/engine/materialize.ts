/**
 * Turns per-event decisions (from the machines or the kernel) into the ledger: messages in input
 * order with their reason sentence, totals per category, the regimes used.
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { ConversationCategory, Scenario, TimedEvent } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import type { Decision } from './kernel';
import {
	emptyTotals,
	type Ledger,
	type LedgerConversation,
	type LedgerMessage,
	type LedgerWindow,
	type Outcome,
	type ReasonCode
} from './ledger';
import type { PricingContext } from './pricing-context';
import { explain } from './reasons';
import { applyAdjustments } from './adjustments';
import { VOLUME_TIERS } from '$lib/domain/data/volume-tiers';

export const CURRENCY = 'USD';

const OUTCOME_OF: Record<ReasonCode, Outcome> = {
	received: 'received',
	received_entry_point: 'received',
	blocked_outside_window: 'blocked',
	not_delivered: 'failed',
	us_marketing_paused: 'failed',
	free_entry_point_opened: 'free',
	in_free_entry_point: 'free',
	conversation_opened: 'charged',
	in_open_conversation: 'included',
	free_form_in_open_conversation: 'included',
	service_free_tier: 'free',
	service_conversation_free: 'free',
	utility_in_spanning_conversation: 'included',
	utility_in_service_window: 'free',
	template_charged: 'charged',
	service_message_free: 'free',
	service_message_free_tier: 'free',
	service_message_charged: 'charged'
};
export const outcomeOf = (code: ReasonCode): Outcome => OUTCOME_OF[code];

export function materialize(
	scenario: Scenario,
	events: readonly TimedEvent[],
	decisions: readonly Decision[],
	conversations: LedgerConversation[],
	windows: LedgerWindow[],
	ctx: PricingContext
): Ledger {
	const messages = new Array<LedgerMessage>(events.length);
	const totals = emptyTotals();
	let total = 0;
	const regimes = new Set<RegimeId>();
	let unpriced = 0;
	const tiers = new VolumeTierCounter(scenario, events[0] ? ctx.dayAt(events[0].t).month : null);
	events.forEach((te, i) => {
		const d = decisions[i] as Decision;
		const day = ctx.dayAt(te.t);
		const e = te.event;
		const category = e.type === 'template' ? e.category : e.type === 'business_message' ? 'service' : null;
		const lookup = d.rateCategory ? day.rate(d.rateCategory, d.regime) : null;
		const rate =
			lookup && lookup.ok && d.rateCategory
				? {
						market: day.market.market,
						category: d.rateCategory,
						cardId: lookup.cardId,
						confidence: lookup.confidence,
						source: lookup.source,
						carriedForward: lookup.carriedForward,
						beforeEffective: lookup.beforeEffective
					}
				: null;
		const reason = explain({
			code: d.code,
			category,
			regime: d.regime,
			until: d.until as EpochMs | null,
			freeTierUsed: d.freeTierUsed,
			charge: d.charge as Micros,
			rate,
			unpriced: d.unpriced,
			noRateReason: lookup && !lookup.ok ? lookup.reason : null,
			currency: CURRENCY,
			timezone: ctx.timezone
		});
		if (category && d.charge)
			totals[category as ConversationCategory] = (totals[category as ConversationCategory] +
				d.charge) as Micros;
		total += d.charge;
		if (d.unpriced) unpriced++;
		regimes.add(d.regime.id);
		const volumeTier =
			d.code === 'template_charged' && (category === 'utility' || category === 'authentication')
				? tiers.count(day.month, day.market.market, category)
				: null;
		messages[te.index] = {
			event: te.index,
			at: te.t,
			type: e.type,
			category,
			outcome: OUTCOME_OF[d.code],
			charge: d.charge as Micros,
			code: d.code,
			reason: volumeTier ? `${reason} ${volumeTier}` : reason,
			regime: d.regime.id,
			market: day.market.market,
			conversation: d.conversation,
			rate,
			unpriced: d.unpriced,
			until: d.until as EpochMs | null,
			freeTierUsed: d.freeTierUsed,
			providerCharge: 0 as Micros,
			volumeTier
		};
	});
	const used = [...regimes];
	const notes: string[] = [];
	if (unpriced)
		notes.push(
			`${unpriced} message(s) were due a charge but no rate is known for them; the total leaves them out.`
		);
	const first = events[0];
	if (first && !scenario.regime && ctx.dayAt(first.t).date < '2023-06-01')
		notes.push(
			'Messages before 1 Jun 2023 are priced under the June 2023 rules (earlier pricing is not modelled).'
		);
	const firstDay = first ? ctx.dayAt(first.t) : null;
	const ledger: Ledger = {
		regime:
			used.length === 1
				? (used[0] as RegimeId)
				: used.length === 0
					? (scenario.regime ?? 'cbp-2023-06')
					: 'mixed',
		regimes: used,
		pinned: Boolean(scenario.regime),
		currency: CURRENCY,
		market: firstDay?.market.market ?? '',
		timezone: ctx.timezone,
		messages,
		conversations,
		windows,
		total: total as Micros,
		totalsByCategory: totals,
		notes: [...notes, ...tiers.notes()],
		provider: null,
		snapshots: []
	};
	applyAdjustments(ledger, scenario.adjustments);
	return ledger;
}

/**
 * Volume tiers (§2.4): messages charged this month per market and category, starting from the
 * account's assumption. Only India's first-tier bounds are known, and no lower tier's rate, so the
 * charge stays at the list rate and the ledger says when it is an upper bound.
 */
class VolumeTierCounter {
	private counts = new Map<string, number>();
	private unknownMarkets = new Set<string>();
	constructor(
		private scenario: Scenario,
		private firstMonth: string | null
	) {}
	count(month: string, market: string, category: 'utility' | 'authentication'): string | null {
		const key = `${month}|${market}|${category}`;
		const start =
			month === this.firstMonth ? (this.scenario.account?.charged_this_month?.[category] ?? 0) : 0;
		const n = (this.counts.get(key) ?? start) + 1;
		this.counts.set(key, n);
		const known = VOLUME_TIERS[market]?.[category];
		if (!known) {
			if (start > 0) this.unknownMarkets.add(`${market} ${category}`);
			return null;
		}
		if (n <= known.listRateUpTo) return null;
		return `Volume tier: this is ${category} message ${n.toLocaleString('en-US')} charged this month in ${market}, past the list-rate tier (up to ${known.listRateUpTo.toLocaleString('en-US')}); the lower tier's rate is not known here, so the list rate is shown as an upper bound.`;
	}
	notes(): string[] {
		return [...this.unknownMarkets].map(
			(m) =>
				`Volume tiers: Meta's tier bounds for ${m} are not known here; every message is priced at the list rate (tier 0).`
		);
	}
}
