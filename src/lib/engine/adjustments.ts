/**
 * The provider's price list on top of Meta's charges (a mark-up in percent, a fee per delivered
 * message, a fee per conversation), kept apart from Meta's charge in the ledger.
 */
import type { Adjustments } from '$lib/domain/scenario';
import { parseDecimalMicros, type Micros } from '$lib/domain/units';
import type { Ledger, ProviderSummary } from './ledger';

export type { ProviderSummary };

const DELIVERED = new Set(['charged', 'included', 'free']);

/** Half-up rounding to whole micro-units, in integers (percent as basis points). */
export const markupOf = (charge: number, percent: number): number => {
	const bp = Math.round(percent * 100);
	return Math.floor((charge * bp + 5000) / 10_000);
};

/** Adds provider charges to each message and a summary to the ledger (in place: called while building it). */
export function applyAdjustments(ledger: Ledger, adj: Adjustments | undefined): void {
	if (!adj) return;
	const percent = adj.markup_percent ?? 0;
	const perMessage = adj.fee_per_message ? parseDecimalMicros(adj.fee_per_message) : 0;
	const perConversation = adj.fee_per_conversation ? parseDecimalMicros(adj.fee_per_conversation) : 0;
	const opened = new Set(ledger.conversations.map((c) => c.openedBy));
	let markup = 0;
	let messageFees = 0;
	let conversationFees = 0;
	for (const m of ledger.messages) {
		if (m.type === 'customer_message' || !DELIVERED.has(m.outcome)) continue;
		const mk = markupOf(m.charge, percent);
		const conv = opened.has(m.event) ? perConversation : 0;
		markup += mk;
		messageFees += perMessage;
		conversationFees += conv;
		m.providerCharge = (mk + perMessage + conv) as Micros;
	}
	const total = markup + messageFees + conversationFees;
	ledger.provider = {
		label: adj.label?.trim() || 'Provider price list',
		markupPercent: percent,
		markup: markup as Micros,
		messageFees: messageFees as Micros,
		conversationFees: conversationFees as Micros,
		total: total as Micros,
		grandTotal: (ledger.total + total) as Micros,
		note:
			perConversation && ledger.regimes.some((r) => r.startsWith('pmp'))
				? 'Per-conversation fees apply only to conversation-based pricing: per-message pricing has no conversations.'
				: null
	};
}
