/**
 * What Meta billed against what the rules predict (issue "Analytics and reconciliation" §2). Per
 * recipient, the log's inbound messages (with `referral` for ads and Page buttons) and the business
 * messages (their billed category says what they were: `service` a free-form reply, a template
 * category a template) rebuild a scenario; the rules table prices it; each message's prediction is
 * set beside what its statuses say Meta billed, and every disagreement is explained in words.
 */
import { validateRecipient } from '$lib/domain/markets';
import type { Scenario, ScenarioEvent, TemplateCategory } from '$lib/domain/scenario';
import type { Micros } from '$lib/domain/units';
import type { RateCategory } from '$lib/domain/rate-card';
import type { Ledger, LedgerMessage } from '../ledger';
import type { Outcome } from '../rules';
import { priceScenario } from '../price';
import type { BilledCategory, InboundRecord, ParsedLog, StatusRecord } from './parse';

/** One business message as its statuses describe it (deduplicated, out-of-order tolerant). */
export interface LoggedMessage {
	id: string;
	recipient: string;
	phoneNumberId: string | null;
	sentAt: number;
	category: BilledCategory | 'unknown' | null;
	model: 'CBP' | 'PMP' | 'unknown' | null;
	/** Billed by Meta: pricing.type regular (PMP), or the first message of a billable conversation (CBP). */
	billed: boolean | null;
	conversationId: string | null;
	delivered: boolean;
	failed: boolean;
	errorCodes: number[];
}

export type MismatchKind = 'billed_but_free' | 'free_but_charged' | 'category' | 'unpriced' | 'not_compared';

export interface Mismatch {
	id: string;
	recipient: string;
	at: string;
	kind: MismatchKind;
	reason: string;
}

export interface Reconciliation {
	messages: number;
	compared: number;
	matched: number;
	mismatched: Record<MismatchKind, number>;
	mismatches: Mismatch[];
	/** market|category → predicted and billed volumes, predicted cost. */
	byMarket: { market: string; category: string; predicted: number; billed: number; cost: Micros }[];
	predictedCost: Micros;
	currency: string;
	/** Recipients whose number is not usable (left out). */
	skippedRecipients: { recipient: string; reason: string }[];
}

const TEMPLATE_OF: Partial<Record<string, TemplateCategory>> = {
	marketing: 'marketing',
	marketing_lite: 'marketing',
	utility: 'utility',
	authentication: 'authentication',
	authentication_international: 'authentication'
};

/** Statuses → one record per message id: the earliest time, pricing from whichever status has it. */
export function loggedMessages(statuses: readonly StatusRecord[]): LoggedMessage[] {
	const byId = new Map<string, LoggedMessage>();
	const firstOfConversation = new Map<string, { id: string; at: number }>();
	for (const s of statuses) {
		let m = byId.get(s.id);
		if (!m) {
			m = {
				id: s.id,
				recipient: s.recipient,
				phoneNumberId: s.phoneNumberId,
				sentAt: s.at,
				category: null,
				model: null,
				billed: null,
				conversationId: null,
				delivered: false,
				failed: false,
				errorCodes: []
			};
			byId.set(s.id, m);
		}
		// Statuses arrive out of order: the send is the earliest of them.
		if (s.at < m.sentAt) m.sentAt = s.at;
		if (s.status === 'delivered' || s.status === 'read' || s.status === 'played') m.delivered = true;
		if (s.status === 'failed') {
			m.failed = true;
			m.errorCodes.push(...s.errorCodes);
		}
		if (s.pricing) {
			m.category = s.pricing.category;
			m.model = s.pricing.model;
			m.billed =
				s.pricing.type === null || s.pricing.type === 'unknown'
					? s.pricing.billable
					: s.pricing.type === 'regular';
		}
		const conv = s.conversation?.id ?? null;
		if (conv) {
			m.conversationId = conv;
			const first = firstOfConversation.get(conv);
			if (!first || s.at < first.at) firstOfConversation.set(conv, { id: s.id, at: s.at });
		}
	}
	const out = [...byId.values()];
	// Conversation-based pricing bills a conversation once: only its first message counts as billed.
	for (const m of out)
		if (
			m.model === 'CBP' &&
			m.billed &&
			m.conversationId &&
			firstOfConversation.get(m.conversationId)?.id !== m.id
		)
			m.billed = false;
	// "delivered can follow failed": a message delivered at any point was not a failure.
	for (const m of out) if (m.delivered) m.failed = false;
	return out.sort((a, b) => a.sentAt - b.sentAt || (a.id < b.id ? -1 : 1));
}

