/**
 * Usage for the analytics page (issue "Analytics and reconciliation" §3): messages and cost per
 * local day, business phone number and category, from a priced run (its ledger) or from a webhook
 * log (predicted by the rules beside what Meta billed). Rows are small and few (days × categories),
 * so a log of a million statuses comes back from the worker as a few hundred rows.
 */
import { lookupRate } from '$lib/domain/rate-card';
import type { Scenario } from '$lib/domain/scenario';
import { localDate } from '$lib/domain/time';
import type { Micros } from '$lib/domain/units';
import type { Ledger, LedgerMessage } from '../ledger';
import { priceScenario } from '../price';
import type { BilledCategory, InboundRecord, ParsedLog } from './parse';
import { loggedMessages, recipientLogScenario, type LoggedMessage, type Reconciliation } from './reconcile';
import { validateRecipient } from '$lib/domain/markets';

export const CREDIT_CATEGORIES = [
	'marketing',
	'utility',
	'authentication',
	'authentication_international',
	'service'
] as const;
export type CreditCategory = (typeof CREDIT_CATEGORIES)[number];

export interface UsageRow {
	/** Local date (YYYY-MM-DD) in the account's time zone. */
	day: string;
	/** Business phone number id; null when the source names none. */
	phone: string | null;
	category: CreditCategory;
	/** Messages charged and free (included in a window, conversation or free tier) per the rules. */
	charged: number;
	free: number;
	/** Predicted cost (micro-units of `currency`). */
	cost: Micros;
	/** What Meta billed (logs only): messages, and their cost at list rates. */
	billed: number | null;
	billedCost: Micros | null;
}

/** A billed category of the webhooks as one of the five usage categories (null: not one of them). */
export function creditCategory(c: BilledCategory | 'unknown' | string | null): CreditCategory | null {
	switch (c) {
		case 'marketing':
		case 'marketing_lite':
		case 'group_marketing':
			return 'marketing';
		case 'utility':
		case 'group_utility':
			return 'utility';
		case 'authentication':
			return 'authentication';
		case 'authentication_international':
			return 'authentication_international';
		case 'service':
		case 'group_service':
		case 'referral_conversion':
			return 'service';
		default:
			return null;
	}
}

const ledgerCategory = (p: LedgerMessage): CreditCategory | null =>
	p.category === null
		? null
		: p.rate?.category === 'authentication_international'
			? 'authentication_international'
			: p.category;

class RowSet {
	private rows = new Map<string, UsageRow>();
	get(day: string, phone: string | null, category: CreditCategory, billed: boolean): UsageRow {
		const key = `${day}|${phone ?? ''}|${category}`;
		let r = this.rows.get(key);
		if (!r)
			this.rows.set(
				key,
				(r = {
					day,
					phone,
					category,
					charged: 0,
					free: 0,
					cost: 0 as Micros,
					billed: billed ? 0 : null,
					billedCost: billed ? (0 as Micros) : null
				})
			);
		return r;
	}
	list(): UsageRow[] {
		return [...this.rows.values()].sort(
			(a, b) =>
				(a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
				(a.phone ?? '').localeCompare(b.phone ?? '') ||
				CREDIT_CATEGORIES.indexOf(a.category) - CREDIT_CATEGORIES.indexOf(b.category)
		);
	}
}

function countPredicted(r: UsageRow, p: LedgerMessage): void {
	if (p.outcome === 'charged') r.charged++;
	else if (p.outcome === 'free' || p.outcome === 'included') r.free++;
	r.cost = (r.cost + p.charge) as Micros;
}

/** A priced run: its business messages per local day and category. */
export function ledgerUsageRows(ledger: Ledger, phone: string | null = null): UsageRow[] {
	const rows = new RowSet();
	for (const p of ledger.messages) {
		const category = ledgerCategory(p);
		if (!category) continue;
		countPredicted(rows.get(localDate(p.at, ledger.timezone), phone, category, false), p);
	}
	return rows.list();
}

/** A scenario priced here (a saved run's scenario in the worker). */
export const scenarioUsageRows = (scenario: Scenario): UsageRow[] => ledgerUsageRows(priceScenario(scenario));

export interface LogUsage {
	rows: UsageRow[];
	currency: string;
	/** The recipients' logs as sandbox scenarios, for "open in sandbox" on the first mismatches. */
	scenarios: Record<string, Scenario>;
}

/**
 * A parsed log's usage: each recipient's messages rebuilt and priced as reconcile() does, the
 * prediction and Meta's billing side by side per day. `recipients` are the ones whose scenario to
 * keep (the first mismatches'); the rest are priced and dropped.
 */
export function logUsage(
	log: ParsedLog,
	timezone: string,
	recipients: ReadonlySet<string> = new Set()
): LogUsage {
	const rows = new RowSet();
	const scenarios: Record<string, Scenario> = {};
	let currency = 'USD';
	const inboundBy = new Map<string, InboundRecord[]>();
	for (const i of log.inbound) {
		const list = inboundBy.get(i.from);
		if (list) list.push(i);
		else inboundBy.set(i.from, [i]);
	}
	const byRecipient = new Map<string, LoggedMessage[]>();
	for (const m of loggedMessages(log.statuses)) {
		const list = byRecipient.get(m.recipient);
		if (list) list.push(m);
		else byRecipient.set(m.recipient, [m]);
	}
	for (const [recipient, sent] of byRecipient) {
		if (validateRecipient(`+${recipient}`)) continue;
		const scenario = recipientLogScenario(recipient, sent, inboundBy.get(recipient) ?? [], timezone);
		if (recipients.has(recipient)) scenarios[recipient] = scenario;
		const ledger = priceScenario(scenario);
		currency = ledger.currency;
		const priced = ledger.messages
			.filter((p) => p.type !== 'customer_message')
			.sort((a, b) => a.event - b.event);
		let k = 0;
		for (const m of sent) {
			const category = creditCategory(m.category);
			// Same rule as the scenario: only messages with a pricing category became events.
			if (!m.category || !creditCategory(m.category)) continue;
			const p = priced[k++];
			if (!p || !category) continue;
			const r = rows.get(
				localDate(m.sentAt as LedgerMessage['at'], timezone),
				m.phoneNumberId,
				category,
				true
			);
			countPredicted(r, p);
			if (m.billed) {
				r.billed = (r.billed ?? 0) + 1;
				r.billedCost = ((r.billedCost ?? 0) + billedCharge(m, p, category, timezone)) as Micros;
			}
		}
	}
	return { rows: rows.list(), currency, scenarios };
}

/** A billed message's cost: the predicted charge when the rules charge it too, else the list rate. */
function billedCharge(
	m: LoggedMessage,
	p: LedgerMessage,
	category: CreditCategory,
	timezone: string
): Micros {
	if (p.outcome === 'charged') return p.charge;
	if (category === 'service' && m.model !== 'CBP') return 0 as Micros;
	const found = lookupRate({
		market: p.market,
		category,
		model: m.model === 'CBP' ? 'CBP' : 'PMP',
		date: localDate(m.sentAt as LedgerMessage['at'], timezone)
	});
	return found.ok ? found.rate : (0 as Micros);
}

/** Recipients of the first `n` mismatches (the scenarios worth keeping for "open in sandbox"). */
export function mismatchRecipients(r: Reconciliation, n = 20): Set<string> {
	const out = new Set<string>();
	for (const m of r.mismatches) {
		if (out.size >= n) break;
		out.add(m.recipient);
	}
	return out;
}
