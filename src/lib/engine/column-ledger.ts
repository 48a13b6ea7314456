/**
 * A `Ledger` read straight from columns (ledger-columns.ts): each message and snapshot is a small
 * view object whose fields are getters into the typed arrays, so opening a 100,000-message run costs
 * no copy and no sentence. A message's reason is worded the first time it is read (a row scrolled
 * into view, a popup) with the same `reasonOf` the object ledger uses, then kept.
 */
import { regimeById } from '$lib/domain/regimes';
import type { ConversationCategory, Scenario, TemplateCategory, TimedEvent } from '$lib/domain/scenario';
import type { EpochMs, Micros } from '$lib/domain/units';
import type { Ledger, LedgerMessage, LedgerSnapshot, RateRef } from './ledger';
import { MESSAGE_CATEGORIES, MESSAGE_TYPES, NONE, NONE_U8, type LedgerColumns } from './ledger-columns';
import { reasonOf } from './materialize';
import { outcomeOf, REASON_CODES, type Outcome, type ReasonCode } from './rules';
import type { TierDecision } from './volume-tier-counter';

const orNull = (x: number): number | null => (x === NONE ? null : x);
const timeOrNull = (x: number): EpochMs | null => (Number.isNaN(x) ? null : (x as EpochMs));

class ColumnMessage implements LedgerMessage {
	constructor(
		private readonly c: LedgerColumns,
		private readonly words: ({ reason: string; volumeTier: string | null } | undefined)[],
		readonly event: number
	) {}
	get at(): EpochMs {
		return this.c.messages.at[this.event] as EpochMs;
	}
	get type(): LedgerMessage['type'] {
		return MESSAGE_TYPES[this.c.messages.type[this.event] as number] as LedgerMessage['type'];
	}
	get category(): TemplateCategory | 'service' | null {
		const k = this.c.messages.category[this.event] as number;
		return k === NONE_U8 ? null : (MESSAGE_CATEGORIES[k] as TemplateCategory | 'service');
	}
	get code(): ReasonCode {
		return REASON_CODES[this.c.messages.code[this.event] as number] as ReasonCode;
	}
	get outcome(): Outcome {
		return outcomeOf(this.code);
	}
	get charge(): Micros {
		return this.c.messages.charge[this.event] as Micros;
	}
	get regime(): LedgerMessage['regime'] {
		return this.c.regimeIds[this.c.messages.regime[this.event] as number] as LedgerMessage['regime'];
	}
	get market(): string {
		return this.c.markets[this.c.messages.market[this.event] as number] as string;
	}
	get conversation(): number | null {
		return orNull(this.c.messages.conversation[this.event] as number);
	}
	get rate(): RateRef | null {
		const r = this.c.messages.rate[this.event] as number;
		return r === NONE ? null : (this.c.rates[r] as RateRef);
	}
	get unpriced(): boolean {
		return this.c.messages.unpriced[this.event] === 1;
	}
	get until(): EpochMs | null {
		return timeOrNull(this.c.messages.until[this.event] as number);
	}
	get freeTierUsed(): number | null {
		return orNull(this.c.messages.freeTierUsed[this.event] as number);
	}
	get providerCharge(): Micros {
		return this.c.messages.providerCharge[this.event] as Micros;
	}
	/** Written once by the provider's price list (adjustments.ts) while the ledger is built. */
	set providerCharge(v: Micros) {
		this.c.messages.providerCharge[this.event] = v;
	}
	get tier(): TierDecision | null {
		const k = this.c.messages.tier[this.event] as number;
		if (k === NONE) return null;
		return { ...this.c.tiers[k], count: this.c.messages.tierCount[this.event] } as TierDecision;
	}
	/** The sentences, worded on first read and kept. */
	private get worded(): { reason: string; volumeTier: string | null } {
		let w = this.words[this.event];
		if (!w) {
			const noRate = this.c.messages.noRateReason[this.event] as number;
			const conversation = this.conversation;
			w = reasonOf(
				this.code,
				{
					category: this.category,
					regime: regimeById(this.regime),
					until: this.until,
					freeTierUsed: this.freeTierUsed,
					charge: this.charge,
					rate: this.rate,
					unpriced: this.unpriced,
					noRateReason: noRate === NONE ? null : (this.c.texts[noRate] as string),
					currency: this.c.summary.currency,
					timezone: this.c.summary.timezone,
					conversationCategory:
						conversation === null ? null : (this.c.summary.conversations[conversation]?.category ?? null)
				},
				this.tier
			);
			this.words[this.event] = w;
		}
		return w;
	}
	get reason(): string {
		return this.worded.reason;
	}
	get volumeTier(): string | null {
		return this.worded.volumeTier;
	}
	/** The message as a plain object (exports, comparisons): every field, the sentence included. */
	toJSON(): LedgerMessage {
		return plainMessage(this);
	}
}

