/**
 * The ledger as the CLI prints it and files carry it (DESIGN.md "The ledger"): decimal strings for
 * money, ISO 8601 UTC for instants, one message per input event in input order.
 */
import { formatInstantUtc } from '$lib/domain/time';
import { formatMicros, type EpochMs } from '$lib/domain/units';
import type { Ledger } from './ledger';

const iso = (t: EpochMs) => formatInstantUtc(t);

export function ledgerToJson(ledger: Ledger) {
	return {
		regime: ledger.regime,
		regimes: ledger.regimes,
		pinned: ledger.pinned,
		currency: ledger.currency,
		market: ledger.market,
		timezone: ledger.timezone,
		total: formatMicros(ledger.total),
		totals_by_category: Object.fromEntries(
			Object.entries(ledger.totalsByCategory).map(([k, v]) => [k, formatMicros(v)])
		),
		messages: ledger.messages.map((m) => ({
			event: m.event,
			at: iso(m.at),
			type: m.type,
			category: m.category,
			outcome: m.outcome,
			charge: formatMicros(m.charge),
			reason: m.reason,
			regime: m.regime,
			market: m.market,
			...(m.conversation !== null ? { conversation: m.conversation } : {}),
			...(m.rate
				? {
						rate: {
							card: m.rate.cardId,
							category: m.rate.category,
							confidence: m.rate.confidence,
							carried_forward: m.rate.carriedForward
						}
					}
				: {}),
			...(m.tier
				? {
						tier: m.tier.known
							? {
									table: m.tier.tableId,
									number: m.tier.number,
									from: m.tier.from,
									to: m.tier.to,
									count: m.tier.count,
									confidence: m.tier.confidence
								}
							: { known: false, count: m.tier.count, why: m.tier.why }
					}
				: {}),
			...(m.unpriced ? { unpriced: true } : {}),
			...(ledger.provider ? { provider_charge: formatMicros(m.providerCharge) } : {})
		})),
		conversations: ledger.conversations.map((c) => ({
			id: c.id,
			category: c.category,
			opened_at: iso(c.openedAt),
			expires_at: iso(c.expiresAt),
			...(c.closedAt !== null ? { closed_at: iso(c.closedAt) } : {}),
			charge: formatMicros(c.charge)
		})),
		windows: ledger.windows.map((w) => ({
			kind: w.kind,
			opened_at: iso(w.openedAt),
			expires_at: iso(w.expiresAt)
		})),
		notes: ledger.notes,
		...(ledger.provider
			? {
					provider: {
						label: ledger.provider.label,
						markup_percent: ledger.provider.markupPercent,
						markup: formatMicros(ledger.provider.markup),
						message_fees: formatMicros(ledger.provider.messageFees),
						conversation_fees: formatMicros(ledger.provider.conversationFees),
						total: formatMicros(ledger.provider.total),
						grand_total: formatMicros(ledger.provider.grandTotal),
						note: ledger.provider.note
					}
				}
			: {})
	};
}

export type LedgerJson = ReturnType<typeof ledgerToJson>;
