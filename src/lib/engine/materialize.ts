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
	type LedgerWindow
} from './ledger';
import type { PricingContext } from './pricing-context';
import { explain, outcomeOf } from './rules';
import { applyAdjustments } from './adjustments';
import { tierText } from './tier-text';

export { outcomeOf };

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
	let unknownTiers = 0;
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
		const reason = explain(d.code, {
			category,
			regime: d.regime,
			until: d.until as EpochMs | null,
			freeTierUsed: d.freeTierUsed,
			charge: d.charge as Micros,
			rate,
			unpriced: d.unpriced,
			noRateReason: lookup && !lookup.ok ? lookup.reason : null,
			currency: ctx.currency,
			timezone: ctx.timezone,
			conversationCategory: d.conversation === null ? null : (conversations[d.conversation]?.category ?? null)
		});
		if (category && d.charge)
			totals[category as ConversationCategory] = (totals[category as ConversationCategory] +
				d.charge) as Micros;
		total += d.charge;
		if (d.unpriced) unpriced++;
		regimes.add(d.regime.id);
		const volumeTier = d.tier ? tierText(d.tier, d.charge as Micros, ctx.currency, d.unpriced) : null;
		if (d.tier && !d.tier.known) unknownTiers++;
		messages[te.index] = {
			event: te.index,
			at: te.t,
			type: e.type,
			category,
			outcome: outcomeOf(d.code),
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
			volumeTier,
			tier: d.tier
		};
	});
	const used = [...regimes];
	const notes: string[] = [];
	if (unpriced)
		notes.push(
			`Incomplete: ${unpriced} message(s) were due a charge but no rate is known for them in ${ctx.currency}; the total leaves them out.`
		);
	if (unknownTiers)
		notes.push(
			`Upper bound: ${unknownTiers} utility or authentication charge(s) fall where no volume-tier table is known; they are priced at the list rate, so the real charge may be lower.`
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
		currency: ctx.currency,
		market: firstDay?.market.market ?? '',
		timezone: ctx.timezone,
		messages,
		conversations,
		windows,
		total: total as Micros,
		totalsByCategory: totals,
		notes,
		provider: null,
		snapshots: []
	};
	applyAdjustments(ledger, scenario.adjustments);
	return ledger;
}
