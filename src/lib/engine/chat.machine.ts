/**
 * One chat between a business and a customer, under the regime of each message's moment. It owns
 * the windows as XState children — the customer service window, the free entry point and one
 * conversation per category — and decides each business message by the rows of the rules table
 * (rules.ts): one named guard per row, in the table's order, each row's effect an action. Decisions
 * and the windows and conversations it opens leave the machine as emitted events; nothing outside
 * it is written. Time comes only from events: the replay sends TICK { at } before each message so
 * windows that have ended close first.
 */
import { assertEvent, enqueueActions, setup, type ActorRefFrom } from 'xstate';
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
import type { LedgerConversation, LedgerWindow } from './ledger';
import type { DayInfo, PricingContext } from './pricing-context';
import {
	MESSAGE_RULES,
	ruleAppliesIn,
	type Effect,
	type MessageFacts,
	type MessageRule,
	type ReasonCode
} from './rules';
import { serviceWindowMachine } from './service-window.machine';
import { VolumeTierCounter } from './volume-tier-counter';
import { closesAt } from './window-end';

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

/** What the chat tells its observer: every decision, and each window or conversation as it changes. */
export type ChatEmitted =
	| { type: 'decision'; decision: Decision }
	/** A window opened, or (customer service window) restarted: the record as it now stands, by id. */
	| { type: 'window'; window: LedgerWindow }
	| { type: 'conversation'; conversation: LedgerConversation }
	/** A free entry point closed an open conversation before it expired (§1.6). */
	| { type: 'conversationClosed'; id: number; at: number };

export interface ChatContext {
	pricing: PricingContext;
	csw: ActorRefFrom<typeof serviceWindowMachine>;
	fep: ActorRefFrom<typeof freeEntryPointMachine>;
	conversations: Record<ConversationCategory, ActorRefFrom<typeof conversationMachine>>;
	/** The ledger record of the customer service window now open (restarts move its end). */
	serviceWindow: LedgerWindow | null;
	windowCount: number;
	conversationCount: number;
	freeMonth: string;
	freeUsed: number;
	firstMonth: string | null;
	/** This run's monthly counts of tiered charges (volume tiers, §2.4). */
	tiers: VolumeTierCounter;
}

export interface ChatInput {
	pricing: PricingContext;
	firstAt: number | null;
	rules?: readonly MessageRule[];
}

const CATEGORY_ORDER: readonly ConversationCategory[] = ['marketing', 'utility', 'authentication', 'service'];

const isOpen = (ref: { getSnapshot(): { value: unknown } }) => ref.getSnapshot().value === 'open';
const dayOf = (context: ChatContext, at: number): DayInfo => context.pricing.dayAt(asEpochMs(at));

/** The open conversation a message rides on: its own category; for free-form, service first, else the oldest. */
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

/** Free-tier units used this month (the counter restarts each month in the account's zone). */
function freeTierState(context: ChatContext, at: number): { month: string; used: number } {
	const month = dayOf(context, at).month;
	if (month === context.freeMonth) return { month, used: context.freeUsed };
	return { month, used: month === context.firstMonth ? context.pricing.initialFreeUsed : 0 };
}

// Facts are computed once per message and shared by every row's guard and the deciding action.
const factsMemo = new WeakMap<object, MessageFacts>();

