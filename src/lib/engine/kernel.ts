/**
 * The reference reducer: the pricing rules of pricing-rules.md §1, §2, §6 and §7 written straight,
 * without XState, over events packed in typed arrays. Two jobs: it is the independent statement the
 * property tests compare the machines against, and it is the fast kernel for bulk forecasting
 * (benchmarked in bench/). Keep it allocation-free per event: no strings, no objects in the loop
 * except when a conversation or window opens.
 */
import {
	CBP_FREE_SERVICE_CONVERSATIONS,
	PMP_FREE_SERVICE_MESSAGES,
	US_MARKETING_PAUSE_FROM,
	type Regime
} from '$lib/domain/regimes';
import type { TimedEvent } from '$lib/domain/scenario';
import type { RateCategory, RateLookup } from '$lib/domain/rate-card';
import {
	CONVERSATION_DURATION,
	CUSTOMER_SERVICE_WINDOW,
	FREE_ENTRY_POINT_DURATION,
	FREE_ENTRY_POINT_REPLY_LIMIT,
	type EpochMs,
	type Micros
} from '$lib/domain/units';
import type { LedgerConversation, LedgerWindow, ReasonCode } from './ledger';
import type { PricingContext } from './pricing-context';
import { VolumeTierCounter, type TierDecision } from './volume-tier-counter';

export const REASON_CODES: readonly ReasonCode[] = [
	'received',
	'received_entry_point',
	'blocked_outside_window',
	'not_delivered',
	'us_marketing_paused',
	'free_entry_point_opened',
	'in_free_entry_point',
	'conversation_opened',
	'in_open_conversation',
	'free_form_in_open_conversation',
	'service_free_tier',
	'service_conversation_free',
	'utility_in_spanning_conversation',
	'utility_in_service_window',
	'template_charged',
	'service_message_free',
	'service_message_free_tier',
	'service_message_charged'
];
const C = Object.fromEntries(REASON_CODES.map((c, i) => [c, i])) as Record<ReasonCode, number>;

/** Event kinds and categories as small integers. */
export const KIND_CUSTOMER = 0;
export const KIND_CUSTOMER_ENTRY = 1;
export const KIND_FREE_FORM = 2;
export const KIND_TEMPLATE = 3;
/** Conversation categories by index; templates use 0..2. */
export const CATEGORIES = ['marketing', 'utility', 'authentication', 'service'] as const;
const SERVICE = 3;
const UTILITY = 1;
const MARKETING = 0;
export const RATE_CATEGORIES: readonly RateCategory[] = [
	'marketing',
	'utility',
	'authentication',
	'service',
	'authentication_international'
];
export const NO_RATE = 255;

export interface EncodedEvents {
	length: number;
	t: Float64Array;
	kind: Uint8Array;
	category: Uint8Array;
	delivered: Uint8Array;
	/** Position of each event in the input file. */
	index: Int32Array;
}

export function encodeEvents(events: readonly TimedEvent[]): EncodedEvents {
	const n = events.length;
	const out: EncodedEvents = {
		length: n,
		t: new Float64Array(n),
		kind: new Uint8Array(n),
		category: new Uint8Array(n),
		delivered: new Uint8Array(n),
		index: new Int32Array(n)
	};
	events.forEach(({ t, index, event }, i) => {
		out.t[i] = t;
		out.index[i] = index;
		out.delivered[i] = event.type !== 'customer_message' && event.delivered === false ? 0 : 1;
		if (event.type === 'customer_message')
			out.kind[i] = event.entry_point ? KIND_CUSTOMER_ENTRY : KIND_CUSTOMER;
		else if (event.type === 'business_message') {
			out.kind[i] = KIND_FREE_FORM;
			out.category[i] = SERVICE;
		} else {
			out.kind[i] = KIND_TEMPLATE;
			out.category[i] = CATEGORIES.indexOf(event.category);
		}
	});
	return out;
}

/** Per-event results in typed arrays (position = time order); `materialize` turns them into a ledger. */
export interface KernelOutput {
	code: Uint8Array;
	charge: Float64Array;
	conversation: Int32Array;
	until: Float64Array;
	freeTierUsed: Int32Array;
	rateCategory: Uint8Array;
	unpriced: Uint8Array;
	regime: (Regime | undefined)[];
	/** Volume-tier decision of each tiered charge (sparse: most events have none). */
	tier: (TierDecision | undefined)[];
	conversations: LedgerConversation[];
	windows: LedgerWindow[];
}

