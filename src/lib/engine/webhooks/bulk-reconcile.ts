/**
 * Reconciliation and usage of a compactly read log in one pass on the bulk path (issue 12: a
 * million statuses in seconds). The same rebuilding as reconcile.ts and usage.ts — per recipient,
 * the inbound messages and the business messages with a pricing category become events — but the
 * events go to the kernel (engine/kernel.ts, the same rules table as the machines) as typed arrays,
 * a pricing context is shared by recipients whose numbers resolve alike, and reason sentences are
 * made only for the mismatches that are kept. reconcile() and logUsage() stay as the reference the
 * tests compare this against.
 */
import { MARKET_ROWS } from '$lib/domain/data/markets.generated';
import { validateRecipient } from '$lib/domain/markets';
import { lookupRate } from '$lib/domain/rate-card';
import type { Scenario } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import {
	CATEGORIES as KERNEL_CATEGORIES,
	KIND_CUSTOMER,
	KIND_CUSTOMER_ENTRY,
	KIND_FREE_FORM,
	KIND_TEMPLATE,
	NO_RATE,
	RATE_CATEGORIES,
	runKernel,
	type EncodedEvents
} from '../kernel';
import { DayInfo, PricingContext } from '../pricing-context';
import { kernelReplay } from '../replay';
import { outcomeOf, REASON_CODES, type Outcome, type ReasonCode } from '../rules';
import { categoryName, CompactLogReader, modelName, type CompactMessages } from './compact-log';
import type { BilledCategory, InboundRecord } from './parse';
import {
	explainMismatch,
	recipientLogScenario,
	type LoggedMessage,
	type MismatchKind,
	type Reconciliation
} from './reconcile';
import { creditCategory, CREDIT_CATEGORIES, type CreditCategory, type UsageRow } from './usage';

export interface BulkResult {
	reconciliation: Reconciliation;
	usage: UsageRow[];
	currency: string;
	/** Recipients of the first mismatches → their log as a sandbox scenario. */
	scenarios: Record<string, Scenario>;
	phones: string[];
}

/** Digits that decide a number's market on any date (the longest prefix of the market table, NANP area codes). */
const KEY_DIGITS = Math.max(4, ...MARKET_ROWS.map((r) => r.prefix.length));

/** A pricing context whose local days are found by quarter hour (recipients jump back in time). */
class QuarterDayContext extends PricingContext {
	private quarters = new Map<number, DayInfo>();
	override dayAt(t: EpochMs): DayInfo {
		const q = Math.floor(t / 900_000);
		const hit = this.quarters.get(q);
		if (hit && t >= hit.start && t < hit.end) return hit;
		const day = super.dayAt(t);
		this.quarters.set(q, day);
		return day;
	}
}

/** Category code (compact-log) → kernel event: template category index, free-form, or none. */
const EVENT_OF: number[] = [];
{
	const kernelIndex = (c: string) => KERNEL_CATEGORIES.indexOf(c as never);
	const template: Partial<Record<string, string>> = {
		marketing: 'marketing',
		marketing_lite: 'marketing',
		utility: 'utility',
		authentication: 'authentication',
		authentication_international: 'authentication'
	};
	for (let code = 0; code <= 255; code++) {
		const name = categoryName(code);
		const t = name ? template[name] : undefined;
		// 0..2 a template of that category, 3 free-form (service), -1 no event.
		EVENT_OF[code] = t ? kernelIndex(t) : name === 'service' || name === 'referral_conversion' ? 3 : -1;
	}
}
const CREDIT_OF: (CreditCategory | null)[] = [];
for (let code = 0; code <= 255; code++) CREDIT_OF[code] = creditCategory(categoryName(code));
const CATEGORY_NAME = Array.from({ length: 256 }, (_, code) => categoryName(code));
const CREDIT_COUNT = CREDIT_CATEGORIES.length;
const CREDIT_INDEX = CREDIT_OF.map((c) => (c ? CREDIT_CATEGORIES.indexOf(c) : -1));
const AUTH_INTERNATIONAL = CATEGORY_NAME.indexOf('authentication_international');
const OUTCOME = REASON_CODES.map((c) => outcomeOf(c));

const scenarioOf = (recipient: string, timezone: string): Scenario => ({
	format: 'wa-pricing-scenario/1',
	name: `Log of +${recipient}`,
	market: `+${recipient}`,
	timezone,
	account: { free_service_used: 0 },
	events: []
});