class ColumnSnapshot implements LedgerSnapshot {
	constructor(
		private readonly c: LedgerColumns,
		private readonly i: number
	) {}
	get at(): EpochMs {
		return this.c.snapshots.at[this.i] as EpochMs;
	}
	get serviceWindow(): LedgerSnapshot['serviceWindow'] {
		const s = this.c.snapshots;
		const id = s.serviceWindow[this.i] as number;
		return id === NONE
			? null
			: {
					id,
					expiresAt: s.serviceExpiresAt[this.i] as EpochMs,
					lastResetAt: s.serviceLastResetAt[this.i] as EpochMs
				};
	}
	get freeEntryPoint(): number | null {
		return orNull(this.c.snapshots.freeEntryPoint[this.i] as number);
	}
	get conversations(): number[] {
		const s = this.c.snapshots;
		return Array.from(s.convIds.subarray(s.convStart[this.i], s.convStart[this.i + 1]));
	}
	get messagesSoFar(): number {
		return this.c.snapshots.messagesSoFar[this.i] as number;
	}
	get total(): Micros {
		return this.c.snapshots.total[this.i] as Micros;
	}
	get totalsByCategory(): Record<ConversationCategory, Micros> {
		const t = this.c.snapshots.totals;
		const o = this.i * 4;
		return {
			marketing: t[o] as Micros,
			utility: t[o + 1] as Micros,
			authentication: t[o + 2] as Micros,
			service: t[o + 3] as Micros
		};
	}
	toJSON(): LedgerSnapshot {
		const { at, serviceWindow, freeEntryPoint, conversations, messagesSoFar, total, totalsByCategory } = this;
		return { at, serviceWindow, freeEntryPoint, conversations, messagesSoFar, total, totalsByCategory };
	}
}

/** Every field of a message read once into a plain object. */
export function plainMessage(m: LedgerMessage): LedgerMessage {
	return {
		event: m.event,
		at: m.at,
		type: m.type,
		category: m.category,
		outcome: m.outcome,
		charge: m.charge,
		code: m.code,
		reason: m.reason,
		regime: m.regime,
		market: m.market,
		conversation: m.conversation,
		rate: m.rate,
		unpriced: m.unpriced,
		until: m.until,
		freeTierUsed: m.freeTierUsed,
		providerCharge: m.providerCharge,
		volumeTier: m.volumeTier,
		tier: m.tier
	};
}

/** The ledger the columns hold, as views (no copy); `JSON.stringify` gives the plain ledger. */
export function ledgerOfColumns(cols: LedgerColumns): Ledger {
	const words = new Array<{ reason: string; volumeTier: string | null } | undefined>(cols.length);
	const messages = new Array<LedgerMessage>(cols.length);
	for (let i = 0; i < cols.length; i++) messages[i] = new ColumnMessage(cols, words, i);
	const snapshots = new Array<LedgerSnapshot>(cols.snapshots.length);
	for (let i = 0; i < cols.snapshots.length; i++) snapshots[i] = new ColumnSnapshot(cols, i);
	return { ...cols.summary, messages, snapshots };
}

/** The scenario's events in time order, as `timedEvents` gives them, from the columns' order and times. */
export const timedEventsOfColumns = (cols: LedgerColumns, scenario: Scenario): TimedEvent[] =>
	timedEventsOfOrder(cols.order, cols.messages.at, scenario);

/** `timedEvents` from the time order (input indexes) and each event's instant (by input index). */
export function timedEventsOfOrder(order: Int32Array, at: Float64Array, scenario: Scenario): TimedEvent[] {
	const out = new Array<TimedEvent>(order.length);
	for (let i = 0; i < order.length; i++) {
		const index = order[i] as number;
		out[i] = {
			index,
			t: at[index] as EpochMs,
			event: scenario.events[index] as Scenario['events'][number]
		};
	}
	return out;
}