export function runKernel(ev: EncodedEvents, ctx: PricingContext): KernelOutput {
	const n = ev.length;
	const out: KernelOutput = {
		code: new Uint8Array(n),
		charge: new Float64Array(n),
		conversation: new Int32Array(n).fill(-1),
		until: new Float64Array(n).fill(NaN),
		freeTierUsed: new Int32Array(n).fill(-1),
		rateCategory: new Uint8Array(n).fill(NO_RATE),
		unpriced: new Uint8Array(n),
		regime: new Array<Regime | undefined>(n),
		tier: new Array<TierDecision | undefined>(n),
		conversations: [],
		windows: []
	};
	const open = (end: number, t: number) => ctx.isOpen(end, t);

	let cswEnd = -Infinity;
	let csw: LedgerWindow | null = null;
	let fepEligibleUntil = -Infinity;
	let fepEnd = -Infinity;
	const convEnd = [-Infinity, -Infinity, -Infinity, -Infinity];
	const conv: (LedgerConversation | null)[] = [null, null, null, null];
	let freeMonth = '';
	let freeUsed = 0;
	const firstMonth = n > 0 ? ctx.dayAt(ev.t[0] as EpochMs).month : '';
	const tiers = new VolumeTierCounter(
		ctx,
		n > 0 ? firstMonth : null,
		n > 0 ? ctx.dayAt(ev.t[0] as EpochMs).market.market : null
	);

	const charge = (i: number, rateCat: number, lookup: RateLookup): number => {
		out.rateCategory[i] = rateCat;
		if (!lookup.ok) {
			out.unpriced[i] = 1;
			return 0;
		}
		out.charge[i] = lookup.rate;
		return lookup.rate;
	};
	// Free tiers reset at the start of each month in the account's zone; the scenario says how many
	// units were already used in the month it starts in.
	const useFreeTier = (month: string, limit: number): boolean => {
		if (month !== freeMonth) {
			freeMonth = month;
			freeUsed = month === firstMonth ? ctx.initialFreeUsed : 0;
		}
		return freeUsed < limit;
	};

	for (let i = 0; i < n; i++) {
		const t = ev.t[i] as number;
		const kind = ev.kind[i] as number;
		const day = ctx.dayAt(t as EpochMs);
		const regime = ctx.regimeFor(day);
		out.regime[i] = regime;

		if (kind === KIND_CUSTOMER || kind === KIND_CUSTOMER_ENTRY) {
			// The customer service window opens, or restarts its 24 h (§1.5).
			if (open(cswEnd, t) && csw) {
				csw.expiresAt = (t + CUSTOMER_SERVICE_WINDOW) as EpochMs;
				csw.lastResetAt = t as EpochMs;
			} else {
				csw = {
					id: out.windows.length,
					kind: 'customer_service',
					openedAt: t as EpochMs,
					expiresAt: (t + CUSTOMER_SERVICE_WINDOW) as EpochMs,
					lastResetAt: t as EpochMs,
					openedBy: ev.index[i] as number
				};
				out.windows.push(csw);
			}
			cswEnd = t + CUSTOMER_SERVICE_WINDOW;
			out.until[i] = cswEnd;
			if (kind === KIND_CUSTOMER_ENTRY) {
				fepEligibleUntil = t + FREE_ENTRY_POINT_REPLY_LIMIT;
				out.code[i] = C.received_entry_point;
			} else out.code[i] = C.received;
			continue;
		}

		const cat = ev.category[i] as number;
		const freeForm = kind === KIND_FREE_FORM;
		if (freeForm && !open(cswEnd, t)) {
			out.code[i] = C.blocked_outside_window;
			continue;
		}
		if (ev.delivered[i] === 0) {
			out.code[i] = C.not_delivered;
			continue;
		}
		if (cat === MARKETING && !freeForm && day.market.isUnitedStates && day.date >= US_MARKETING_PAUSE_FROM) {
			out.code[i] = C.us_marketing_paused;
			continue;
		}
		if (open(fepEnd, t)) {
			out.code[i] = C.in_free_entry_point;
			out.until[i] = fepEnd;
			continue;
		}
		if (open(fepEligibleUntil, t)) {
			// A free entry point opens, closing every open conversation (§1.6).
			fepEnd = t + FREE_ENTRY_POINT_DURATION;
			fepEligibleUntil = -Infinity;
			out.windows.push({
				id: out.windows.length,
				kind: 'free_entry_point',
				openedAt: t as EpochMs,
				expiresAt: fepEnd as EpochMs,
				lastResetAt: t as EpochMs,
				openedBy: ev.index[i] as number
			});
			for (let c = 0; c < 4; c++) {
				const cv = conv[c];
				if (cv && open(convEnd[c] as number, t)) cv.closedAt = t as EpochMs;
				convEnd[c] = -Infinity;
			}
			out.code[i] = C.free_entry_point_opened;
			out.until[i] = fepEnd;
			continue;
		}

		if (regime.model === 'CBP') {
			// Conversation-based pricing (§1.3, §1.4): at most one open conversation per category.
			let ride = -1;
			if (freeForm) {
				// Any open conversation carries a free-form message; prefer service, then the oldest.
				if (open(convEnd[SERVICE] as number, t)) ride = SERVICE;
				else
					for (let c = 0; c < 3; c++) {
						if (!open(convEnd[c] as number, t)) continue;
						if (
							ride < 0 ||
							(conv[c] as LedgerConversation).openedAt < (conv[ride] as LedgerConversation).openedAt
						)
							ride = c;
					}
			} else if (open(convEnd[cat] as number, t)) ride = cat;
			if (ride >= 0) {
				const cv = conv[ride] as LedgerConversation;
				out.code[i] =
					freeForm && ride !== SERVICE ? C.free_form_in_open_conversation : C.in_open_conversation;
				out.conversation[i] = cv.id;
				out.until[i] = cv.expiresAt;
				continue;
			}
			// Open a conversation of this category.
			const expires = t + CONVERSATION_DURATION;
			let amount = 0;
			if (freeForm && regime.service === 'free') out.code[i] = C.service_conversation_free;
			else if (freeForm && useFreeTier(day.month, CBP_FREE_SERVICE_CONVERSATIONS)) {
				freeUsed++;
				out.freeTierUsed[i] = freeUsed;
				out.code[i] = C.service_free_tier;
			} else {
				const rc = freeForm ? 'service' : ctx.rateCategoryFor(CATEGORIES[cat] as 'marketing', day);
				amount = charge(i, RATE_CATEGORIES.indexOf(rc), day.rate(rc, regime));
				out.code[i] = C.conversation_opened;
			}
			const cv: LedgerConversation = {
				id: out.conversations.length,
				category: CATEGORIES[cat] as LedgerConversation['category'],
				openedAt: t as EpochMs,
				expiresAt: expires as EpochMs,
				closedAt: null,
				charge: amount as Micros,
				openedBy: ev.index[i] as number,
				regime: regime.id
			};
			out.conversations.push(cv);
			conv[cat] = cv;
			convEnd[cat] = expires;
			out.conversation[i] = cv.id;
			out.until[i] = expires;
			continue;
		}

		// Per-message pricing (§2.2, §2.6).
		if (freeForm) {
			if (regime.service === 'free') {
				out.code[i] = C.service_message_free;
				out.until[i] = cswEnd;
			} else if (ctx.freeTier2026 && useFreeTier(day.month, PMP_FREE_SERVICE_MESSAGES)) {
				freeUsed++;
				out.freeTierUsed[i] = freeUsed;
				out.code[i] = C.service_message_free_tier;
			} else {
				const s = ctx.serviceRate(day, regime);
				charge(i, RATE_CATEGORIES.indexOf(s.category), s.lookup);
				out.code[i] = C.service_message_charged;
			}
			continue;
		}
		if (cat === UTILITY && open(convEnd[UTILITY] as number, t)) {
			// A utility conversation opened before 2025-07-01 spans the switch (§2.2 transition).
			const cv = conv[UTILITY] as LedgerConversation;
			out.code[i] = C.utility_in_spanning_conversation;
			out.conversation[i] = cv.id;
			out.until[i] = cv.expiresAt;
			continue;
		}
		if (cat === UTILITY && regime.utilityFreeInServiceWindow && open(cswEnd, t)) {
			out.code[i] = C.utility_in_service_window;
			out.until[i] = cswEnd;
			continue;
		}
		const rc = ctx.rateCategoryFor(CATEGORIES[cat] as 'marketing', day);
		const tiered = tiers.charge(day, rc, regime, day.rate(rc, regime));
		if (tiered.tier) out.tier[i] = tiered.tier;
		charge(i, RATE_CATEGORIES.indexOf(rc), tiered.lookup);
		out.code[i] = C.template_charged;
	}
	return out;
}

/** The per-event decision both engines produce; `materialize` turns a list of them into a ledger. */
export interface Decision {
	code: ReasonCode;
	charge: number;
	conversation: number | null;
	until: number | null;
	freeTierUsed: number | null;
	rateCategory: RateCategory | null;
	unpriced: boolean;
	regime: Regime;
	/** The volume tier of a tiered per-message charge, or why it is unknown; null when no tiers apply. */
	tier: TierDecision | null;
}

export function kernelDecision(out: KernelOutput, i: number): Decision {
	const rc = out.rateCategory[i] as number;
	const conv = out.conversation[i] as number;
	const until = out.until[i] as number;
	const used = out.freeTierUsed[i] as number;
	return {
		code: REASON_CODES[out.code[i] as number] as ReasonCode,
		charge: out.charge[i] as number,
		conversation: conv < 0 ? null : conv,
		until: Number.isNaN(until) ? null : until,
		freeTierUsed: used < 0 ? null : used,
		rateCategory: rc === NO_RATE ? null : (RATE_CATEGORIES[rc] as RateCategory),
		unpriced: out.unpriced[i] === 1,
		regime: out.regime[i] as Regime,
		tier: out.tier[i] ?? null
	};
}