export function reconcileCompact(
	reader: CompactLogReader,
	timezone = 'UTC',
	keep = 200,
	scenarioRecipients = 20
): BulkResult {
	const msgs = reader.messages();
	const inb = reader.inboundMessages();
	const recipients = reader.recipients.list;
	const R = recipients.length;

	// Messages grouped by recipient (counting sort), each group in send order (time, then id).
	const msgStart = new Int32Array(R + 1);
	for (let m = 0; m < msgs.count; m++) msgStart[(msgs.recipient[m] as number) + 1]!++;
	for (let r = 0; r < R; r++) msgStart[r + 1]! += msgStart[r] as number;
	const byRecipient = new Int32Array(msgs.count);
	{
		const fill = msgStart.slice(0, R);
		for (let m = 0; m < msgs.count; m++) byRecipient[fill[msgs.recipient[m] as number]!++] = m;
	}
	const { sentAt, ids } = msgs;
	const sendOrder = (a: number, b: number) =>
		(sentAt[a] as number) - (sentAt[b] as number) || ((ids[a] as string) < (ids[b] as string) ? -1 : 1);
	for (let r = 0; r < R; r++) byRecipient.subarray(msgStart[r], msgStart[r + 1]).sort(sendOrder);
	// Recipients in the order of their first message (as reconcile() walks them).
	const order: number[] = [];
	for (let r = 0; r < R; r++) if ((msgStart[r + 1] as number) > (msgStart[r] as number)) order.push(r);
	order.sort((a, b) => sendOrder(byRecipient[msgStart[a] as number]!, byRecipient[msgStart[b] as number]!));

	// Inbound messages grouped by sender, in arrival order.
	const inStart = new Int32Array(R + 1);
	for (let i = 0; i < inb.count; i++) inStart[(inb.from[i] as number) + 1]!++;
	for (let r = 0; r < R; r++) inStart[r + 1]! += inStart[r] as number;
	const inByRecipient = new Int32Array(inb.count);
	{
		const fill = inStart.slice(0, R);
		for (let i = 0; i < inb.count; i++) inByRecipient[fill[inb.from[i] as number]!++] = i;
	}

	const rec: Reconciliation = {
		messages: msgs.count,
		compared: 0,
		matched: 0,
		mismatched: { billed_but_free: 0, free_but_charged: 0, category: 0, unpriced: 0, not_compared: 0 },
		mismatches: [],
		byMarket: [],
		predictedCost: 0 as Micros,
		currency: 'USD',
		skippedRecipients: []
	};
	// Totals per market and category, and usage rows per day, business number and category: found
	// by the market's and the day's string (the same string each time) and a small index.
	const volumes = new Map<string, (Reconciliation['byMarket'][number] | undefined)[]>();
	const rows = new Map<string, (UsageRow | undefined)[]>();
	const phones = reader.phones.list;
	const contexts = new Map<string, QuarterDayContext>();
	const rates = new Map<string, Micros>();
	const mismatchRecipients: number[] = [];

	// Reused event buffers, grown to the largest recipient.
	let cap = 0;
	let ev: EncodedEvents = {
		length: 0,
		t: new Float64Array(0),
		kind: new Uint8Array(0),
		category: new Uint8Array(0),
		delivered: new Uint8Array(0),
		index: new Int32Array(0)
	};
	let tmpT = new Float64Array(0);
	let tmpOrder = new Int32Array(0);
	let posOf = new Int32Array(0);

	for (const r of order) {
		const recipient = recipients[r] as string;
		const invalid = validateRecipient(`+${recipient}`);
		if (invalid) {
			rec.skippedRecipients.push({ recipient, reason: invalid });
			continue;
		}
		const key = recipient.replace(/[\s\-()]/g, '').slice(0, KEY_DIGITS);
		let ctx = contexts.get(key);
		if (!ctx) contexts.set(key, (ctx = new QuarterDayContext(scenarioOf(recipient, timezone))));
		rec.currency = ctx.currency;

		const i0 = inStart[r] as number;
		const nIn = (inStart[r + 1] as number) - i0;
		const m0 = msgStart[r] as number;
		const nMsg = (msgStart[r + 1] as number) - m0;
		const n = nIn + nMsg;
		if (n > cap) {
			cap = Math.max(n, cap * 2, 256);
			ev = {
				length: 0,
				t: new Float64Array(cap),
				kind: new Uint8Array(cap),
				category: new Uint8Array(cap),
				delivered: new Uint8Array(cap),
				index: new Int32Array(cap)
			};
			tmpT = new Float64Array(cap);
			tmpOrder = new Int32Array(cap);
			posOf = new Int32Array(cap);
		}
		// Events in scenario order: inbound first, then the messages that have a pricing category.
		let e = 0;
		for (let k = 0; k < nIn; k++) {
			const i = inByRecipient[i0 + k] as number;
			tmpT[e] = inb.at[i] as number;
			tmpOrder[e] = e;
			e++;
		}
		for (let k = 0; k < nMsg; k++) {
			const m = byRecipient[m0 + k] as number;
			if ((EVENT_OF[msgs.category[m] as number] as number) < 0) continue;
			tmpT[e] = sentAt[m] as number;
			tmpOrder[e] = e;
			e++;
		}
		// timedEvents' order: by time, then position.
		const sorted = tmpOrder.subarray(0, e).sort((a, b) => (tmpT[a] as number) - (tmpT[b] as number) || a - b);
		ev.length = e;
		// Fill the encoded events from the sorted positions.
		const eventMsg = (idx: number): number => {
			// The idx-th event among the messages (after nIn inbound ones).
			return eventMessages[idx - nIn] as number;
		};
		const eventMessages: number[] = [];
		for (let k = 0; k < nMsg; k++) {
			const m = byRecipient[m0 + k] as number;
			if ((EVENT_OF[msgs.category[m] as number] as number) >= 0) eventMessages.push(m);
		}
		for (let i = 0; i < e; i++) {
			const idx = sorted[i] as number;
			ev.t[i] = tmpT[idx] as number;
			ev.index[i] = idx;
			posOf[idx] = i;
			if (idx < nIn) {
				ev.kind[i] = inb.referral[inByRecipient[i0 + idx] as number] ? KIND_CUSTOMER_ENTRY : KIND_CUSTOMER;
				ev.category[i] = 0;
				ev.delivered[i] = 1;
			} else {
				const m = eventMsg(idx);
				const c = EVENT_OF[msgs.category[m] as number] as number;
				ev.kind[i] = c === 3 ? KIND_FREE_FORM : KIND_TEMPLATE;
				ev.category[i] = c;
				ev.delivered[i] = CompactLogReader.failed(msgs.seen[m] as number) ? 0 : 1;
			}
		}
		const out = runKernel(ev, ctx);

		let ledger: ReturnType<typeof kernelReplay> | null = null;
		const reasonOf = (idx: number) => {
			ledger ??= kernelReplay(
				recipientScenario(
					reader,
					msgs,
					r,
					timezone,
					inByRecipient,
					i0,
					nIn,
					byRecipient.subarray(m0, m0 + nMsg)
				)
			);
			return ledger.messages[idx]?.reason ?? '';
		};
		const note = (m: number, kind: MismatchKind, reason: () => string) => {
			rec.mismatched[kind]++;
			if (rec.mismatches.length < keep) {
				rec.mismatches.push({
					id: ids[m] as string,
					recipient,
					at: new Date(sentAt[m] as number).toISOString(),
					kind,
					reason: reason()
				});
				if (mismatchRecipients[mismatchRecipients.length - 1] !== r) mismatchRecipients.push(r);
			}
		};

		let k = nIn;
		for (let j = 0; j < nMsg; j++) {
			const m = byRecipient[m0 + j] as number;
			const cat = msgs.category[m] as number;
			if ((EVENT_OF[cat] as number) < 0) {
				note(
					m,
					'not_compared',
					() => `no pricing category in the log (category ${categoryName(cat) ?? 'missing'}): not compared`
				);
				continue;
			}
			const idx = k++;
			const i = posOf[idx] as number;
			const t = ev.t[i] as number;
			const day = ctx.dayAt(t as EpochMs);
			const market = day.market.market;
			const code = REASON_CODES[out.code[i] as number] as ReasonCode;
			const outcome = OUTCOME[out.code[i] as number] as Outcome;
			const charge = out.charge[i] as number;
			const unpriced = out.unpriced[i] === 1;
			const rc = out.rateCategory[i] as number;
			const billedCode = msgs.billed[m] as number;
			const billed = billedCode === -1 ? null : billedCode === 1;
			const category = CATEGORY_NAME[cat] as BilledCategory | 'unknown';
			rec.compared++;
			let byCategory = volumes.get(market);
			if (!byCategory) volumes.set(market, (byCategory = []));
			let v = byCategory[cat];
			if (!v)
				byCategory[cat] = v = {
					market,
					category: String(category),
					predicted: 0,
					billed: 0,
					cost: 0 as Micros
				};
			if (outcome === 'charged') v.predicted++;
			if (billed) v.billed++;
			v.cost = (v.cost + charge) as Micros;
			rec.predictedCost = (rec.predictedCost + charge) as Micros;
			// Only these can be a mismatch (explainMismatch's cases); the rest match without asking.
			const mismatch =
				(billed !== null && billed !== (outcome === 'charged')) || unpriced || cat === AUTH_INTERNATIONAL
					? explainMismatch(
							category,
							billed,
							{
								outcome,
								code,
								unpriced,
								rateCategory: rc === NO_RATE || unpriced ? null : (RATE_CATEGORIES[rc] ?? null)
							},
							() => reasonOf(idx)
						)
					: null;
			if (mismatch) note(m, mismatch.kind, mismatch.reason);
			else rec.matched++;

			// Usage per local day, business number and category: predicted beside billed.
			const credit = CREDIT_OF[cat];
			if (!credit) continue;
			const phone = msgs.phone[m] as number;
			let byRow = rows.get(day.date);
			if (!byRow) rows.set(day.date, (byRow = []));
			const slot = (phone + 1) * CREDIT_COUNT + (CREDIT_INDEX[cat] as number);
			let row = byRow[slot];
			if (!row)
				byRow[slot] = row = {
					day: day.date,
					phone: phone < 0 ? null : (phones[phone] as string),
					category: credit,
					charged: 0,
					free: 0,
					cost: 0 as Micros,
					billed: 0,
					billedCost: 0 as Micros
				};
			if (outcome === 'charged') row.charged++;
			else if (outcome === 'free' || outcome === 'included') row.free++;
			row.cost = (row.cost + charge) as Micros;
			if (billed) {
				row.billed = (row.billed ?? 0) + 1;
				let cost = charge as Micros;
				if (outcome !== 'charged') {
					const model = modelName(msgs.model[m] as number) === 'CBP' ? 'CBP' : 'PMP';
					if (credit === 'service' && model !== 'CBP') cost = 0 as Micros;
					else {
						const lk = `${market}|${credit}|${model}|${day.date}`;
						let found = rates.get(lk);
						if (found === undefined) {
							const l = lookupRate({ market, category: credit, model, date: day.date });
							rates.set(lk, (found = l.ok ? l.rate : (0 as Micros)));
						}
						cost = found;
					}
				}
				row.billedCost = ((row.billedCost ?? 0) + cost) as Micros;
			}
		}
	}
	rec.byMarket = [...volumes.values()]
		.flatMap((byCategory) => byCategory.filter((v) => v !== undefined))
		.sort((a, b) => a.market.localeCompare(b.market) || a.category.localeCompare(b.category));
	const usage = [...rows.values()]
		.flatMap((byRow) => byRow.filter((r) => r !== undefined))
		.sort(
			(a, b) =>
				(a.day < b.day ? -1 : a.day > b.day ? 1 : 0) ||
				(a.phone ?? '').localeCompare(b.phone ?? '') ||
				CREDIT_CATEGORIES.indexOf(a.category) - CREDIT_CATEGORIES.indexOf(b.category)
		);
	const scenarios: Record<string, Scenario> = {};
	for (const r of mismatchRecipients.slice(0, scenarioRecipients)) {
		const i0 = inStart[r] as number;
		scenarios[recipients[r] as string] = recipientScenario(
			reader,
			msgs,
			r,
			timezone,
			inByRecipient,
			i0,
			(inStart[r + 1] as number) - i0,
			byRecipient.subarray(msgStart[r], msgStart[r + 1])
		);
	}
	const phoneList = [...reader.statusPhones].map((p) => phones[p] as string).sort();
	return { reconciliation: rec, usage, currency: rec.currency, scenarios, phones: phoneList };
}