function eventOf(m: LoggedMessage): ScenarioEvent | null {
	const at = new Date(m.sentAt).toISOString();
	const delivered = m.failed ? { delivered: false } : {};
	const template = m.category ? TEMPLATE_OF[m.category] : undefined;
	if (template) return { at, type: 'template', category: template, ...delivered };
	if (m.category === 'service' || m.category === 'referral_conversion')
		return { at, type: 'business_message', ...delivered };
	return null;
}

/** What the rules predicted for a message: what a mismatch is judged on. */
export interface Predicted {
	outcome: Outcome;
	code: string;
	unpriced: boolean;
	/** The rate's category when a rate was found. */
	rateCategory: RateCategory | null;
}

const BILLED_BUT_FREE: Record<string, string> = {
	in_free_entry_point: 'billed though inside a free entry point',
	free_entry_point_opened: 'billed though this reply opened a free entry point',
	utility_in_service_window:
		'billed though a utility template inside the customer service window is free under these rules',
	service_message_free:
		'billed though free-form replies inside the service window are free under these rules',
	in_open_conversation: 'billed though a conversation of this category was already open',
	free_form_in_open_conversation: 'billed though a conversation was already open',
	service_conversation_free: 'billed though service conversations are free since 1 Nov 2024',
	service_free_tier:
		'billed though the month’s free service conversations were not used up (or the log starts mid-month)',
	not_delivered: 'billed though the log shows it failed',
	us_marketing_paused: 'billed though marketing to US numbers is paused'
};

/**
 * A message's billing beside the prediction: null when they agree, else the kind of mismatch and
 * its explanation in words. `ledgerReason` gives the ledger's sentence for the message; it is
 * called only when the explanation quotes it (the bulk path makes sentences only for kept ones).
 */
export function explainMismatch(
	category: LoggedMessage['category'],
	billed: boolean | null,
	p: Predicted,
	ledgerReason: () => string
): { kind: MismatchKind; reason: () => string } | null {
	const predictedCharged = p.outcome === 'charged';
	if (billed === true && !predictedCharged)
		return {
			kind: 'billed_but_free',
			reason: () => `${BILLED_BUT_FREE[p.code] ?? 'billed though the rules say free'}: ${ledgerReason()}`
		};
	if (billed === false && predictedCharged)
		return {
			kind: 'free_but_charged',
			reason: () =>
				`not billed though the rules charge it — a customer message or free entry point missing from the log, or a free tier: ${ledgerReason()}`
		};
	if (p.unpriced)
		return { kind: 'unpriced', reason: () => `no rate known to predict the cost: ${ledgerReason()}` };
	if (
		category === 'authentication_international' &&
		p.rateCategory &&
		p.rateCategory !== 'authentication_international'
	)
		return {
			kind: 'category',
			reason: () =>
				'billed as authentication-international, predicted as authentication: set the business’s authentication-international eligibility and primary country'
		};
	return null;
}

function explain(m: LoggedMessage, p: LedgerMessage): { kind: MismatchKind; reason: string } | null {
	const found = explainMismatch(
		m.category,
		m.billed,
		{ outcome: p.outcome, code: p.code, unpriced: p.unpriced, rateCategory: p.rate?.category ?? null },
		() => p.reason
	);
	return found && { kind: found.kind, reason: found.reason() };
}

