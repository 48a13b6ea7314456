/**
 * One chat between a business and a customer, under the regime of each message's moment. It owns
 * the window machines as children — the customer service window, the free entry point and one
 * conversation per category — and decides every message's outcome with guards read in order, the
 * rules of pricing-rules.md §1.3–§1.7, §2 and §6 (summarised in §7). Time comes only from events:
 * the replay sends TICK { at } before each message so expired windows close first.
 */
import { and, assign, enqueueActions, not, setup, type ActorRefFrom } from 'xstate';
import {
	CBP_FREE_SERVICE_CONVERSATIONS,
	PMP_FREE_SERVICE_MESSAGES,
	US_MARKETING_PAUSE_FROM,
	type Regime
} from '$lib/domain/regimes';
import type { ConversationCategory } from '$lib/domain/scenario';
import type { RateCategory, RateLookup } from '$lib/domain/rate-card';
import {
	addDuration,
	asEpochMs,
	CONVERSATION_DURATION,
	CUSTOMER_SERVICE_WINDOW,
	FREE_ENTRY_POINT_DURATION,
	type Micros
} from '$lib/domain/units';
import { conversationMachine } from './conversation.machine';
import { freeEntryPointMachine } from './free-entry-point.machine';
import type { Decision } from './kernel';
import type { LedgerConversation, LedgerWindow, ReasonCode } from './ledger';
import type { DayInfo, PricingContext } from './pricing-context';
import { serviceWindowMachine } from './service-window.machine';
import { VolumeTierCounter } from './volume-tier-counter';

/** Where the chat writes the conversations and windows it opens: the ledger's log, not machine state. */
export interface ChatLog {
	conversations: LedgerConversation[];
	windows: LedgerWindow[];
	/** Ledger record of the customer service window currently open (restarts extend it). */
	openServiceWindow: LedgerWindow | null;
	/** The outcome of the last message event, read by the replay after each send. */
	decision: Decision | null;
}

export type ChatEvent =
	| { type: 'CUSTOMER_MESSAGE'; index: number; at: number; entryPoint: boolean }
	| {
			type: 'BUSINESS_MESSAGE';
			index: number;
			at: number;
			freeForm: boolean;
			category: ConversationCategory;
			delivered: boolean;
	  }
	| { type: 'TICK'; at: number };

type BusinessEvent = Extract<ChatEvent, { type: 'BUSINESS_MESSAGE' }>;

export interface ChatContext {
	pricing: PricingContext;
	log: ChatLog;
	csw: ActorRefFrom<typeof serviceWindowMachine>;
	fep: ActorRefFrom<typeof freeEntryPointMachine>;
	conversations: Record<ConversationCategory, ActorRefFrom<typeof conversationMachine>>;
	freeMonth: string;
	freeUsed: number;
	firstMonth: string | null;
	/** This run's monthly counts of tiered charges (volume tiers, §2.4). */
	tiers: VolumeTierCounter;
}

const CATEGORY_ORDER: readonly ConversationCategory[] = ['marketing', 'utility', 'authentication', 'service'];

const isOpen = (ref: { getSnapshot(): { value: unknown } }) => ref.getSnapshot().value === 'open';
const dayOf = (context: ChatContext, at: number): DayInfo => context.pricing.dayAt(asEpochMs(at));
const regimeOf = (context: ChatContext, at: number): Regime => context.pricing.regimeFor(dayOf(context, at));
const business = (event: ChatEvent): BusinessEvent => event as BusinessEvent;

/** The open conversation a free-form message rides on: service first, else the oldest one open. */
function rideable(context: ChatContext, event: BusinessEvent) {
	if (!event.freeForm) {
		const own = context.conversations[event.category];
		return isOpen(own) ? own : null;
	}
	if (isOpen(context.conversations.service)) return context.conversations.service;
	let best: ActorRefFrom<typeof conversationMachine> | null = null;
	for (const c of CATEGORY_ORDER) {
		const ref = context.conversations[c];
		if (c === 'service' || !isOpen(ref)) continue;
		if (!best || (ref.getSnapshot().context.openedAt ?? 0) < (best.getSnapshot().context.openedAt ?? 0))
			best = ref;
	}
	return best;
}

/** Free-tier units left this month (the counter restarts each month in the account's zone). */
function freeTierState(context: ChatContext, at: number): { month: string; used: number } {
	const month = dayOf(context, at).month;
	if (month === context.freeMonth) return { month, used: context.freeUsed };
	return { month, used: month === context.firstMonth ? context.pricing.initialFreeUsed : 0 };
}