function factsOf(context: ChatContext, event: BusinessEvent): MessageFacts {
	let f = factsMemo.get(event);
	if (f) return f;
	const day = dayOf(context, event.at);
	const regime = context.pricing.regimeFor(day);
	const ride = regime.model === 'CBP' ? rideable(context, event) : null;
	const used = freeTierState(context, event.at).used;
	f = {
		regime,
		freeForm: event.freeForm,
		category: event.category,
		delivered: event.delivered,
		serviceWindowOpen: isOpen(context.csw),
		freeEntryPointOpen: isOpen(context.fep),
		freeEntryPointOffered: context.fep.getSnapshot().value === 'eligible',
		usMarketingPaused: day.market.isUnitedStates && day.date >= US_MARKETING_PAUSE_FROM,
		rideable: ride ? ride.getSnapshot().context.category : null,
		freeTierLeft:
			regime.model === 'CBP'
				? used < CBP_FREE_SERVICE_CONVERSATIONS
				: context.pricing.freeTier2026 && used < PMP_FREE_SERVICE_MESSAGES,
		utilityConversationOpen: isOpen(context.conversations.utility)
	};
	factsMemo.set(event, f);
	return f;
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

const priced = (category: RateCategory, lookup: RateLookup): Partial<Decision> => ({
	rateCategory: category,
	charge: lookup.ok ? lookup.rate : 0,
	unpriced: !lookup.ok
});

/** The machine for a rules table; the app's is `chatMachine` (MESSAGE_RULES). */
export function createChatMachine(rules: readonly MessageRule[]) {
	/** One guard per row, named by its reason code. */
	const guards = Object.fromEntries(
		rules.map((rule) => [
			rule.code,
			({ context, event }: { context: ChatContext; event: ChatEvent }) => {
				assertEvent(event, 'BUSINESS_MESSAGE');
				const f = factsOf(context, event);
				return ruleAppliesIn(rule, f.regime.id) && rule.when(f);
			}
		])
	);

	return setup({
		types: {
			context: {} as ChatContext,
			events: {} as ChatEvent,
			emitted: {} as ChatEmitted,
			input: {} as ChatInput
		},
		actors: { serviceWindowMachine, freeEntryPointMachine, conversationMachine },
		guards,
		actions: {
			forwardTick: enqueueActions(({ context, event, enqueue }) => {
				assertEvent(event, 'TICK');
				// Only windows whose end has come are told the time; the rest would ignore it anyway.
				const inclusive = context.pricing.inclusiveEnd;
				const due = (end: number | null) => end !== null && closesAt(end, inclusive) <= event.at;
				const tick = { type: 'TICK' as const, at: event.at };
				const csw = context.csw.getSnapshot();
				if (csw.value === 'open' && due(csw.context.expiresAt)) {
					enqueue.sendTo(context.csw, tick);
					enqueue.assign({ serviceWindow: null });
				}
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
				assertEvent(event, 'CUSTOMER_MESSAGE');
				const at = asEpochMs(event.at);
				const until = addDuration(at, CUSTOMER_SERVICE_WINDOW);
				const open = context.serviceWindow !== null && isOpen(context.csw);
				const window: LedgerWindow = open
					? { ...(context.serviceWindow as LedgerWindow), expiresAt: until, lastResetAt: at }
					: {
							id: context.windowCount,
							kind: 'customer_service',
							openedAt: at,
							expiresAt: until,
							lastResetAt: at,
							openedBy: event.index
						};
				enqueue.assign({ serviceWindow: window, windowCount: context.windowCount + (open ? 0 : 1) });
				enqueue.emit({ type: 'window', window });
				enqueue.sendTo(context.csw, { type: 'CUSTOMER_MESSAGE', at: event.at });
				if (event.entryPoint) enqueue.sendTo(context.fep, { type: 'ENTRY_POINT_MESSAGE', at: event.at });
				const regime = context.pricing.regimeFor(dayOf(context, event.at));
				enqueue.emit({
					type: 'decision',
					decision: decision(regime, event.entryPoint ? 'received_entry_point' : 'received', { until })
				});
			}),
			/** A business message decided by the row `params.code`: the row's effect, then the decision. */
			applyRule: enqueueActions(
				({ context, event, enqueue }, params: { code: ReasonCode; effect: Effect }) => {
					assertEvent(event, 'BUSINESS_MESSAGE');
					const f = factsOf(context, event);
					const day = dayOf(context, event.at);
					const regime = f.regime;
					const at = asEpochMs(event.at);
					const d = (extra: Partial<Decision> = {}) => decision(regime, params.code, extra);
					const openConversation = (extra: Partial<Decision>): Decision => {
						const id = context.conversationCount;
						const until = addDuration(at, CONVERSATION_DURATION);
						enqueue.emit({
							type: 'conversation',
							conversation: {
								id,
								category: event.category,
								openedAt: at,
								expiresAt: until,
								closedAt: null,
								charge: (extra.charge ?? 0) as Micros,
								openedBy: event.index,
								regime: regime.id
							}
						});
						enqueue.sendTo(context.conversations[event.category], { type: 'OPEN', at: event.at, id });
						enqueue.assign({ conversationCount: id + 1 });
						return d({ ...extra, conversation: id, until });
					};
					const useFreeTier = (): number => {
						const s = freeTierState(context, event.at);
						enqueue.assign({ freeMonth: s.month, freeUsed: s.used + 1 });
						return s.used + 1;
					};
					let out: Decision;
					switch (params.effect) {
						case 'none':
							out = d();
							break;
						case 'inFreeEntryPoint':
							out = d({ until: context.fep.getSnapshot().context.expiresAt });
							break;
						case 'openFreeEntryPoint': {
							const until = addDuration(at, FREE_ENTRY_POINT_DURATION);
							enqueue.emit({
								type: 'window',
								window: {
									id: context.windowCount,
									kind: 'free_entry_point',
									openedAt: at,
									expiresAt: until,
									lastResetAt: at,
									openedBy: event.index
								}
							});
							enqueue.assign({ windowCount: context.windowCount + 1 });
							enqueue.sendTo(context.fep, { type: 'BUSINESS_REPLY', at: event.at });
							// "it automatically closes all other open conversations" (§1.6).
							for (const ref of Object.values(context.conversations)) {
								if (!isOpen(ref)) continue;
								const id = ref.getSnapshot().context.id;
								if (id !== null) enqueue.emit({ type: 'conversationClosed', id, at });
								enqueue.sendTo(ref, { type: 'CLOSE', at: event.at });
							}
							out = d({ until });
							break;
						}
						case 'ride': {
							const c = rideable(context, event)?.getSnapshot().context;
							out = d({ conversation: c?.id ?? null, until: c?.expiresAt ?? null });
							break;
						}
						case 'openFreeConversation':
							out = openConversation({});
							break;
						case 'openFreeTierConversation':
							out = openConversation({ freeTierUsed: useFreeTier() });
							break;
						case 'openChargedConversation': {
							const rc: RateCategory = event.freeForm
								? 'service'
								: context.pricing.rateCategoryFor(event.category as 'marketing', day);
							out = openConversation(priced(rc, day.rate(rc, regime)));
							break;
						}
						case 'inServiceWindow':
							out = d({ until: context.csw.getSnapshot().context.expiresAt });
							break;
						case 'useMessageFreeTier':
							out = d({ freeTierUsed: useFreeTier() });
							break;
						case 'chargeService': {
							const s = context.pricing.serviceRate(day, regime);
							out = d(priced(s.category, s.lookup));
							break;
						}
						case 'rideSpanningUtility': {
							const c = context.conversations.utility.getSnapshot().context;
							out = d({ conversation: c.id, until: c.expiresAt });
							break;
						}
						case 'chargeTemplate': {
							const rc = context.pricing.rateCategoryFor(event.category as 'marketing', day);
							const tiered = context.tiers.charge(day, rc, regime, day.rate(rc, regime));
							out = d({ ...priced(rc, tiered.lookup), tier: tiered.tier });
							break;
						}
					}
					enqueue.emit({ type: 'decision', decision: out });
				}
			)
		}
	}).createMachine({
		id: 'chat',
		context: ({ input, spawn }) => {
			const { pricing, firstAt } = input;
			const inclusive = pricing.inclusiveEnd;
			const conversation = (category: ConversationCategory) =>
				spawn('conversationMachine', { id: `conversation.${category}`, input: { category, inclusive } });
			const first = firstAt === null ? null : pricing.dayAt(asEpochMs(firstAt));
			return {
				pricing,
				csw: spawn('serviceWindowMachine', { id: 'serviceWindow', input: { inclusive } }),
				fep: spawn('freeEntryPointMachine', { id: 'freeEntryPoint', input: { inclusive } }),
				conversations: {
					marketing: conversation('marketing'),
					utility: conversation('utility'),
					authentication: conversation('authentication'),
					service: conversation('service')
				},
				serviceWindow: null,
				windowCount: 0,
				conversationCount: 0,
				freeMonth: '',
				freeUsed: 0,
				firstMonth: first?.month ?? null,
				tiers: new VolumeTierCounter(pricing, first?.month ?? null, first?.market.market ?? null)
			};
		},
		on: {
			TICK: { actions: 'forwardTick' },
			CUSTOMER_MESSAGE: { actions: 'receiveCustomerMessage' },
			// The rules table, row by row: the first guard that holds decides.
			BUSINESS_MESSAGE: rules.map((rule) => ({
				guard: rule.code,
				actions: {
					type: 'applyRule' as const,
					params: { code: rule.code as ReasonCode, effect: rule.effect }
				}
			}))
		}
	});
}

export const chatMachine = createChatMachine(MESSAGE_RULES);
export type ChatActor = ActorRefFrom<typeof chatMachine>;