/** Reconciles a parsed log; `timezone` is the business account's zone (dates, regimes, months). */
export function reconcile(log: ParsedLog, timezone = 'UTC', keep = 200): Reconciliation {
	const messages = loggedMessages(log.statuses);
	const inboundBy = new Map<string, InboundRecord[]>();
	for (const i of log.inbound) inboundBy.set(i.from, [...(inboundBy.get(i.from) ?? []), i]);
	const byRecipient = new Map<string, LoggedMessage[]>();
	for (const m of messages) byRecipient.set(m.recipient, [...(byRecipient.get(m.recipient) ?? []), m]);

	const r: Reconciliation = {
		messages: messages.length,
		compared: 0,
		matched: 0,
		mismatched: { billed_but_free: 0, free_but_charged: 0, category: 0, unpriced: 0, not_compared: 0 },
		mismatches: [],
		byMarket: [],
		predictedCost: 0 as Micros,
		currency: 'USD',
		skippedRecipients: []
	};
	const volumes = new Map<string, Reconciliation['byMarket'][number]>();
	const note = (m: LoggedMessage, kind: MismatchKind, reason: string) => {
		r.mismatched[kind]++;
		if (r.mismatches.length < keep)
			r.mismatches.push({
				id: m.id,
				recipient: m.recipient,
				at: new Date(m.sentAt).toISOString(),
				kind,
				reason
			});
	};

	for (const [recipient, sent] of byRecipient) {
		const market = `+${recipient}`;
		const invalid = validateRecipient(market);
		if (invalid) {
			r.skippedRecipients.push({ recipient, reason: invalid });
			continue;
		}
		const scenario: Scenario = recipientLogScenario(
			recipient,
			sent,
			inboundBy.get(recipient) ?? [],
			timezone
		);
		const ledger: Ledger = priceScenario(scenario);
		r.currency = ledger.currency;
		// Events were added inbound first, then business messages in `sent` order.
		const offset = (inboundBy.get(recipient) ?? []).length;
		let k = offset;
		for (const m of sent) {
			if (!eventOf(m)) {
				note(
					m,
					'not_compared',
					`no pricing category in the log (category ${m.category ?? 'missing'}): not compared`
				);
				continue;
			}
			const p = ledger.messages[k++] as LedgerMessage;
			r.compared++;
			const key = `${p.market}|${m.category}`;
			let v = volumes.get(key);
			if (!v)
				volumes.set(
					key,
					(v = { market: p.market, category: String(m.category), predicted: 0, billed: 0, cost: 0 as Micros })
				);
			if (p.outcome === 'charged') v.predicted++;
			if (m.billed) v.billed++;
			v.cost = (v.cost + p.charge) as Micros;
			r.predictedCost = (r.predictedCost + p.charge) as Micros;
			const mismatch = explain(m, p);
			if (mismatch) note(m, mismatch.kind, mismatch.reason);
			else r.matched++;
		}
	}
	r.byMarket = [...volumes.values()].sort(
		(a, b) => a.market.localeCompare(b.market) || a.category.localeCompare(b.category)
	);
	return r;
}

/** One recipient's log as a sandbox scenario ("open in sandbox" shows prediction and log side by side). */
export function recipientLogScenario(
	recipient: string,
	sent: readonly LoggedMessage[],
	inbound: readonly InboundRecord[],
	timezone: string
): Scenario {
	const events: ScenarioEvent[] = [
		...inbound.map((i): ScenarioEvent => ({
			at: new Date(i.at).toISOString(),
			type: 'customer_message',
			...(i.referral ? { entry_point: 'ctwa_ad' as const } : {})
		})),
		...sent.flatMap((m) => {
			const e = eventOf(m);
			return e
				? [
						{
							...e,
							text: `wamid ${m.id.slice(-12)}: billed ${m.billed === null ? '?' : m.billed ? 'yes' : 'no'} (${m.category ?? 'no pricing'})`
						}
					]
				: [];
		})
	];
	return {
		format: 'wa-pricing-scenario/1',
		name: `Log of +${recipient}`,
		market: `+${recipient}`,
		timezone,
		account: { free_service_used: 0 },
		events
	};
}
