/**
 * The bulk path: the rules table (rules.ts) evaluated over events packed in typed arrays, without
 * XState. The same rows as the chat machine decide each message; only the facts are computed here
 * from compact state (window ends as numbers). Two jobs: the fast path for forecasts and large runs
 * (benchmarked in bench/), and the second engine the property tests compare the machines against.
 * Keep it allocation-free per event: no strings, no objects in the loop except when a conversation
 * or window opens.
 */
import {
	CBP_FREE_SERVICE_CONVERSATIONS,
	PMP_FREE_SERVICE_MESSAGES,
	US_MARKETING_PAUSE_FROM,
	type Regime
} from '$lib/domain/regimes';
import type { ConversationCategory, TimedEvent } from '$lib/domain/scenario';
import type { RateCategory, RateLookup } from '$lib/domain/rate-card';
import {
	CONVERSATION_DURATION,
	CUSTOMER_SERVICE_WINDOW,
	FREE_ENTRY_POINT_DURATION,
	FREE_ENTRY_POINT_REPLY_LIMIT,
	type EpochMs,
	type Micros
} from '$lib/domain/units';
import type { LedgerConversation, LedgerWindow } from './ledger';
import {
	MESSAGE_RULES,
	REASON_CODES,
	firstThatHolds,
	rowsFor,
	type MessageFacts,
	type MessageRule,
	type ReasonCode
} from './rules';
import type { PricingContext } from './pricing-context';
import type { SnapshotSink } from './snapshots';
import { VolumeTierCounter, type TierDecision } from './volume-tier-counter';

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

/** What records the snapshots `stateAt` needs, given the run's live lists of windows and conversations. */
export type SnapshotSinkFactory<R extends SnapshotSink | null> = (
	windows: readonly LedgerWindow[],
	conversations: readonly LedgerConversation[]
) => R;

