/**
 * Turns per-event decisions (from the machines or the kernel) into the ledger: messages in input
 * order with their reason sentence, totals per category, the regimes used. The per-message facts
 * (`messageFacts`), the sentence (`reasonOf`) and the ledger-wide summary (`ledgerSummary`) are
 * shared with the column ledger (ledger-columns.ts) the sandbox's worker sends, so both say the same.
 */
import type { RegimeId } from '$lib/domain/regimes';
import type { ConversationCategory, Scenario, TemplateCategory, TimedEvent } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import type { Decision } from './kernel';
import {
	emptyTotals,
	type Ledger,
	type LedgerConversation,
	type LedgerMessage,
	type LedgerWindow,
	type RateRef
} from './ledger';
import type { PricingContext } from './pricing-context';
import { explain, outcomeOf, type ReasonFacts } from './rules';
import { applyAdjustments } from './adjustments';
import { tierText } from './tier-text';
import type { TierDecision } from './volume-tier-counter';

export { outcomeOf };

/** What a message's decision refers to beyond the decision itself: its category, market and rate. */
export interface MessageFacts {
	category: TemplateCategory | 'service' | null;
	market: string;
	rate: RateRef | null;
	/** Why no rate is known, when a charge was due and none is. */
	noRateReason: string | null;
}

/** Template category; 'service' for a business free-form message; null for a customer's message. */
export const messageCategory = (e: TimedEvent['event']): MessageFacts['category'] =>
	e.type === 'template' ? e.category : e.type === 'business_message' ? 'service' : null;

export function messageFacts(te: TimedEvent, d: Decision, ctx: PricingContext): MessageFacts {
	const day = ctx.dayAt(te.t);
	const category = messageCategory(te.event);
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
	return {
		category,
		market: day.market.market,
		rate,
		noRateReason: lookup && !lookup.ok ? lookup.reason : null
	};
}

/** The reason sentence of a message, with its volume-tier sentence when its charge has one. */
export function reasonOf(
	code: Decision['code'],
	facts: ReasonFacts,
	tier: TierDecision | null
): { reason: string; volumeTier: string | null } {
	const reason = explain(code, facts);
	const volumeTier = tier ? tierText(tier, facts.charge, facts.currency, facts.unpriced) : null;
	return { reason: volumeTier ? `${reason} ${volumeTier}` : reason, volumeTier };
}

/** The ledger-wide part: the regime(s) used and the notes on what the total leaves out. */
export function ledgerSummary(
	scenario: Scenario,
	ctx: PricingContext,
	first: TimedEvent | undefined,
	counts: { regimes: Set<RegimeId>; unpriced: number; unknownTiers: number }
): Pick<Ledger, 'regime' | 'regimes' | 'pinned' | 'currency' | 'market' | 'timezone' | 'notes'> {
	const used = [...counts.regimes];
	const notes: string[] = [];
	if (counts.unpriced)
		notes.push(
			`Incomplete: ${counts.unpriced} message(s) were due a charge but no rate is known for them in ${ctx.currency}; the total leaves them out.`
		);
	if (counts.unknownTiers)
		notes.push(
			`Upper bound: ${counts.unknownTiers} utility or authentication charge(s) fall where no volume-tier table is known; they are priced at the list rate, so the real charge may be lower.`
		);
	const firstDay = first ? ctx.dayAt(first.t) : null;
	if (firstDay && !scenario.regime && firstDay.date < '2023-06-01')
		notes.push(
			'Messages before 1 Jun 2023 are priced under the June 2023 rules (earlier pricing is not modelled).'
		);
	return {
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
		notes
	};
}

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
	const counts = { regimes: new Set<RegimeId>(), unpriced: 0, unknownTiers: 0 };
	events.forEach((te, i) => {
		const d = decisions[i] as Decision;
		const { category, market, rate, noRateReason } = messageFacts(te, d, ctx);
		const { reason, volumeTier } = reasonOf(
			d.code,
			{
				category,
				regime: d.regime,
				until: d.until as EpochMs | null,
				freeTierUsed: d.freeTierUsed,
				charge: d.charge as Micros,
				rate,
				unpriced: d.unpriced,
				noRateReason,
				currency: ctx.currency,
				timezone: ctx.timezone,
				conversationCategory:
					d.conversation === null ? null : (conversations[d.conversation]?.category ?? null)
			},
			d.tier
		);
		if (category && d.charge)
			totals[category as ConversationCategory] = (totals[category as ConversationCategory] +
				d.charge) as Micros;
		total += d.charge;
		if (d.unpriced) counts.unpriced++;
		counts.regimes.add(d.regime.id);
		if (d.tier && !d.tier.known) counts.unknownTiers++;
		messages[te.index] = {
			event: te.index,
			at: te.t,
			type: te.event.type,
			category,
			outcome: outcomeOf(d.code),
			charge: d.charge as Micros,
			code: d.code,
			reason,
			regime: d.regime.id,
			market,
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
	const ledger: Ledger = {
		...ledgerSummary(scenario, ctx, events[0], counts),
		messages,
		conversations,
		windows,
		total: total as Micros,
		totalsByCategory: totals,
		provider: null,
		snapshots: []
	};
	applyAdjustments(ledger, scenario.adjustments);
	return ledger;
}