/** One message as reconcile.ts describes it (for the few recipients whose scenario is kept). */
export function loggedMessage(reader: CompactLogReader, msgs: CompactMessages, m: number): LoggedMessage {
	const billed = msgs.billed[m] as number;
	const conv = msgs.conversation[m] as number;
	const phone = msgs.phone[m] as number;
	return {
		id: msgs.ids[m] as string,
		recipient: reader.recipients.list[msgs.recipient[m] as number] as string,
		phoneNumberId: phone < 0 ? null : (reader.phones.list[phone] as string),
		sentAt: msgs.sentAt[m] as number,
		category: categoryName(msgs.category[m] as number),
		model: modelName(msgs.model[m] as number),
		billed: billed === -1 ? null : billed === 1,
		conversationId: conv < 0 ? null : reader.conversationId(conv),
		delivered: CompactLogReader.delivered(msgs.seen[m] as number),
		failed: CompactLogReader.failed(msgs.seen[m] as number),
		errorCodes: msgs.errorCodes.get(m) ?? []
	};
}

function recipientScenario(
	reader: CompactLogReader,
	msgs: CompactMessages,
	r: number,
	timezone: string,
	inByRecipient: Int32Array,
	i0: number,
	nIn: number,
	sent: Int32Array
): Scenario {
	const recipient = reader.recipients.list[r] as string;
	const inbound = reader.inboundMessages();
	const list: InboundRecord[] = [];
	for (let k = 0; k < nIn; k++) {
		const i = inByRecipient[i0 + k] as number;
		const phone = inbound.phone[i] as number;
		list.push({
			from: recipient,
			at: inbound.at[i] as number,
			referral: inbound.referral[i] === 1,
			phoneNumberId: phone < 0 ? null : (reader.phones.list[phone] as string)
		});
	}
	const logged = Array.from(sent, (m) => loggedMessage(reader, msgs, m));
	return recipientLogScenario(recipient, logged, list, timezone);
}