export function runKernel<R extends SnapshotSink | null = null>(
	ev: EncodedEvents,
	ctx: PricingContext,
	rules: readonly MessageRule[] = MESSAGE_RULES,
	/**
	 * Records the snapshots `stateAt` needs: as objects (kernelReplay, snapshots.ts) or as columns (the
	 * pricing worker, snapshot-columns.ts); none by default (forecasts, the bench).
	 */
	record?: SnapshotSinkFactory<R>
): KernelOutput & { recorder: R } {
	const n = ev.length;
	const out: KernelOutput & { recorder: R } = {
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
		windows: [],
		recorder: null as R
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
	// One facts object, refilled for every business message (no allocation in the loop).
	const facts: MessageFacts = {
		regime: ctx.regimeFor(ctx.dayAt((n > 0 ? ev.t[0] : 0) as EpochMs)),
		freeForm: false,
		category: 'service',
		delivered: true,
		serviceWindowOpen: false,
		freeEntryPointOpen: false,
		freeEntryPointOffered: false,
		usMarketingPaused: false,
		rideable: null,
		freeTierLeft: false,
		utilityConversationOpen: false
	};

	const openConversation = (i: number, t: number, cat: number, regime: Regime, amount: number) => {
		const expires = t + CONVERSATION_DURATION;
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
	};
	const recorder = (out.recorder = record ? record(out.windows, out.conversations) : (null as R));
	let fepId = -1;
	let rowsRegime: Regime | null = null;
	let rows: readonly MessageRule[] = rules;
	/** After event j: the state the snapshot records (the same as the machines report). */
	const snapshotAfter = (j: number, rec: SnapshotSink) => {
		const t = ev.t[j] as number;
		const kind = ev.kind[j] as number;
		const customer = kind === KIND_CUSTOMER || kind === KIND_CUSTOMER_ENTRY;
		rec.count(
			customer ? null : (CATEGORIES[ev.category[j] as number] as ConversationCategory),
			out.charge[j] as number
		);
		const ids: number[] = [];
		for (let c = 0; c < 4; c++) {
			const cv = conv[c];
			if (cv && open(convEnd[c] as number, t)) ids.push(cv.id);
		}
		if (ids.length > 1) ids.sort((a, b) => a - b);
		rec.take(t, {
			serviceWindow: csw && open(cswEnd, t) ? csw : null,
			freeEntryPoint: fepId >= 0 && open(fepEnd, t) ? fepId : null,
			conversations: ids
		});
	};

	for (let i = 0; i < n; i++) {
		const t = ev.t[i] as number;
		const kind = ev.kind[i] as number;
		if (recorder) {
			if (i > 0) snapshotAfter(i - 1, recorder);
			recorder.endsUntil(t);
		}
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
		// The facts at this message, from the compact state; then the first row of the table that holds.
		let ride = -1;
		if (regime.model === 'CBP') {
			if (!freeForm) ride = open(convEnd[cat] as number, t) ? cat : -1;
			else if (open(convEnd[SERVICE] as number, t)) ride = SERVICE;
			else
				for (let c = 0; c < 3; c++) {
					if (!open(convEnd[c] as number, t)) continue;
					if (
						ride < 0 ||
						(conv[c] as LedgerConversation).openedAt < (conv[ride] as LedgerConversation).openedAt
					)
						ride = c;
				}
		}
		// Free tiers reset at the start of each month in the account's zone; the scenario says how
		// many units were already used in the month it starts in.
		const month = day.month;
		if (month !== freeMonth) {
			freeMonth = month;
			freeUsed = month === firstMonth ? ctx.initialFreeUsed : 0;
		}
		facts.regime = regime;
		facts.freeForm = freeForm;
		facts.category = CATEGORIES[cat] as ConversationCategory;
		facts.delivered = ev.delivered[i] === 1;
		facts.serviceWindowOpen = open(cswEnd, t);
		facts.freeEntryPointOpen = open(fepEnd, t);
		facts.freeEntryPointOffered = !facts.freeEntryPointOpen && open(fepEligibleUntil, t);
		facts.usMarketingPaused = day.market.isUnitedStates && day.date >= US_MARKETING_PAUSE_FROM;
		facts.rideable = ride < 0 ? null : (CATEGORIES[ride] as ConversationCategory);
		facts.freeTierLeft =
			regime.model === 'CBP'
				? freeUsed < CBP_FREE_SERVICE_CONVERSATIONS
				: ctx.freeTier2026 && freeUsed < PMP_FREE_SERVICE_MESSAGES;
		facts.utilityConversationOpen = open(convEnd[UTILITY] as number, t);
		// Rows already filtered by regime: only their conditions are evaluated here.
		if (regime !== rowsRegime) {
			rowsRegime = regime;
			rows = rowsFor(rules, regime.id);
		}
		const rule = firstThatHolds(rows, facts);
		out.code[i] = C[rule.code as ReasonCode];

		switch (rule.effect) {
			case 'none':
				break;
			case 'inFreeEntryPoint':
				out.until[i] = fepEnd;
				break;
			case 'openFreeEntryPoint':
				// A free entry point opens, closing every open conversation (§1.6).
				fepEnd = t + FREE_ENTRY_POINT_DURATION;
				fepEligibleUntil = -Infinity;
				fepId = out.windows.length;
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
				out.until[i] = fepEnd;
				break;
			case 'ride': {
				const cv = conv[ride] as LedgerConversation;
				out.conversation[i] = cv.id;
				out.until[i] = cv.expiresAt;
				break;
			}
			case 'openFreeConversation':
				openConversation(i, t, cat, regime, 0);
				break;
			case 'openFreeTierConversation':
				freeUsed++;
				out.freeTierUsed[i] = freeUsed;
				openConversation(i, t, cat, regime, 0);
				break;
			case 'openChargedConversation': {
				const rc = freeForm ? 'service' : ctx.rateCategoryFor(CATEGORIES[cat] as 'marketing', day);
				openConversation(i, t, cat, regime, charge(i, RATE_CATEGORIES.indexOf(rc), day.rate(rc, regime)));
				break;
			}
			case 'inServiceWindow':
				out.until[i] = cswEnd;
				break;
			case 'useMessageFreeTier':
				freeUsed++;
				out.freeTierUsed[i] = freeUsed;
				break;
			case 'chargeService': {
				const s = ctx.serviceRate(day, regime);
				charge(i, RATE_CATEGORIES.indexOf(s.category), s.lookup);
				break;
			}
			case 'rideSpanningUtility': {
				const cv = conv[UTILITY] as LedgerConversation;
				out.conversation[i] = cv.id;
				out.until[i] = cv.expiresAt;
				break;
			}
			case 'chargeTemplate': {
				const rc = ctx.rateCategoryFor(CATEGORIES[cat] as 'marketing', day);
				const tiered = tiers.charge(day, rc, regime, day.rate(rc, regime));
				if (tiered.tier) out.tier[i] = tiered.tier;
				charge(i, RATE_CATEGORIES.indexOf(rc), tiered.lookup);
				break;
			}
		}
	}
	if (recorder) {
		if (n > 0) snapshotAfter(n - 1, recorder);
		recorder.endsUntil(Infinity);
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