function decision(regime: Regime, code: ReasonCode, extra: Partial<Decision> = {}): Decision {
	return {
		code,
		charge: 0,
		conversation: null,
		until: null,
		freeTierUsed: null,
		rateCategory: null,
		unpriced: false,
		regime,
		tier: null,
		...extra
	};
}

function priced(
	regime: Regime,
	code: ReasonCode,
	category: RateCategory,
	lookup: RateLookup,
	extra: Partial<Decision> = {}
) {
	return decision(regime, code, {
		rateCategory: category,
		charge: lookup.ok ? lookup.rate : 0,
		unpriced: !lookup.ok,
		...extra
	});
}

export const chatMachine = setup({
	types: {
		context: {} as ChatContext,
		events: {} as ChatEvent,
		input: {} as { pricing: PricingContext; log: ChatLog; firstAt: number | null }
	},
	actors: { serviceWindowMachine, freeEntryPointMachine, conversationMachine },
	guards: {
		isFreeForm: ({ event }) => business(event).freeForm,
		outsideServiceWindow: ({ context, event }) => business(event).freeForm && !isOpen(context.csw),
		undelivered: ({ event }) => !business(event).delivered,
		usMarketingPaused: ({ context, event }) => {
			const e = business(event);
			const day = dayOf(context, e.at);
			return (
				e.category === 'marketing' &&
				!e.freeForm &&
				day.market.isUnitedStates &&
				day.date >= US_MARKETING_PAUSE_FROM
			);
		},
		inFreeEntryPoint: ({ context }) => isOpen(context.fep),
		freeEntryPointEligible: ({ context }) => context.fep.getSnapshot().value === 'eligible',
		conversationBased: ({ context, event }) => regimeOf(context, business(event).at).model === 'CBP',
		conversationToRideOpen: ({ context, event }) => rideable(context, business(event)) !== null,
		serviceIsFree: ({ context, event }) => regimeOf(context, business(event).at).service === 'free',
		conversationFreeTierLeft: ({ context, event }) =>
			freeTierState(context, business(event).at).used < CBP_FREE_SERVICE_CONVERSATIONS,
		messageFreeTierLeft: ({ context, event }) =>
			context.pricing.freeTier2026 &&
			freeTierState(context, business(event).at).used < PMP_FREE_SERVICE_MESSAGES,
		spanningUtilityConversationOpen: ({ context, event }) =>
			business(event).category === 'utility' && isOpen(context.conversations.utility),
		utilityFreeInServiceWindow: ({ context, event }) => {
			const e = business(event);
			return (
				e.category === 'utility' && regimeOf(context, e.at).utilityFreeInServiceWindow && isOpen(context.csw)
			);
		}
	},
	actions: {
		forwardTick: enqueueActions(({ context, event, enqueue }) => {
			if (event.type !== 'TICK') return;
			// Only windows whose end has come are told the time; the rest would ignore it anyway.
			const shift = context.pricing.inclusiveEnd ? 1 : 0;
			const due = (end: number | null) => end !== null && end + shift <= event.at;
			const tick = { type: 'TICK' as const, at: event.at };
			const csw = context.csw.getSnapshot();
			if (csw.value === 'open' && due(csw.context.expiresAt)) enqueue.sendTo(context.csw, tick);
			const fep = context.fep.getSnapshot();
			if (
				(fep.value === 'open' && due(fep.context.expiresAt)) ||
				(fep.value === 'eligible' && due(fep.context.eligibleUntil))
			)
				enqueue.sendTo(context.fep, tick);
			for (const ref of Object.values(context.conversations)) {
				const s = ref.getSnapshot();
				if (s.value === 'open' && due(s.context.expiresAt)) enqueue.sendTo(ref, tick);
			}
		}),
		receiveCustomerMessage: enqueueActions(({ context, event, enqueue }) => {
			if (event.type !== 'CUSTOMER_MESSAGE') return;
			const until = addDuration(asEpochMs(event.at), CUSTOMER_SERVICE_WINDOW);
			let record = context.log.openServiceWindow;
			if (record && isOpen(context.csw)) {
				record.expiresAt = until;
				record.lastResetAt = asEpochMs(event.at);
			} else {
				record = {
					id: context.log.windows.length,
					kind: 'customer_service',
					openedAt: asEpochMs(event.at),
					expiresAt: until,
					lastResetAt: asEpochMs(event.at),
					openedBy: event.index
				};
				context.log.windows.push(record);
			}
			enqueue.sendTo(context.csw, { type: 'CUSTOMER_MESSAGE', at: event.at });
			if (event.entryPoint) enqueue.sendTo(context.fep, { type: 'ENTRY_POINT_MESSAGE', at: event.at });
			const regime = regimeOf(context, event.at);
			context.log.openServiceWindow = record;
			context.log.decision = decision(regime, event.entryPoint ? 'received_entry_point' : 'received', {
				until
			});
		}),
		decideBlocked: ({ context, event }) => {
			context.log.decision = decision(regimeOf(context, business(event).at), 'blocked_outside_window');
		},
		decideUndelivered: ({ context, event }) => {
			context.log.decision = decision(regimeOf(context, business(event).at), 'not_delivered');
		},
		decideUsMarketingPaused: ({ context, event }) => {
			context.log.decision = decision(regimeOf(context, business(event).at), 'us_marketing_paused');
		},
		decideInFreeEntryPoint: ({ context, event }) => {
			context.log.decision = decision(regimeOf(context, business(event).at), 'in_free_entry_point', {
				until: context.fep.getSnapshot().context.expiresAt
			});
		},
		openFreeEntryPoint: enqueueActions(({ context, event, enqueue }) => {
			const e = business(event);
			const at = asEpochMs(e.at);
			const until = addDuration(at, FREE_ENTRY_POINT_DURATION);
			context.log.windows.push({
				id: context.log.windows.length,
				kind: 'free_entry_point',
				openedAt: at,
				expiresAt: until,
				lastResetAt: at,
				openedBy: e.index
			});
			enqueue.sendTo(context.fep, { type: 'BUSINESS_REPLY', at: e.at });
			// "it automatically closes all other open conversations" (§1.6).
			for (const ref of Object.values(context.conversations)) {
				if (!isOpen(ref)) continue;
				const id = ref.getSnapshot().context.id;
				const record = id === null ? undefined : context.log.conversations[id];
				if (record) record.closedAt = at;
				enqueue.sendTo(ref, { type: 'CLOSE', at: e.at });
			}
			context.log.decision = decision(regimeOf(context, e.at), 'free_entry_point_opened', { until });
		}),
		rideConversation: ({ context, event }) => {
			const e = business(event);
			const ref = rideable(context, e);
			const c = ref?.getSnapshot().context;
			const code: ReasonCode =
				e.freeForm && c?.category !== 'service' ? 'free_form_in_open_conversation' : 'in_open_conversation';
			context.log.decision = decision(regimeOf(context, e.at), code, {
				conversation: c?.id ?? null,
				until: c?.expiresAt ?? null
			});
		},
		openConversation: enqueueActions(({ context, event, enqueue }) => {
			const e = business(event);
			const day = dayOf(context, e.at);
			const regime = context.pricing.regimeFor(day);
			const id = context.log.conversations.length;
			const until = addDuration(asEpochMs(e.at), CONVERSATION_DURATION);
			let d: Decision;
			let freeTier: { freeMonth: string; freeUsed: number } | null = null;
			if (e.freeForm && regime.service === 'free') d = decision(regime, 'service_conversation_free');
			else if (e.freeForm && freeTierState(context, e.at).used < CBP_FREE_SERVICE_CONVERSATIONS) {
				const s = freeTierState(context, e.at);
				freeTier = { freeMonth: s.month, freeUsed: s.used + 1 };
				d = decision(regime, 'service_free_tier', { freeTierUsed: s.used + 1 });
			} else {
				const rc: RateCategory = e.freeForm
					? 'service'
					: context.pricing.rateCategoryFor(e.category as 'marketing', day);
				d = priced(regime, 'conversation_opened', rc, day.rate(rc, regime));
			}
			d = { ...d, conversation: id, until };
			context.log.conversations.push({
				id,
				category: e.category,
				openedAt: asEpochMs(e.at),
				expiresAt: until,
				closedAt: null,
				charge: d.charge as Micros,
				openedBy: e.index,
				regime: regime.id
			});
			enqueue.sendTo(context.conversations[e.category], { type: 'OPEN', at: e.at, id });
			context.log.decision = d;
			if (freeTier) enqueue.assign(freeTier);
		}),
		decideServiceMessageFree: ({ context, event }) => {
			context.log.decision = decision(regimeOf(context, business(event).at), 'service_message_free', {
				until: context.csw.getSnapshot().context.expiresAt
			});
		},
		useMessageFreeTier: assign(({ context, event }) => {
			const s = freeTierState(context, business(event).at);
			context.log.decision = decision(regimeOf(context, business(event).at), 'service_message_free_tier', {
				freeTierUsed: s.used + 1
			});
			return { freeMonth: s.month, freeUsed: s.used + 1 };
		}),
		chargeServiceMessage: ({ context, event }) => {
			const day = dayOf(context, business(event).at);
			const regime = context.pricing.regimeFor(day);
			const s = context.pricing.serviceRate(day, regime);
			context.log.decision = priced(regime, 'service_message_charged', s.category, s.lookup);
		},
		rideSpanningUtility: ({ context, event }) => {
			const c = context.conversations.utility.getSnapshot().context;
			context.log.decision = decision(
				regimeOf(context, business(event).at),
				'utility_in_spanning_conversation',
				{
					conversation: c.id,
					until: c.expiresAt
				}
			);
		},
		decideUtilityInServiceWindow: ({ context, event }) => {
			context.log.decision = decision(regimeOf(context, business(event).at), 'utility_in_service_window', {
				until: context.csw.getSnapshot().context.expiresAt
			});
		},
		chargeTemplate: ({ context, event }) => {
			const e = business(event);
			const day = dayOf(context, e.at);
			const regime = context.pricing.regimeFor(day);
			const rc = context.pricing.rateCategoryFor(e.category as 'marketing', day);
			const tiered = context.tiers.charge(day, rc, regime, day.rate(rc, regime));
			context.log.decision = priced(regime, 'template_charged', rc, tiered.lookup, { tier: tiered.tier });
		}
	}
}).createMachine({
	id: 'chat',
	context: ({ input, spawn }) => {
		const inclusive = input.pricing.inclusiveEnd;
		const conversation = (category: ConversationCategory) =>
			spawn('conversationMachine', { id: `conversation.${category}`, input: { category, inclusive } });
		return {
			pricing: input.pricing,
			log: input.log,
			csw: spawn('serviceWindowMachine', { id: 'serviceWindow', input: { inclusive } }),
			fep: spawn('freeEntryPointMachine', { id: 'freeEntryPoint', input: { inclusive } }),
			conversations: {
				marketing: conversation('marketing'),
				utility: conversation('utility'),
				authentication: conversation('authentication'),
				service: conversation('service')
			},
			freeMonth: '',
			freeUsed: 0,
			firstMonth: input.firstAt === null ? null : input.pricing.dayAt(asEpochMs(input.firstAt)).month,
			tiers: new VolumeTierCounter(
				input.pricing,
				input.firstAt === null ? null : input.pricing.dayAt(asEpochMs(input.firstAt)).month,
				input.firstAt === null ? null : input.pricing.dayAt(asEpochMs(input.firstAt)).market.market
			)
		};
	},
	on: {
		TICK: { actions: 'forwardTick' },
		CUSTOMER_MESSAGE: { actions: 'receiveCustomerMessage' },
		BUSINESS_MESSAGE: [
			{ guard: 'outsideServiceWindow', actions: 'decideBlocked' },
			{ guard: 'undelivered', actions: 'decideUndelivered' },
			{ guard: 'usMarketingPaused', actions: 'decideUsMarketingPaused' },
			{ guard: 'inFreeEntryPoint', actions: 'decideInFreeEntryPoint' },
			{ guard: 'freeEntryPointEligible', actions: 'openFreeEntryPoint' },
			// Conversation-based pricing (§1.3–§1.7).
			{ guard: and(['conversationBased', 'conversationToRideOpen']), actions: 'rideConversation' },
			{ guard: 'conversationBased', actions: 'openConversation' },
			// Per-message pricing (§2.2, §2.6).
			{ guard: and(['isFreeForm', 'serviceIsFree']), actions: 'decideServiceMessageFree' },
			{ guard: and(['isFreeForm', 'messageFreeTierLeft']), actions: 'useMessageFreeTier' },
			{ guard: 'isFreeForm', actions: 'chargeServiceMessage' },
			{ guard: 'spanningUtilityConversationOpen', actions: 'rideSpanningUtility' },
			{ guard: 'utilityFreeInServiceWindow', actions: 'decideUtilityInServiceWindow' },
			{ guard: not('isFreeForm'), actions: 'chargeTemplate' }
		]
	}
});

export type ChatActor = ActorRefFrom<typeof chatMachine>;
